"""Platform code that lets the window reach other windows: active window, activation, keys, global hotkey.

Plain Python (python-xlib on X11, ctypes on Windows), no Qt and no storage:
the window wires it to Qt in ``cs_companion.ui.delivery``.
"""

from cs_companion.desktop.base import (
    PASTE_KEYS,
    Desktop,
    HotkeyError,
    HotkeyRegistration,
    PasteKeys,
    UnsupportedDesktop,
    WindowHandle,
)
from cs_companion.desktop.detect import detect_desktop

__all__ = [
    "PASTE_KEYS",
    "Desktop",
    "HotkeyError",
    "HotkeyRegistration",
    "PasteKeys",
    "UnsupportedDesktop",
    "WindowHandle",
    "detect_desktop",
]
