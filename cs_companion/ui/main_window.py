"""The docked quick-reply window: assembles the panels and routes what one panel needs from another.

Search (``SearchPanel``), the reply (``ReplyPanel``), placement
(``WindowPlacement``), commands (``actions``) and dialogs (``window_dialogs``)
each live in their own module; this class only builds them, connects their
signals and owns the few things that belong to the whole window: the banner,
the status line, the agent's settings and usage.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter, QToolButton, QVBoxLayout, QWidget

from cs_companion.core.browse import Usage
from cs_companion.core.models import Script
from cs_companion.storage.settings import Settings
from cs_companion.storage.stack import LoadedLibrary
from cs_companion.ui import window_dialogs
from cs_companion.ui.actions import install_actions, window_handlers
from cs_companion.ui.banner import Banner
from cs_companion.ui.delivery import Delivery
from cs_companion.ui.platform_switch import connect_platform
from cs_companion.ui.qt_clipboard import set_clipboard_text
from cs_companion.ui.reply_panel import ReplyPanel
from cs_companion.ui.search_panel import SearchPanel
from cs_companion.ui.status_line import StatusLine, library_description
from cs_companion.ui.style import window_style
from cs_companion.ui.update_messages import update_banner
from cs_companion.ui.window_context import WindowContext
from cs_companion.ui.window_placement import WindowPlacement

if TYPE_CHECKING:
    from cs_companion.sync.updates import UpdateResult


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
        self._build()
        self.actions_by_key = install_actions(self, self.menu, window_handlers(self))
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
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setChildrenCollapsible(False)
        root.addWidget(self.splitter, 1)
        self.pin_button = self.search_panel.add_tool_button(self.tr("置顶"), self.tr("窗口置顶"), leading=True)
        self.pin_button.setCheckable(True)
        self.pin_button.toggled.connect(self._on_pin_toggled)
        self.menu_button = self.search_panel.add_tool_button("☰", self.tr("菜单"))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.menu_button)
        self.menu_button.setMenu(self.menu)
        # Short names for the widgets tests, the self-test and dialogs reach for.
        panel, reply = self.search_panel, self.reply_panel
        self.search, self.results, self.model, self.tabs = panel.box, panel.results, panel.model, panel.tabs
        self.form, self.preview, self.conversation = reply.form, reply.preview, reply.conversation
        self.copy_button, self.star_button = reply.copy_button, reply.star_button
        connect_platform(self)
        self.search_panel.current_changed.connect(self._on_script_selected)
        self.search_panel.activated.connect(self.activate_current)
        self.search_panel.message_values.connect(self.reply_panel.fill_from_message)
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

    # ------------------------------------------------------------- settings
    def apply_settings(self, settings: Settings, initial: bool = False) -> None:
        self.settings = settings
        # A style sheet stops setFont() from reaching styled children, so the size goes into the sheet.
        self.setStyleSheet(window_style(settings.font_size))
        self.pin_button.blockSignals(True)
        self.pin_button.setChecked(settings.always_on_top)
        self.pin_button.blockSignals(False)
        self.placement.set_on_top(settings.always_on_top)
        self.search_panel.set_platform(settings.platform)
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
        self.status.set_library(library_description(self.loaded))

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
        self.status.set_library(library_description(self.loaded))

    def select_after_reload(self, script_id: str) -> None:
        """Select ``script_id`` as soon as a reloaded library contains it (a script just copied to mine)."""
        self._pending_select = script_id

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
        overridden = self.reply_panel.overridden
        self.flash(self.tr("已复制（已确认含违规内容）") if overridden else self.tr("✓ 已复制"), ok=not overridden)
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

    # ------------------------------------------------------ API for self-test
    def select_script(self, script_id: str) -> bool:
        """Show ``script_id`` (clearing search and tab filters if needed)."""
        return self.search_panel.show_script(script_id)

    def set_field_value(self, name: str, value: str) -> None:
        self.form.set_text(name, value)

    def current_text(self) -> str:
        return self.preview.text()

    # ------------------------------------------------------------- geometry
    def save_geometry(self) -> None:
        self.placement.save()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._placed:
            self._placed = True
            QTimer.singleShot(0, self.placement.keep_inside_screen)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.placement.save()
        super().closeEvent(event)
