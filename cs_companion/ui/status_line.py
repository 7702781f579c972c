"""The status bar's two texts: a short-lived result of the last action, and what library is loaded."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from cs_companion.core.models import Layer
from cs_companion.storage.stack import LoadedLibrary

FLASH_MS = 1500
ERROR_STYLE = "color:#cf1322;"


class StatusLine:
    """``flash`` shows "✓ 已复制" and the like for a moment; ``set_library`` the permanent description."""

    def __init__(self, bar: QStatusBar) -> None:
        self.copied_label = QLabel("", bar)
        self.copied_label.setObjectName("copied")
        bar.addWidget(self.copied_label)
        self.library_label = QLabel("", bar)
        self.library_label.setObjectName("notes")
        bar.addPermanentWidget(self.library_label)
        self._timer = QTimer(bar)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self.copied_label.setText(""))

    def flash(self, text: str, ok: bool = True) -> None:
        self.copied_label.setStyleSheet("" if ok else ERROR_STYLE)
        self.copied_label.setText(text)
        self._timer.start(FLASH_MS)

    def clear_error_hint(self) -> None:
        """Drop a "fill the required fields" hint once the agent starts answering it."""
        if self._timer.isActive() and self.copied_label.styleSheet():
            self.copied_label.setText("")

    def set_library(self, text: str) -> None:
        self.library_label.setText(text)


def library_description(loaded: LoadedLibrary) -> str:
    """ "224 条话术 · 团队库 …": how many scripts, and which team library version is in use."""
    team = loaded.layer_info.get(Layer.TEAM)
    text = QCoreApplication.translate("StatusLine", "%n 条话术", "", len(loaded.library.scripts))
    return text + (" · " + QCoreApplication.translate("StatusLine", "团队库 ") + team.describe() if team else "")
