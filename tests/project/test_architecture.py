"""The layers hold: import-linter's contracts (pyproject.toml) and strict mypy pass on the package.

ui > sync > storage > core, core and storage free of Qt: a new import that
breaks a layer fails here, with the offending chain printed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
MAX_MODULE_LINES = 400


def test_import_contracts_are_kept() -> None:
    done = subprocess.run(
        [str(BIN / "lint-imports"), "--no-cache"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_passes() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr


def test_no_module_is_over_400_lines() -> None:
    long = {
        str(path.relative_to(REPO_ROOT)): n
        for path in (REPO_ROOT / "cs_companion").rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_main_window_only_assembles() -> None:
    lines = len((REPO_ROOT / "cs_companion" / "ui" / "main_window.py").read_text(encoding="utf-8").splitlines())
    assert lines <= 250
