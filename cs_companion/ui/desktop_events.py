"""Feeds desktop events (global hotkey presses) into Qt's event loop without a thread.

X11: the desktop's own X connection is watched with a ``QSocketNotifier``; a
slow timer also drains it because python-xlib may read an event off the socket
during another request, after which the socket is no longer readable.
Windows: ``WM_HOTKEY`` is a thread message that only Qt's loop sees, so a native
event filter hands every message to the desktop.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QCoreApplication, QObject, QSocketNotifier, QTimer

from cs_companion.desktop import Desktop

log = logging.getLogger(__name__)
DRAIN_MS = 200


class _NativeFilter(QAbstractNativeEventFilter):
    def __init__(self, desktop: Desktop) -> None:
        super().__init__()
        self.desktop = desktop

    def nativeEventFilter(
        self, eventType: QByteArray | bytes | bytearray | memoryview, message: Any
    ) -> tuple[bool, int]:
        kind = eventType.data() if isinstance(eventType, QByteArray) else bytes(eventType)
        if kind == b"windows_generic_MSG" and self.desktop.handle_native_message(int(message)):
            return True, 0
        return False, 0


class DesktopEvents(QObject):
    """Calls ``desktop.process_events`` whenever the desktop may have something; stops if the desktop breaks."""

    def __init__(self, desktop: Desktop, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desktop = desktop
        self.notifier: QSocketNotifier | None = None
        self._filter: _NativeFilter | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(DRAIN_MS)
        self._timer.timeout.connect(self.pump)
        fd = desktop.event_fd() if desktop.supported else None
        if fd is not None:
            self.notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            self.notifier.activated.connect(self.pump)
            self._timer.start()
        app = QCoreApplication.instance()
        if sys.platform == "win32" and desktop.supported and app is not None:
            self._filter = _NativeFilter(desktop)
            app.installNativeEventFilter(self._filter)

    def pump(self) -> None:
        try:
            self.desktop.process_events()
        except Exception as exc:  # the X server went away: the window keeps working copy-only
            log.warning("desktop events stopped: %s", exc)
            self.stop()

    def stop(self) -> None:
        self._timer.stop()
        if self.notifier is not None:
            self.notifier.setEnabled(False)
        app = QCoreApplication.instance()
        if self._filter is not None and app is not None:
            app.removeNativeEventFilter(self._filter)
            self._filter = None
