"""What an import will bring in, shown before anything is saved: counts, fields, scenarios, items to check.

The agent (or lead) then chooses where it goes: into their own scripts, or
into a library file for the team. Nothing is written by this dialog; it only
records the choice in ``choice``.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cs_companion.core.field_guess import STANDARD_FIELDS
from cs_companion.core.interchange.pipeline import ImportRun
from cs_companion.core.interchange.suggest import UNSORTED, UNSORTED_NAME
from cs_companion.core.models import Library

MINE = "mine"
TEAM_FILE = "team_file"
MAX_SKIPPED_SHOWN = 20


class ImportPreviewDialog(QDialog):
    """Summary plus one row per script (title, suggested scenario, confidence, what to check)."""

    def __init__(self, run: ImportRun, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入预览"))
        self.resize(640, 480)
        self.choice = ""
        conv = run.conversion
        layout = QVBoxLayout(self)
        low = sum(bool(item.scenario_review) for item in conv.items)
        fields = "、".join(f"{_field_label(name)}×{count}" for name, count in sorted(conv.fields_found.items()))
        fields = fields or self.tr("无")
        lines = [
            self.tr("共 %n 条话术", "", len(conv.items)),
            self.tr("识别出的字段：") + fields,
            self.tr("场景建议：%1 条较有把握，%2 条需要确认")
            .replace("%1", str(len(conv.items) - low))
            .replace("%2", str(low)),
            self.tr("需要复核：%n 条（场景或字段是猜的、与已有话术相似、或有合规提醒）", "", conv.flagged),
        ]
        if run.skipped:
            lines.append(self.tr("未导入：%n 行（见下方）", "", len(run.skipped)))
        self.summary = QLabel("\n".join(lines), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.items = QTreeWidget(self)
        self.items.setHeaderLabels([self.tr("标题"), self.tr("建议场景"), self.tr("把握"), self.tr("复核")])
        self.items.setRootIsDecorated(False)
        for item in conv.items:
            notes = [item.scenario_review, *item.review, *item.field_review.values()]
            row = QTreeWidgetItem(
                [
                    item.script.title,
                    UNSORTED_NAME if item.script.scenario == UNSORTED else library.scenario_name(item.script.scenario),
                    f"{item.confidence:.0%}",
                    "；".join(n for n in notes if n),
                ]
            )
            row.setToolTip(0, item.where)
            row.setToolTip(3, row.text(3))  # the notes are often longer than the column
            self.items.addTopLevelItem(row)
        self.items.setColumnWidth(0, 220)  # the title is what the lead recognises a row by
        self.items.setColumnWidth(1, 120)
        layout.addWidget(self.items, 1)
        if run.skipped:
            shown = run.skipped[:MAX_SKIPPED_SHOWN]
            more = len(run.skipped) - len(shown)
            text = "\n".join(shown) + (self.tr("\n……另有 %n 行", "", more) if more > 0 else "")
            skipped = QLabel(text, self)
            skipped.setWordWrap(True)
            layout.addWidget(skipped)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.mine_button = QPushButton(self.tr("加入我的话术"), self)
        self.team_button = QPushButton(self.tr("存为团队话术文件…"), self)
        buttons.addButton(self.mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.team_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.mine_button.clicked.connect(lambda: self._choose(MINE))
        self.team_button.clicked.connect(lambda: self._choose(TEAM_FILE))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def _field_label(name: str) -> str:
    """``order_no`` reads as 订单号(order_no): leads know the label, the name is what they type in a body."""
    standard = STANDARD_FIELDS.get(name)
    return f"{standard[0]}({name})" if standard else name
