"""Team updates and own scripts as an agent sees them in the running window."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cs_companion.core.models import Layer
from cs_companion.storage.paths import AppPaths
from cs_companion.ui.app import build_main_window, connect_updates
from cs_companion.ui.main_window import MainWindow
from cs_companion.ui.update_controller import UpdateController

TEAM_HEADER = 'schema: 1\nlibrary: {name: 华东组话术, version: "%s", updated: 2026-11-23}\nscripts:\n'
SCRIPT = """  - id: team.%s
    scenario: logistics.delay
    title: %s
    keywords: [%s]
    body: 亲，这是团队话术%s。
"""


def team_text(version: str, *names: str) -> str:
    return TEAM_HEADER % version + "".join(SCRIPT % (n, f"团队{n}", f"团队关键词{n}", n) for n in names)


@pytest.fixture
def team_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    (folder / "team.yaml").write_text(team_text("1", "alpha", "beta"), encoding="utf-8")
    return folder


def start(qtbot: QtBot, source: str) -> tuple[MainWindow, UpdateController]:
    window = build_main_window(AppPaths.default())
    qtbot.addWidget(window)
    window.apply_settings(replace(window.settings, team_source=source))
    controller = connect_updates(window, AppPaths.default())
    controller.debounce_ms, controller.retry_ms, controller.max_retries = 100, 150, 2
    window.show()
    return window, controller


def has_script(window: MainWindow, script_id: str) -> bool:
    return window.loaded.library.script(script_id) is not None


def test_folder_source_is_loaded_and_edits_arrive_within_seconds(qtbot: QtBot, team_folder: Path) -> None:
    window, controller = start(qtbot, str(team_folder))
    qtbot.waitUntil(lambda: has_script(window, "team.alpha"), timeout=10_000)
    assert "团队话术库已更新" in window.banner.label.text() and "v1" in window.banner.label.text()
    assert window.loaded.library.script("team.alpha").layer is Layer.TEAM

    # An editor that saves by writing a temp file and renaming it over the original.
    tmp = team_folder / ".team.yaml.swp"
    tmp.write_text(team_text("2", "alpha", "gamma"), encoding="utf-8")
    os.replace(tmp, team_folder / "team.yaml")
    qtbot.waitUntil(lambda: has_script(window, "team.gamma"), timeout=10_000)
    assert not has_script(window, "team.beta")
    text = window.banner.label.text()
    assert "v2" in text and "新增 1" in text and "删除 1" in text
    controller.shutdown()


def test_broken_push_keeps_last_good_library_in_plain_words_and_logs_the_line(
    qtbot: QtBot, team_folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The agent reads plain Chinese (no file:line:col, no English); the exact position goes to the log."""
    window, controller = start(qtbot, str(team_folder))
    qtbot.waitUntil(lambda: has_script(window, "team.alpha"), timeout=10_000)
    (team_folder / "team.yaml").write_text(team_text("3", "alpha") + "  - id: [broken\n", encoding="utf-8")
    qtbot.waitUntil(lambda: window.banner.level == "warning", timeout=15_000)
    text = window.banner.label.text()
    assert "格式错误" in text and "继续使用当前话术库" in text
    assert "team.yaml" not in text and not any("a" <= ch.lower() <= "z" for ch in text)
    assert any("team.yaml:" in r.getMessage() for r in caplog.records)
    assert has_script(window, "team.alpha") and has_script(window, "team.beta")
    controller.shutdown()


def test_manual_check_without_source_is_a_note_not_an_error(qtbot: QtBot) -> None:
    window, controller = start(qtbot, "")
    window.update_action.trigger()
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=5_000)
    assert window.banner.level == "info"
    assert "团队话术来源" in window.banner.label.text()
    assert "no team" not in window.banner.label.text()
    controller.shutdown()


