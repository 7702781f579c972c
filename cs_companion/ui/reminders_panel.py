"""The 提醒 panel and the due-reminder strip: what the agent sees of follow-ups and payment nudges.

Widgets only: they show a list of ``Reminder`` values and ask for actions
with signals (open, snooze, done, stop nudging an order). The controller
(``reminders_controller``) owns the book, the clock and the file.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cs_companion.core.reminders import DUE, NUDGE, SNOOZED, Reminder

SNOOZE_CHOICES = ((10, "10 分钟后"), (30, "30 分钟后"), (60, "1 小时后"))
"""Minutes and label of the 稍后 menu."""
DUE_STYLE = "#dueStrip { background:#fff7e6; border:1px solid #ffd591; border-radius:4px; }"


def when_text(reminder: Reminder, now: datetime) -> str:
    """``14:05`` today, ``明天 10:00``, or ``11-25 10:00``; in the clock's time zone."""
    due = reminder.due.astimezone(now.tzinfo)
    days = (due.date() - now.date()).days
    prefix = "" if days == 0 else "明天 " if days == 1 else due.strftime("%m-%d ")
    return prefix + due.strftime("%H:%M")


def snooze_menu(parent: QWidget, on_choice: object) -> QMenu:
    """The 稍后 menu; ``on_choice(minutes)`` is called with the picked delay."""
    menu = QMenu(parent)
    for minutes, text in SNOOZE_CHOICES:
        action = menu.addAction(parent.tr(text))
        action.setData(minutes)
        action.triggered.connect(lambda _c=False, m=minutes: on_choice(m))  # type: ignore[operator]
    return menu


class RemindersPanel(QWidget):
    """Counts, the open reminders (due first) and 打开 / 稍后 / 完成 / 停止催付 for the selected one.

    Signals:
        open_requested(str), done_requested(str), snooze_requested(str, int): a reminder id (and minutes).
        stop_nudging_requested(str): an order number whose nudges should all end (the customer paid).
    """

    open_requested = Signal(str)
    done_requested = Signal(str)
    snooze_requested = Signal(str, int)
    stop_nudging_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remindersPanel")
        self._reminders: dict[str, Reminder] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("scriptTitle")
        layout.addWidget(self.counts_label)
        self.list = QListWidget(self)
        self.list.setObjectName("reminders")
        self.list.itemDoubleClicked.connect(lambda item: self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.list.currentItemChanged.connect(lambda _cur, _prev: self._update_buttons())
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("打开"), self)
        self.open_button.setToolTip(self.tr("打开对应话术并填好订单号"))
        self.open_button.clicked.connect(lambda: self._emit_selected(self.open_requested))
        self.snooze_button = QToolButton(self)
        self.snooze_button.setText(self.tr("稍后"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snooze_button.setMenu(snooze_menu(self, self._snooze_selected))
        self.done_button = QPushButton(self.tr("完成"), self)
        self.done_button.clicked.connect(lambda: self._emit_selected(self.done_requested))
        self.stop_button = QPushButton(self.tr("已付款，停止催付"), self)
        self.stop_button.clicked.connect(self._stop_selected)
        for widget in (self.open_button, self.snooze_button, self.done_button, self.stop_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        self.set_reminders([], datetime.now().astimezone())

    def selected(self) -> Reminder | None:
        item = self.list.currentItem()
        return self._reminders.get(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def set_reminders(self, reminders: list[Reminder], now: datetime) -> None:
        """Show ``reminders`` (open ones, due first), keeping the selection where it still exists."""
        keep = self.selected().id if self.selected() is not None else None  # type: ignore[union-attr]
        self._reminders = {r.id: r for r in reminders}
        due = sum(r.state == DUE for r in reminders)
        self.counts_label.setText(
            self.tr("提醒：到期 %1 · 待办 %2").replace("%1", str(due)).replace("%2", str(len(reminders) - due))
        )
        self.list.blockSignals(True)
        self.list.clear()
        for reminder in reminders:
            mark = "⏰ " if reminder.state == DUE else "💤 " if reminder.state == SNOOZED else ""
            item = QListWidgetItem(f"{mark}{when_text(reminder, now)}  {reminder.label()}")
            item.setData(Qt.ItemDataRole.UserRole, reminder.id)
            if reminder.state == DUE:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
            if reminder.id == keep:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        if not reminders:
            self.list.addItem(self.tr("没有提醒。Ctrl+T 为当前会话设置跟进提醒。"))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.selected()
        for widget in (self.open_button, self.snooze_button, self.done_button):
            widget.setEnabled(selected is not None)
        self.stop_button.setEnabled(selected is not None and selected.kind == NUDGE)

    def _emit_selected(self, signal: SignalInstance) -> None:
        selected = self.selected()
        if selected is not None:
            signal.emit(selected.id)

    def _snooze_selected(self, minutes: int) -> None:
        selected = self.selected()
        if selected is not None:
            self.snooze_requested.emit(selected.id, minutes)

    def _stop_selected(self) -> None:
        selected = self.selected()
        if selected is not None and selected.kind == NUDGE:
            self.stop_nudging_requested.emit(selected.order_no)


class DueStrip(QFrame):
    """The strip at the top of the window while a reminder is due: what, and 打开 / 稍后 / 完成.

    Signals:
        open_requested(str), done_requested(str), snooze_requested(str, int): the shown reminder's id.
    """

    open_requested = Signal(str)
    done_requested = Signal(str)
    snooze_requested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueStrip")
        self.setStyleSheet(DUE_STYLE)
        self.reminder: Reminder | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.open_button = QPushButton(self.tr("打开"), self)
        self.open_button.clicked.connect(lambda: self._emit(self.open_requested))
        self.snooze_button = QToolButton(self)
        self.snooze_button.setText(self.tr("稍后"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snooze_button.setMenu(snooze_menu(self, self._snooze))
        self.done_button = QPushButton(self.tr("完成"), self)
        self.done_button.clicked.connect(lambda: self._emit(self.done_requested))
        for widget in (self.open_button, self.snooze_button, self.done_button):
            layout.addWidget(widget)
        self.hide()

    def show_due(self, due: list[Reminder]) -> None:
        """Show the oldest due reminder (and how many more wait), or hide when none is due."""
        if not due:
            self.reminder = None
            self.hide()
            return
        self.reminder = due[0]
        more = self.tr("（另有 %1 条到期）").replace("%1", str(len(due) - 1)) if len(due) > 1 else ""
        self.label.setText(self.tr("⏰ 提醒到期：") + due[0].label() + more)
        self.show()

    def _emit(self, signal: SignalInstance) -> None:
        if self.reminder is not None:
            signal.emit(self.reminder.id)

    def _snooze(self, minutes: int) -> None:
        if self.reminder is not None:
            self.snooze_requested.emit(self.reminder.id, minutes)
