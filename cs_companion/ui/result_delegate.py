"""Paints one search result: title with the match highlighted, category tag, one-line preview."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from cs_companion.ui.results_model import CategoryRole, FavouriteRole, PreviewRole, ShortcutRole

HIGHLIGHT_BG = QColor("#ffe58f")
TAG_BG = QColor("#e6f4ff")
TAG_FG = QColor("#0958d9")
MUTED = QColor("#8c8c8c")
STAR = QColor("#faad14")
PAD = 8


def highlight_spans(text: str, needle: str) -> list[tuple[str, bool]]:
    """Split ``text`` into runs, marking case-insensitive occurrences of ``needle``."""
    if not needle:
        return [(text, False)]
    lower, target = text.lower(), needle.lower()
    spans: list[tuple[str, bool]] = []
    pos = 0
    while True:
        hit = lower.find(target, pos)
        if hit < 0:
            spans.append((text[pos:], False))
            return [s for s in spans if s[0]]
        spans.append((text[pos:hit], False))
        spans.append((text[hit : hit + len(target)], True))
        pos = hit + len(target)


class ResultDelegate(QStyledItemDelegate):
    """Two-line rows sized for a narrow docked window."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.highlight = ""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(option.rect.width(), metrics.height() * 2 + PAD * 2 + 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        painter.save()
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_color = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        rect = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        metrics = QFontMetrics(option.font)
        line_h = metrics.height()

        # Right side: shortcut hint and category tag.
        right = rect.right()
        shortcut = index.data(ShortcutRole) or ""
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.8))
        small_metrics = QFontMetrics(small)
        painter.setFont(small)
        if shortcut:
            w = small_metrics.horizontalAdvance(shortcut)
            painter.setPen(text_color if selected else MUTED)
            painter.drawText(QRect(right - w, rect.top(), w, line_h), Qt.AlignmentFlag.AlignVCenter, shortcut)
            right -= w + 6
        category = index.data(CategoryRole) or ""
        if category:
            w = small_metrics.horizontalAdvance(category) + 10
            tag = QRect(right - w, rect.top() + 2, w, line_h - 4)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TAG_BG)
            painter.drawRoundedRect(tag, 4, 4)
            painter.setPen(TAG_FG)
            painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, category)
            right -= w + 6

        # Title with favourite star and highlighted match.
        x = rect.left()
        bold = QFont(option.font)
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        if index.data(FavouriteRole):
            painter.setFont(option.font)
            painter.setPen(STAR)
            painter.drawText(QRect(x, rect.top(), line_h, line_h), Qt.AlignmentFlag.AlignVCenter, "★")
            x += metrics.horizontalAdvance("★") + 4
        painter.setFont(bold)
        title = bold_metrics.elidedText(str(index.data()), Qt.TextElideMode.ElideRight, max(0, right - x))
        for run, hit in highlight_spans(title, self.highlight):
            w = bold_metrics.horizontalAdvance(run)
            if hit and not selected:
                painter.fillRect(QRect(x, rect.top(), w, line_h), HIGHLIGHT_BG)
            painter.setPen(text_color)
            painter.drawText(QRect(x, rect.top(), w + 1, line_h), Qt.AlignmentFlag.AlignVCenter, run)
            x += w

        # Preview line.
        painter.setFont(option.font)
        painter.setPen(text_color if selected else MUTED)
        preview = metrics.elidedText(index.data(PreviewRole) or "", Qt.TextElideMode.ElideRight, rect.width())
        x = rect.left()
        for run, hit in highlight_spans(preview, self.highlight):
            w = metrics.horizontalAdvance(run)
            if hit and not selected:
                painter.fillRect(QRect(x, rect.top() + line_h + 2, w, line_h), HIGHLIGHT_BG)
            painter.drawText(QRect(x, rect.top() + line_h + 2, w + 1, line_h), Qt.AlignmentFlag.AlignVCenter, run)
            x += w
        painter.restore()
