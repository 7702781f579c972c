"""The search half of the window: the search box, the tabs and the ranked result list.

It owns the key routing an agent relies on while typing (Up/Down/PgUp/PgDn move
through results without leaving the box, Enter activates, printable keys typed
on the list go back to the box) and reports the selected script. What to list
is decided by ``core.browse``; this panel only shows it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListView, QTabBar, QToolButton, QVBoxLayout, QWidget

from cs_companion.core.browse import TAB_ALL, TAB_FAVOURITES, Usage, scripts_for, tab_keys
from cs_companion.core.models import Script
from cs_companion.storage.stack import LoadedLibrary
from cs_companion.ui.platform_switch import PlatformSwitch
from cs_companion.ui.result_delegate import ResultDelegate
from cs_companion.ui.results_model import ResultsModel

HIGHLIGHT_MAX_CHARS = 12
MESSAGE_MIN_CHARS = 8  # shorter text is a search word, not a pasted customer message
PAGE_STEP = 5


class SearchPanel(QWidget):
    """Search box, tabs and results.

    Signals:
        current_changed(object): the selected script changed (a Script or None).
        activated(): Enter on the box or the list, or a double click: use the selected script.
        platform_changed(object): the current platform (a Platform or None) is now this one.
        platform_picked(str): the agent switched to this platform id (combo or Ctrl+P): worth saving.
        message_values(dict): values found in a pasted customer message (order number, courier…).
    """

    current_changed = Signal(object)
    activated = Signal()
    platform_changed = Signal(object)
    platform_picked = Signal(str)
    message_values = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded: LoadedLibrary | None = None
        self._usage = Usage()
        self._tab_keys: list[str] = [TAB_ALL]
        self.current: Script | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.top_row = QHBoxLayout()
        self.box = QLineEdit(self)
        self.box.setObjectName("search")
        self.box.setPlaceholderText(self.tr("搜索话术：中文 / 拼音 / 首字母，或粘贴客户消息"))
        self.box.setToolTip(self.box.placeholderText())
        self.box.setClearButtonEnabled(True)
        self.box.textChanged.connect(self._on_text_changed)
        self.box.installEventFilter(self)
        self.top_row.addWidget(self.box, 1)
        self._wanted_platform = ""
        self.platform_switch = PlatformSwitch(self)
        self.platform_switch.picked.connect(self._on_platform_picked)
        self.top_row.addWidget(self.platform_switch)
        layout.addLayout(self.top_row)
        self.tabs = QTabBar(self)
        self.tabs.setExpanding(False)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setDrawBase(False)
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        layout.addWidget(self.tabs)
        self.guess_label = QLabel(self.tr("没有完全匹配的话术，可能是："), self)
        self.guess_label.setObjectName("notes")
        self.guess_label.hide()
        layout.addWidget(self.guess_label)
        self.results = QListView(self)
        self.results.setObjectName("results")
        self.model = ResultsModel(self.results)
        self.delegate = ResultDelegate(self.results)
        self.results.setModel(self.model)
        self.results.setItemDelegate(self.delegate)
        self.results.setUniformItemSizes(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.results.selectionModel().currentChanged.connect(lambda cur, _prev: self._on_row_changed(cur.row()))
        self.results.doubleClicked.connect(lambda _index: self.activated.emit())
        self.results.installEventFilter(self)
        layout.addWidget(self.results, 1)

    def _on_text_changed(self, text: str) -> None:
        self.refresh()
        if len(text.strip()) >= MESSAGE_MIN_CHARS:
            from cs_companion.core.extract import extract_values

            values = extract_values(text)
            if values:
                self.message_values.emit(values)

    def add_tool_button(self, text: str, tooltip: str, leading: bool = False) -> QToolButton:
        """A small button beside the search box (the window's pin and menu)."""
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tooltip)
        self.top_row.insertWidget(0, button) if leading else self.top_row.addWidget(button)
        return button

    # ------------------------------------------------------------ content
    def set_library(self, loaded: LoadedLibrary, usage: Usage, keep: str | None = None) -> None:
        """Show a (new) library: rebuild the tabs, keep the tab and the selection where possible."""
        self._loaded = loaded
        self._usage = usage
        library = loaded.library
        current_key = self.current_tab()
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        self._tab_keys = tab_keys(library)
        for key in self._tab_keys:
            self.tabs.addTab(self._tab_title(key, library.category_name(key)))
        self.tabs.setCurrentIndex(self._tab_keys.index(current_key) if current_key in self._tab_keys else 0)
        self.tabs.blockSignals(False)
        self.platform_changed.emit(self.platform_switch.set_platforms(library, self._wanted_platform))
        self.refresh(keep=keep)

    # ------------------------------------------------------------ platform
    def set_platform(self, platform_id: str) -> None:
        """Work on ``platform_id`` (from the settings); a library without it falls back to the default."""
        self._wanted_platform = platform_id
        if self._loaded is None or platform_id == self.platform_switch.current_id():
            return
        self.platform_changed.emit(self.platform_switch.select(platform_id))
        self.refresh(keep=self.current.id if self.current else None)

    def cycle_platform(self) -> None:
        """Ctrl+P: the next platform of the library."""
        self.platform_switch.cycle()

    def _on_platform_picked(self, platform_id: str) -> None:
        self._wanted_platform = platform_id
        self.platform_changed.emit(self.platform_switch.current_platform())
        self.refresh(keep=self.current.id if self.current else None)
        self.platform_picked.emit(platform_id)

    def _tab_title(self, key: str, category_name: str) -> str:
        titles = {TAB_ALL: self.tr("全部"), TAB_FAVOURITES: self.tr("★收藏")}
        if key in titles:
            return titles[key]
        return category_name if key != "__recent__" else self.tr("最近")

    def set_usage(self, usage: Usage) -> None:
        """New favourites/history: repaint stars; re-list when the favourites tab depends on them."""
        self._usage = usage
        self.model.set_favourites(set(usage.favourites))
        if self.current_tab() == TAB_FAVOURITES:
            self.refresh(keep=self.current.id if self.current else None)

    def current_tab(self) -> str:
        index = self.tabs.currentIndex()
        return self._tab_keys[index] if 0 <= index < len(self._tab_keys) else TAB_ALL

    def query(self) -> str:
        return self.box.text().strip()

    def refresh(self, keep: str | None = None) -> None:
        """Re-run the search for the box text and the selected tab; select ``keep`` or the first hit."""
        if self._loaded is None:
            return
        library = self._loaded.library
        query = self.query()
        platform = self.platform_switch.current_id()
        listing = scripts_for(self._loaded.index, library, self._usage, query, self.current_tab(), platform)
        highlight = query if len(query) <= HIGHLIGHT_MAX_CHARS and not listing.guessed else ""
        self.delegate.highlight = highlight
        self.guess_label.setVisible(listing.guessed)
        shown_on = self.platform_switch.current_platform()
        self.model.set_results(library, listing.scripts, set(self._usage.favourites), highlight, shown_on)
        row = self.model.row_of(keep) if keep else -1
        self.select_row(row if row >= 0 else 0)

    def show_script(self, script_id: str) -> bool:
        """Select ``script_id``, clearing the search and the tab filter if it is not listed."""
        if self._loaded is None or self._loaded.library.script(script_id) is None:
            return False
        row = self.model.row_of(script_id)
        if row < 0:
            self.clear_search(refresh=False)
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(0)
            self.tabs.blockSignals(False)
            self.refresh(keep=script_id)
            row = self.model.row_of(script_id)
        self.select_row(row)
        return self.current is not None and self.current.id == script_id

    def clear_search(self, refresh: bool = True) -> None:
        self.box.blockSignals(True)
        self.box.clear()
        self.box.blockSignals(False)
        if refresh:
            self.refresh()

    # ---------------------------------------------------------- selection
    def select_row(self, row: int) -> None:
        if self.model.rowCount() == 0:
            self._set_current(None)
            return
        row = max(0, min(row, self.model.rowCount() - 1))
        index = self.model.index(row)
        self.results.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.results.scrollTo(index)
        self._on_row_changed(row)

    def move_selection(self, step: int) -> None:
        self.select_row(self.results.currentIndex().row() + step)

    def _on_row_changed(self, row: int) -> None:
        script = self.model.script_at(row)
        if script is not self.current:
            self._set_current(script)

    def _set_current(self, script: Script | None) -> None:
        self.current = script
        self.current_changed.emit(script)

    def escape(self) -> None:
        """Esc: clear the search when typing in it, else come back to it."""
        if self.box.hasFocus() and self.box.text():
            self.box.clear()
        else:
            self.focus_search()

    def focus_search(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    # ------------------------------------------------------- key routing
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key, mods = event.key(), event.modifiers()
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if watched is self.box and plain and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_selection(-1 if key == Qt.Key.Key_Up else 1)
            return True
        if watched is self.box and key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.move_selection(-PAGE_STEP if key == Qt.Key.Key_PageUp else PAGE_STEP)
            return True
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated.emit()
            return True
        if (
            watched is self.results
            and event.text()
            and event.text().isprintable()
            and not mods & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        ):
            # Typing after clicking the list goes on in the search box.
            self.box.setFocus(Qt.FocusReason.OtherFocusReason)
            self.box.insert(event.text())
            return True
        if watched is self.results and key == Qt.Key.Key_Backspace:
            self.box.setFocus(Qt.FocusReason.OtherFocusReason)
            self.box.backspace()
            return True
        return super().eventFilter(watched, event)
