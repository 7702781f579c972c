"""The core, storage and CLI must work headless: importing them must never pull in Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

# Runs in a fresh interpreter: this test process already has PySide6 loaded by pytest-qt.
IMPORT_EVERYTHING = """
import importlib, json, pkgutil, sys
import cs_companion.core, cs_companion.storage
names = ["cs_companion", "cs_companion.cli", "cs_companion.cli.clipboard", "cs_companion.storage.resources"]
for package in (cs_companion.core, cs_companion.storage):
    names.append(package.__name__)
    names += [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
for name in names:
    importlib.import_module(name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
print(json.dumps({"imported": names, "qt": qt}))
"""


def test_core_storage_and_cli_import_without_qt() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERYTHING], capture_output=True, text=True, cwd=REPO_ROOT, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    imported = set(report["imported"])
    assert {"cs_companion.core.loader", "cs_companion.core.search", "cs_companion.storage.settings"} <= imported
    assert "cs_companion.cli" in imported
    assert report["qt"] == []


def test_cli_commands_run_without_qt(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from cs_companion.cli import main\n"
        "rc = main(['search', 'wlyc', '--json', '--limit', '1'])\n"
        "assert 'PySide6' not in sys.modules, 'search imported Qt'\n"
        "sys.exit(rc)\n"
    )
    env = {
        **os.environ,
        "CS_COMPANION_HOME": str(tmp_path / "profile"),
        "CS_COMPANION_SYSTEM_CONFIG": str(tmp_path / "none.json"),
    }
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, timeout=120, env=env
    )
    assert proc.returncode == 0, proc.stderr
    assert "logistics.delay" in proc.stdout
