"""Storage: saves are atomic, damaged files are set aside with a message, presets and locks apply."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cs_companion.storage import atomic
from cs_companion.storage.atomic import set_aside, write_bytes_atomic, write_json_atomic, write_text_atomic
from cs_companion.storage.jsonstore import load_json_object, save_json_object
from cs_companion.storage.paths import AppPaths
from cs_companion.storage.settings import (
    MAX_FONT,
    MIN_FONT,
    Settings,
    SettingsStore,
    SystemConfig,
    load_system_config,
)
from cs_companion.storage.userstate import FAVOURITE_BOOST, MAX_RECENT, USAGE_BOOST_MAX, UserState, UserStateStore


def folder_names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ----------------------------------------------------------------------------- atomic writes


def test_atomic_write_creates_folders_and_file(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "settings.json"
    write_text_atomic(target, "你好")
    assert target.read_text(encoding="utf-8") == "你好"
    assert folder_names(target.parent) == ["settings.json"]


def test_atomic_write_replaces_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    target.write_text("old")
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert folder_names(tmp_path) == ["f.json"]


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_failed_write_keeps_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "settings.json"
    target.write_text('{"font_size": 16}', encoding="utf-8")

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch, pytest.raises(OSError, match="No space"):
        patch.setattr(atomic.os, failing, boom)
        write_json_atomic(target, {"font_size": 20})
    assert json.loads(target.read_text(encoding="utf-8")) == {"font_size": 16}
    assert folder_names(tmp_path) == ["settings.json"]


def test_failed_write_midway_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "state.json"
    target.write_bytes(b"old")
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, fd: int, mode: str) -> None:
            self._file = real_fdopen(fd, mode)

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self._file.close()

        def write(self, data: bytes) -> int:
            self._file.write(data[: len(data) // 2])
            raise KeyboardInterrupt  # the app is killed halfway through the save

    with monkeypatch.context() as patch, pytest.raises(KeyboardInterrupt):
        patch.setattr(atomic.os, "fdopen", HalfWriter)
        write_bytes_atomic(target, b"new content that is long")
    assert target.read_bytes() == b"old"
    assert folder_names(tmp_path) == ["state.json"]


def test_json_is_readable_utf8(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    write_json_atomic(target, {"team_source": "话术库"})
    assert "话术库" in target.read_text(encoding="utf-8")
    assert json.loads(target.read_text(encoding="utf-8")) == {"team_source": "话术库"}


def test_set_aside_never_overwrites_an_earlier_copy(tmp_path: Path) -> None:
    target = tmp_path / "s.json"
    target.write_text("first")
    first = set_aside(target)
    target.write_text("second")
    second = set_aside(target)
    assert (first.name, second.name) == ("s.json.corrupt", "s.json.corrupt2")
    assert (first.read_text(), second.read_text()) == ("first", "second")
    assert not target.exists()


# ----------------------------------------------------------------------------- damaged JSON


def test_missing_json_is_empty_without_message(tmp_path: Path) -> None:
    report = load_json_object(tmp_path / "none.json")
    assert (report.data, report.message, report.moved_to) == ({}, "", None)


@pytest.mark.parametrize("content", [b'{"font_size": 1', b"[1, 2]", b"\xff\xfe garbage", b"", b"null"])
def test_damaged_json_is_set_aside_with_a_message(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    report = load_json_object(path)
    assert report.data == {}
    assert "settings.json" in report.message
    assert report.moved_to == tmp_path / "settings.json.corrupt"
    assert report.moved_to.read_bytes() == content
    assert not path.exists()


def test_json_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    save_json_object(path, {"a": [1, 2], "b": "二"})
    assert load_json_object(path).data == {"a": [1, 2], "b": "二"}


# ----------------------------------------------------------------------------- settings


def test_settings_default_when_no_file(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    assert store.load() == Settings()
    assert store.message == ""


def test_settings_round_trip(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    wanted = Settings(always_on_top=False, font_size=16, team_source="https://example.com/lib", dock_edge="left")
    store.save(wanted)
    assert SettingsStore(tmp_path / "settings.json").load() == wanted


def test_corrupt_settings_are_set_aside_and_defaults_returned(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"font_size": 16,', encoding="utf-8")
    store = SettingsStore(path)
    assert store.load() == Settings()
    assert "settings.json" in store.message
    assert (tmp_path / "settings.json.corrupt").read_text(encoding="utf-8") == '{"font_size": 16,'
    store.save(Settings(font_size=15))
    assert SettingsStore(path).load().font_size == 15


def test_wrong_types_and_out_of_range_values_fall_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"font_size": "big", "always_on_top": 1, "poll_minutes": 0, "dock_edge": "top", "extra": 1}),
        encoding="utf-8",
    )
    settings = SettingsStore(path).load()
    assert settings.font_size == Settings().font_size
    assert settings.always_on_top is Settings().always_on_top
    assert settings.poll_minutes == 1
    assert settings.dock_edge == "right"


def test_font_size_is_clamped(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"font_size": 99}), encoding="utf-8")
    assert SettingsStore(path).load().font_size == MAX_FONT
    path.write_text(json.dumps({"font_size": 1}), encoding="utf-8")
    assert SettingsStore(path).load().font_size == MIN_FONT


def test_system_presets_are_defaults_the_agent_can_change(tmp_path: Path) -> None:
    system_file = tmp_path / "system" / "config.json"
    system_file.parent.mkdir()
    system_file.write_text(json.dumps({"font_size": 18, "team_source": "https://it.example/lib"}), encoding="utf-8")
    system = load_system_config(system_file)
    path = tmp_path / "settings.json"
    store = SettingsStore(path, system)
    assert store.load().font_size == 18
    assert store.load().team_source == "https://it.example/lib"
    assert not store.team_source_locked
    path.write_text(json.dumps({"font_size": 14, "team_source": "https://mine.example"}), encoding="utf-8")
    loaded = store.load()
    assert (loaded.font_size, loaded.team_source) == (14, "https://mine.example")


def test_locked_team_source_wins_over_the_agent(tmp_path: Path) -> None:
    system_file = tmp_path / "system" / "config.json"
    system_file.parent.mkdir()
    system_file.write_text(
        json.dumps({"team_source": "https://it.example/lib", "lock_team_source": True}), encoding="utf-8"
    )
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"team_source": "https://evil.example/lib", "font_size": 15}), encoding="utf-8")
    store = SettingsStore(path, load_system_config(system_file))
    loaded = store.load()
    assert store.team_source_locked
    assert loaded.team_source == "https://it.example/lib"
    assert loaded.font_size == 15


def test_lock_without_a_preset_source_locks_nothing(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json", SystemConfig({"lock_team_source": True}, lock_team_source=True))
    assert not store.team_source_locked
    assert store.load().team_source == ""


def test_missing_system_config_is_empty(tmp_path: Path) -> None:
    system = load_system_config(tmp_path / "none.json")
    assert system.presets == {}
    assert not system.lock_team_source


# ----------------------------------------------------------------------------- user state


def test_favourites_recents_usage_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    state = UserState()
    assert state.toggle_favourite("a") is True
    assert state.toggle_favourite("b") is True
    state.record_use("x")
    state.record_use("y")
    state.record_use("x")
    UserStateStore(path).save(state)
    loaded = UserStateStore(path).load()
    assert loaded.favourites == ["a", "b"]
    assert loaded.recent == ["x", "y"]
    assert loaded.usage == {"x": 2, "y": 1}
    assert loaded.search_boost() == state.search_boost()


def test_toggle_favourite_twice_removes_it() -> None:
    state = UserState()
    state.toggle_favourite("a")
    assert state.toggle_favourite("a") is False
    assert not state.is_favourite("a")


def test_recents_are_newest_first_unique_and_capped() -> None:
    state = UserState()
    for i in range(MAX_RECENT + 5):
        state.record_use(f"s{i}")
    state.record_use("s10")
    assert len(state.recent) == MAX_RECENT
    assert state.recent[0] == "s10"
    assert state.recent.count("s10") == 1


def test_clear_history_keeps_favourites() -> None:
    state = UserState(favourites=["a"], recent=["b"], usage={"b": 3})
    state.clear_history()
    assert (state.favourites, state.recent, state.usage) == (["a"], [], {})


def test_search_boost_favours_favourites_and_frequent_use() -> None:
    state = UserState(favourites=["fav"], usage={"often": 1000, "once": 1, "fav": 1})
    boost = state.search_boost()
    assert boost["often"] == USAGE_BOOST_MAX
    assert 0 < boost["once"] < boost["often"]
    assert boost["fav"] == pytest.approx(FAVOURITE_BOOST + boost["once"])
    assert "other" not in boost


def test_corrupt_state_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text("{not json", encoding="utf-8")
    store = UserStateStore(path)
    state = store.load()
    assert (state.favourites, state.recent, state.usage) == ([], [], {})
    assert "state.json" in store.message
    assert (tmp_path / "state.json.corrupt").exists()


def test_state_with_wrong_shapes_keeps_what_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text(
        json.dumps({"favourites": ["a", 3, None], "recent": "x", "usage": {"a": 2, "b": "many", "c": -1}}),
        encoding="utf-8",
    )
    state = UserStateStore(path).load()
    assert (state.favourites, state.recent, state.usage) == (["a"], [], {"a": 2})


# ----------------------------------------------------------------------------- paths


def test_profile_override_puts_everything_under_one_folder(isolated_profile: Path) -> None:
    paths = AppPaths.default()
    root = isolated_profile.resolve()
    for folder in (paths.config, paths.data, paths.cache):
        assert folder.is_relative_to(root)
    assert paths.settings_file.parent == paths.config
    assert paths.user_state_file != paths.settings_file
