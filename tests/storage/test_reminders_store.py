"""Reminders and usage statistics on disk: atomic, shared between processes, surviving restarts and damage."""

from __future__ import annotations

import errno
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import BUILTIN_LIBRARY

from cs_companion.core.loader import load_path
from cs_companion.core.reminders import DUE, SNOOZED, ReminderBook
from cs_companion.storage import atomic
from cs_companion.storage.errors import StorageError
from cs_companion.storage.paths import AppPaths
from cs_companion.storage.personal import script_to_dict
from cs_companion.storage.reminders_store import RemindersStore
from cs_companion.storage.settings import SystemConfig
from cs_companion.storage.snapshot import library_from_state, library_state
from cs_companion.storage.usage_stats import (
    COPY,
    OVERRIDE,
    PASTE,
    UsageStatsStore,
    csv_text,
    read_csv_folder,
    write_daily_csv,
)

CST = timezone(timedelta(hours=8))
NOW = datetime(2024, 5, 15, 14, 0, tzinfo=CST)
STAGES = {"10min": "s10", "1h": "s1h", "3h": "s3h", "12h": "s12h", "24h": "s24h"}
ORDER = "4512987736102"


@pytest.fixture
def store(tmp_path: Path) -> RemindersStore:
    return RemindersStore(AppPaths.under(tmp_path).reminders_file)


def test_reminders_survive_a_restart(store: RemindersStore) -> None:
    store.update(lambda book: book.start_nudging(ORDER, NOW, NOW, STAGES))
    store.update(lambda book: book.add_follow_up(NOW + timedelta(hours=2), NOW, ORDER, "回电"))
    restarted = RemindersStore(store.path).load()
    assert sorted((r.kind, r.stage, r.order_no) for r in restarted.open_reminders())[0] == ("follow_up", "", ORDER)
    assert restarted.counts() == (0, 6) and store.message == ""


def test_a_fired_reminder_never_fires_again_after_a_restart(store: RemindersStore) -> None:
    store.update(lambda book: book.add_follow_up(NOW, NOW, ORDER, "回电"))
    first = store.update(lambda book: book.fire_due(NOW + timedelta(minutes=1)))
    assert [r.state for r in first] == [DUE]
    again = RemindersStore(store.path).update(lambda book: book.fire_due(NOW + timedelta(hours=1)))
    assert again == []


def test_a_failed_save_keeps_the_old_file_and_reports_one_line(
    store: RemindersStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.update(lambda book: book.add_follow_up(NOW, NOW, ORDER, "回电"))
    before = store.path.read_bytes()

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full_disk)
    with pytest.raises(StorageError, match="disk is full"):
        store.update(lambda book: book.fire_due(NOW))
    assert store.path.read_bytes() == before  # not fired on disk: the window will try again, not lose it


def test_two_processes_do_not_undo_each_others_changes(store: RemindersStore) -> None:
    other = RemindersStore(store.path)
    mine = store.update(lambda book: book.add_follow_up(NOW, NOW, "A", "a"))
    other.update(lambda book: book.add_follow_up(NOW, NOW, "B", "b"))
    store.update(lambda book: book.snooze(mine.id, NOW, timedelta(minutes=10)))
    book = store.load()
    assert {r.order_no: r.state for r in book.open_reminders()} == {"A": SNOOZED, "B": "pending"}


def test_a_damaged_file_is_set_aside_and_a_bad_entry_dropped(store: RemindersStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text("{not json", encoding="utf-8")
    assert store.load().counts() == (0, 0)
    assert "damaged" in store.message and store.path.with_name("reminders.json.corrupt").exists()
    good = ReminderBook().add_follow_up(NOW, NOW, ORDER, "ok").to_json()
    store.path.write_text(json.dumps({"reminders": [good, {"id": "x", "due": "yesterday"}, 7]}), encoding="utf-8")
    book = store.load()
    assert [r.note for r in book.open_reminders()] == ["ok"] and "2 条损坏的提醒已忽略" in store.message


# ----------------------------------------------------------------------------- usage statistics
def test_counts_per_script_per_day_and_nothing_else(tmp_path: Path) -> None:
    stats = UsageStatsStore(AppPaths.under(tmp_path).usage_stats_file)
    day1, day2 = date(2024, 5, 14), date(2024, 5, 15)
    for event, day in ((COPY, day1), (COPY, day2), (COPY, day2), (PASTE, day2), (OVERRIDE, day2)):
        assert stats.record("logistics.delay.first", event, day)
    assert not stats.record("亲，您的订单 4512987736102 已发货", COPY, day2)  # customer text is refused
    assert not stats.record("logistics.delay.first", "typed", day2)
    rows = stats.rows(since=day2)
    assert [(r.day, r.script_id, r.copies, r.pastes, r.overrides) for r in rows] == [
        (day2, "logistics.delay.first", 2, 1, 1)
    ]
    stored = stats.path.read_text(encoding="utf-8")
    assert "4512987736102" not in stored and "亲" not in stored


def test_tampered_counts_are_ignored(tmp_path: Path) -> None:
    stats = UsageStatsStore(tmp_path / "usage_stats.json")
    days = {
        "2024-05-15": {"ok.id": [1, 0, 0], "bad id": [1, 0, 0], "neg.id": [-1, 0, 0]},
        "someday": {"a.b": [1, 1, 1]},
    }
    stats.path.write_text(json.dumps({"days": days}), encoding="utf-8")
    assert [r.script_id for r in stats.rows()] == ["ok.id"]


def test_daily_csv_round_trips_through_the_shared_folder(tmp_path: Path) -> None:
    stats = UsageStatsStore(tmp_path / "usage_stats.json")
    today = date(2024, 5, 15)
    stats.record("a.one", COPY, today)
    stats.record("a.one", OVERRIDE, today)
    stats.record("a.two", COPY, date(2024, 5, 14))
    share = tmp_path / "share"
    written = write_daily_csv(share, today, stats.rows(), "li@pc-7")
    assert written.name == "cs-companion-stats_li@pc-7_2024-05-15.csv"
    (share / "cs-companion-stats_bad_2024-05-15.csv").write_text("nonsense\n", encoding="utf-8")
    rows, problems = read_csv_folder(share)
    assert [(r.agent, r.script_id, r.copies, r.overrides) for r in rows] == [("li@pc-7", "a.one", 1, 1)]
    assert len(problems) == 1 and "not a cs-companion stats file" in problems[0]
    assert csv_text(rows).startswith("\ufeffdate,agent,script_id,copies,pastes,overrides\r\n")


def test_it_names_the_shared_folder_in_the_machine_config(tmp_path: Path) -> None:
    assert SystemConfig({"stats_folder": str(tmp_path)}).stats_folder == tmp_path
    assert SystemConfig({"stats_folder": 3}).stats_folder is None
    assert SystemConfig({}).stats_folder is None


# ----------------------------------------------------------------------------- follow_up: in snapshot and my scripts
def test_snapshot_and_my_scripts_keep_the_default_follow_up() -> None:
    library = load_path(BUILTIN_LIBRARY).library
    assert library is not None
    promise = library.script("followup.callback.promise")
    assert promise is not None and promise.follow_up is not None and promise.follow_up.after == "eta"
    restored = library_from_state(library_state(library)).script("followup.callback.promise")
    assert restored is not None and restored.follow_up == promise.follow_up
    assert script_to_dict(promise)["follow_up"] == {"after": "eta", "note": promise.follow_up.note}
