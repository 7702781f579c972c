"""The real window, driven offscreen with keys and clicks like an agent would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from cs_companion.core.browse import TAB_FAVOURITES, tab_keys
from cs_companion.core.template import render
from cs_companion.storage.paths import AppPaths
from cs_companion.ui.app import build_main_window
from cs_companion.ui.main_window import MainWindow
from cs_companion.ui.qt_clipboard import clipboard_text, set_clipboard_text

ORDER_NO = "4512987736102"


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Chinese included (qtbot.keyClicks only knows ASCII keys)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def make_window(qtbot: QtBot) -> MainWindow:
    window = build_main_window(AppPaths.default())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    set_clipboard_text("")
    return make_window(qtbot)


def focused_line_edit() -> QLineEdit:
    widget = QApplication.focusWidget()
    assert isinstance(widget, QLineEdit), f"focus is on {widget!r}"
    return widget


def test_search_box_is_focused_on_start(window: MainWindow) -> None:
    assert QApplication.focusWidget() is window.search


def test_three_actions_late_parcel_reply(window: MainWindow, qtbot: QtBot) -> None:
    """Type wlyc, Enter, type the order number and Enter: the reply is on the clipboard."""
    qtbot.keyClicks(window.search, "wlyc")
    assert window.current is not None and window.current.scenario == "logistics.delay"
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    order_edit = focused_line_edit()
    assert order_edit is window.form.editor("order_no")
    assert clipboard_text() == "", "nothing is copied while the order number is missing"
    qtbot.keyClicks(order_edit, ORDER_NO)
    qtbot.keyClick(order_edit, Qt.Key.Key_Return)
    expected = render(window.current, {"order_no": ORDER_NO}).text
    assert clipboard_text() == expected
    assert ORDER_NO in expected and "{{" not in expected and "【" not in expected
    assert "已复制" in window.copied_label.text()


def test_chinese_query_finds_damaged_parcel(window: MainWindow) -> None:
    type_text(window.search, "破损")
    assert window.current is not None and window.current.scenario == "logistics.damaged"


def test_pasted_customer_message_finds_scenario(window: MainWindow) -> None:
    type_text(window.search, "我的快递怎么四天了还没到，物流一直不动")
    assert window.current is not None and window.current.scenario == "logistics.delay"


def test_up_down_move_selection_and_enter_copies_ready_script(window: MainWindow, qtbot: QtBot) -> None:
    type_text(window.search, "开场欢迎")
    first = window.current
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    second = window.current
    assert second is not None and second is not first
    qtbot.keyClick(window.search, Qt.Key.Key_Up)
    assert window.current is first
    assert first is not None and not first.fields
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert clipboard_text() == render(first, {}).text


def test_ctrl_number_copies_nth_result(window: MainWindow, qtbot: QtBot) -> None:
    type_text(window.search, "开场欢迎")
    second = window.model.script_at(1)
    assert second is not None
    qtbot.keyClick(window.search, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current is second
    assert clipboard_text() == render(second, {}).text


def test_values_carry_over_until_new_conversation(window: MainWindow, qtbot: QtBot) -> None:
    assert window.select_script("logistics.delay.first_reply")
    window.set_field_value("order_no", ORDER_NO)
    assert window.select_script("logistics.delay.carrier_update")
    assert window.form.text("order_no") == ORDER_NO
    assert ORDER_NO in window.current_text()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.form.text("order_no") == ""
    assert ORDER_NO not in window.current_text()
    assert QApplication.focusWidget() is window.search


def test_ctrl_enter_copies_from_a_field_and_money_renders_consistently(window: MainWindow, qtbot: QtBot) -> None:
    assert window.select_script("logistics.delay.compensation")
    window.set_field_value("days", "3")
    window.set_field_value("amount", "15.00")
    assert "15元" in window.current_text() and "15.00" not in window.current_text()
    window.form.focus_field("amount")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert clipboard_text() == window.current_text()


def test_incomplete_reply_is_not_copied(window: MainWindow, qtbot: QtBot) -> None:
    assert window.select_script("logistics.delay.compensation")
    assert window.copy_current() is False
    assert clipboard_text() == ""
    assert QApplication.focusWidget() is window.form.editor("days")


def test_edited_preview_is_copied_and_compliance_warns(window: MainWindow, qtbot: QtBot) -> None:
    type_text(window.search, "开场欢迎")
    editor = window.preview.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, "给个好评就返5元红包")
    qtbot.waitUntil(window.preview.warning.isVisible, timeout=2_000)
    assert any(f.rule == "review_reward" and f.blocking for f in window.preview.findings)
    # A platform violation is never copied by one key press: the first only asks for confirmation.
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert clipboard_text() == ""
    assert "再按一次" in window.copied_label.text()
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert clipboard_text().endswith("给个好评就返5元红包")
    assert "已确认" in window.copied_label.text()


def test_a_warning_only_finding_copies_at_once(window: MainWindow, qtbot: QtBot) -> None:
    type_text(window.search, "开场欢迎")
    editor = window.preview.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, "保证明天一定到")
    qtbot.waitUntil(window.preview.warning.isVisible, timeout=2_000)
    assert window.preview.findings and not window.preview.has_blocking
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert clipboard_text().endswith("保证明天一定到")


def test_escape_clears_search_and_ctrl_f_focuses_it(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.search, "tk")
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == ""
    window.preview.editor.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search


def test_nothing_matching_shows_the_closest_scenarios_as_guesses(window: MainWindow) -> None:
    type_text(window.search, "完全不存在的话术内容xyz")
    assert window.model.rowCount() > 0, "a query of two or more characters never leaves the list empty"
    assert window.search_panel.guess_label.isVisible()
    assert "可能是" in window.search_panel.guess_label.text()
    window.search.clear()
    type_text(window.search, "退款")
    assert not window.search_panel.guess_label.isVisible()


def test_no_results_shows_empty_state(window: MainWindow) -> None:
    window.tabs.setCurrentIndex(tab_keys(window.loaded.library).index(TAB_FAVOURITES))  # no favourites yet
    type_text(window.search, "退款")
    assert window.model.rowCount() == 0
    assert window.current is None
    assert window.copy_current() is False
    assert not window.copy_button.isEnabled()


def test_favourites_and_usage_survive_restart(window: MainWindow, qtbot: QtBot) -> None:
    assert window.select_script("general.closing.thanks") or window.select_script(window.model.script_at(0).id)
    favourite = window.current
    assert favourite is not None
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.star_button.text() == "★"
    window.close()

    again = make_window(qtbot)
    assert favourite.id in again.state.favourites
    again.tabs.setCurrentIndex(1)  # ★收藏
    assert [again.model.script_at(i).id for i in range(again.model.rowCount())] == [favourite.id]


def test_corrupt_settings_file_is_reported_and_set_aside(qtbot: QtBot, isolated_profile: Path) -> None:
    paths = AppPaths.default()
    paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_text("{ this is not json", encoding="utf-8")
    window = make_window(qtbot)
    assert window.banner.isVisible()
    assert "settings.json" in window.banner.label.text()
    assert not paths.settings_file.exists()
    assert paths.settings_file.with_name("settings.json.corrupt").exists()
    assert window.settings.always_on_top is True


def test_pin_button_toggles_on_top_and_saves(window: MainWindow, qtbot: QtBot) -> None:
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    qtbot.mouseClick(window.pin_button, Qt.MouseButton.LeftButton)
    assert not window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    saved = json.loads(AppPaths.default().settings_file.read_text(encoding="utf-8"))
    assert saved["always_on_top"] is False


def test_category_tab_filters_results(window: MainWindow) -> None:
    logistics = tab_keys(window.loaded.library).index("logistics")
    window.tabs.setCurrentIndex(logistics)
    scenarios = {window.model.script_at(i).scenario for i in range(window.model.rowCount())}
    assert scenarios and all(s.startswith("logistics.") for s in scenarios)


def test_window_geometry_is_remembered(qtbot: QtBot) -> None:
    first = make_window(qtbot)
    first.resize(400, 650)
    first.close()
    second = make_window(qtbot)
    assert (second.width(), second.height()) == (400, 650)


def test_second_launch_brings_first_forward(qtbot: QtBot, tmp_path: Path) -> None:
    from cs_companion.ui.single_instance import SingleInstance

    name = f"cs-companion-test-{tmp_path.name}"
    first = SingleInstance(name)
    assert first.listen()
    try:
        with qtbot.waitSignal(first.activated, timeout=3000):
            assert SingleInstance.notify_running(name) is True
    finally:
        first.close()
    assert SingleInstance.notify_running(name) is False


def test_second_run_app_exits_when_first_is_running(qtbot: QtBot, capsys: pytest.CaptureFixture[str]) -> None:
    from cs_companion.ui.app import run_app
    from cs_companion.ui.single_instance import SingleInstance

    first = SingleInstance(AppPaths.default().lock_name)
    assert first.listen()
    try:
        with qtbot.waitSignal(first.activated, timeout=3000):
            assert run_app() == 0
    finally:
        first.close()
    assert "already running" in capsys.readouterr().err


def test_unexpected_error_becomes_one_banner_line_and_a_log_entry(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import logging
    import sys

    from cs_companion.ui.app import _install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        _install_excepthook(AppPaths.default(), window)
        try:
            raise ValueError("boom")
        except ValueError as exc:
            sys.excepthook(ValueError, exc, exc.__traceback__)
    finally:
        for handler in root.handlers[len(before) :]:
            handler.close()
            root.removeHandler(handler)
    assert window.banner.level == "error" and "boom" in window.banner.label.text()
    assert "Traceback" not in window.banner.label.text()
    log_text = (AppPaths.default().cache / "cs-companion.log").read_text(encoding="utf-8")
    assert "ValueError: boom" in log_text and "Traceback" in log_text


def test_pasting_a_customer_message_fills_the_order_number(window: MainWindow, qtbot: QtBot) -> None:
    """订单号4512987736102 怎么还没发货: the order number lands in the form, marked as taken from the message."""
    window.search.setText("订单号4512987736102 怎么还没发货")
    assert window.current is not None
    assert window.current.scenario in ("logistics.not_shipped", "logistics.tracking")
    assert window.conversation.value("order_no") == "4512987736102"
    editor = window.form.editor("order_no")
    if editor is not None:
        assert editor.property("fromMessage") is True
    # What the agent types is never overwritten by the next pasted message.
    window.set_field_value("order_no", "111122223333")
    window.search.setText("你好 订单号 4512987736999 能改地址吗")
    assert window.conversation.value("order_no") == "111122223333"


def test_a_phone_number_is_never_taken_as_the_order_number(window: MainWindow) -> None:
    window.search.setText("我的电话13812345678 快递到哪了")
    assert window.conversation.value("order_no") == ""


def test_font_size_reaches_the_list_form_and_preview_live_and_after_restart(qtbot: QtBot) -> None:
    from dataclasses import replace

    window = make_window(qtbot)
    window.apply_settings(replace(window.settings, font_size=13))
    small = window.grab().toImage()
    assert {window.results.font().pointSize(), window.preview.editor.font().pointSize()} == {13}
    new = replace(window.settings, font_size=24)
    window.ctx.settings_store.save(new)
    window.apply_settings(new)
    assert window.results.font().pointSize() == 24 and window.search.font().pointSize() == 24
    assert window.grab().toImage() != small
    window.close()
    again = make_window(qtbot)
    assert again.preview.editor.font().pointSize() == 24


def test_hand_edits_survive_looking_at_other_scripts_until_restored(window: MainWindow) -> None:
    assert window.select_script("general.greeting.welcome")
    editor = window.preview.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, "（我改过的）")
    edited = window.current_text()
    assert window.select_script("general.closing.thanks") or window.select_script(window.model.script_at(1).id)
    assert window.select_script("general.greeting.welcome")
    assert window.current_text() == edited and window.preview.user_edited
    window.reply_panel.reset_button.click()
    assert "（我改过的）" not in window.current_text()
    assert window.select_script("general.closing.thanks") or True
    assert window.select_script("general.greeting.welcome")
    assert "（我改过的）" not in window.current_text()


def test_result_list_never_scrolls_sideways(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.search, "wlyc")
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.results.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert not window.results.horizontalScrollBar().isVisible()
