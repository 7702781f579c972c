"""A non-blocking message strip at the top of the window (update results, damaged files)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

STYLES = {
    "info": "background:#e6f4ff; border:1px solid #91caff; color:#003eb3;",
    "success": "background:#f6ffed; border:1px solid #b7eb8f; color:#135200;",
    "warning": "background:#fffbe6; border:1px solid #ffe58f; color:#613400;",
    "error": "background:#fff2f0; border:1px solid #ffccc7; color:#a8071a;",
}


class Banner(QFrame):
    """One message at a time; closes on click of ×, or by itself after ``timeout_ms``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        close = QToolButton(self)
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("关闭"))
        close.clicked.connect(self.hide)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.level = ""
        self.hide()

    def show_message(self, text: str, level: str = "info", timeout_ms: int = 0) -> None:
        self.level = level
        self.setStyleSheet(f"#banner {{{STYLES.get(level, STYLES['info'])} border-radius:4px;}}")
        self.label.setText(text)
        self.show()
        if timeout_ms:
            self._timer.start(timeout_ms)
        else:
            self._timer.stop()
