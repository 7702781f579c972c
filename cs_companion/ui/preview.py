"""The reply preview: live-rendered, editable, with compliance findings underlined."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

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
        self._checker = ComplianceChecker()
        self._programmatic = False
        self.user_edited = False
        self.findings: list[Finding] = []
        self.editor.textChanged.connect(self._on_text_changed)

    def set_checker(self, checker: ComplianceChecker) -> None:
        self._checker = checker
        self._check()

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
        self._check()

    def _on_text_changed(self) -> None:
        if not self._programmatic:
            self.user_edited = True
            self._check()
            self.edited.emit()

    def _check(self) -> None:
        self.findings = self._checker.check(self.text())
        selections = []
        for finding in self.findings:
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
        if self.findings:
            lines = "\n".join(f"{'⛔' if f.blocking else '⚠'} {f}" for f in self.findings[:3])
            self.warning.setText(self.tr("发送前请修改：") + "\n" + lines)
            self.warning.show()
        else:
            self.warning.hide()
