"""Where the window sits: remembered geometry, docking to a screen edge, staying on top.

Window position is state, not a preference (kept apart from settings, like
Picard's ``persist``), so it lives in ``window.json`` beside settings and a
failure to save it is never worth an error.
"""

from __future__ import annotations

import base64
import contextlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from cs_companion.storage.jsonstore import load_json_object, save_json_object

DEFAULT_SIZE = (420, 720)
DOCK_MIN_WIDTH, DOCK_MAX_WIDTH = 380, 460


class WindowPlacement:
    """Restores, saves and docks one top-level window."""

    def __init__(self, window: QWidget, state_file: Path) -> None:
        self.window = window
        self.state_file = state_file

    def restore(self, dock_edge: str) -> str:
        """Put the window where it was, or at its default place; returns a message for a damaged file."""
        report = load_json_object(self.state_file)
        geometry = report.data.get("geometry")
        if isinstance(geometry, str):
            with contextlib.suppress(ValueError):
                if self.window.restoreGeometry(QByteArray(base64.b64decode(geometry))):
                    return report.message
        self.window.resize(*DEFAULT_SIZE)
        if dock_edge in ("left", "right"):
            self.dock(dock_edge)
        return report.message

    def save(self) -> None:
        data = {"geometry": base64.b64encode(bytes(self.window.saveGeometry().data())).decode("ascii")}
        with contextlib.suppress(OSError):  # losing the window position is not worth an error dialog
            save_json_object(self.state_file, data)

    def _available(self) -> QRect | None:
        screen = self.window.screen() or QApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else None

    def dock(self, edge: str) -> None:
        """Snap to the left or right edge of the current screen, full available height."""
        area = self._available()
        if area is None:
            return
        width = max(DOCK_MIN_WIDTH, min(self.window.width(), DOCK_MAX_WIDTH))
        frame_extra = self.window.frameGeometry().height() - self.window.geometry().height()
        height = area.height() - max(0, frame_extra)
        x = area.left() if edge == "left" else area.right() - width + 1
        self.window.setGeometry(x, area.top() + max(0, frame_extra), width, height)

    def keep_inside_screen(self) -> None:
        """Once the window manager has framed the window, move it so its title bar is on screen.

        Before the first show the frame is unknown, so a window placed at the
        top of the screen would have its title bar above it.
        """
        area = self._available()
        if area is None:
            return
        frame = self.window.frameGeometry()
        if frame.height() > area.height():
            inner = self.window.geometry()
            self.window.resize(inner.width(), max(200, area.height() - (frame.height() - inner.height())))
            frame = self.window.frameGeometry()
        dx = max(0, area.left() - frame.left()) - max(0, frame.right() - area.right())
        dy = max(0, area.top() - frame.top()) - max(0, frame.bottom() - area.bottom())
        if dx or dy:
            self.window.move(self.window.pos().x() + dx, self.window.pos().y() + dy)

    def set_on_top(self, on: bool) -> None:
        visible = self.window.isVisible()
        self.window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, on)
        if visible:
            self.window.show()
