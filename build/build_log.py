"""Keep the Linux/macOS PyInstaller log clean of Windows system DLLs named by Windows-only code.

PyInstaller scans every module that uses ctypes for library names and warns about
those it cannot find. Some dependencies name Windows system DLLs in code that only
runs on Windows: filelock._windows (ntdll; filelock imports it on every OS),
platformdirs.windows (ole32, shell32) and pyperclip's Windows clipboard (msvcrt).
PyInstaller already ignores names ending in ".dll" off Windows; these are written
without the suffix, so we skip them the same way. Any other missing library still
warns, so a real problem is never hidden. companion.spec installs the filter;
tests/project/test_build_log.py checks that the dependencies name no DLL outside the list.
"""

from __future__ import annotations

import logging

# Windows system DLLs that a dependency may name without ".dll" in Windows-only code.
WINDOWS_ONLY_DLLS = frozenset({"advapi32", "gdi32", "kernel32", "msvcrt", "ntdll", "ole32", "shell32", "user32"})
CTYPES_NOT_FOUND = "Library %s required via ctypes not found"  # PyInstaller.depend.utils' message
PYINSTALLER_LOGGER = "PyInstaller.depend.utils"


class WindowsDllNoiseFilter(logging.Filter):
    """Drop PyInstaller's "required via ctypes not found" warning for Windows system DLLs; keep everything else."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg != CTYPES_NOT_FOUND or not record.args:
            return True
        name = str(record.args[0] if isinstance(record.args, tuple) else record.args).lower()
        return name.removesuffix(".dll") not in WINDOWS_ONLY_DLLS


def quiet_windows_dlls(building_on_windows: bool) -> None:
    """Install the filter when the build does not target Windows (there the warning would be real)."""
    if not building_on_windows:
        logging.getLogger(PYINSTALLER_LOGGER).addFilter(WindowsDllNoiseFilter())
