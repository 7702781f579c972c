"""The two small dialogs of follow-ups: Ctrl+T's "when shall I remind you?" and "start nudging this order".

Both open non-blocking (``open()``, window-modal) and report with a signal,
so the window keeps its event loop and tests click their buttons directly.
Times come from the controller's clock, never from the system here.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cs_companion.core.reminders import MAX_NOTE_CHARS, MAX_ORDER_CHARS
from cs_companion.core.when import eta_reminder_time, tomorrow_at

TOMORROW_AT = (10, 0)


def to_qdatetime(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def from_qdatetime(value: QDateTime, like: datetime) -> datetime:
    """An aware datetime in ``like``'s time zone (the clock's)."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), tz=like.tzinfo)


class FollowUpChooser(QDialog):
    """30 分钟后 / 2 小时后 / 明天 10:00 / 按预计时间, or a time picked by hand; with order number and note.

    Signals:
        chosen(object, str, str): the reminder time (aware datetime), order number, note.
    """

    chosen = Signal(object, str, str)

    def __init__(self, parent: QWidget, now: datetime, order_no: str = "", note: str = "", eta: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置跟进提醒"))
        self._now = now
        self._eta = eta.strip()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.order_edit = QLineEdit(order_no, self)
        self.order_edit.setMaxLength(MAX_ORDER_CHARS)
        self.order_edit.setPlaceholderText(self.tr("可不填"))
        form.addRow(self.tr("订单号"), self.order_edit)
        self.note_edit = QLineEdit(note, self)
        self.note_edit.setMaxLength(MAX_NOTE_CHARS)
        self.note_edit.setPlaceholderText(self.tr("例如 回电告知退款进度（不要写客户原话）"))
        form.addRow(self.tr("备注"), self.note_edit)
        layout.addLayout(form)
        grid = QGridLayout()
        eta_text = self.tr("按预计时间（%1）").replace("%1", self._eta) if self._eta else self.tr("按预计时间")
        choices = {
            "30m": (self.tr("30 分钟后"), lambda: now + timedelta(minutes=30)),
            "2h": (self.tr("2 小时后"), lambda: now + timedelta(hours=2)),
            "tomorrow": (self.tr("明天 10:00"), lambda: tomorrow_at(now, *TOMORROW_AT)),
            "eta": (eta_text, self._eta_time),
        }
        self.buttons: dict[str, QPushButton] = {}
        for i, (key, (text, when)) in enumerate(choices.items()):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _c=False, when=when: self._choose(when()))
            grid.addWidget(button, i // 2, i % 2)
            self.buttons[key] = button
        self.buttons["eta"].setEnabled(bool(self._eta))
        if not self._eta:
            self.buttons["eta"].setToolTip(self.tr("当前话术没有填写预计时间"))
        layout.addLayout(grid)
        self.ask_label = QLabel(self)
        self.ask_label.setObjectName("notes")
        self.ask_label.setWordWrap(True)
        self.ask_label.hide()
        layout.addWidget(self.ask_label)
        self.time_edit = QDateTimeEdit(to_qdatetime(now + timedelta(hours=1)), self)
        self.time_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.time_edit.setCalendarPopup(True)
        self.time_edit.setMinimumDateTime(to_qdatetime(now))
        layout.addWidget(self.time_edit)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("按所选时间提醒"))
        box.accepted.connect(lambda: self._choose(from_qdatetime(self.time_edit.dateTime(), now)))
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.buttons["30m"].setFocus(Qt.FocusReason.OtherFocusReason)

    def _eta_time(self) -> datetime | None:
        """The reminder time for the typed ETA; None (and ask for a time) when the phrase is not understood."""
        when = eta_reminder_time(self._eta, self._now)
        if when is None:
            self.ask_label.setText(self.tr("看不懂预计时间“%1”，请在下面选择提醒时间").replace("%1", self._eta))
            self.ask_label.show()
            self.time_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return when

    def _choose(self, when: datetime | None) -> None:
        if when is None:
            return
        self.chosen.emit(when, self.order_edit.text().strip(), self.note_edit.text().strip())
        self.accept()


class NudgeDialog(QDialog):
    """开始催付: the order number and when it was placed (the five stages count from then).

    Signals:
        chosen(str, object): order number, order time (aware datetime).
    """

    chosen = Signal(str, object)

    def __init__(self, parent: QWidget, now: datetime, order_no: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("开始催付"))
        self._now = now
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("下单后 10 分钟、1 小时、3 小时、12 小时、24 小时各提醒一次，打开对应催付话术。"), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        self.order_edit = QLineEdit(order_no, self)
        self.order_edit.setMaxLength(MAX_ORDER_CHARS)
        form.addRow(self.tr("订单号"), self.order_edit)
        self.time_edit = QDateTimeEdit(to_qdatetime(now), self)
        self.time_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.time_edit.setMaximumDateTime(to_qdatetime(now))
        form.addRow(self.tr("下单时间"), self.time_edit)
        layout.addLayout(form)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("complianceWarning")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("开始催付"))
        box.accepted.connect(self._submit)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        (self.time_edit if order_no else self.order_edit).setFocus(Qt.FocusReason.OtherFocusReason)

    def _submit(self) -> None:
        order_no = self.order_edit.text().strip()
        if not order_no:
            self.error_label.setText(self.tr("请填写订单号"))
            self.error_label.show()
            self.order_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.chosen.emit(order_no, min(from_qdatetime(self.time_edit.dateTime(), self._now), self._now))
        self.accept()
