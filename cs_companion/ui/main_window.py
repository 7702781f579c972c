"""The docked quick-reply window: search, pick, fill, copy.

Widgets and wiring only. Searching, rendering, carry-over of values,
compliance and persistence are done by core/storage objects passed in.
"""

from __future__ import annotations

import base64
import contextlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cs_companion.core.compliance import ComplianceChecker
from cs_companion.core.conversation import Conversation
from cs_companion.core.models import Layer, Script
from cs_companion.storage.jsonstore import load_json_object, save_json_object
from cs_companion.storage.paths import AppPaths
from cs_companion.storage.personal import PersonalError, PersonalStore
from cs_companion.storage.settings import Settings, SettingsStore
from cs_companion.storage.stack import LoadedLibrary
from cs_companion.storage.userstate import UserState, UserStateStore
from cs_companion.sync.updates import UpdateResult, UpdateStatus
from cs_companion.ui.banner import Banner
from cs_companion.ui.field_form import FieldForm
from cs_companion.ui.preview import ReplyPreview
from cs_companion.ui.qt_clipboard import set_clipboard_text
from cs_companion.ui.result_delegate import ResultDelegate
from cs_companion.ui.results_model import ResultsModel

SEARCH_LIMIT = 100
FILTERED_SEARCH_LIMIT = 2000
COPIED_FLASH_MS = 1500
DEFAULT_WIDTH = 420
TAB_ALL, TAB_FAVOURITES, TAB_RECENT = "__all__", "__favourites__", "__recent__"

STYLE = """
QLineEdit#search { padding: 6px 8px; border: 1px solid #d9d9d9; border-radius: 6px; }
QLineEdit#search:focus { border-color: #1677ff; }
QListView#results { border: 1px solid #f0f0f0; border-radius: 6px; }
QListView#results::item:selected { background: #1677ff; color: white; }
QLabel#scriptTitle { font-weight: bold; }
QLabel#notes { color: #8c8c8c; }
QLabel#fieldError, QLabel#complianceWarning { color: #cf1322; }
QPlainTextEdit#preview { border: 1px solid #d9d9d9; border-radius: 6px; padding: 4px; }
QPushButton#copyButton { background: #1677ff; color: white; border: none; border-radius: 6px; padding: 6px 14px; }
QPushButton#copyButton:hover { background: #4096ff; }
QLabel#copied { color: #389e0d; font-weight: bold; }
*[invalid="true"] { border: 1px solid #ff4d4f; border-radius: 3px; }
"""


@dataclass
class WindowContext:
    """Everything the window needs, built by ``app`` and passed in (tests build their own)."""

    paths: AppPaths
    settings_store: SettingsStore
    settings: Settings
    state_store: UserStateStore
    state: UserState
    loaded: LoadedLibrary
    startup_messages: list[str] = field(default_factory=list)


