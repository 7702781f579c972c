"""Settings and own-script dialogs, driven through their widgets (modal exec is patched)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from cs_companion.storage.paths import AppPaths
from cs_companion.ui import window_dialogs
from cs_companion.ui.app import build_main_window
from cs_companion.ui.main_window import MainWindow
from cs_companion.ui.my_scripts_dialog import MyScriptsDialog, ScriptEditor
from cs_companion.ui.settings_dialog import SettingsDialog


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    win = build_main_window(AppPaths.default())
    qtbot.addWidget(win)
    win.show()
    return win


def test_settings_dialog_saves_and_applies(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_exec(dialog: SettingsDialog) -> int:
        dialog.font_size.setValue(16)
        dialog.on_top.setChecked(False)
        dialog.team_source.setText("  /srv/share/team  ")
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    seen = []
    window.settings_changed.connect(seen.append)
    window.settings_action.trigger()
    saved = json.loads(AppPaths.default().settings_file.read_text(encoding="utf-8"))
    assert saved["font_size"] == 16 and saved["always_on_top"] is False
    assert saved["team_source"] == "/srv/share/team"
    assert window.font().pointSize() == 16 and window.results.font().pointSize() == 16
    assert not window.pin_button.isChecked()
    assert seen and seen[0].team_source == "/srv/share/team"


def test_quiet_hours_are_edited_in_settings(window: MainWindow, qtbot: QtBot) -> None:
    dialog = SettingsDialog(window.settings, source_locked=False, parent=window)
    qtbot.addWidget(dialog)
    assert dialog.quiet.isChecked() and dialog.quiet_start.time().toString("HH:mm") == "22:00"
    dialog.quiet_start.setTime(QTime(21, 0))
    dialog.quiet_end.setTime(QTime(9, 30))
    assert (dialog.result_settings().quiet_start, dialog.result_settings().quiet_end) == ("21:00", "09:30")
    qtbot.mouseClick(dialog.quiet, Qt.MouseButton.LeftButton)
    assert not dialog.quiet_start.isEnabled()
    assert dialog.result_settings().quiet_hours is None


def test_locked_source_cannot_be_edited(window: MainWindow) -> None:
    dialog = SettingsDialog(window.settings, source_locked=True, parent=window)
    assert not dialog.team_source.isEnabled()


def test_clear_history_keeps_favourites(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.select_script("general.greeting.welcome")
    window.toggle_favourite()
    window.copy_current()
    assert window.state.recent and window.state.usage

    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def fake_question(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return answers.pop(0)

    def fake_exec(dialog: SettingsDialog) -> int:
        dialog.clear_button.click()  # answered No: nothing is forgotten
        assert window.state.recent and window.state.usage
        dialog.clear_button.click()  # answered Yes
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(QMessageBox, "question", fake_question)
    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    window.settings_action.trigger()
    assert len(asked) == 2 and "不能撤销" in asked[0]
    assert window.state.recent == [] and window.state.usage == {}
    assert window.state.favourites == ["general.greeting.welcome"]


def test_typing_a_url_never_moves_the_ok_button_and_speaks_chinese(window: MainWindow, qtbot: QtBot) -> None:
    dialog = SettingsDialog(window.settings, source_locked=False, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    where = ok.mapTo(dialog, ok.rect().topLeft())
    height = dialog.height()
    for text in ("h", "http://", "http://example.com/team.yaml", "ftp://x", "https://example.com/team.yaml"):
        dialog.team_source.setText(text)
        qtbot.wait(10)
        assert ok.mapTo(dialog, ok.rect().topLeft()) == where and dialog.height() == height, text
    dialog.team_source.setText("http://example.com/team.yaml")
    assert "https://" in dialog.source_error.text() and "只能" in dialog.source_error.text()
    assert not any("a" <= ch <= "z" for ch in dialog.source_error.text().replace("https", ""))


def test_settings_dialog_shows_the_language_in_effect(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CS_COMPANION_LANG", "en")
    dialog = SettingsDialog(window.settings, source_locked=False, parent=window)
    assert dialog.language.currentData() == "en"


def test_new_own_script_gets_fields_from_its_placeholders(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_editor_exec(editor: ScriptEditor) -> int:
        editor.title.setText("我的催件话术")
        editor.keywords.setText("催件，加急")
        editor.body.setPlainText("亲，订单{{order_no}}已加急，预计{{eta}}到，补您{{amount}}红包。")
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ScriptEditor, "exec", fake_editor_exec)
    dialog = MyScriptsDialog(window_dialogs.personal_store(window), window.loaded.library, window)
    dialog.add()
    assert dialog.changed and dialog.list.count() == 1
    (script,) = window_dialogs.personal_store(window).scripts()
    assert script.keywords == ("催件", "加急")
    assert [(f.name, f.type.value, f.required) for f in script.fields] == [
        ("order_no", "order_no", True),
        ("eta", "eta", True),
        ("amount", "money", True),
    ]


def test_own_script_with_forbidden_phrase_is_refused(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_editor_exec(editor: ScriptEditor) -> int:
        editor.title.setText("违规")
        editor.body.setPlainText("亲，给五星好评就返现5元")
        return int(QDialog.DialogCode.Accepted)

    warnings: list[str] = []
    monkeypatch.setattr(ScriptEditor, "exec", fake_editor_exec)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    dialog = MyScriptsDialog(window_dialogs.personal_store(window), window.loaded.library, window)
    dialog.add()
    assert not dialog.changed and dialog.list.count() == 0
    assert warnings and "review_reward" in warnings[0]


def test_english_translation_can_be_switched_on(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CS_COMPANION_LANG", "en")
    try:
        english = build_main_window(AppPaths.default())
        qtbot.addWidget(english)
        assert english.copy_button.text() == "Copy reply"
        assert english.tabs.tabText(0) == "All"
    finally:
        from cs_companion.ui.app import install_translations

        monkeypatch.delenv("CS_COMPANION_LANG")
        install_translations("zh_CN")
    chinese = build_main_window(AppPaths.default())
    qtbot.addWidget(chinese)
    assert chinese.copy_button.text() == "复制回复"


def test_settings_dialog_checks_source_and_stores_token_in_keyring(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring
    from fake_keyring import MemoryKeyring
    from PySide6.QtWidgets import QInputDialog

    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    dialog = SettingsDialog(window.settings, source_locked=False, parent=window)
    dialog.team_source.setText("http://cs.example.com/team.yaml")
    assert dialog.source_error.text()  # plain http to a server is refused at once
    dialog.team_source.setText("https://cs.example.com/team.yaml")
    assert dialog.source_error.text() == ""

    monkeypatch.setattr(QInputDialog, "getText", lambda *_args, **_kw: ("s3cret-token", True))
    dialog._set_token()
    assert "s3cret-token" in backend.values.values()
    assert dialog.token_label.text() == "已保存在系统密钥环"
    settings_text = (
        AppPaths.default().settings_file.read_text(encoding="utf-8")
        if AppPaths.default().settings_file.exists()
        else ""
    )
    assert "s3cret" not in settings_text
    dialog._clear_token()
    assert not backend.values
