"""Counts the window's copies, pastes and compliance overrides per script per day, and exports them.

Connected to ``MainWindow.copied`` and ``Delivery.pasted``: only the script
id is kept, never the text that was copied. Every reply put on the clipboard
is a copy; a copy that also went into the chat window (Shift+Enter, the
paste button) is counted once more as a paste, so a lead sees how many
replies are used (copies) and how many travel the paste path. A copy the agent confirmed despite a blocking
compliance finding (``ReplyPanel.overridden``) counts as an override too,
which tells a lead which scripts tempt agents into risky wording.

When IT's machine config names ``stats_folder``, today's CSV is written there
a minute after the last copy and when the app quits; an unreachable share is
logged and retried at the next write, never shown as an error to the agent.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from cs_companion.core.reminders import Clock
from cs_companion.storage.atomic import write_text_atomic
from cs_companion.storage.errors import StorageError
from cs_companion.storage.paths import AppPaths
from cs_companion.storage.usage_stats import (
    COPY,
    OVERRIDE,
    PASTE,
    UsageStatsStore,
    agent_label,
    csv_text,
    write_daily_csv,
)

if TYPE_CHECKING:
    from cs_companion.ui.main_window import MainWindow

log = logging.getLogger(__name__)
SHARED_WRITE_DELAY_MS = 60_000
"""Copies come in bursts; one write to a network share a minute after the last is plenty."""
EXPORT_DAYS = 30


class UsageRecorder(QObject):
    """Records copy/paste/override events into ``usage_stats.json`` and mirrors today's counts to the shared folder."""

    def __init__(self, window: MainWindow, store: UsageStatsStore, clock: Clock, stats_folder: Path | None) -> None:
        super().__init__(window)
        self.window, self.store, self.clock, self.stats_folder = window, store, clock, stats_folder
        self.agent = agent_label()
        self.shared_timer = QTimer(self)
        self.shared_timer.setSingleShot(True)
        self.shared_timer.setInterval(SHARED_WRITE_DELAY_MS)
        self.shared_timer.timeout.connect(self.write_shared)
        self.last_copied = ""
        window.copied.connect(self.on_copied)
        window.delivery.pasted.connect(self.on_pasted)
        self.export_action = QAction(self.tr("导出使用统计…"), window)
        self.export_action.triggered.connect(self.ask_export)
        window.menu.addAction(self.export_action)

    def on_copied(self, script_id: str, _text: str) -> None:
        """Count the copy (and an override when the agent confirmed a blocking finding); the text is not looked at."""
        self.last_copied = script_id
        events = [COPY, OVERRIDE] if self.window.reply_panel.overridden else [COPY]
        self._record(script_id, events)

    def on_pasted(self, _target: int) -> None:
        """A paste always copies first (``Delivery.paste``), so the pasted reply is the last one copied."""
        if self.last_copied:
            self._record(self.last_copied, [PASTE])

    def _record(self, script_id: str, events: list[str]) -> None:
        today = self.clock().date()
        try:
            for event in events:
                self.store.record(script_id, event, today)
        except StorageError as exc:  # statistics must never get in the agent's way
            log.warning("usage statistics not saved: %s", exc)
            return
        if self.stats_folder is not None:
            self.shared_timer.start()

    def write_shared(self) -> Path | None:
        """Write today's CSV to the shared folder now; None when there is no folder or it is unreachable."""
        if self.stats_folder is None:
            return None
        today = self.clock().date()
        try:
            return write_daily_csv(self.stats_folder, today, self.store.rows(today, today), self.agent)
        except OSError as exc:
            log.warning("cannot write usage statistics to %s: %s", self.stats_folder, exc)
            return None

    def export_to(self, path: Path, since: date | None = None) -> int:
        """Write the last ``EXPORT_DAYS`` days (or from ``since``) as CSV; returns the number of rows."""
        since = since or self.clock().date() - timedelta(days=EXPORT_DAYS - 1)
        rows = self.store.rows(since)
        write_text_atomic(path, csv_text(rows, self.agent))
        return len(rows)

    def ask_export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self.window,
            self.tr("导出使用统计"),
            f"cs-companion-stats_{self.clock().date().isoformat()}.csv",
            "CSV (*.csv)",
        )
        if not name:
            return
        try:
            count = self.export_to(Path(name))
        except OSError as exc:
            self.window.banner.show_message(self.tr("导出失败：") + str(exc), "error")
            return
        self.window.flash(self.tr("已导出 %1 行使用统计").replace("%1", str(count)))


def attach(window: MainWindow, paths: AppPaths, clock: Clock) -> UsageRecorder:
    """Count ``window``'s copies in ``paths``' profile, mirroring to IT's ``stats_folder`` when there is one."""
    folder = window.ctx.settings_store.system.stats_folder
    return UsageRecorder(window, UsageStatsStore(paths.usage_stats_file), clock, folder)
