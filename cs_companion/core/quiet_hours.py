"""Quiet hours for payment nudges: no reminder to message an unpaid buyer in the middle of the night.

The catalogue forbids bombarding buyers, and a 催付 message at 2 a.m. is
exactly what gets a shop reported: an order placed at 14:00 would otherwise
have its 12-hour nudge fall due at 02:00. A nudge that falls inside the quiet
hours waits for their end instead; nudges that would then fall due together
collapse into the latest stage, whose script fits the time since the order.

Plain Python on aware datetimes; the times are the agent's setting (IT can
preset them), ``""`` for either switches quiet hours off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
DEFAULT_START, DEFAULT_END = "22:00", "08:00"


def parse_clock(text: str) -> time | None:
    """``"22:00"`` -> 22:00; None for anything that is not a 24-hour HH:MM."""
    match = _CLOCK.match(text.strip())
    return time(int(match.group(1)), int(match.group(2))) if match else None


@dataclass(frozen=True)
class QuietHours:
    """From ``start`` to ``end`` local time; ``start`` after ``end`` means the span crosses midnight."""

    start: time
    end: time

    @classmethod
    def from_setting(cls, start: str, end: str) -> QuietHours | None:
        """The quiet hours a setting names, or None (off) when either is empty, invalid, or they are equal."""
        begin, finish = parse_clock(start), parse_clock(end)
        if begin is None or finish is None or begin == finish:
            return None
        return cls(begin, finish)

    def contains(self, moment: datetime) -> bool:
        now = moment.timetz().replace(tzinfo=None)
        if self.start < self.end:
            return self.start <= now < self.end
        return now >= self.start or now < self.end

    def defer(self, moment: datetime) -> datetime:
        """``moment`` itself when it is outside the quiet hours, else the moment they end."""
        if not self.contains(moment):
            return moment
        end = moment.replace(hour=self.end.hour, minute=self.end.minute, second=0, microsecond=0)
        return end if end > moment else end + timedelta(days=1)

    def label(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"
