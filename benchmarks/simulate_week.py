"""A week of one agent's work, driven through the real core and stores with a fake clock; prints what a lead sees.

    python -m benchmarks.simulate_week            # 7 days from Monday 2024-05-13, seed 13

Every minute of a 9:00–21:00 shift the simulated window polls the reminder
book (the app polls every 15 s; a minute is the same logic, 4x fewer file
writes). Customers arrive; the agent copies replies (a Zipf-like preference
for a few dozen scripts, as real agents have), sometimes copies despite a
compliance warning, starts payment nudges for unpaid orders, and promises
call-backs with the ETA phrases the form offers. Due reminders are opened and
their script copied (which is what marks them done in the window); some
customers pay mid-way, which stops their nudges. At the end the ``stats``
command prints the week as a lead sees it, and the reminder numbers show
that nothing fired twice and nothing was missed.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

from cs_companion.cli import main as cli_main
from cs_companion.core.loader import load_path
from cs_companion.core.reminders import DUE, FOLLOW_UP, NUDGE, ReminderBook, follow_up_due, nudge_scripts
from cs_companion.storage.paths import AppPaths
from cs_companion.storage.reminders_store import RemindersStore
from cs_companion.storage.usage_stats import COPY, OVERRIDE, UsageStatsStore

ROOT = Path(__file__).resolve().parent.parent
CST = timezone(timedelta(hours=8))
START = datetime(2024, 5, 13, 9, 0, tzinfo=CST)  # a Monday
DAYS = 7
SHIFT_MINUTES = 12 * 60
ETAS = ["今天18:00前", "明天", "明天中午前", "2小时内", "30分钟内", "今天下午5点", "等仓库通知"]


def main() -> int:
    rng = random.Random(13)
    library = load_path(ROOT / "scripts_library").library
    assert library is not None
    stages = nudge_scripts(library)
    everyday = [s.id for s in library.scripts if s.scenario != "payment.nudge"]
    rng.shuffle(everyday)
    favourites = everyday[:40]  # what this agent reaches for; the rest of the library is used rarely or never
    weights = [1 / (rank + 1) for rank in range(len(favourites))]
    with_follow_up = [s for s in library.scripts if s.follow_up is not None]

    with tempfile.TemporaryDirectory() as tmp:
        paths = AppPaths.under(Path(tmp))
        reminders, stats = RemindersStore(paths.reminders_file), UsageStatsStore(paths.usage_stats_file)
        announced: Counter[str] = Counter()
        lateness: list[float] = []
        counts: Counter[str] = Counter()
        polls = 0
        poll_seconds = 0.0
        started = time.perf_counter()
        for day in range(DAYS):
            for minute in range(SHIFT_MINUTES):
                now = START + timedelta(days=day, minutes=minute)
                polls += 1
                poll_started = time.perf_counter()
                fired, _book = reminders.fire_due(now)
                poll_seconds += time.perf_counter() - poll_started
                for reminder in fired:  # persisted as due before the agent is told
                    announced[reminder.id] += 1
                    lateness.append((now - reminder.due).total_seconds())
                    _act_on(reminder.id, reminders, stats, now, rng, counts)
                _customer_minute(rng, now, reminders, stats, favourites, weights, with_follow_up, stages, counts)
        elapsed = time.perf_counter() - started
        book = reminders.load()
        _report(book, announced, lateness, counts, polls, elapsed, poll_seconds)
        since = START.date().isoformat()
        print("\n$ cs-companion stats --since", since)
        _cli(tmp, "stats", "--since", since)
        print("\n$ cs-companion stats --since", since, "--unused   (first 8 lines)")
        out = _cli(tmp, "stats", "--since", since, "--unused", echo=False)
        lines = out.splitlines()
        print("\n".join([*lines[:8], "…", lines[-1]]))
    return 0


def _customer_minute(
    rng: random.Random,
    now: datetime,
    reminders: RemindersStore,
    stats: UsageStatsStore,
    favourites: list[str],
    weights: list[float],
    with_follow_up: list[object],
    stages: dict[str, str],
    counts: Counter[str],
) -> None:
    """What happens in one minute of a shift: about one copy a minute, now and then a nudge or a promise."""
    busy = 1.6 if 19 <= now.hour < 21 else 1.0  # evening peak
    if rng.random() < 0.8 * busy:
        stats.record(rng.choices(favourites, weights)[0], COPY, now.date())
        counts["copies"] += 1
        if rng.random() < 0.01:
            stats.record(rng.choices(favourites, weights)[0], OVERRIDE, now.date())
            counts["overrides"] += 1
    if rng.random() < 0.03:  # an unpaid order: start nudging, ordered 0-15 minutes ago
        order = f"{rng.randrange(10**12, 10**13)}"
        ordered = now - timedelta(minutes=rng.randrange(0, 15))
        reminders.update(lambda book: book.start_nudging(order, ordered, now, stages))
        counts["nudged orders"] += 1
    if rng.random() < 0.02:  # a call-back promise, copied from a script with a default follow-up
        script = rng.choice(with_follow_up)
        eta = rng.choice(ETAS)
        due = follow_up_due(script, {"eta": eta}, now)  # type: ignore[arg-type]
        sid = script.id  # type: ignore[attr-defined]
        stats.record(sid, COPY, now.date())
        counts["copies"] += 1
        if due is None:  # "等仓库通知": the window asks; the agent picks "2 小时后"
            counts["ETA not understood, asked"] += 1
            due = now + timedelta(hours=2)
        order = f"{rng.randrange(10**12, 10**13)}"
        reminders.update(lambda book: book.add_follow_up(due, now, order, "按约定回复客户", sid))
        counts["call-back promises"] += 1


def _act_on(
    rid: str, reminders: RemindersStore, stats: UsageStatsStore, now: datetime, rng: random.Random, counts: Counter[str]
) -> None:
    """The agent opens a due reminder: sends the nudge or calls back (copy = done), snoozes, or hears it was paid."""

    def act(book: ReminderBook) -> None:
        reminder = book.reminders[rid]
        if reminder.state != DUE:
            return
        if reminder.kind == NUDGE and rng.random() < 0.25:
            counts["paid, nudges stopped"] += 1
            book.stop_nudging(reminder.order_no)
        elif rng.random() < 0.1:
            counts["snoozed"] += 1
            counts[f"snoozed:{rid}"] += 1
            book.snooze(rid, now, timedelta(minutes=10))
        else:
            if reminder.script_id:
                stats.record(reminder.script_id, COPY, now.date())
                counts["copies"] += 1
            counts["nudges sent" if reminder.kind == NUDGE else "call-backs made"] += 1
            book.done(rid)

    reminders.update(act)


def _report(
    book: ReminderBook,
    announced: Counter[str],
    lateness: list[float],
    counts: Counter[str],
    polls: int,
    elapsed: float,
    poll_seconds: float,
) -> None:
    twice = sum(1 for rid, n in announced.items() if n > 1 + counts[f"snoozed:{rid}"])
    snoozed_again = sum(1 for rid, n in announced.items() if n > 1)
    kinds = Counter(r.kind for r in book.reminders.values())
    waiting = book.counts()
    print(
        f"simulated {DAYS} shifts of 12 h in {elapsed:.1f} s; {polls} polls of the reminder file, "
        f"{poll_seconds / polls * 1000:.2f} ms a poll on average (the window polls every 15 s)"
    )
    for key in sorted(k for k in counts if not k.startswith("snoozed:")):
        print(f"  {key}: {counts[key]}")
    print(
        f"  reminders in the book at the end: {kinds[NUDGE]} nudges, {kinds[FOLLOW_UP]} follow-ups "
        f"(done ones older than 7 days dropped); due now {waiting[0]}, still to come {waiting[1]}"
    )
    print(
        f"  announcements: {sum(announced.values())}; announced again only after a snooze: {snoozed_again}; "
        f"unexplained repeats: {twice}; latest announcement {max(lateness, default=0):.0f} s after due"
    )


def _cli(profile: str, *args: str, echo: bool = True) -> str:
    os.environ["CS_COMPANION_HOME"] = profile
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        cli_main(list(args))
    if echo:
        print(out.getvalue(), end="")
    return out.getvalue()


if __name__ == "__main__":
    sys.exit(main())