class MainWindow(QMainWindow):
    """The quick-reply window.

    Signals:
        copied(str, str): a reply was put on the clipboard (script id, text).
        settings_changed(object): the agent saved new Settings.
        check_updates_requested(): the agent asked to check the team library now.
        personal_changed(): the agent's own scripts changed; the library should be reloaded.
    """

    copied = Signal(str, str)
    settings_changed = Signal(object)
    check_updates_requested = Signal()
    personal_changed = Signal()

    def __init__(self, context: WindowContext) -> None:
        super().__init__()
        self.ctx = context
        self.settings = context.settings
        self.state = context.state
        self.loaded = context.loaded
        self.conversation = Conversation()
        self.current: Script | None = None
        self._pending_select: str | None = None
        self._tab_keys: list[str] = []
        self.setWindowTitle(self.tr("客服快捷回复助手"))
        self.setStyleSheet(STYLE)
        self._build()
        self._build_shortcuts()
        self.apply_settings(self.settings, initial=True)
        self.set_library(context.loaded)
        self._restore_geometry()
        for message in context.startup_messages:
            self.banner.show_message(message, "warning")
        self.search.setFocus()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        central = QWidget(self)
        root = QVBoxLayout(central)
        root.setContentsMargins(8, 8, 8, 4)
        root.setSpacing(6)

        top = QHBoxLayout()
        self.pin_button = QToolButton(central)
        self.pin_button.setText(self.tr("置顶"))
        self.pin_button.setCheckable(True)
        self.pin_button.setToolTip(self.tr("窗口置顶"))
        self.pin_button.toggled.connect(self._on_pin_toggled)
        top.addWidget(self.pin_button)
        self.search = QLineEdit(central)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("搜索话术：中文 / 拼音 / 首字母，或粘贴客户消息"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh_results)
        self.search.installEventFilter(self)
        top.addWidget(self.search, 1)
        self.menu_button = QToolButton(central)
        self.menu_button.setText("☰")
        self.menu_button.setToolTip(self.tr("菜单"))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.menu_button)
        self.menu_button.setMenu(self.menu)
        top.addWidget(self.menu_button)
        root.addLayout(top)

        self.banner = Banner(central)
        root.addWidget(self.banner)

        self.tabs = QTabBar(central)
        self.tabs.setExpanding(False)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setDrawBase(False)
        self.tabs.currentChanged.connect(lambda _i: self.refresh_results())
        root.addWidget(self.tabs)

        splitter = QSplitter(Qt.Orientation.Vertical, central)
        self.results = QListView(splitter)
        self.results.setObjectName("results")
        self.model = ResultsModel(self.results)
        self.delegate = ResultDelegate(self.results)
        self.results.setModel(self.model)
        self.results.setItemDelegate(self.delegate)
        self.results.setUniformItemSizes(True)
        self.results.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.results.selectionModel().currentChanged.connect(lambda cur, _prev: self._on_current_changed(cur.row()))
        self.results.doubleClicked.connect(lambda _index: self.activate_current())
        self.results.installEventFilter(self)

        detail = QWidget(splitter)
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 4, 0, 0)
        dl.setSpacing(6)
        header = QHBoxLayout()
        self.title_label = QLabel(detail)
        self.title_label.setObjectName("scriptTitle")
        self.title_label.setWordWrap(True)
        header.addWidget(self.title_label, 1)
        self.star_button = QToolButton(detail)
        self.star_button.setText("☆")
        self.star_button.setToolTip(self.tr("收藏 (Ctrl+D)"))
        self.star_button.setAutoRaise(True)
        self.star_button.clicked.connect(self.toggle_favourite)
        header.addWidget(self.star_button)
        dl.addLayout(header)
        self.form = FieldForm(detail)
        self.form.value_changed.connect(self._on_field_changed)
        self.form.enter_pressed.connect(self._on_field_enter)
        dl.addWidget(self.form)
        self.preview = ReplyPreview(detail)
        dl.addWidget(self.preview, 1)
        self.edited_hint = QLabel(self.tr("已手动修改回复；点“恢复”可重新生成"), detail)
        self.edited_hint.setObjectName("notes")
        self.edited_hint.hide()
        self.preview.edited.connect(self._on_preview_edited)
        dl.addWidget(self.edited_hint)
        self.notes_label = QLabel(detail)
        self.notes_label.setObjectName("notes")
        self.notes_label.setWordWrap(True)
        dl.addWidget(self.notes_label)
        buttons = QHBoxLayout()
        self.reset_button = QPushButton(self.tr("恢复"), detail)
        self.reset_button.setToolTip(self.tr("丢弃手动修改，按字段重新生成回复"))
        self.reset_button.clicked.connect(self._render_current)
        self.reset_button.setEnabled(False)
        buttons.addWidget(self.reset_button)
        self.new_conversation_button = QPushButton(self.tr("新会话"), detail)
        self.new_conversation_button.setToolTip(self.tr("清空订单号等已填内容 (Ctrl+N)"))
        self.new_conversation_button.clicked.connect(self.new_conversation)
        buttons.addWidget(self.new_conversation_button)
        buttons.addStretch(1)
        self.copy_button = QPushButton(self.tr("复制回复"), detail)
        self.copy_button.setObjectName("copyButton")
        self.copy_button.setToolTip(self.tr("复制到剪贴板 (Enter / Ctrl+Enter)"))
        self.copy_button.clicked.connect(self.copy_current)
        buttons.addWidget(self.copy_button)
        dl.addLayout(buttons)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        root.addWidget(splitter, 1)
        self.splitter = splitter

        status = self.statusBar()
        self.copied_label = QLabel("", status)
        self.copied_label.setObjectName("copied")
        status.addWidget(self.copied_label)
        self.library_label = QLabel("", status)
        self.library_label.setObjectName("notes")
        status.addPermanentWidget(self.library_label)
        self._copied_timer = QTimer(self)
        self._copied_timer.setSingleShot(True)
        self._copied_timer.timeout.connect(lambda: self.copied_label.setText(""))
        self.setCentralWidget(central)
        self._build_menu()

    def _build_menu(self) -> None:
        self.new_action = self._menu_action(self.tr("新会话"), "Ctrl+N", self.new_conversation)
        self.favourite_action = self._menu_action(self.tr("收藏/取消收藏"), "Ctrl+D", self.toggle_favourite)
        self.menu.addSeparator()
        self.dock_left_action = self._menu_action(self.tr("停靠到屏幕左侧"), "", lambda: self.dock("left"))
        self.dock_right_action = self._menu_action(self.tr("停靠到屏幕右侧"), "", lambda: self.dock("right"))
        self.menu.addSeparator()
        self.copy_to_mine_action = self._menu_action(self.tr("复制到我的话术"), "Ctrl+Shift+M", self.copy_to_mine)
        self.my_scripts_action = self._menu_action(self.tr("我的话术…"), "Ctrl+M", self.open_my_scripts)
        self.update_action = self._menu_action(self.tr("检查更新"), "F5", self.check_updates_requested.emit)
        self.settings_action = self._menu_action(self.tr("设置…"), "Ctrl+,", self.open_settings)
        self.extra_menu_anchor = self.menu.addSeparator()
        self.quit_action = self._menu_action(self.tr("退出"), "Ctrl+Q", QApplication.quit)

    def _menu_action(self, text: str, shortcut: str, slot: object) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        self.menu.addAction(action)
        return action

    def _build_shortcuts(self) -> None:
        def bind(keys: str, slot: object) -> None:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            bind(keys, self.copy_current)
        for keys in ("Ctrl+F", "Ctrl+L"):
            bind(keys, self.focus_search)
        bind("Escape", self._on_escape)
        for n in range(1, 10):
            bind(f"Ctrl+{n}", lambda n=n: self.copy_nth(n))

    # ------------------------------------------------------------- settings
    def apply_settings(self, settings: Settings, initial: bool = False) -> None:
        self.settings = settings
        font = QFont(self.font())
        font.setPointSize(settings.font_size)
        self.setFont(font)
        self.pin_button.blockSignals(True)
        self.pin_button.setChecked(settings.always_on_top)
        self.pin_button.blockSignals(False)
        self._set_on_top(settings.always_on_top, reshow=not initial)

    def _on_pin_toggled(self, on: bool) -> None:
        self._set_on_top(on, reshow=True)
        self.settings = replace(self.settings, always_on_top=on)
        self.ctx.settings_store.save(self.settings)

    def _set_on_top(self, on: bool, reshow: bool) -> None:
        visible = self.isVisible()
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, on)
        if reshow and visible:
            self.show()

    def open_settings(self) -> None:
        from cs_companion.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.ctx.settings_store.team_source_locked, self)
        dialog.clear_history_requested.connect(self.clear_history)
        if dialog.exec():
            new = dialog.result_settings()
            self.ctx.settings_store.save(new)
            self.apply_settings(new)
            self.settings_changed.emit(new)

    def clear_history(self) -> None:
        self.state.clear_history()
        self._save_state()
        self.refresh_results()
        self.flash(self.tr("已清除使用记录"))

    # ---------------------------------------------------------- team updates
    def show_update_result(self, result: UpdateResult, manual: bool) -> None:
        """Banner for an update: version and what changed, or the exact reason it failed."""
        info = result.info.describe()
        if result.status is UpdateStatus.UPDATED:
            changes = result.changes
            lines = changes.lines()
            shown = "\n".join(lines[:6]) + (self.tr("\n… 共 %n 条变化", "", len(lines)) if len(lines) > 6 else "")
            summary = self.tr("新增 {0}、修改 {1}、删除 {2}").format(
                len(changes.added), len(changes.changed), len(changes.removed)
            )
            self.banner.show_message(self.tr("团队话术库已更新：") + f"{info}\n{summary}\n{shown}".rstrip(), "success")
        elif result.status is UpdateStatus.UNCHANGED:
            if manual:
                self.banner.show_message(self.tr("团队话术库已是最新：") + info, "info", timeout_ms=4000)
        else:
            self.banner.show_message(self.tr("团队话术更新失败，继续使用当前话术库：") + result.reason, "error")
        self.library_label.setText(self._library_description())

    # ---------------------------------------------------------- own scripts
    def personal_store(self) -> PersonalStore:
        return PersonalStore(self.ctx.paths.personal_library_file, self.loaded.library)

    def copy_to_mine(self) -> None:
        """Copy the selected script into the agent's own scripts and select it."""
        if self.current is None:
            return
        try:
            copy = self.personal_store().copy_to_mine(self.current)
        except PersonalError as exc:
            self.banner.show_message(self.tr("无法复制到我的话术：") + str(exc), "error")
            return
        self.flash(self.tr("已复制到我的话术"))
        self._pending_select = copy.id
        self.personal_changed.emit()

    def open_my_scripts(self) -> None:
        from cs_companion.ui.my_scripts_dialog import MyScriptsDialog

        dialog = MyScriptsDialog(self.personal_store(), self.loaded.library, self)
        dialog.exec()
        if dialog.changed:
            self.personal_changed.emit()

    # --------------------------------------------------------------- library
    def set_library(self, loaded: LoadedLibrary) -> None:
        """Show a (new) library, keeping the selected script when it still exists."""
        keep = self.current.id if self.current else None
        pending = self._pending_select
        if pending and loaded.library.script(pending) is not None:
            keep, self._pending_select = pending, None
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
        self.loaded = loaded
        library = loaded.library
        self.preview.set_checker(ComplianceChecker(library.forbidden_phrases))
        current_key = self._tab_keys[self.tabs.currentIndex()] if self._tab_keys else TAB_ALL
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        self._tab_keys = [TAB_ALL, TAB_FAVOURITES, TAB_RECENT]
        self.tabs.addTab(self.tr("全部"))
        self.tabs.addTab(self.tr("★收藏"))
        self.tabs.addTab(self.tr("最近"))
        for cat in library.category_order():
            self._tab_keys.append(cat)
            self.tabs.addTab(library.category_name(cat))
        self.tabs.setCurrentIndex(self._tab_keys.index(current_key) if current_key in self._tab_keys else 0)
        self.tabs.blockSignals(False)
        self.library_label.setText(self._library_description())
        self.refresh_results(keep=keep)

    def _library_description(self) -> str:
        count = len(self.loaded.library.scripts)
        team = self.loaded.layer_info.get(Layer.TEAM)
        text = self.tr("%n 条话术", "", count)
        if team is not None:
            text += " · " + self.tr("团队库 ") + team.describe()
        return text

    # ---------------------------------------------------------------- search
    def current_tab(self) -> str:
        index = self.tabs.currentIndex()
        return self._tab_keys[index] if 0 <= index < len(self._tab_keys) else TAB_ALL

    def refresh_results(self, *_args: object, keep: str | None = None) -> None:
        """Re-run the search for the box text and the selected tab; select the first hit."""
        library = self.loaded.library
        query = self.search.text().strip()
        tab = self.current_tab()
        scripts = self._scripts_for(query, tab)
        favourites = set(self.state.favourites)
        self.delegate.highlight = query if len(query) <= 12 else ""
        self.model.set_results(library, scripts, favourites, self.delegate.highlight)
        row = self.model.row_of(keep) if keep else -1
        self.select_row(row if row >= 0 else 0)

    def _scripts_for(self, query: str, tab: str) -> list[Script]:
        """Scripts to list for the search text and tab (favourites, recent, a category or all)."""
        library = self.loaded.library

        def lookup(ids: list[str]) -> list[Script]:
            return [s for s in map(library.script, ids) if s is not None]

        pool = {TAB_FAVOURITES: self.state.favourites, TAB_RECENT: self.state.recent}.get(tab)
        if not query:
            if pool is not None:
                return lookup(pool)
            if tab == TAB_ALL:
                return lookup([h.id for h in self.loaded.index.search("", limit=len(library.scripts))])
            return [s for s in library.scripts if s.category == tab]
        boost = self.state.search_boost()
        if tab == TAB_ALL:
            return lookup([h.id for h in self.loaded.index.search(query, limit=SEARCH_LIMIT, boost=boost)])
        hits = self.loaded.index.search(query, limit=FILTERED_SEARCH_LIMIT, boost=boost)
        if pool is not None:
            allowed = set(pool)
            return lookup([h.id for h in hits if h.id in allowed])
        return lookup([h.id for h in hits if h.scenario.split(".", 1)[0] == tab][:SEARCH_LIMIT])

    def select_row(self, row: int) -> None:
        if self.model.rowCount() == 0:
            self._show_script(None)
            return
        row = max(0, min(row, self.model.rowCount() - 1))
        index = self.model.index(row)
        self.results.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.results.scrollTo(index)
        self._on_current_changed(row)

    def _on_current_changed(self, row: int) -> None:
        script = self.model.script_at(row)
        if script is not self.current:
            self._show_script(script)

    # ---------------------------------------------------------------- detail
    def _show_script(self, script: Script | None) -> None:
        self.current = script
        enabled = script is not None
        for widget in (self.copy_button, self.star_button, self.new_conversation_button):
            widget.setEnabled(enabled)
        if script is None:
            self.title_label.setText(self.tr("没有匹配的话术") if self.search.text().strip() else "")
            self.form.set_fields((), {})
            self.preview.set_rendered("")
            self.notes_label.setText("")
            self.edited_hint.hide()
            return
        library = self.loaded.library
        self.title_label.setText(script.title)
        self.title_label.setToolTip(library.scenario_name(script.scenario) + f"（{script.id}）")
        self.form.set_fields(script.fields, self.conversation.values_for(script))
        self.notes_label.setText(self.tr("思路：") + script.notes if script.notes else "")
        self.notes_label.setVisible(bool(script.notes))
        self._update_star()
        self._render_current()

    def _render_current(self) -> None:
        if self.current is None:
            return
        rendered = self.conversation.render(self.current)
        self.preview.set_rendered(rendered.text)
        self.form.show_errors(dict(rendered.invalid))
        self.edited_hint.hide()
        self.reset_button.setEnabled(False)

    def _on_field_changed(self, name: str, text: str) -> None:
        self.conversation.set_value(name, text)
        if self._copied_timer.isActive() and self.copied_label.styleSheet():
            self.copied_label.setText("")  # the "fill the required fields" hint is answered
        if self.current is None:
            return
        if self.preview.user_edited:
            rendered = self.conversation.render(self.current)
            self.form.show_errors(dict(rendered.invalid))
            return
        self._render_current()

    def _on_preview_edited(self) -> None:
        self.edited_hint.show()
        self.reset_button.setEnabled(True)

    def _on_field_enter(self, name: str) -> None:
        """Enter in a field: on to the next empty required field, or copy when none is left."""
        if self.current is None:
            return
        missing = self.conversation.first_missing(self.current)
        if missing is not None and missing != name:
            self.form.focus_field(missing)
            return
        if missing == name:
            return  # still empty or invalid: stay here, the form shows why
        self.copy_current()

    # ------------------------------------------------------------------ copy
    def activate_current(self) -> None:
        """Enter on a result: copy when ready, otherwise go to the first empty required field."""
        if self.current is None:
            return
        missing = None if self.preview.user_edited else self.conversation.first_missing(self.current)
        if missing is not None:
            self.form.focus_field(missing)
            self.flash(self.tr("请先填写必填项"), ok=False)
            return
        self.copy_current()

    def copy_current(self) -> bool:
        """Put the reply on the clipboard if it is ready; returns whether it did."""
        if self.current is None:
            return False
        if not self.preview.user_edited:
            missing = self.conversation.first_missing(self.current)
            if missing is not None:
                self.form.focus_field(missing)
                self.flash(self.tr("请先填写必填项"), ok=False)
                return False
        text = self.preview.text()
        if not text.strip():
            return False
        set_clipboard_text(text)
        self.state.record_use(self.current.id)
        self._save_state()
        self.flash(self.tr("✓ 已复制") if not self.preview.findings else self.tr("已复制（注意合规提示）"))
        self.copied.emit(self.current.id, text)
        return True

    def copy_nth(self, n: int) -> bool:
        if n > self.model.rowCount():
            return False
        self.select_row(n - 1)
        return self.copy_current()

    def flash(self, text: str, ok: bool = True) -> None:
        self.copied_label.setStyleSheet("" if ok else "color:#cf1322;")
        self.copied_label.setText(text)
        self._copied_timer.start(COPIED_FLASH_MS)

    # ------------------------------------------------------------- commands
    def new_conversation(self) -> None:
        self.conversation.clear()
        if self.current is not None:
            self.form.set_fields(self.current.fields, {})
            self._render_current()
        self.focus_search()
        self.flash(self.tr("新会话：已清空填写内容"))

    def toggle_favourite(self) -> None:
        if self.current is None:
            return
        on = self.state.toggle_favourite(self.current.id)
        self._save_state()
        self.model.set_favourites(set(self.state.favourites))
        self._update_star()
        self.flash(self.tr("已收藏") if on else self.tr("已取消收藏"))
        if self.current_tab() == TAB_FAVOURITES:
            self.refresh_results(keep=self.current.id)

    def _update_star(self) -> None:
        on = self.current is not None and self.state.is_favourite(self.current.id)
        self.star_button.setText("★" if on else "☆")

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_escape(self) -> None:
        if self.search.hasFocus() and self.search.text():
            self.search.clear()
        else:
            self.focus_search()

    def _save_state(self) -> None:
        try:
            self.ctx.state_store.save(self.state)
        except OSError as exc:
            self.banner.show_message(self.tr("无法保存使用记录：") + str(exc), "error")

    # ------------------------------------------------------ keyboard routing
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, mods = event.key(), event.modifiers()
            plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and watched is self.search and plain:
                step = -1 if key == Qt.Key.Key_Up else 1
                self.select_row(self.results.currentIndex().row() + step)
                return True
            if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and watched is self.search:
                step = -5 if key == Qt.Key.Key_PageUp else 5
                self.select_row(self.results.currentIndex().row() + step)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain and watched in (self.search, self.results):
                self.activate_current()
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------ API for self-test
    def select_script(self, script_id: str) -> bool:
        """Show ``script_id`` (clearing search and tab filters if needed)."""
        if self.loaded.library.script(script_id) is None:
            return False
        row = self.model.row_of(script_id)
        if row < 0:
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.tabs.setCurrentIndex(0)
            self.refresh_results(keep=script_id)
            row = self.model.row_of(script_id)
        self.select_row(row)
        return self.current is not None and self.current.id == script_id

    def set_field_value(self, name: str, value: str) -> None:
        self.form.set_text(name, value)

    def current_text(self) -> str:
        return self.preview.text()

    # ------------------------------------------------------------- geometry
    def _window_state_file(self) -> Path:
        return self.ctx.paths.config / "window.json"

    def _restore_geometry(self) -> None:
        report = load_json_object(self._window_state_file())
        if report.message:
            self.banner.show_message(report.message, "warning")
        geometry = report.data.get("geometry")
        if isinstance(geometry, str):
            try:
                if self.restoreGeometry(QByteArray(base64.b64decode(geometry))):
                    return
            except ValueError:
                pass
        self.resize(DEFAULT_WIDTH, 720)
        if self.settings.dock_edge in ("left", "right"):
            self.dock(self.settings.dock_edge)

    def save_geometry(self) -> None:
        data = {"geometry": base64.b64encode(bytes(self.saveGeometry().data())).decode("ascii")}
        with contextlib.suppress(OSError):  # losing the window position is not worth an error dialog
            save_json_object(self._window_state_file(), data)

    def dock(self, edge: str) -> None:
        """Snap to the left or right edge of the current screen, full available height."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        width = max(380, min(self.width(), 460))
        frame_extra = self.frameGeometry().height() - self.geometry().height()
        height = area.height() - max(0, frame_extra)
        x = area.left() if edge == "left" else area.right() - width + 1
        self.setGeometry(x, area.top() + max(0, frame_extra), width, height)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        super().closeEvent(event)
