"""Follow-ups and payment nudges in the window: Ctrl+T, 开始催付, the 提醒 panel, the due strip and the tray.

Built next to the window (``attach``), not inside it: the window only offers
``copied``, ``select_script`` and ``set_field_value``. A ``QTimer`` polls
the book every ``POLL_MS`` with the injected clock; a reminder whose time has
come is written to disk as due *before* the strip or the tray shows it, so a
crash or restart can never show it twice. Opening one selects its script
with the order number filled; copying that script for that order marks it
done (the nudge was sent).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QSystemTrayIcon, QToolButton

from cs_companion.core.models import FieldType
from cs_companion.core.reminders import DUE, Clock, Reminder, ReminderBook, follow_up_due, nudge_scripts
from cs_companion.storage.errors import StorageError
from cs_companion.storage.paths import AppPaths
from cs_companion.storage.reminders_store import RemindersStore
from cs_companion.ui.reminder_dialogs import FollowUpChooser, NudgeDialog
from cs_companion.ui.reminders_panel import DueStrip, RemindersPanel
from cs_companion.ui.tray import bring_to_front

if TYPE_CHECKING:
    from cs_companion.ui.main_window import MainWindow

log = logging.getLogger(__name__)
T = TypeVar("T")
POLL_MS = 15_000
"""How often the book is checked: a nudge 15 s late is on time for a customer, and the poll costs ~1 ms."""
TRAY_MESSAGE_MS = 10_000


class RemindersController(QObject):
    """Owns the reminders of the window's profile; the panel, strip, dialogs and tray only show and ask."""

    def __init__(self, window: MainWindow, store: RemindersStore, clock: Clock) -> None:
        super().__init__(window)
        self.window, self.store, self.clock = window, store, clock
        self.book: ReminderBook = store.load()
        self.tray: QSystemTrayIcon | None = None
        self._notified: set[tuple[str, str]] = set()
        self._last_notified: str | None = None
        self._opened: str | None = None
        self.panel = RemindersPanel(window.splitter)
        self.panel.hide()
        holder = window.banner.parentWidget()
        self.strip = DueStrip(holder)
        layout = holder.layout() if holder is not None else None
        if isinstance(layout, QBoxLayout):  # right under the window's banner
            layout.insertWidget(layout.indexOf(window.banner) + 1, self.strip)
        self.toggle_button = QToolButton(window)
        self.toggle_button.setCheckable(True)
        self.toggle_button.toggled.connect(self.panel.setVisible)
        window.search_panel.top_row.insertWidget(window.search_panel.top_row.count() - 1, self.toggle_button)
        for source in (self.panel, self.strip):
            source.open_requested.connect(self.open_reminder)
            source.done_requested.connect(self.mark_done)
            source.snooze_requested.connect(lambda rid, minutes: self.snooze(rid, timedelta(minutes=minutes)))
        self.panel.stop_nudging_requested.connect(self.stop_nudging)
        window.copied.connect(self._on_copied)
        self.actions = self._install_actions()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.check_due)
        self.timer.start()
        if store.message:
            window.banner.show_message(store.message, "warning")
        self.check_due()

    def _install_actions(self) -> dict[str, QAction]:
        specs: list[tuple[str, str, str, Callable[[], object]]] = [
            ("follow_up", self.tr("设置跟进提醒…"), "Ctrl+T", self.open_chooser),
            ("nudge", self.tr("开始催付…"), "Ctrl+Shift+T", self.open_nudge_dialog),
            ("panel", self.tr("提醒列表"), "", lambda: self.toggle_button.toggle()),
        ]
        actions = {}
        self.window.menu.addSeparator()
        for key, text, keys, slot in specs:
            action = QAction(text, self.window)
            if keys:
                action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _c=False, slot=slot: slot())
            self.window.addAction(action)
            self.window.menu.addAction(action)
            actions[key] = action
        return actions

    def set_tray(self, tray: QSystemTrayIcon) -> None:
        """Also notify through the tray (a window hidden to the tray still tells the agent)."""
        self.tray = tray
        tray.messageClicked.connect(self.open_from_tray)

    def open_from_tray(self) -> bool:
        """The agent clicked the tray notification: bring the window forward and open what it announced."""
        if self._last_notified is None:
            return False
        bring_to_front(self.window)
        return self.open_reminder(self._last_notified)

    # ------------------------------------------------------------ changes (all through the store)
    def _change(self, change: Callable[[ReminderBook], T]) -> T | None:
        """Apply ``change`` on disk under the lock and refresh the view; None (and a banner) if saving failed."""

        def apply(book: ReminderBook) -> T:
            result = change(book)
            self.book = book
            return result

        try:
            result = self.store.update(apply)
        except StorageError as exc:
            self.window.banner.show_message(self.tr("提醒未能保存：") + str(exc), "error")
            return None
        self.refresh()
        return result

    def check_due(self) -> list[Reminder]:
        """Fire what is due (saved first), then show it in the strip and the tray; returns what was announced."""
        try:
            fired, self.book = self.store.fire_due(self.clock())
        except StorageError as exc:
            self.window.banner.show_message(self.tr("提醒未能保存：") + str(exc), "error")
            return []
        self.refresh()
        fresh = [r for r in fired if (r.id, r.due.isoformat()) not in self._notified]
        for reminder in fresh:
            self._notified.add((reminder.id, reminder.due.isoformat()))
        if fresh:
            self._last_notified = fresh[-1].id
            if self.tray is not None and self.tray.isVisible():
                more = self.tr("等 %1 条提醒").replace("%1", str(len(fresh))) if len(fresh) > 1 else ""
                self.tray.showMessage(
                    self.tr("客服提醒到期") + more,
                    fresh[-1].label(),
                    QSystemTrayIcon.MessageIcon.Information,
                    TRAY_MESSAGE_MS,
                )
        return fresh

    def add_follow_up(self, due: datetime, order_no: str = "", note: str = "", script_id: str = "") -> Reminder | None:
        now = self.clock()
        added = self._change(lambda book: book.add_follow_up(due, now, order_no, note, script_id))
        if added is not None:
            self.window.flash(self.tr("已设提醒：") + due.astimezone(now.tzinfo).strftime("%m-%d %H:%M"))
        return added

    def start_nudging(self, order_no: str, ordered_at: datetime) -> list[Reminder]:
        now, stages = self.clock(), nudge_scripts(self.window.loaded.library, self.window.settings.platform)
        quiet = self.window.settings.quiet_hours
        added = self._change(lambda book: book.start_nudging(order_no, ordered_at, now, stages, quiet=quiet)) or []
        self.window.flash(
            self.tr("已开始催付：%1 个提醒").replace("%1", str(len(added))) if added else self.tr("该订单已在催付中")
        )
        self.check_due()  # a stage already past is due at once
        return added

    def stop_nudging(self, order_no: str) -> int:
        stopped = self._change(lambda book: book.stop_nudging(order_no)) or 0
        self.window.flash(self.tr("已停止催付"))
        return stopped

    def snooze(self, rid: str, delay: timedelta) -> None:
        now = self.clock()
        self._change(lambda book: book.snooze(rid, now, delay) if rid in book.reminders else None)

    def mark_done(self, rid: str) -> None:
        self._change(lambda book: book.done(rid) if rid in book.reminders else None)

    # ------------------------------------------------------------ view
    def refresh(self) -> None:
        """Counts on the toggle button, the panel's list and the due strip, from ``self.book``."""
        due, waiting = self.book.counts()
        self.toggle_button.setText(self.tr("提醒 %1").replace("%1", str(due)) if due else self.tr("提醒"))
        self.toggle_button.setToolTip(
            self.tr("到期 %1 · 待办 %2（Ctrl+T 设置提醒）").replace("%1", str(due)).replace("%2", str(waiting))
        )
        self.toggle_button.setStyleSheet("color:#d4380d; font-weight:bold;" if due else "")
        items = self.book.open_reminders()
        self.panel.set_reminders(items, self.clock())
        self.strip.show_due([r for r in items if r.state == DUE])

    def open_reminder(self, rid: str) -> bool:
        """Select the reminder's script with its order number filled."""
        reminder = self.book.reminders.get(rid)
        if reminder is None:
            return False
        if reminder.order_no:  # carried to scripts without an order field too, until 新会话
            self.window.conversation.set_value("order_no", reminder.order_no)
        opened = bool(reminder.script_id) and self.window.select_script(reminder.script_id)
        if opened and reminder.order_no:
            self.window.set_field_value("order_no", reminder.order_no)
        self._opened = rid if opened else None
        if not opened:
            self.window.flash(reminder.label(), ok=True)
        return opened

    # ------------------------------------------------------------ from the reply form
    def open_chooser(self) -> FollowUpChooser:
        """Ctrl+T: when to remind, carrying the conversation's order number and the script's default note."""
        script, conversation = self.window.current, self.window.conversation
        note = ""
        eta = ""
        if script is not None:
            note = script.follow_up.note if script.follow_up and script.follow_up.note else script.title
            eta = next((conversation.value(f.name) for f in script.fields if f.type is FieldType.ETA), "")
        chooser = FollowUpChooser(self.window, self.clock(), conversation.value("order_no"), note, eta)
        script_id = script.id if script is not None else ""
        chooser.chosen.connect(lambda due, order_no, text: self.add_follow_up(due, order_no, text, script_id))
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.open()
        return chooser

    def open_nudge_dialog(self) -> NudgeDialog:
        dialog = NudgeDialog(self.window, self.clock(), self.window.conversation.value("order_no"))
        dialog.chosen.connect(self.start_nudging)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _on_copied(self, script_id: str, _text: str) -> None:
        """Copying an opened reminder's script ends it; a script with a default follow-up sets one."""
        order_no = self.window.conversation.value("order_no")
        opened = self.book.reminders.get(self._opened or "")
        if opened is not None and opened.script_id == script_id and opened.order_no in ("", order_no):
            self._opened = None
            self.mark_done(opened.id)
        script = self.window.loaded.library.script(script_id)
        if script is None or script.follow_up is None or self.book.has_open_follow_up(script_id, order_no):
            return
        now = self.clock()
        due = follow_up_due(script, self.window.conversation.values(), now)
        if due is None:
            self.window.banner.show_message(
                self.tr("这条话术约定了回复时间，但看不懂预计时间；请按 Ctrl+T 设置提醒"), "info"
            )
            return
        note = script.follow_up.note or script.title
        self._change(lambda book: book.add_follow_up(due, now, order_no, note, script_id))
        when = due.astimezone(now.tzinfo).strftime("%H:%M" if due.date() == now.date() else "%m-%d %H:%M")
        self.window.banner.show_message(
            self.tr("已自动设置跟进提醒：%1 %2").replace("%1", when).replace("%2", note), "info", 6000
        )


def attach(window: MainWindow, paths: AppPaths, clock: Clock) -> RemindersController:
    """Give ``window`` follow-ups and nudges stored in ``paths``' profile."""
    return RemindersController(window, RemindersStore(paths.reminders_file), clock)
