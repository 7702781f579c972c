"""Copy or paste into the chat window, the global hotkey and clipboard watch, against FakeDesktop."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cs_companion.desktop import UnsupportedDesktop
from cs_companion.desktop.fake import FakeDesktop
from cs_companion.storage.paths import AppPaths
from cs_companion.ui import delivery as delivery_module
from cs_companion.ui.app import build_context
from cs_companion.ui.main_window import MainWindow
from cs_companion.ui.qt_clipboard import clipboard_text, set_clipboard_text

# bring_to_front raises the window; the offscreen platform says it cannot (a real desktop can).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")

CHAT = 900001  # far from the offscreen platform's own window ids
OTHER = 900002
ORDER_NO = "4512987736102"
OLD = "agent's own clipboard 旧内容"


def make_window(qtbot: QtBot, desktop: object, **settings: object) -> MainWindow:
    context = build_context(AppPaths.default())
    context.settings = replace(context.settings, **settings)  # type: ignore[arg-type]
    context.desktop = desktop  # type: ignore[assignment]
    window = MainWindow(context)
    if isinstance(desktop, FakeDesktop):
        desktop.windows.add(int(window.winId()))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def desktop() -> FakeDesktop:
    return FakeDesktop(windows={CHAT, OTHER}, active=CHAT)


@pytest.fixture
def window(qtbot: QtBot, desktop: FakeDesktop) -> MainWindow:
    set_clipboard_text(OLD)
    return make_window(qtbot, desktop)


def summon_and_fill(window: MainWindow, desktop: FakeDesktop, qtbot: QtBot) -> None:
    """Hotkey from the chat, then the late-parcel reply with its order number."""
    desktop.press_hotkey("Ctrl+Alt+Space")
    qtbot.keyClicks(window.search, "wlyc")
    window.set_field_value("order_no", ORDER_NO)


def test_shift_enter_pastes_into_the_chat_and_restores_the_clipboard(
    window: MainWindow, desktop: FakeDesktop, qtbot: QtBot
) -> None:
    summon_and_fill(window, desktop, qtbot)
    assert window.delivery.target == CHAT
    desktop.active = int(window.winId())  # the window manager gave us focus
    qtbot.keyClick(window.search, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: desktop.sent == [(CHAT, "ctrl+v")], timeout=2000)
    assert ORDER_NO in clipboard_text(), "the reply is on the clipboard while the chat reads it"
    qtbot.waitUntil(lambda: clipboard_text() == OLD, timeout=2000)
    assert desktop.active == CHAT
    assert window.delivery.paste() is not None


def test_paste_button_and_shift_insert_and_also_send(qtbot: QtBot, desktop: FakeDesktop) -> None:
    window = make_window(qtbot, desktop, paste_keys="shift+insert", also_send=True)
    summon_and_fill(window, desktop, qtbot)
    window.reply_panel.paste_button.click()
    qtbot.waitUntil(lambda: len(desktop.sent) == 2, timeout=2000)
    assert desktop.sent == [(CHAT, "shift+insert"), (CHAT, "enter")]


def test_no_enter_is_sent_unless_also_send(window: MainWindow, desktop: FakeDesktop, qtbot: QtBot) -> None:
    summon_and_fill(window, desktop, qtbot)
    window.delivery.paste()
    qtbot.waitUntil(lambda: bool(desktop.sent), timeout=2000)
    qtbot.wait(delivery_module.ENTER_DELAY_MS + 100)
    assert desktop.sent == [(CHAT, "ctrl+v")]


def test_keep_the_reply_when_restore_is_off(qtbot: QtBot, desktop: FakeDesktop) -> None:
    set_clipboard_text(OLD)
    window = make_window(qtbot, desktop, restore_clipboard=False)
    summon_and_fill(window, desktop, qtbot)
    window.delivery.paste()
    qtbot.waitUntil(lambda: bool(desktop.sent), timeout=2000)
    qtbot.wait(delivery_module.RESTORE_MS + 200)
    assert ORDER_NO in clipboard_text()


def test_chat_window_gone_keeps_the_reply_copied_with_a_banner(
    window: MainWindow, desktop: FakeDesktop, qtbot: QtBot
) -> None:
    summon_and_fill(window, desktop, qtbot)
    desktop.windows.discard(CHAT)
    assert window.delivery.paste() is False
    assert ORDER_NO in clipboard_text()
    assert window.banner.isVisible() and "找不到" in window.banner.label.text()
    assert desktop.sent == []


def test_activation_refused_keeps_the_reply_copied(window: MainWindow, desktop: FakeDesktop, qtbot: QtBot) -> None:
    summon_and_fill(window, desktop, qtbot)
    desktop.active = int(window.winId())
    desktop.activate_works = False
    window.delivery.paste()
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=3000)
    assert "没有响应" in window.banner.label.text()
    assert desktop.sent == [] and ORDER_NO in clipboard_text()


def test_enter_pastes_setting(qtbot: QtBot, desktop: FakeDesktop) -> None:
    window = make_window(qtbot, desktop, enter_pastes=True)
    desktop.press_hotkey("Ctrl+Alt+Space")
    qtbot.keyClicks(window.search, "wlyc")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    editor = window.form.editor("order_no")
    qtbot.keyClicks(editor, ORDER_NO)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desktop.sent == [(CHAT, "ctrl+v")], timeout=2000)


def test_plain_enter_only_copies_by_default(window: MainWindow, desktop: FakeDesktop, qtbot: QtBot) -> None:
    summon_and_fill(window, desktop, qtbot)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert ORDER_NO in clipboard_text()
    qtbot.wait(100)
    assert desktop.sent == []


def test_hotkey_brings_the_window_with_the_search_selected(
    window: MainWindow, desktop: FakeDesktop, qtbot: QtBot
) -> None:
    window.search.setText("破损")
    window.results.setFocus()
    desktop.press_hotkey("Ctrl+Alt+Space")
    assert desktop.activations[-1] == int(window.winId())
    assert QApplication.focusWidget() is window.search
    assert window.search.selectedText() == "破损"


def test_hotkey_in_our_window_goes_back_to_the_chat(window: MainWindow, desktop: FakeDesktop) -> None:
    desktop.press_hotkey("Ctrl+Alt+Space")
    desktop.active = int(window.winId())
    desktop.press_hotkey("Ctrl+Alt+Space")
    assert desktop.activations[-1] == CHAT and desktop.active == CHAT


def test_own_window_is_never_remembered(window: MainWindow, desktop: FakeDesktop) -> None:
    desktop.active = OTHER
    window.delivery.remember(desktop.active_window())
    window.delivery.remember(int(window.winId()))
    assert window.delivery.target == OTHER


def test_taken_hotkey_is_a_banner_not_a_crash(qtbot: QtBot) -> None:
    desktop = FakeDesktop(windows={CHAT}, taken={"Ctrl+Alt+Space"})
    window = make_window(qtbot, desktop)
    assert window.delivery.hotkey_text == ""
    assert window.banner.isVisible() and "占用" in window.banner.label.text()
    window.delivery.apply_settings(replace(window.settings, hotkey="Ctrl+Alt+J"))
    assert window.delivery.hotkey_text == "Ctrl+Alt+J" and "Ctrl+Alt+J" in desktop.hotkeys


def test_changing_the_hotkey_releases_the_old_one(window: MainWindow, desktop: FakeDesktop) -> None:
    window.delivery.apply_settings(replace(window.settings, hotkey="Ctrl+Alt+K"))
    assert set(desktop.hotkeys) == {"Ctrl+Alt+K"}
    window.delivery.apply_settings(replace(window.settings, hotkey=""))
    assert desktop.hotkeys == {} and window.delivery.hotkey_text == ""


def test_unsupported_desktop_copies_with_a_one_line_hint(qtbot: QtBot) -> None:
    window = make_window(qtbot, UnsupportedDesktop("Wayland 不支持自动粘贴"))
    qtbot.keyClicks(window.search, "wlyc")
    window.set_field_value("order_no", ORDER_NO)
    assert window.delivery.paste() is False
    assert ORDER_NO in clipboard_text()
    assert "Wayland" in window.banner.label.text()


def test_clipboard_watch_searches_a_copied_customer_message(
    qtbot: QtBot, desktop: FakeDesktop, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, desktop, watch_clipboard=True)
    monkeypatch.setattr(window, "isActiveWindow", lambda: False)  # the agent is in the chat
    set_clipboard_text(f"我的快递怎么四天了还没到，物流一直不动，订单号 {ORDER_NO}")
    qtbot.waitUntil(lambda: ORDER_NO in window.search.text(), timeout=2000)
    assert window.current is not None and window.current.scenario == "logistics.delay"
    assert window.conversation.value("order_no") == ORDER_NO


def test_clipboard_watch_ignores_our_own_copies_and_is_off_by_default(
    qtbot: QtBot, desktop: FakeDesktop, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, desktop, watch_clipboard=True)
    qtbot.keyClicks(window.search, "wlyc")
    window.set_field_value("order_no", ORDER_NO)
    monkeypatch.setattr(window, "isActiveWindow", lambda: False)
    assert window.copy_current()
    qtbot.wait(50)
    assert window.search.text() == "wlyc"
    off = make_window(qtbot, desktop)
    monkeypatch.setattr(off, "isActiveWindow", lambda: False)
    set_clipboard_text("我的快递还没到")
    qtbot.wait(50)
    assert off.search.text() == ""


def test_settings_dialog_edits_the_delivery_options(window: MainWindow) -> None:
    from cs_companion.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.settings, source_locked=False, parent=window)
    dialog.hotkey.setText("Ctrl+Alt+J")
    dialog.paste_keys.setCurrentIndex(dialog.paste_keys.findData("shift+insert"))
    dialog.enter_pastes.setChecked(True)
    dialog.also_send.setChecked(True)
    dialog.restore_clipboard.setChecked(False)
    dialog.watch_clipboard.setChecked(True)
    result = dialog.result_settings()
    assert (result.hotkey, result.paste_keys, result.enter_pastes, result.also_send) == (
        "Ctrl+Alt+J",
        "shift+insert",
        True,
        True,
    )
    assert result.restore_clipboard is False and result.watch_clipboard is True
    dialog.hotkey.setText("Shift+A")
    assert not dialog.ok_button.isEnabled() and "至少要包含" in dialog.hotkey_error.text()
    dialog.hotkey.setText("")
    assert dialog.ok_button.isEnabled(), "an empty hotkey switches it off"


def test_tray_names_the_hotkey(window: MainWindow) -> None:
    from PySide6.QtGui import QIcon

    from cs_companion.ui.tray import Tray

    tray = Tray(window, QIcon())
    tray.set_hotkey(window.delivery.hotkey_text)
    assert "Ctrl+Alt+Space" in tray.hotkey_action.text()
    window.delivery.hotkey_changed.connect(tray.set_hotkey)
    window.delivery.apply_settings(replace(window.settings, hotkey=""))
    assert "未启用" in tray.hotkey_action.text()
