"""Starting the app where things are missing: no display, an empty --profile, a full disk for the log."""

from __future__ import annotations

import errno
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cs_companion.cli.dispatch import main, missing_display

REPO_ROOT = Path(__file__).resolve().parents[2]


# ----------------------------------------------------------------------------- no display


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "wayland-egl"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb;wayland"}, "linux", True),
        ({"QT_QPA_PLATFORM": ""}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen:fontengine=freetype"}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb;offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "minimal"}, "linux", False),
        ({"QT_QPA_PLATFORM": "vnc"}, "freebsd13", False),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_missing_display(environ: dict[str, str], platform: str, expected: bool) -> None:
    assert missing_display(environ, platform) is expected


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland display check is for Linux")
def test_no_display_is_one_line_and_exit_1_before_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from cs_companion.cli.dispatch import main; code = main(); "
        "sys.stdout.write('qt loaded' if 'PySide6' in sys.modules else 'qt not loaded'); sys.exit(code)"
    )
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(REPO_ROOT), "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code, "--profile", str(tmp_path / "profile")],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("cs-companion: no display")
    assert "desktop" in lines[0] and "--help" in lines[0]
    assert result.stdout == "qt not loaded"


# ----------------------------------------------------------------------------- --profile ""


@pytest.mark.parametrize("args", [["--profile", "", "list"], ["list", "--profile", ""], ["--profile", "   "]])
def test_empty_profile_is_a_clear_usage_error(
    capsys: pytest.CaptureFixture[str], args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    before = os.environ["CS_COMPANION_HOME"]
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "--profile" in err and "needs a folder name" in err
    assert os.environ["CS_COMPANION_HOME"] == before
    assert list(tmp_path.iterdir()) == []  # nothing created in the current folder


# ----------------------------------------------------------------------------- logging on a full disk


def test_logging_to_a_full_disk_prints_nothing(
    capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cs_companion.storage.paths import AppPaths
    from cs_companion.ui.app import _setup_logging

    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", list(root.handlers))  # restored after the test
    monkeypatch.setattr(root, "level", root.level)
    monkeypatch.setattr(logging, "raiseExceptions", True)  # the default: stock handlers print tracebacks
    _setup_logging(AppPaths.default())
    handler = root.handlers[-1]

    class FullDisk:
        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        def close(self) -> None:
            pass

    assert isinstance(handler, logging.FileHandler)
    handler.stream.close()
    handler.stream = FullDisk()  # type: ignore[assignment]
    logging.getLogger("cs_companion.test").error("an error worth logging", exc_info=ValueError("x"))
    logging.getLogger("cs_companion.test").warning("and another")
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")
    root.removeHandler(handler)
