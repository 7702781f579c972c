"""``--self-test`` from source, in a subprocess as IT would run it (the frozen binary is checked by CI)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cs_companion.selftest import STEPS, needs_offscreen

REPO_ROOT = Path(__file__).resolve().parents[2]


def run_self_test(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    call = ", ".join(args)
    code = f"import sys; from cs_companion.selftest import run_self_test; sys.exit(run_self_test({call}))"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_self_test_passes_and_never_touches_the_profile(isolated_profile: Path) -> None:
    result = run_self_test()
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("cs-companion ") and "self-test (source: " in lines[0]
    for name, _ in STEPS:
        assert any(line.startswith(f"ok  {name}") for line in lines), f"no ok line for {name}:\n{result.stdout}"
    assert "ok  load library (" in result.stdout and " scripts)" in result.stdout
    assert lines[-1] == "self-test passed"
    assert not isolated_profile.exists()  # it ran in its own temp profile


def test_missing_window_fails_cleanly_at_the_window_step(isolated_profile: Path) -> None:
    result = run_self_test("window_module='cs_companion.no_such_window'")
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    names = [name for name, _ in STEPS]
    before = names[: names.index("build window")]
    assert [line.split(" (")[0] for line in lines[1 : 1 + len(before)]] == [f"ok  {n}" for n in before]
    assert lines[1 + len(before)].startswith("FAIL build window: ModuleNotFoundError: ")
    assert lines[-1] == "self-test failed at: build window"
    assert "Traceback" not in result.stderr
    assert not isolated_profile.exists()


def test_broken_machine_config_is_reported_and_left_alone(tmp_path: Path) -> None:
    config = tmp_path / "system" / "config.json"
    config.parent.mkdir(parents=True)
    config.write_text('{"team_source": "https://intranet.example/scripts/",', encoding="utf-8")
    result = run_self_test(env={"CS_COMPANION_SYSTEM_CONFIG": str(config)})
    assert result.returncode == 1
    assert f"FAIL machine config: {config} is not valid UTF-8 JSON" in result.stdout
    assert config.read_text(encoding="utf-8").endswith(",")  # never "repaired" or moved aside


def test_machine_config_summary(tmp_path: Path) -> None:
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"team_source": "https://intranet.example/s/", "lock_team_source": True}), "utf-8")
    result = run_self_test(
        "window_module='cs_companion.no_such_window'", env={"CS_COMPANION_SYSTEM_CONFIG": str(config)}
    )
    assert f"ok  machine config ({config}, 2 keys, team source preset, locked)" in result.stdout


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", False),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_offscreen_only_without_a_display(environ: dict[str, str], platform: str, expected: bool) -> None:
    assert needs_offscreen(environ, platform) is expected


# ----------------------------------------------------------------------------- issue 12: clipboard, XDG config


def test_self_test_gives_the_agent_their_clipboard_back(qapp, isolated_profile: Path) -> None:  # type: ignore[no-untyped-def]
    """In-process, so the offscreen clipboard the self-test uses is the one checked here."""
    import io

    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QGuiApplication

    from cs_companion.selftest import run_self_test as run_in_process

    clipboard = QGuiApplication.clipboard()
    agent = QMimeData()
    agent.setText("客户订单号 123，等下回复")
    agent.setHtml("<b>客户订单号 123</b>，等下回复")
    clipboard.setMimeData(agent)
    out = io.StringIO()
    assert run_in_process(out=out) == 0, out.getvalue()
    assert "ok  copy to clipboard (" in out.getvalue() and "previous clipboard restored" in out.getvalue()
    assert clipboard.text() == "客户订单号 123，等下回复"
    assert "<b>客户订单号 123</b>" in clipboard.mimeData().html()


def test_empty_clipboard_stays_empty(qapp, isolated_profile: Path) -> None:  # type: ignore[no-untyped-def]
    import io

    from PySide6.QtGui import QGuiApplication

    from cs_companion.selftest import run_self_test as run_in_process

    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    out = io.StringIO()
    assert run_in_process(out=out) == 0, out.getvalue()
    assert clipboard.text() == ""


def test_self_test_names_the_config_found_in_a_later_xdg_dir_and_warns_about_unreadable_ones(tmp_path: Path) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("XDG lookup is for Linux")
    xdg = tmp_path / "xdg"
    broken = xdg / "xdg-ubuntu" / "cs-companion" / "config.json"
    broken.mkdir(parents=True)  # found but cannot be read (a folder), for root too
    config = xdg / "cs-companion" / "config.json"
    config.parent.mkdir(parents=True)
    config.write_text(json.dumps({"team_source": "https://intranet.example/s/"}), "utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CS_COMPANION_SYSTEM_CONFIG"}
    env["XDG_CONFIG_DIRS"] = f"{xdg / 'xdg-ubuntu'}:{xdg}"
    call = "window_module='cs_companion.no_such_window'"
    code = f"import sys; from cs_companion.selftest import run_self_test; sys.exit(run_self_test({call}))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    line = next(x for x in result.stdout.splitlines() if x.startswith("ok  machine config"))
    assert line.startswith(f"ok  machine config ({config}, 1 key, team source preset")
    assert f"WARNING: {broken} exists but cannot be read" in line


def test_deep_machine_config_fails_the_step_in_one_line(tmp_path: Path) -> None:
    config = tmp_path / "config.json"
    config.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    result = run_self_test(env={"CS_COMPANION_SYSTEM_CONFIG": str(config)})
    assert result.returncode == 1
    assert f"FAIL machine config: {config} is not valid JSON: nested too deeply" in result.stdout
    assert "Traceback" not in result.stderr
