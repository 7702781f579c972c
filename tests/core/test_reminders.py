"""Follow-ups, payment nudges and ETA phrases, driven by a fixed clock (no test reads the real time)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from types import MappingProxyType

import pytest
from conftest import BUILTIN_LIBRARY

from cs_companion.core.loader import load_path
from cs_companion.core.models import Field, FieldType, FollowUp, Library, Script
from cs_companion.core.reminders import (
    DONE,
    DUE,
    NUDGE,
    PENDING,
    SNOOZED,
    Reminder,
    ReminderBook,
    follow_up_due,
    nudge_scripts,
)
from cs_companion.core.when import eta_deadline, eta_reminder_time, parse_duration, tomorrow_at

CST = timezone(timedelta(hours=8))
# A Wednesday, 14:00 in China.
NOW = datetime(2024, 5, 15, 14, 0, tzinfo=CST)
STAGES = {"10min": "s10", "1h": "s1h", "3h": "s3h", "12h": "s12h", "24h": "s24h"}


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 5, day, hour, minute, tzinfo=CST)


# ------------------------------------------------------------------ ETA phrases
@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("今天18:00前", at(15, 18)),
        ("今天", at(15, 18)),
        ("明天", at(16, 18)),
        ("明天中午前", at(16, 12)),
        ("明天上午10点", at(16, 10)),
        ("今天下午5点", at(15, 17)),
        ("下午5点半前给您回复", at(15, 17, 30)),
        ("今晚8点", at(15, 20)),
        ("后天", at(17, 18)),
        ("周五", at(17, 18)),
        ("5月20日", at(20, 18)),
        ("2024-05-20 09:30", at(20, 9, 30)),
        ("2小时内", at(15, 16)),
        ("30分钟内", at(15, 14, 30)),
        ("48小时内", at(17, 14)),
        ("3个工作日内", at(20, 18)),  # Thu, Fri, (weekend), Mon
        ("两小时内", at(15, 16)),
        ("十点", None),  # 10:00 today is past: ask, do not guess tomorrow
    ],
)
def test_eta_phrases_the_form_offers_are_understood(text: str, deadline: datetime | None) -> None:
    assert eta_deadline(text, NOW) == deadline


@pytest.mark.parametrize("text", ["", "尽快", "稍后", "等仓库通知", "今天10:00前", "2月30日", "25:00"])
def test_eta_that_cannot_be_understood_or_is_past_gives_none(text: str) -> None:
    assert eta_reminder_time(text, NOW) is None


def test_reminder_comes_before_the_promise_but_never_in_the_past() -> None:
    assert eta_reminder_time("今天18:00前", NOW) == at(15, 17, 30)
    assert eta_reminder_time("20分钟内", NOW) == NOW + timedelta(minutes=1)


@pytest.mark.parametrize(
    ("text", "minutes"), [("30m", 30), ("2h", 120), ("1d", 1440), ("90分钟", 90), ("2小时", 120), ("1.5h", 90)]
)
def test_durations(text: str, minutes: int) -> None:
    assert parse_duration(text) == timedelta(minutes=minutes)


@pytest.mark.parametrize("text", ["", "2", "soon", "0h", "-1h", "400d", "2 weeks"])
def test_bad_durations(text: str) -> None:
    assert parse_duration(text) is None


def test_tomorrow_at_keeps_the_time_zone() -> None:
    assert tomorrow_at(NOW, 10) == at(16, 10)


# ------------------------------------------------------------------ the book
def counter_ids() -> ReminderBook:
    numbers = iter(range(1, 1000))
    return ReminderBook(new_id=lambda: f"r{next(numbers)}")


def test_follow_up_fires_once_then_stays_due() -> None:
    book = counter_ids()
    book.add_follow_up(NOW + timedelta(minutes=30), NOW, "4512987736102", "回电")
    assert book.fire_due(NOW + timedelta(minutes=29)) == []
    fired = book.fire_due(NOW + timedelta(minutes=30))
    assert [(r.id, r.state, r.fired) for r in fired] == [("r1", DUE, NOW + timedelta(minutes=30))]
    assert book.fire_due(NOW + timedelta(hours=5)) == []
    assert book.counts() == (1, 0)


def test_snooze_fires_again_at_the_new_time_and_done_never() -> None:
    book = counter_ids()
    book.add_follow_up(NOW, NOW, "1", "a")
    book.fire_due(NOW)
    book.snooze("r1", NOW, timedelta(minutes=10))
    assert book.reminders["r1"].state == SNOOZED and book.counts() == (0, 1)
    assert book.fire_due(NOW + timedelta(minutes=9)) == []
    assert [r.id for r in book.fire_due(NOW + timedelta(minutes=10))] == ["r1"]
    book.done("r1")
    assert book.fire_due(NOW + timedelta(days=1)) == [] and book.counts() == (0, 0)


def test_start_nudging_schedules_five_stages_after_the_order() -> None:
    book = counter_ids()
    added = book.start_nudging("4512987736102", NOW, NOW, STAGES)
    assert [(r.stage, r.script_id, r.due - NOW) for r in added] == [
        ("10min", "s10", timedelta(minutes=10)),
        ("1h", "s1h", timedelta(hours=1)),
        ("3h", "s3h", timedelta(hours=3)),
        ("12h", "s12h", timedelta(hours=12)),
        ("24h", "s24h", timedelta(hours=24)),
    ]
    assert all(r.kind == NUDGE and r.order_no == "4512987736102" and r.state == PENDING for r in added)
    assert book.start_nudging("4512987736102", NOW, NOW, STAGES) == []  # already nudging: no duplicates
    fired = book.fire_due(NOW + timedelta(hours=1))
    assert [r.stage for r in fired] == ["10min", "1h"]


def test_a_late_start_skips_past_stages_but_the_latest() -> None:
    book = counter_ids()
    added = book.start_nudging("9", NOW - timedelta(hours=2), NOW, STAGES)
    assert [(r.stage, r.due) for r in added] == [
        ("1h", NOW),
        ("3h", NOW + timedelta(hours=1)),
        ("12h", NOW + timedelta(hours=10)),
        ("24h", NOW + timedelta(hours=22)),
    ]


def test_stop_nudging_ends_every_open_stage_of_that_order_only() -> None:
    book = counter_ids()
    book.start_nudging("A", NOW, NOW, STAGES)
    book.start_nudging("B", NOW, NOW, STAGES)
    assert book.stop_nudging("A") == 5
    assert {r.order_no for r in book.open_reminders()} == {"B"}
    assert book.start_nudging("A", NOW, NOW, STAGES) != []  # a new order time may start again


def test_nudging_needs_an_order_number() -> None:
    with pytest.raises(ValueError, match="订单号"):
        counter_ids().start_nudging("  ", NOW, NOW, STAGES)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError):
        counter_ids().add_follow_up(datetime(2024, 5, 15, 15, 0), NOW)


def test_open_reminders_due_first_and_old_done_ones_forgotten() -> None:
    book = counter_ids()
    book.add_follow_up(NOW + timedelta(hours=3), NOW, note="later")
    book.add_follow_up(NOW + timedelta(hours=1), NOW, note="due")
    book.add_follow_up(NOW, NOW, note="finished")
    book.fire_due(NOW + timedelta(hours=1))
    book.done("r3")
    assert [r.note for r in book.open_reminders()] == ["due", "later"]
    assert book.forget_old(NOW + timedelta(days=6)) == 0
    assert book.forget_old(NOW + timedelta(days=8)) == 1 and "r3" not in book.reminders


def test_json_round_trip_and_malformed_entries() -> None:
    reminder = Reminder("x", NOW, "1", "回电", "s", NUDGE, "1h", DONE, NOW, NOW)
    assert Reminder.from_json(reminder.to_json()) == reminder
    for bad in (
        {"id": "x"},
        {"id": "x", "due": "2024-05-15T14:00:00"},
        {"id": "x", "due": NOW.isoformat(), "kind": "?"},
    ):
        with pytest.raises(ValueError):
            Reminder.from_json(bad)


def test_label_names_the_order_never_more() -> None:
    assert Reminder("x", NOW, "123", kind=NUDGE, stage="3h").label() == "催付 · 3h · 订单 123"
    assert Reminder("x", NOW, "", "回电").label() == "回电"


# ------------------------------------------------------------------ library
def test_the_builtin_library_has_a_script_for_every_nudge_stage() -> None:
    library = load_path(BUILTIN_LIBRARY).library
    assert set(nudge_scripts(library)) == set(STAGES)


def script_with(follow_up: FollowUp) -> Script:
    eta = Field("eta", "回复时间", FieldType.ETA)
    return Script("s", "a.b", "t", "{{eta}}", fields=(eta,), meta=MappingProxyType({}), follow_up=follow_up)


def test_default_follow_up_after_a_duration_or_at_the_typed_eta() -> None:
    assert follow_up_due(script_with(FollowUp("2h")), {}, NOW) == NOW + timedelta(hours=2)
    assert follow_up_due(script_with(FollowUp("eta")), {"eta": "今天18:00前"}, NOW) == at(15, 17, 30)
    assert follow_up_due(script_with(FollowUp("eta")), {"eta": "等通知"}, NOW) is None
    assert follow_up_due(script_with(FollowUp("eta")), {}, NOW) is None


def test_a_stage_script_for_another_platform_is_skipped() -> None:
    library = load_path(BUILTIN_LIBRARY).library
    assert library is not None
    jd_only = Script(
        "team.nudge.jd_1h",
        "payment.nudge",
        "京东催付",
        "您好",
        meta=MappingProxyType({"stage": "1h"}),
        platforms=("jd",),
    )
    with_jd = Library(scripts=(*library.scripts, jd_only))
    assert nudge_scripts(with_jd, "jd")["1h"] == "team.nudge.jd_1h"
    assert nudge_scripts(with_jd, "taobao")["1h"] == "payment.nudge.stage_1h"