def test_own_script_survives_team_update_that_removes_its_original(
    qtbot: QtBot, team_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cs_companion.ui.my_scripts_dialog import ScriptEditor

    opened: list[str] = []

    def fake_exec(editor: ScriptEditor) -> int:
        opened.append(editor.windowTitle())
        return 0  # the agent closes the editor: the copy is kept as it is

    monkeypatch.setattr(ScriptEditor, "exec", fake_exec)
    window, controller = start(qtbot, str(team_folder))
    qtbot.waitUntil(lambda: has_script(window, "team.beta"), timeout=10_000)
    assert window.select_script("team.beta")
    window.copy_to_mine_action.trigger()
    assert opened, "copying to my scripts opens the copy in the editor"
    qtbot.waitUntil(lambda: has_script(window, "my.team.beta"), timeout=10_000)
    assert window.current is not None and window.current.id == "my.team.beta"
    assert AppPaths.default().personal_library_file.exists()

    (team_folder / "team.yaml").write_text(team_text("4", "alpha"), encoding="utf-8")
    qtbot.waitUntil(lambda: not has_script(window, "team.beta"), timeout=10_000)
    mine = window.loaded.library.script("my.team.beta")
    assert mine is not None and mine.layer is Layer.PERSONAL and "beta" in mine.body
    controller.shutdown()


@pytest.fixture
def web_feed(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A real HTTP server on 127.0.0.1 serving one team library file."""
    root = tmp_path / "www"
    root.mkdir()
    (root / "team.yaml").write_text(team_text("1", "alpha"), encoding="utf-8")
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/team.yaml", root / "team.yaml"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass


def test_url_source_is_fetched_polled_and_checked_on_demand(qtbot: QtBot, web_feed: tuple[str, Path]) -> None:
    url, file = web_feed
    window, controller = start(qtbot, url)
    qtbot.waitUntil(lambda: has_script(window, "team.alpha"), timeout=10_000)
    assert controller.poll_timer.isActive()
    assert controller.poll_timer.interval() == window.settings.poll_minutes * 60_000

    file.write_text(team_text("2", "alpha", "delta"), encoding="utf-8")
    later = file.stat().st_mtime + 5  # Last-Modified has 1 s resolution; a real push comes later anyway
    os.utime(file, (later, later))
    controller.poll_timer.timeout.emit()  # what the timer does every poll_minutes
    qtbot.waitUntil(lambda: has_script(window, "team.delta"), timeout=10_000)
    assert "v2" in window.banner.label.text()

    window.update_action.trigger()  # F5 with nothing new: says it is up to date
    qtbot.waitUntil(lambda: "已是最新" in window.banner.label.text(), timeout=10_000)
    controller.shutdown()


def test_large_team_library_without_snapshot_loads_after_the_window_opens(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cs_companion.storage.agent_library as app_module

    monkeypatch.setattr(app_module, "QUICK_START_TEAM_BYTES", 0)  # treat any team library as large
    team = AppPaths.default().team_cache_dir
    team.mkdir(parents=True)
    (team / "team.yaml").write_text(team_text("7", "alpha"), encoding="utf-8")
    window, controller = start(qtbot, "")
    assert window.loaded.partial and not has_script(window, "team.alpha")
    assert window.banner.isVisible() and window.banner.level == "info"
    qtbot.waitUntil(lambda: has_script(window, "team.alpha"), timeout=10_000)
    assert not window.loaded.partial
    assert not window.banner.isVisible()
    assert AppPaths.default().snapshot_file.exists()  # the next start is fast again
    controller.shutdown()


def test_one_folder_edit_is_one_job_and_each_file_is_parsed_once(
    qtbot: QtBot, team_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit on the share: probe, validate, install and re-index in one worker job, parsing team.yaml once."""
    import cs_companion.core.loader as loader
    import cs_companion.sync.folder as folder

    parsed: list[str] = []
    real_parse, real_fast = loader.parse_yaml, loader.parse_library_yaml

    def counting_parse(text: str, filename: str) -> object:
        parsed.append(Path(filename).name)
        return real_parse(text, filename)

    def counting_fast(text: str, filename: str) -> tuple[object, bool]:
        parsed.append(Path(filename).name)
        return real_fast(text, filename)

    monkeypatch.setattr(loader, "parse_yaml", counting_parse)  # a careful re-parse (a file with problems) counts too
    monkeypatch.setattr(loader, "parse_library_yaml", counting_fast)
    monkeypatch.setattr(folder, "parse_library_yaml", counting_fast)
    window, controller = start(qtbot, str(team_folder))
    qtbot.waitUntil(lambda: has_script(window, "team.alpha"), timeout=10_000)
    controller.wait_idle()
    qtbot.wait(300)  # let the watcher's own notice of the first install settle
    controller.wait_idle()
    jobs_before, parsed_before = controller.jobs_run, len(parsed)

    (team_folder / "team.yaml").write_text(team_text("2", "alpha", "delta"), encoding="utf-8")
    qtbot.waitUntil(lambda: has_script(window, "team.delta"), timeout=10_000)
    controller.wait_idle()
    assert controller.jobs_run - jobs_before == 1, "one worker round trip per change"
    new_parses = parsed[parsed_before:]
    assert new_parses.count("team.yaml") == 1, new_parses
    assert not [name for name in new_parses if name != "team.yaml" and name != "my_scripts.yaml"], new_parses
    controller.shutdown()


def test_a_failing_background_load_reaches_the_agent_as_a_banner(qtbot: QtBot) -> None:
    window = build_main_window(AppPaths.default())
    qtbot.addWidget(window)

    def broken_load(**_kwargs: object) -> object:
        raise RuntimeError("disk went away")

    controller = UpdateController(AppPaths.default(), broken_load, parent=window)
    failures: list[str] = []
    controller.worker_failed.connect(failures.append)
    controller.reload_library()
    qtbot.waitUntil(lambda: bool(failures), timeout=5_000)
    assert "disk went away" in failures[0]
    controller.shutdown()


def test_the_ui_thread_never_walks_the_share(qtbot: QtBot, team_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import cs_companion.ui.update_controller as controller_module

    threads: list[str] = []
    real_targets = controller_module.watch_targets

    def recording_targets(path: Path) -> list[Path]:
        threads.append(threading.current_thread().name)
        return real_targets(path)

    monkeypatch.setattr(controller_module, "watch_targets", recording_targets)
    window, controller = start(qtbot, str(team_folder))
    qtbot.waitUntil(lambda: has_script(window, "team.alpha"), timeout=10_000)
    controller.wait_idle()
    assert threads and all(name.startswith("cs-updates") for name in threads), threads
    controller.shutdown()
