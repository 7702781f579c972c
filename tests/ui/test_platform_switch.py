"""The platform switch in the window: the combo, Ctrl+P, the saved setting and IT's preset."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cs_companion.storage.paths import AppPaths
from cs_companion.ui.app import build_main_window
from cs_companion.ui.main_window import MainWindow
from tests.ui.test_window import make_window, type_text

JD_ONLY = "presale.price_protect.jd_self_service"


def pick(window: MainWindow, platform_id: str) -> None:
    """Choose a platform in the combo the way a click does (``activated`` follows a user choice only)."""
    switch = window.search_panel.platform_switch
    index = switch.findData(platform_id)
    switch.setCurrentIndex(index)
    switch.activated.emit(index)


def saved_platform() -> str:
    return str(json.loads(AppPaths.default().settings_file.read_text(encoding="utf-8"))["platform"])


def listed_ids(window: MainWindow) -> list[str]:
    return [window.model.script_at(i).id for i in range(window.model.rowCount())]


def test_window_opens_on_taobao_and_greets_with_qin(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    assert window.search_panel.platform_switch.current_id() == "taobao"
    assert window.select_script("general.greeting.welcome")
    assert window.current_text().startswith("亲，欢迎光临本店")


def test_switching_to_jd_rerenders_the_reply_and_is_saved(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    assert window.select_script("general.closing.anything_else")
    taobao_text = window.current_text()
    pick(window, "jd")
    assert window.current is not None and window.current.id == "general.closing.anything_else"
    assert window.current_text() != taobao_text
    assert window.current_text() == window.current.variants["jd"]
    assert saved_platform() == "jd"
    assert "京东" in window.status.copied_label.text()


def test_platform_values_fill_the_reply(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    assert window.select_script("presale.price_protect.explain")
    assert "按淘宝/天猫的规则" in window.current_text() and "下单后15天" in window.current_text()
    pick(window, "jd")
    assert "按京东的规则" in window.current_text() and "下单后30天" in window.current_text()
    assert "{{" not in window.current_text()


def test_platform_only_scripts_are_listed_on_their_platform_only(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    type_text(window.search, "价格保护")
    assert JD_ONLY not in listed_ids(window)
    pick(window, "jd")
    assert JD_ONLY in listed_ids(window)
    window.search.clear()
    assert JD_ONLY in listed_ids(window)
    pick(window, "pdd")
    assert JD_ONLY not in listed_ids(window)


def test_ctrl_p_cycles_platforms_and_the_choice_survives_a_restart(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    order = [p.id for p in window.loaded.library.platforms]
    assert order[:4] == ["taobao", "jd", "pdd", "douyin"]
    seen = []
    for _ in order:
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        seen.append(window.search_panel.platform_switch.current_id())
    assert seen == [*order[1:], order[0]]
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert saved_platform() == "jd"
    window.close()
    again = make_window(qtbot)
    assert again.search_panel.platform_switch.current_id() == "jd"
    assert again.select_script("general.greeting.welcome")
    assert again.current_text().startswith("您好，欢迎光临本店")


def test_it_preset_platform_is_used_until_the_agent_switches(qtbot: QtBot, tmp_path: Path) -> None:
    config = tmp_path / "system" / "config.json"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(json.dumps({"platform": "douyin"}), encoding="utf-8")
    window = build_main_window(AppPaths.default())
    qtbot.addWidget(window)
    assert window.settings.platform == "douyin"
    assert window.search_panel.platform_switch.current_id() == "douyin"
    assert window.reply_panel.conversation.platform is not None
    assert window.reply_panel.conversation.platform.id == "douyin"


def test_a_setting_naming_a_platform_the_library_lacks_falls_back_to_taobao(qtbot: QtBot) -> None:
    settings = AppPaths.default().settings_file
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"platform": "kuaishou"}), encoding="utf-8")
    window = make_window(qtbot)
    assert window.search_panel.platform_switch.current_id() == "taobao"
    assert window.select_script("general.greeting.welcome")
    assert window.current_text().startswith("亲，")


def test_result_previews_speak_the_current_platform(qtbot: QtBot) -> None:
    """The one-line preview under each result shows 亲 or 您好, never a raw 【greeting】."""
    from cs_companion.storage.paths import AppPaths
    from cs_companion.ui.app import build_main_window
    from cs_companion.ui.results_model import PreviewRole

    window = build_main_window(AppPaths.default())
    qtbot.addWidget(window)
    previews = [window.model.data(window.model.index(row), PreviewRole) for row in range(window.model.rowCount())]
    assert previews and not any("【greeting】" in p for p in previews)
