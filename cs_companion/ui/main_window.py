"""The docked quick-reply window: assembles the panels and routes what one panel needs from another.

Search (``SearchPanel``), the reply (``ReplyPanel``), placement
(``WindowPlacement``), commands (``actions``) and dialogs (``window_dialogs``)
each live in their own module; this class only builds them, connects their
signals and owns the few things that belong to the whole window: the banner,
the status line, the agent's settings and usage.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QSplitter, QToolButton, QVBoxLayout, QWidget

from cs_companion.core.browse import Usage
from cs_companion.core.models import Layer, Script
from cs_companion.desktop import Desktop
from cs_companion.storage.paths import AppPaths
from cs_companion.storage.settings import Settings, SettingsStore
from cs_companion.storage.stack import LoadedLibrary
from cs_companion.storage.userstate import UserState, UserStateStore
from cs_companion.sync.updates import UpdateResult
from cs_companion.ui import window_dialogs
from cs_companion.ui.actions import install_actions
from cs_companion.ui.banner import Banner
from cs_companion.ui.delivery import Delivery
from cs_companion.ui.qt_clipboard import set_clipboard_text
from cs_companion.ui.reply_panel import ReplyPanel
from cs_companion.ui.search_panel import SearchPanel
from cs_companion.ui.status_line import StatusLine
from cs_companion.ui.style import WINDOW_STYLE
from cs_companion.ui.update_messages import update_banner
from cs_companion.ui.window_placement import WindowPlacement


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
    desktop: Desktop | None = None  # None: the one the Qt platform has (see cs_companion.desktop.detect)


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
        self._pending_select: str | None = None
        self._placed = False
        self.setWindowTitle(self.tr("客服快捷回复助手"))
        self.setStyleSheet(WINDOW_STYLE)
        self._build()
        self.actions_by_key = install_actions(self, self.menu, self._action_handlers())
        self.settings_action = self.actions_by_key["settings"]
        self.update_action = self.actions_by_key["check_updates"]
        self.copy_to_mine_action = self.actions_by_key["copy_to_mine"]
        self.apply_settings(self.settings, initial=True)
        self.set_library(context.loaded)
        message = self.placement.restore(self.settings.dock_edge)
        for text in [message, *context.startup_messages]:
            if text:
                self.banner.show_message(text, "warning")
        self.search.setFocus()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        central = QWidget(self)
        root = QVBoxLayout(central)
        root.setContentsMargins(8, 8, 8, 4)
        root.setSpacing(6)
        self.banner = Banner(central)
        root.addWidget(self.banner)
        self.splitter = QSplitter(Qt.Orientation.Vertical, central)
        self.search_panel = SearchPanel(self.splitter)
        self.reply_panel = ReplyPanel(self.splitter)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        root.addWidget(self.splitter, 1)
        self.pin_button = QToolButton(central)
        self.pin_button.setText(self.tr("置顶"))
        self.pin_button.setCheckable(True)
        self.pin_button.setToolTip(self.tr("窗口置顶"))
        self.pin_button.toggled.connect(self._on_pin_toggled)
        self.search_panel.top_row.insertWidget(0, self.pin_button)
        self.menu_button = QToolButton(central)
        self.menu_button.setText("☰")
        self.menu_button.setToolTip(self.tr("菜单"))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.menu_button)
        self.menu_button.setMenu(self.menu)
        self.search_panel.top_row.addWidget(self.menu_button)
        # Short names for the widgets tests, the self-test and dialogs reach for.
        self.search, self.results, self.model = (
            self.search_panel.box,
            self.search_panel.results,
            self.search_panel.model,
        )
        self.tabs = self.search_panel.tabs
        self.form, self.preview = self.reply_panel.form, self.reply_panel.preview
        self.copy_button, self.star_button = self.reply_panel.copy_button, self.reply_panel.star_button
        self.conversation = self.reply_panel.conversation
        self.search_panel.current_changed.connect(self._on_script_selected)
        self.search_panel.activated.connect(self.activate_current)
        self.delivery = Delivery(self, self.ctx.desktop)
        self.reply_panel.send_requested.connect(self.delivery.send)
        self.reply_panel.copy_requested.connect(self.copy_current)
        self.reply_panel.paste_requested.connect(self.delivery.paste)
        self.reply_panel.favourite_requested.connect(self.toggle_favourite)
        self.reply_panel.new_conversation_requested.connect(self.new_conversation)
        self.reply_panel.hint.connect(self._on_reply_hint)
        self.status = StatusLine(self.statusBar())
        self.copied_label = self.status.copied_label
        self.setCentralWidget(central)
        self.placement = WindowPlacement(self, self.ctx.paths.config / "window.json")

    def _action_handlers(self) -> dict[str, object]:
        handlers: dict[str, object] = {
            "new_conversation": self.new_conversation,
            "toggle_favourite": self.toggle_favourite,
            "dock_left": lambda: self.dock("left"),
            "dock_right": lambda: self.dock("right"),
            "copy_to_mine": lambda: window_dialogs.copy_to_mine(self),
            "my_scripts": lambda: window_dialogs.open_my_scripts(self),
            "check_updates": self.check_updates_requested.emit,
            "settings": lambda: window_dialogs.open_settings(self),
            "quit": QApplication.quit,
            "copy": self.copy_current,
            "paste": self.delivery.paste,
            "focus_search": self.focus_search,
            "escape": self._on_escape,
        }
        handlers.update({f"copy_{n}": (lambda n=n: self.copy_nth(n)) for n in range(1, 10)})
        return handlers

    # ------------------------------------------------------------- settings
    def apply_settings(self, settings: Settings, initial: bool = False) -> None:
        self.settings = settings
        font = QFont(self.font())
        font.setPointSize(settings.font_size)
        self.setFont(font)
        for panel in (self.search_panel, self.reply_panel):
            panel.setFont(font)
        self.pin_button.blockSignals(True)
        self.pin_button.setChecked(settings.always_on_top)
        self.pin_button.blockSignals(False)
        self.placement.set_on_top(settings.always_on_top)
        self.delivery.apply_settings(settings)

    def _on_pin_toggled(self, on: bool) -> None:
        self.placement.set_on_top(on)
        window_dialogs.save_settings(self, replace(self.settings, always_on_top=on))

    def show_update_result(self, result: UpdateResult, manual: bool) -> None:
        """Banner for an update: version and what changed, or the exact reason it failed."""
        message = update_banner(result, manual)
        if message is not None:
            text, level, timeout = message
            self.banner.show_message(text, level, timeout_ms=timeout)
        self.status.set_library(self._library_description())

    # --------------------------------------------------------------- library
    @property
    def current(self) -> Script | None:
        return self.search_panel.current

    def usage(self) -> Usage:
        return Usage(self.state.favourites, self.state.recent, self.state.usage, self.state.search_boost())

    def set_library(self, loaded: LoadedLibrary) -> None:
        """Show a (new) library, keeping the selected script (or one just copied to mine) when it exists."""
        keep = self.current.id if self.current else None
        pending, self._pending_select = self._pending_select, None
        self.loaded = loaded
        self.reply_panel.set_library(loaded.library)
        self.search_panel.set_library(loaded, self.usage(), keep=keep)
        if pending and loaded.library.script(pending) is not None:
            self.search_panel.show_script(pending)
        self.status.set_library(self._library_description())

    def select_after_reload(self, script_id: str) -> None:
        """Select ``script_id`` as soon as a reloaded library contains it (a script just copied to mine)."""
        self._pending_select = script_id

    def _library_description(self) -> str:
        team = self.loaded.layer_info.get(Layer.TEAM)
        text = self.tr("%n 条话术", "", len(self.loaded.library.scripts))
        return text + (" · " + self.tr("团队库 ") + team.describe() if team is not None else "")

    def _on_script_selected(self, script: Script | None) -> None:
        searching = bool(self.search_panel.query())
        favourite = script is not None and self.state.is_favourite(script.id)
        self.reply_panel.show_script(script, self.loaded.library, searching, favourite)

    # ------------------------------------------------------------------ copy
    def activate_current(self) -> None:
        """Enter on a result: copy when ready, otherwise go to the first empty required field."""
        missing = self.reply_panel.first_missing()
        if missing is not None:
            self.reply_panel.focus_field(missing)
            self.flash(self.tr("请先填写必填项"), ok=False)
            return
        self.delivery.send()

    def copy_current(self) -> bool:
        """Put the reply on the clipboard if it is ready; returns whether it did."""
        script, text = self.current, self.reply_panel.ready_text()
        if script is None or text is None:
            return False
        set_clipboard_text(text)
        self.state.record_use(script.id)
        window_dialogs.save_state(self)
        self.flash(self.tr("✓ 已复制") if not self.preview.findings else self.tr("已复制（注意合规提示）"))
        self.copied.emit(script.id, text)
        return True

    def copy_nth(self, n: int) -> bool:
        if n > self.model.rowCount():
            return False
        self.search_panel.select_row(n - 1)
        return self.copy_current()

    def flash(self, text: str, ok: bool = True) -> None:
        self.status.flash(text, ok)

    def _on_reply_hint(self, text: str, ok: bool) -> None:
        self.status.flash(text, ok) if text else self.status.clear_error_hint()

    # ------------------------------------------------------------- commands
    def new_conversation(self) -> None:
        self.reply_panel.new_conversation()
        self.focus_search()
        self.flash(self.tr("新会话：已清空填写内容"))

    def toggle_favourite(self) -> None:
        if self.current is None:
            return
        on = self.state.toggle_favourite(self.current.id)
        window_dialogs.save_state(self)
        self.reply_panel.set_favourite(on)
        self.search_panel.set_usage(self.usage())
        self.flash(self.tr("已收藏") if on else self.tr("已取消收藏"))

    def focus_search(self) -> None:
        self.search_panel.focus_search()

    def _on_escape(self) -> None:
        if self.search.hasFocus() and self.search.text():
            self.search.clear()
        else:
            self.focus_search()

    def refresh_results(self, keep: str | None = None) -> None:
        self.search_panel.refresh(keep=keep)

    # ------------------------------------------------------ API for self-test
    def select_script(self, script_id: str) -> bool:
        """Show ``script_id`` (clearing search and tab filters if needed)."""
        return self.search_panel.show_script(script_id)

    def set_field_value(self, name: str, value: str) -> None:
        self.form.set_text(name, value)

    def current_text(self) -> str:
        return self.preview.text()

    # ------------------------------------------------------------- geometry
    def dock(self, edge: str) -> None:
        self.placement.dock(edge)

    def save_geometry(self) -> None:
        self.placement.save()

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._placed:
            self._placed = True
            QTimer.singleShot(0, self.placement.keep_inside_screen)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.placement.save()
        super().closeEvent(event)
