"""Follow-ups and payment nudges in the real window, with a fake clock driving the real poll timer."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialogButtonBox, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from cs_companion.core.reminders import DONE, DUE, NUDGE
from cs_companion.desktop.fake import FakeDesktop
from cs_companion.storage.paths import AppPaths
from cs_companion.storage.reminders_store import RemindersStore
from cs_companion.storage.usage_stats import UsageStatsStore
from cs_companion.ui.app import build_main_window
from cs_companion.ui.main_window import MainWindow
from cs_companion.ui.qt_clipboard import set_clipboard_text
from cs_companion.ui.reminder_dialogs import FollowUpChooser, NudgeDialog
from cs_companion.ui.reminders_controller import RemindersController
from cs_companion.ui.usage_recorder import UsageRecorder

CST = timezone(timedelta(hours=8))
ORDER = "4512987736102"


class FakeClock:
    """The time the window sees; tests move it forward."""

    def __init__(self) -> None:
        self.now = datetime(2024, 5, 15, 14, 0, tzinfo=CST)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class RecordingTray(QSystemTrayIcon):
    """A tray that records its notifications (offscreen Qt has no real tray)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(QIcon(), parent)
        self.messages: list[tuple[str, str]] = []

    def isVisible(self) -> bool:
        return True

    def showMessage(self, title: str, text: str, *args: object) -> None:  # type: ignore[override]
        self.messages.append((title, text))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def open_window(qtbot: QtBot, clock: FakeClock) -> tuple[MainWindow, RemindersController]:
    set_clipboard_text("")
    window = build_main_window(AppPaths.default(), clock=clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    controller = window.findChild(RemindersController)
    assert controller is not None
    controller.timer.setInterval(20)  # the real poll timer, just faster than 15 s
    return window, controller


@pytest.fixture
def window(qtbot: QtBot, clock: FakeClock) -> tuple[MainWindow, RemindersController]:
    return open_window(qtbot, clock)


def stored(window: MainWindow) -> RemindersStore:
    return RemindersStore(AppPaths.default().reminders_file)


def test_ctrl_t_sets_a_reminder_at_the_typed_eta_with_the_order_number(
    window: tuple[MainWindow, RemindersController], qtbot: QtBot, clock: FakeClock
) -> None:
    win, controller = window
    assert controller.actions["follow_up"].shortcut().toString() == "Ctrl+T"
    assert win.select_script("followup.callback.update")
    win.set_field_value("order_no", ORDER)
    win.set_field_value("eta", "今天18:00前")
    controller.actions["follow_up"].trigger()
    chooser = win.findChild(FollowUpChooser)
    assert chooser is not None and chooser.isVisible()
    assert chooser.order_edit.text() == ORDER
    assert "今天18:00前" in chooser.buttons["eta"].text()
    chooser.buttons["eta"].click()
    [reminder] = stored(win).load().open_reminders()
    assert (reminder.due, reminder.order_no, reminder.script_id) == (
        datetime(2024, 5, 15, 17, 30, tzinfo=CST),
        ORDER,
        "followup.callback.update",
    )
    assert controller.toggle_button.text() == "提醒"


def test_unreadable_eta_asks_for_a_time_instead_of_guessing(
    window: tuple[MainWindow, RemindersController], clock: FakeClock
) -> None:
    win, controller = window
    win.select_script("followup.callback.update")
    win.set_field_value("eta", "等仓库通知")
    chooser = controller.open_chooser()
    chooser.buttons["eta"].click()
    assert chooser.isVisible() and chooser.ask_label.isVisible()
    assert stored(win).load().open_reminders() == []
    chooser.buttons["30m"].click()
    assert [r.due for r in stored(win).load().open_reminders()] == [clock.now + timedelta(minutes=30)]


def test_due_reminder_shows_in_window_and_tray_once_and_opens_its_stage_script(
    window: tuple[MainWindow, RemindersController], qtbot: QtBot, clock: FakeClock
) -> None:
    win, controller = window
    tray = RecordingTray(win)
    controller.set_tray(tray)
    dialog = controller.open_nudge_dialog()
    assert isinstance(dialog, NudgeDialog)
    dialog.order_edit.setText(ORDER)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert [r.stage for r in stored(win).load().open_reminders()] == ["10min", "1h", "3h", "12h", "24h"]
    qtbot.wait(60)
    assert not controller.strip.isVisible() and tray.messages == []

    clock.advance(minutes=10)
    qtbot.waitUntil(lambda: controller.strip.isVisible())
    assert "催付 · 10min · 订单 " + ORDER in controller.strip.label.text()
    assert tray.messages == [("客服提醒到期", f"催付 · 10min · 订单 {ORDER}")]
    assert controller.toggle_button.text() == "提醒 1"
    qtbot.wait(100)  # many more polls: still one notification
    assert len(tray.messages) == 1

    clock.advance(hours=3)
    qtbot.waitUntil(lambda: len(tray.messages) == 2)
    assert "另有 2 条到期" in controller.strip.label.text()
    controller.open_reminder(next(r.id for r in controller.book.open_reminders() if r.stage == "3h"))
    assert win.current is not None and win.current.id == "payment.nudge.stage_3h"
    assert win.form.text("order_no") == ORDER

    controller.strip.open_button.click()  # the oldest due one: 10 minutes, a script without an order field
    assert win.current is not None and win.current.id == "payment.nudge.stage_10min"
    assert win.conversation.value("order_no") == ORDER
    win.copy_current()  # sent: the reminder is done
    states = {r.stage: r.state for r in stored(win).load().reminders.values()}
    assert states == {"10min": DONE, "1h": DUE, "3h": DUE, "12h": "pending", "24h": "pending"}


def test_a_restart_never_announces_a_reminder_twice(qtbot: QtBot, clock: FakeClock) -> None:
    win, controller = open_window(qtbot, clock)
    controller.add_follow_up(clock.now + timedelta(minutes=30), ORDER, "回电")
    clock.advance(minutes=31)
    assert [r.note for r in controller.check_due()] == ["回电"]
    win.close()
    again, restarted = open_window(qtbot, clock)
    tray = RecordingTray(again)
    restarted.set_tray(tray)
    assert restarted.check_due() == [] and tray.messages == []
    assert restarted.strip.isVisible() or restarted.strip.reminder is not None  # still shown as due, not re-announced


def test_snooze_and_done_from_the_panel(
    window: tuple[MainWindow, RemindersController], qtbot: QtBot, clock: FakeClock
) -> None:
    win, controller = window
    controller.add_follow_up(clock.now, ORDER, "回电")
    qtbot.waitUntil(lambda: controller.strip.isVisible())
    controller.toggle_button.click()
    assert controller.panel.isVisible() and "到期 1" in controller.panel.counts_label.text()
    controller.panel.snooze_button.menu().actions()[0].trigger()  # 10 分钟后
    assert not controller.strip.isVisible()
    clock.advance(minutes=10)
    qtbot.waitUntil(lambda: controller.strip.isVisible())
    controller.panel.done_button.click()
    assert stored(win).load().counts() == (0, 0) and not controller.strip.isVisible()


def test_stop_nudging_when_the_customer_paid(window: tuple[MainWindow, RemindersController], clock: FakeClock) -> None:
    win, controller = window
    controller.start_nudging(ORDER, clock.now)
    controller.panel.list.setCurrentRow(0)
    controller.panel.stop_button.click()
    assert all(r.state == DONE and r.kind == NUDGE for r in stored(win).load().reminders.values())


def test_a_script_with_a_default_follow_up_sets_it_when_copied(
    window: tuple[MainWindow, RemindersController], clock: FakeClock
) -> None:
    win, _controller = window
    assert win.select_script("followup.callback.promise")
    win.conversation.set_value("order_no", ORDER)
    win.set_field_value("issue", "少发一件")
    win.set_field_value("dept", "仓库")
    win.set_field_value("eta", "今天18:00前")
    assert win.copy_current()
    [reminder] = stored(win).load().open_reminders()
    assert (reminder.due.hour, reminder.due.minute, reminder.order_no) == (17, 30, ORDER)
    assert win.copy_current()  # copied again: no duplicate
    assert len(stored(win).load().open_reminders()) == 1


def test_copies_and_overrides_are_counted_without_any_text(
    window: tuple[MainWindow, RemindersController], clock: FakeClock, tmp_path: Path
) -> None:
    win, _controller = window
    assert win.select_script("general.greeting.welcome")
    assert win.copy_current()
    win.preview.editor.setPlainText("亲，加我微信吧，订单4512987736102")
    assert win.preview.has_blocking
    assert not win.copy_current()  # the first request only arms the confirmation: nothing left, nothing counted
    assert win.copy_current()
    stats = UsageStatsStore(AppPaths.default().usage_stats_file)
    assert [(r.script_id, r.copies, r.overrides) for r in stats.rows()] == [("general.greeting.welcome", 2, 1)]
    text = stats.path.read_text(encoding="utf-8")
    assert "微信" not in text and "4512987736102" not in text
    recorder = win.findChild(UsageRecorder)
    assert recorder is not None and recorder.export_to(tmp_path / "out.csv") == 1


@pytest.mark.qt_log_ignore("does not support raise")
def test_a_paste_into_the_chat_counts_as_a_copy_and_a_paste(
    window: tuple[MainWindow, RemindersController], qtbot: QtBot
) -> None:
    win, _controller = window
    chat = 900001
    desktop = FakeDesktop(windows={chat, int(win.winId())}, active=chat)
    win.delivery.desktop = desktop
    win.delivery.remember(chat)
    assert win.select_script("general.greeting.welcome")
    assert win.copy_current()
    assert win.delivery.paste()
    qtbot.waitUntil(lambda: desktop.sent == [(chat, "ctrl+v")], timeout=2000)
    stats = UsageStatsStore(AppPaths.default().usage_stats_file)
    rows = [(r.script_id, r.copies, r.pastes, r.uses) for r in stats.rows()]
    assert rows == [("general.greeting.welcome", 2, 1, 2)]


def test_daily_csv_goes_to_the_shared_folder_it_named(qtbot: QtBot, clock: FakeClock, tmp_path: Path) -> None:
    config = Path(str(tmp_path / "system" / "config.json"))
    config.parent.mkdir(parents=True)
    config.write_text(json.dumps({"stats_folder": str(tmp_path / "share")}), encoding="utf-8")
    win, _controller = open_window(qtbot, clock)
    win.select_script("general.greeting.welcome")
    win.copy_current()
    recorder = win.findChild(UsageRecorder)
    assert recorder is not None and recorder.shared_timer.isActive()
    written = recorder.write_shared()
    assert written is not None and written.parent == tmp_path / "share"
    assert "2024-05-15" in written.name and "general.greeting.welcome,1,0,0" in written.read_text(encoding="utf-8-sig")


@pytest.mark.qt_log_ignore("does not support raise")
def test_clicking_the_tray_notification_opens_the_reminder(
    window: tuple[MainWindow, RemindersController], qtbot: QtBot, clock: FakeClock
) -> None:
    win, controller = window
    tray = RecordingTray(win)
    controller.set_tray(tray)
    controller.start_nudging(ORDER, clock.now - timedelta(hours=24))
    qtbot.waitUntil(lambda: len(tray.messages) == 1)
    assert tray.messages[0][1] == f"催付 · 24h · 订单 {ORDER}"
    tray.messageClicked.emit()
    assert win.current is not None and win.current.id == "payment.nudge.stage_24h"
    assert win.form.text("order_no") == ORDER
