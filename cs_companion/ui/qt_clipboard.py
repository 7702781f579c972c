"""The window's one door to the system clipboard (Qt's, so it works with any chat client)."""

from __future__ import annotations

from PySide6.QtGui import QClipboard, QGuiApplication


def set_clipboard_text(text: str) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(text, QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():  # X11: middle-click paste gets it too
        clipboard.setText(text, QClipboard.Mode.Selection)


def clipboard_text() -> str:
    return QGuiApplication.clipboard().text(QClipboard.Mode.Clipboard)
