"""Quiet hours: payment nudges never fall due at night, and a night's worth of stages becomes one morning nudge."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

import pytest

from cs_companion.core.quiet_hours import QuietHours, parse_clock
from cs_companion.core.reminders import ReminderBook

CST = timezone(timedelta(hours=8))
STAGES = {"10min": "s10", "1h": "s1h", "3h": "s3h", "12h": "s12h", "24h": "s24h"}
NIGHT = QuietHours(time(22), time(8))


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 5, day, hour, minute, tzinfo=CST)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(15, 21, 59), at(15, 21, 59)),  # before: unchanged
        (at(15, 22), at(16, 8)),  # from the start: next morning
        (at(15, 23, 30), at(16, 8)),
        (at(16, 2), at(16, 8)),  # after midnight: this morning
        (at(16, 8), at(16, 8)),  # the end itself is not quiet
    ],
)
def test_a_night_moment_waits_for_the_morning(moment: datetime, expected: datetime) -> None:
    assert NIGHT.defer(moment) == expected


def test_quiet_hours_within_one_day() -> None:
    lunch = QuietHours(time(12), time(13, 30))
    assert lunch.defer(at(15, 12, 10)) == at(15, 13, 30)
    assert lunch.defer(at(15, 14)) == at(15, 14)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("22:00", "08:00", NIGHT),
        ("7:05", "9:00", QuietHours(time(7, 5), time(9))),
        ("", "08:00", None),  # off
        ("22:00", "22:00", None),  # empty span: off
        ("25:00", "08:00", None),
        ("22h", "08:00", None),
    ],
)
def test_setting_text(start: str, end: str, expected: QuietHours | None) -> None:
    assert QuietHours.from_setting(start, end) == expected


def test_parse_clock_refuses_what_is_not_a_24_hour_time() -> None:
    assert parse_clock(" 08:30 ") == time(8, 30)
    assert [parse_clock(t) for t in ("8", "24:00", "12:60", "十点", "-1:00")] == [None] * 5


def test_an_afternoon_order_gets_no_nudge_at_night() -> None:
    book = ReminderBook()
    added = book.start_nudging("4512987736102", at(15, 14), at(15, 14), STAGES, quiet=NIGHT)
    assert [(r.stage, r.due) for r in added] == [
        ("10min", at(15, 14, 10)),
        ("1h", at(15, 15)),
        ("3h", at(15, 17)),
        ("12h", at(16, 8)),  # would have been 02:00
        ("24h", at(16, 14)),
    ]


def test_stages_that_meet_in_the_morning_collapse_into_the_latest() -> None:
    book = ReminderBook()
    added = book.start_nudging("4512987736102", at(15, 21, 30), at(15, 21, 30), STAGES, quiet=NIGHT)
    # 10 min -> 21:40; 1 h (22:30) and 3 h (00:30) wait for 08:00, where only the 3-hour stage is sent.
    assert [(r.stage, r.due) for r in added] == [
        ("10min", at(15, 21, 40)),
        ("3h", at(16, 8)),
        ("12h", at(16, 9, 30)),
        ("24h", at(16, 21, 30)),
    ]
    assert [r.script_id for r in added] == ["s10", "s3h", "s12h", "s24h"]


def test_without_quiet_hours_every_stage_keeps_its_time() -> None:
    book = ReminderBook()
    added = book.start_nudging("4512987736102", at(15, 14), at(15, 14), STAGES)
    assert [r.due for r in added][3] == at(16, 2)
