"""The reply preview: live-rendered, editable, with compliance findings underlined.

The compliance check runs just after each change (a zero-delay timer), not
inside it: typing stays instant, the first paint of the window does not wait
for the rules to compile, and anything that reads ``findings`` (copying)
gets the up-to-date answer because reading flushes a pending check.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from cs_companion.core.models import Library

if TYPE_CHECKING:
    from cs_companion.core.compliance import ComplianceChecker, Finding


class ReplyPreview(QWidget):
    """Shows the reply that will be copied; the agent may edit it.

    Signals:
        edited(): the agent changed the text by hand.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("preview")
        self.editor.setPlaceholderText(self.tr("选择一条话术，回复会显示在这里"))
        self.editor.setTabChangesFocus(True)
        layout.addWidget(self.editor, 1)
        self.warning = QLabel(self)
        self.warning.setObjectName("complianceWarning")
        self.warning.setWordWrap(True)
        self.warning.hide()
        layout.addWidget(self.warning)
        self._library = Library()
        self._checker: ComplianceChecker | None = None
        self._programmatic = False
        self.user_edited = False
        self._findings: list[Finding] = []
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(0)
        self._check_timer.timeout.connect(self._check)
        self.editor.textChanged.connect(self._on_text_changed)

    def set_library(self, library: Library) -> None:
        """Check against this library's phrases and allow-list (the checker is built on first use)."""
        self._library = library
        self._checker = None
        self._check_timer.start()

    @property
    def findings(self) -> list[Finding]:
        if self._check_timer.isActive():
            self._check_timer.stop()
            self._check()
        return self._findings

    def text(self) -> str:
        return self.editor.toPlainText()

    @property
    def has_blocking(self) -> bool:
        """True when a finding must be confirmed before the reply is copied or pasted."""
        return any(f.blocking for f in self.findings)

    def set_rendered(self, text: str) -> None:
        """Show freshly rendered text (not an agent edit)."""
        self._programmatic = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._programmatic = False
        self.user_edited = False
        self._check_timer.start()

    def set_edited(self, text: str) -> None:
        """Show text the agent edited earlier (kept while they looked at other scripts)."""
        self.set_rendered(text)
        self.user_edited = True

    def _on_text_changed(self) -> None:
        if not self._programmatic:
            self.user_edited = True
            self._check_timer.start()
            self.edited.emit()

    def _check(self) -> None:
        if self._checker is None:
            from cs_companion.core.compliance import ComplianceChecker

            self._checker = ComplianceChecker.for_library(self._library)
        self._findings = self._checker.check(self.text())
        selections = []
        for finding in self._findings:
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor("#ff4d4f" if finding.blocking else "#faad14"))
            fmt.setBackground(QColor("#fff1f0" if finding.blocking else "#fffbe6"))
            selection.format = fmt
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(finding.start)
            cursor.setPosition(finding.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.editor.setExtraSelections(selections)
        if self._findings:
            lines = "\n".join(f"{'⛔' if f.blocking else '⚠'} {f}" for f in self._findings[:3])
            self.warning.setText(self.tr("发送前请修改：") + "\n" + lines)
            self.warning.show()
        else:
            self.warning.hide()
