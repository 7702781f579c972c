"""Counts per script per day of copies, pastes and compliance overrides, for team leads pruning the library.

Only a script id, a date and three counts are ever stored: never the reply,
the customer's message or an order number. The window counts the id of the
script it copied; ids are also checked against the library's id pattern, so
a caller's bug cannot slip a sentence of customer text (spaces, Chinese) in. The counts live in the agent's profile
(``usage_stats.json``); when IT names a shared folder (``stats_folder`` in the
machine-wide config), the window also writes one CSV per agent per day there
for the lead to collect (see build/DEPLOY.md).

Saving is a locked read-modify-write like every profile file, so two
processes' counts add up.
"""

from __future__ import annotations

import csv
import getpass
import io
import re
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cs_companion.core.ids import ID_PATTERN
from cs_companion.storage.atomic import write_text_atomic
from cs_companion.storage.jsonstore import load_json_object, save_json_object
from cs_companion.storage.locking import locked

COPY, PASTE, OVERRIDE = "copy", "paste", "override"
EVENTS = (COPY, PASTE, OVERRIDE)
KEEP_DAYS = 400
"""A year and a bit: enough to compare seasons (双11 against the year before), small enough to stay a few KB."""
MAX_COUNT = 1_000_000
CSV_HEADER = ("date", "agent", "script_id", "copies", "pastes", "overrides")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9_.@-]+")


@dataclass(frozen=True)
class DayCount:
    """One script's counts on one day (``agent`` is set for rows read from a shared folder)."""

    day: date
    script_id: str
    copies: int = 0
    pastes: int = 0
    overrides: int = 0
    agent: str = ""

    @property
    def uses(self) -> int:
        """Replies used: every paste was copied first, so pastes are already among the copies."""
        return self.copies


class UsageStatsStore:
    """``usage_stats.json``: ``{"days": {"2024-05-01": {"script.id": [copies, pastes, overrides]}}}``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.message = ""

    def record(self, script_id: str, event: str, day: date) -> bool:
        """Count one event; False (nothing stored) for an unknown event or anything that is not a script id."""
        if event not in EVENTS or not ID_PATTERN.match(script_id):
            return False
        with locked(self.path):
            days = self._load_days()
            counts = days.setdefault(day.isoformat(), {}).setdefault(script_id, [0, 0, 0])
            slot = EVENTS.index(event)
            counts[slot] = min(MAX_COUNT, counts[slot] + 1)
            for old in sorted(days)[:-KEEP_DAYS]:
                del days[old]
            save_json_object(self.path, {"version": 1, "days": days})
        return True

    def rows(self, since: date | None = None, until: date | None = None) -> list[DayCount]:
        """Every stored count from ``since`` to ``until`` (both included), oldest day first."""
        result = []
        for day_text, scripts in sorted(self._load_days().items()):
            day = date.fromisoformat(day_text)
            if (since and day < since) or (until and day > until):
                continue
            for script_id, (copies, pastes, overrides) in sorted(scripts.items()):
                result.append(DayCount(day, script_id, copies, pastes, overrides))
        return result

    def _load_days(self) -> dict[str, dict[str, list[int]]]:
        """The valid part of the file: ISO dates, script ids, three non-negative integer counts."""
        report = load_json_object(self.path)
        self.message = report.message
        raw = report.data.get("days")
        days: dict[str, dict[str, list[int]]] = {}
        for day_text, scripts in (raw if isinstance(raw, dict) else {}).items():
            if not _is_iso_date(day_text) or not isinstance(scripts, dict):
                continue
            kept = {
                sid: [min(MAX_COUNT, c) for c in counts]
                for sid, counts in scripts.items()
                if isinstance(sid, str)
                and ID_PATTERN.match(sid)
                and isinstance(counts, list)
                and len(counts) == len(EVENTS)
                and all(type(c) is int and c >= 0 for c in counts)
            }
            if kept:
                days[day_text] = kept
        return days


def _is_iso_date(text: object) -> bool:
    if not isinstance(text, str) or len(text) != 10:
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def agent_label() -> str:
    """Who wrote a CSV in the shared folder: login and computer name, safe as a file name."""
    try:
        user = getpass.getuser()
    except Exception:  # no login name (some service accounts): still write, under the computer's name
        user = "agent"
    return _SAFE_NAME.sub("_", f"{user}@{socket.gethostname()}")[:80] or "agent"


def csv_text(rows: Iterable[DayCount], agent: str = "") -> str:
    """The CSV a lead opens in Excel (UTF-8 with BOM so Excel shows 中文 ids and headers correctly)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in rows:
        writer.writerow((row.day.isoformat(), row.agent or agent, row.script_id, row.copies, row.pastes, row.overrides))
    return "\ufeff" + out.getvalue()


def daily_csv_path(folder: Path, day: date, agent: str) -> Path:
    return folder / f"cs-companion-stats_{agent}_{day.isoformat()}.csv"


def write_daily_csv(folder: Path, day: date, rows: Iterable[DayCount], agent: str) -> Path:
    """Write (replace) this agent's CSV for ``day`` in the shared folder; OSError if the share is unreachable."""
    path = daily_csv_path(folder, day, agent)
    write_text_atomic(path, csv_text([r for r in rows if r.day == day], agent))
    return path


def read_csv_folder(folder: Path, since: date | None = None) -> tuple[list[DayCount], list[str]]:
    """Every row of every stats CSV in ``folder`` (what agents' windows wrote), and one line per skipped file/row."""
    rows: list[DayCount] = []
    problems: list[str] = []
    for path in sorted(folder.glob("cs-companion-stats_*.csv")):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(f"{path.name}: cannot read ({exc})")
            continue
        reader = csv.DictReader(io.StringIO(text))
        if tuple(reader.fieldnames or ()) != CSV_HEADER:
            problems.append(f"{path.name}: not a cs-companion stats file (header {reader.fieldnames})")
            continue
        for line, record in enumerate(reader, start=2):
            try:
                row = DayCount(
                    date.fromisoformat(record["date"]),
                    record["script_id"],
                    int(record["copies"]),
                    int(record["pastes"]),
                    int(record["overrides"]),
                    record["agent"],
                )
                if not ID_PATTERN.match(row.script_id) or min(row.copies, row.pastes, row.overrides) < 0:
                    raise ValueError("bad script id or count")
            except (ValueError, TypeError, KeyError) as exc:
                problems.append(f"{path.name}:{line}: skipped ({exc})")
                continue
            if since is None or row.day >= since:
                rows.append(row)
    return rows, problems
