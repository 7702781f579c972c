"""The Linux PyInstaller log stays clean: Windows-only DLL names are filtered, nothing else is."""

from __future__ import annotations

import importlib.util
import logging
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
# ctypes.WinDLL("ntdll"), ctypes.CDLL('msvcrt'), WinDLL("ole32"), windll.LoadLibrary("x")
CTYPES_NAME = re.compile(r"""(?:WinDLL|CDLL|OleDLL|LoadLibrary)\(\s*['"]([\w.]+)['"]""")
# Runtime dependencies that use ctypes for Windows-only code.
DEPENDENCIES = ("filelock", "platformdirs", "pyperclip", "keyring")


def load_build_log() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_log", ROOT / "build" / "build_log.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def record(message: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord("PyInstaller.depend.utils", logging.WARNING, "utils.py", 1, message, args, None)


def test_windows_system_dlls_are_dropped_and_other_libraries_still_warn() -> None:
    build_log = load_build_log()
    keep = build_log.WindowsDllNoiseFilter().filter
    for name in ("ntdll", "ole32", "shell32", "msvcrt", "MSVCRT", "kernel32.dll"):
        assert not keep(record(build_log.CTYPES_NOT_FOUND, name)), name
    assert keep(record(build_log.CTYPES_NOT_FOUND, "libxcb-cursor.so.0"))
    assert keep(record("Library not found: could not resolve %r", "libxcb-icccm.so.4"))


def test_the_spec_installs_the_filter_off_windows() -> None:
    spec = (ROOT / "companion.spec").read_text(encoding="utf-8")
    assert "quiet_windows_dlls(building_on_windows=IS_WIN)" in spec


@pytest.mark.parametrize("package", DEPENDENCIES)
def test_dependencies_name_no_windows_dll_outside_the_filter(package: str) -> None:
    """A dependency update that names a new Windows DLL would warn again: add it to WINDOWS_ONLY_DLLS."""
    __import__(package)
    module = sys.modules[package]
    assert module.__file__
    folder = Path(module.__file__).parent
    files = [Path(module.__file__)] if folder.name == "site-packages" else sorted(folder.rglob("*.py"))
    named = {m.lower() for f in files for m in CTYPES_NAME.findall(f.read_text(encoding="utf-8", errors="replace"))}
    unknown = {n for n in named if not n.endswith(".dll") and n not in load_build_log().WINDOWS_ONLY_DLLS}
    assert not unknown, f"{package} names {sorted(unknown)} via ctypes; PyInstaller would warn on Linux"
