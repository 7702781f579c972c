"""Pick the desktop back end for the Qt platform the window runs on, or explain in one line why there is none.

The Qt platform decides, not the OS alone: on a Wayland session Qt talks
Wayland and our X11 calls would only see XWayland windows, and offscreen (tests,
self-test) has no desktop at all. Both get copy-only with a hint.
"""

from __future__ import annotations

import logging
import os
import sys

from cs_companion.desktop.base import Desktop, UnsupportedDesktop

log = logging.getLogger(__name__)

WAYLAND_HINT = "Wayland 桌面不支持自动粘贴：回复会复制到剪贴板，请按 Ctrl+V 粘贴（或登录时选择 X11 会话）"
NO_DESKTOP_HINT = "当前环境没有可控制的桌面：回复只复制到剪贴板"


def detect_desktop(qt_platform: str) -> Desktop:
    """The back end for ``qt_platform`` (``QGuiApplication.platformName()``); never raises."""
    name = qt_platform.lower()
    if name == "windows" and sys.platform == "win32":
        try:
            from cs_companion.desktop.windows import WindowsDesktop

            return WindowsDesktop.connect()
        except OSError as exc:
            return UnsupportedDesktop(f"无法使用 Windows 桌面接口（{exc}）：回复只复制到剪贴板")
    if name.startswith("wayland"):
        return UnsupportedDesktop(WAYLAND_HINT)
    if name == "xcb" and os.environ.get("DISPLAY"):
        try:
            from cs_companion.desktop.x11 import X11Desktop

            return X11Desktop.connect(os.environ["DISPLAY"])
        except (OSError, ImportError) as exc:
            log.warning("X11 desktop unavailable: %s", exc)
            return UnsupportedDesktop(f"无法控制 X11 桌面（{exc}）：回复只复制到剪贴板")
    return UnsupportedDesktop(NO_DESKTOP_HINT)
