"""Shared test setup: offscreen Qt and a throw-away profile for every test.

The environment is set before anything imports Qt, and every test gets its
own CS_COMPANION_HOME so no test ever reads or writes a real user profile.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

# Instance locks and local sockets live in the temp folder (QDir.tempPath), and tests that kill
# windows on purpose leave them behind: give the whole run, and every process it starts, a
# temp folder of its own that goes away at the end. The name stays short for socket paths.
_RUN_TEMP = tempfile.mkdtemp(prefix="csc-test-")
os.environ["TMPDIR"] = _RUN_TEMP
tempfile.tempdir = _RUN_TEMP  # gettempdir() may already have cached /tmp
atexit.register(shutil.rmtree, _RUN_TEMP, True)

REPO_ROOT = Path(__file__).resolve().parent.parent
BUILTIN_LIBRARY = REPO_ROOT / "scripts_library"
DATA_DIR = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def isolated_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh profile folder; also points the machine-wide config at a temp file."""
    home = tmp_path / "profile"
    monkeypatch.setenv("CS_COMPANION_HOME", str(home))
    monkeypatch.setenv("CS_COMPANION_SYSTEM_CONFIG", str(tmp_path / "system" / "config.json"))
    return home


@pytest.fixture(autouse=True)
def no_real_keyring():  # type: ignore[no-untyped-def]
    """No test may touch the OS keyring; tests that need one install MemoryKeyring."""
    import keyring
    import keyring.backends.fail

    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def write_yaml(tmp_path: Path):
    """Write a YAML file under tmp_path and return its path: ``write_yaml("a.yaml", text)``."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture(scope="session")
def builtin_checker():  # type: ignore[no-untyped-def]
    """The compliance checker an agent's window uses with the built-in library (loaded once per run)."""
    from cs_companion.core.compliance import ComplianceChecker
    from cs_companion.core.loader import load_path
    from cs_companion.core.models import Layer

    library = load_path(BUILTIN_LIBRARY, Layer.BUILTIN).library
    assert library is not None
    return ComplianceChecker.for_library(library)
