"""Settings for pasting into the chat: defaults, IT presets, bad values."""

from __future__ import annotations

import json
from pathlib import Path

from cs_companion.storage.settings import Settings, SettingsStore, load_system_config


def test_defaults_are_safe() -> None:
    settings = Settings()
    assert settings.hotkey == "Ctrl+Alt+Space" and settings.paste_keys == "ctrl+v"
    assert (settings.enter_pastes, settings.also_send, settings.watch_clipboard) == (False, False, False)
    assert settings.restore_clipboard is True


def test_it_presets_the_hotkey_and_paste_keys(tmp_path: Path) -> None:
    system_file = tmp_path / "config.json"
    presets = {"hotkey": "Ctrl+Alt+J", "paste_keys": "shift+insert", "enter_pastes": True, "watch_clipboard": True}
    system_file.write_text(json.dumps(presets), encoding="utf-8")
    settings = SettingsStore(tmp_path / "settings.json", load_system_config(system_file)).load()
    assert (settings.hotkey, settings.paste_keys, settings.enter_pastes, settings.watch_clipboard) == (
        "Ctrl+Alt+J",
        "shift+insert",
        True,
        True,
    )


def test_unknown_paste_keys_fall_back_to_ctrl_v(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"paste_keys": "ctrl+shift+v", "also_send": "yes"}), encoding="utf-8")
    settings = SettingsStore(path).load()
    assert settings.paste_keys == "ctrl+v" and settings.also_send is False


def test_round_trip(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    wanted = Settings(hotkey="", paste_keys="shift+insert", also_send=True, restore_clipboard=False)
    store.save(wanted)
    assert SettingsStore(tmp_path / "settings.json").load() == wanted
