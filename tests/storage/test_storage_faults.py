"""Storage under hostile files and failing disks: deep JSON, absurd counts, full disks, read-only
profiles, leftover temp files, and a machine config in any XDG config folder (issues 9 and 12)."""

from __future__ import annotations

import errno
import json
import math
import os
import time
from pathlib import Path

import pytest

from cs_companion.storage import atomic, locking
from cs_companion.storage.atomic import is_our_temp_file, sweep_stale_temp_files, write_json_atomic
from cs_companion.storage.errors import KIND_BUSY, KIND_FULL, KIND_READ_ONLY, StorageError
from cs_companion.storage.jsonstore import load_json_object
from cs_companion.storage.paths import AppPaths, find_system_config, system_config_candidates, system_config_file
from cs_companion.storage.settings import Settings, SettingsStore, load_system_config
from cs_companion.storage.userstate import MAX_USAGE, UserState, UserStateStore, merge_states

DEEP = b"[" * 100_000 + b"]" * 100_000
DEEP_OBJECT = b'{"a": ' + DEEP + b"}"


# ----------------------------------------------------------------------------- deeply nested JSON


@pytest.mark.parametrize("content", [DEEP, DEEP_OBJECT])
def test_deeply_nested_json_is_damaged_not_a_crash(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    report = load_json_object(path)
    assert report.data == {}
    assert "nested too deeply" in report.message
    assert report.moved_to == tmp_path / "settings.json.corrupt"
    assert report.moved_to.read_bytes() == content


def test_deep_settings_and_state_load_as_defaults_with_messages(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_bytes(DEEP_OBJECT)
    (tmp_path / "state.json").write_bytes(DEEP_OBJECT)
    settings_store = SettingsStore(tmp_path / "settings.json")
    state_store = UserStateStore(tmp_path / "state.json")
    assert settings_store.load() == Settings()
    assert state_store.load() == UserState()
    assert "nested too deeply" in settings_store.message
    assert "nested too deeply" in state_store.message


def test_deep_machine_config_is_ignored_and_left_in_place(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_bytes(DEEP_OBJECT)
    system = load_system_config(path)
    assert system.presets == {}
    assert "nested too deeply" in system.message and "is ignored" in system.message
    assert path.read_bytes() == DEEP_OBJECT  # IT's file: never renamed


def test_window_context_builds_with_deep_json_everywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cs_companion.ui.app import build_context

    paths = AppPaths.default()
    for path in (paths.settings_file, paths.user_state_file):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(DEEP_OBJECT)
    system = tmp_path / "system.json"
    system.write_bytes(DEEP_OBJECT)
    monkeypatch.setenv("CS_COMPANION_SYSTEM_CONFIG", str(system))
    context = build_context(paths)
    assert context.settings == Settings()
    assert sum("nested too deeply" in m for m in context.startup_messages) == 3


# ----------------------------------------------------------------------------- absurd usage counts


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1" + "0" * 400, {"big": MAX_USAGE}),
        ("-5", {}),
        ("0", {}),
        ("NaN", {}),
        ("Infinity", {}),
        ("1e400", {}),
        ('"12"', {}),
        ("true", {}),
        ("3.5", {}),
        ("7", {"big": 7}),
    ],
)
def test_usage_counts_are_clamped_or_ignored_at_load(tmp_path: Path, raw: str, expected: dict[str, int]) -> None:
    path = tmp_path / "state.json"
    path.write_text('{"usage": {"big": ' + raw + ', "ok": 3}}', encoding="utf-8")
    state = UserStateStore(path).load()
    assert state.usage == {**expected, "ok": 3}
    boost = state.search_boost()  # 10**400 used to raise OverflowError here, on every keystroke
    assert all(math.isfinite(v) for v in boost.values())


def test_usage_in_memory_never_passes_the_cap() -> None:
    state = UserState(usage={"a": MAX_USAGE})
    state.record_use("a")
    assert state.usage["a"] == MAX_USAGE
    assert math.isfinite(UserState(usage={"b": 10**400}).search_boost()["b"])


# ----------------------------------------------------------------------------- merged saves (one process)


def test_two_stores_on_one_file_keep_both_changes(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    first, second = UserStateStore(path), UserStateStore(path)
    a, b = first.load(), second.load()
    a.toggle_favourite("fa")
    a.record_use("shared")
    first.save(a)
    b.toggle_favourite("fb")
    b.record_use("shared")
    b.record_use("only-b")
    second.save(b)
    on_disk = UserStateStore(path).load()
    assert on_disk.favourites == ["fa", "fb"]
    assert on_disk.usage == {"shared": 2, "only-b": 1}
    assert on_disk.recent[:2] == ["only-b", "shared"]
    assert b.favourites == ["fa", "fb"]  # the saving process sees the merged state


def test_removals_and_clear_history_touch_only_what_this_process_knew(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    first, second = UserStateStore(path), UserStateStore(path)
    a = first.load()
    a.toggle_favourite("x")
    a.record_use("s1")
    first.save(a)
    b = second.load()
    a.record_use("s2")  # the other process keeps working
    first.save(a)
    b.toggle_favourite("x")  # removes x
    b.clear_history()  # forgets s1 (which it knew) but not s2 (which it never saw)
    second.save(b)
    on_disk = UserStateStore(path).load()
    assert on_disk.favourites == []
    assert on_disk.usage == {"s2": 1}
    assert on_disk.recent == ["s2"]


def test_merge_keeps_a_full_recent_list_when_an_entry_falls_off() -> None:
    base = UserState(recent=[f"r{i}" for i in range(20)], usage={f"r{i}": 1 for i in range(20)})
    mine = UserState(recent=list(base.recent), usage=dict(base.usage))
    mine.record_use("new")
    disk = UserState(recent=["other", *base.recent[:19]], usage={**base.usage, "other": 1})
    merged = merge_states(base, mine, disk)
    assert merged.recent[:2] == ["new", "other"]
    assert len(merged.recent) == 20


# ----------------------------------------------------------------------------- failing saves


def _fail_replace_with(monkeypatch: pytest.MonkeyPatch, error: OSError) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(atomic.os, "replace", boom)


@pytest.mark.parametrize(
    ("error", "kind", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), KIND_FULL, "the disk is full"),
        (PermissionError(errno.EACCES, "Permission denied"), KIND_READ_ONLY, "read-only"),
        (OSError(errno.EROFS, "Read-only file system"), KIND_READ_ONLY, "read-only"),
    ],
)
@pytest.mark.parametrize("which", ["settings", "state"])
def test_failed_save_is_one_storage_error_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, kind: str, words: str, which: str
) -> None:
    if which == "settings":
        path = tmp_path / "settings.json"
        SettingsStore(path).save(Settings(font_size=15))
        store = SettingsStore(path)

        def save() -> None:
            store.save(Settings(font_size=20))
    else:
        path = tmp_path / "state.json"
        state_store = UserStateStore(path)
        state = state_store.load()
        state.toggle_favourite("kept")
        state_store.save(state)

        def save() -> None:
            state.toggle_favourite("lost")
            state_store.save(state)

    before = path.read_bytes()
    _fail_replace_with(monkeypatch, error)
    with pytest.raises(StorageError) as caught:
        save()
    message = str(caught.value)
    assert words in message and path.name in message and "\n" not in message
    assert caught.value.kind == kind and caught.value.path == path
    assert isinstance(caught.value, OSError)  # callers that caught OSError keep working
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_full_disk_during_the_write_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An injected writer that raises ENOSPC halfway, as a full disk does."""
    path = tmp_path / "settings.json"
    SettingsStore(path).save(Settings(font_size=15))
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, fd: int, mode: str) -> None:
            self._file = real_fdopen(fd, mode)

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self._file.close()

        def write(self, data: bytes) -> int:
            self._file.write(data[:10])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fdopen", FullDisk)
    with pytest.raises(StorageError, match="the disk is full"):
        SettingsStore(path).save(Settings(font_size=20))
    assert SettingsStore(path).load().font_size == 15
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == ["settings.json"]


def test_lock_that_cannot_be_created_is_a_storage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(locking, "FileLock", read_only)
    with pytest.raises(StorageError, match="read-only") as caught:
        SettingsStore(tmp_path / "settings.json").save(Settings())
    assert caught.value.kind == KIND_READ_ONLY


def test_lock_held_too_long_is_a_busy_storage_error(tmp_path: Path) -> None:
    import threading

    path = tmp_path / "state.json"
    held, release = threading.Event(), threading.Event()

    def holder() -> None:
        with locking.locked(path):
            held.set()
            release.wait(10)

    thread = threading.Thread(target=holder)
    thread.start()
    try:
        assert held.wait(10)
        with pytest.raises(StorageError, match="another cs-companion process") as caught, locking.locked(path, 0.2):
            pass
        assert caught.value.kind == KIND_BUSY
    finally:
        release.set()
        thread.join(10)


def test_read_only_profile_really_refuses(tmp_path: Path) -> None:
    if os.name != "posix" or os.geteuid() == 0:
        pytest.skip("root (or Windows) ignores folder permissions")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(StorageError, match="read-only"):
            SettingsStore(folder / "settings.json").save(Settings())
    finally:
        folder.chmod(0o755)


# ----------------------------------------------------------------------------- leftover temp files


def test_temp_file_pattern_is_exactly_ours(tmp_path: Path) -> None:
    import tempfile

    fd, name = tempfile.mkstemp(prefix=".settings.json.", suffix=atomic.TEMP_SUFFIX, dir=tmp_path)
    os.close(fd)
    assert is_our_temp_file(Path(name).name)
    for other in ("notes.tmp", ".settings.json.lock", ".settings.json.abc.tmp", "settings.json.abcdefgh.tmp"):
        assert not is_our_temp_file(other), other


def test_stale_temp_files_are_swept_and_fresh_ones_kept(tmp_path: Path) -> None:
    old, fresh, foreign = (
        tmp_path / ".settings.json.k3j_x9qa.tmp",
        tmp_path / ".state.json.a1b2c3d4.tmp",
        tmp_path / "report.tmp",
    )
    for path in (old, fresh, foreign):
        path.write_bytes(b"partial")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    os.utime(foreign, (an_hour_ago, an_hour_ago))
    removed = sweep_stale_temp_files([tmp_path, tmp_path / "missing"])
    assert removed == [old]
    assert not old.exists() and fresh.exists() and foreign.exists()


def test_failed_write_leaves_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fail_replace_with(monkeypatch, OSError(errno.ENOSPC, "No space left on device"))
    with pytest.raises(OSError):
        write_json_atomic(tmp_path / "settings.json", {"a": 1})
    assert list(tmp_path.iterdir()) == []


# ----------------------------------------------------------------------------- machine-wide config lookup


def test_every_xdg_config_dir_is_searched_then_etc_xdg() -> None:
    environ = {"XDG_CONFIG_DIRS": "/etc/xdg/xdg-ubuntu::relative/dir:/opt/conf/:/etc/xdg"}
    assert system_config_candidates(environ, "linux") == (
        Path("/etc/xdg/xdg-ubuntu/cs-companion/config.json"),
        Path("/opt/conf/cs-companion/config.json"),
        Path("/etc/xdg/cs-companion/config.json"),
    )
    assert system_config_candidates({}, "linux") == (Path("/etc/xdg/cs-companion/config.json"),)


def test_windows_and_macos_places() -> None:
    assert system_config_candidates({"PROGRAMDATA": r"D:\PD"}, "win32") == (
        Path(r"D:\PD") / "cs-companion" / "config.json",
    )
    assert system_config_candidates({}, "darwin") == (Path("/Library/Application Support/cs-companion/config.json"),)


def test_first_readable_config_wins_and_unreadable_ones_are_reported(tmp_path: Path) -> None:
    first, second, third = (tmp_path / d / "cs-companion" / "config.json" for d in ("a", "b", "c"))
    first.mkdir(parents=True)  # a folder named config.json: found but not readable, for root too
    third.parent.mkdir(parents=True)
    third.write_text('{"team_source": "https://intranet.example/s/"}', encoding="utf-8")
    environ = {"XDG_CONFIG_DIRS": ":".join(str(tmp_path / d) for d in ("a", "b", "c"))}
    lookup = find_system_config(environ, "linux")
    assert lookup.path == third
    assert [path for path, _why in lookup.unreadable] == [first]
    assert second not in [p for p, _ in lookup.unreadable]
    assert lookup.searched[-1] == Path("/etc/xdg/cs-companion/config.json")


def test_ubuntu_style_dirs_find_the_documented_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """GNOME on Ubuntu: XDG_CONFIG_DIRS=<...>/xdg-ubuntu:<...>; the config is in the second entry."""
    xdg = tmp_path / "etc" / "xdg"
    config = xdg / "cs-companion" / "config.json"
    config.parent.mkdir(parents=True)
    config.write_text('{"team_source": "https://intranet.example/s/", "lock_team_source": true}', encoding="utf-8")
    monkeypatch.delenv("CS_COMPANION_SYSTEM_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"{xdg / 'xdg-ubuntu'}:{xdg}")
    if os.name == "nt":
        pytest.skip("XDG lookup is for Linux")
    assert system_config_file() == config
    assert load_system_config(system_config_file()).lock_team_source


def test_override_wins_even_when_missing(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.json"
    lookup = find_system_config({"CS_COMPANION_SYSTEM_CONFIG": str(missing), "XDG_CONFIG_DIRS": "/etc/xdg"}, "linux")
    assert (lookup.path, lookup.chosen, lookup.searched) == (None, missing, (missing,))


def test_json_is_written_sorted_and_loaded_back(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    store = UserStateStore(path)
    state = store.load()
    state.toggle_favourite("a")
    store.save(state)
    assert json.loads(path.read_text(encoding="utf-8"))["favourites"] == ["a"]
