"""Follow-ups and payment nudges: what to do for which order, and when.

The training material times payment reminders (10 min, 1 h, 3 h, 12 h and
24 h after the order) and has agents promise call-backs ("2小时内给您回复").
An agent juggling a dozen chats forgets them; this book remembers them.

Plain Python with an injected clock (``Clock``): the window polls ``fire_due``
with the real time, tests with a fake one. The book never fires a reminder
twice: ``fire_due`` moves it to ``due`` and the caller persists that before it
notifies anyone (see ``storage.reminders_store``). A snoozed reminder fires
again once, at its new time, because the agent asked for exactly that.

A reminder carries the order number and a note, never customer text; it lives
in the agent's own profile only.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Protocol

from cs_companion.core.models import FieldType, Library, Script
from cs_companion.core.quiet_hours import QuietHours
from cs_companion.core.when import eta_reminder_time, parse_duration

FOLLOW_UP = "follow_up"
NUDGE = "nudge"
KINDS = (FOLLOW_UP, NUDGE)

PENDING, DUE, SNOOZED, DONE = "pending", "due", "snoozed", "done"
STATES = (PENDING, DUE, SNOOZED, DONE)

NUDGE_STAGES: tuple[tuple[str, timedelta], ...] = (
    ("10min", timedelta(minutes=10)),
    ("1h", timedelta(hours=1)),
    ("3h", timedelta(hours=3)),
    ("12h", timedelta(hours=12)),
    ("24h", timedelta(hours=24)),
)
"""The five payment-nudge stages and their time after the order; ``meta: {stage: ...}`` in the library names them."""
NUDGE_SCENARIO = "payment.nudge"
MAX_NOTE_CHARS = 200
MAX_ORDER_CHARS = 64
KEEP_DONE = timedelta(days=7)
"""Finished reminders are kept this long (the panel shows "done today"), then dropped so the file stays small."""


class Clock(Protocol):
    """Anything that tells the time as an aware datetime: ``system_clock`` in the app, a fake in tests."""

    def __call__(self) -> datetime: ...


def system_clock() -> datetime:
    """The local time with its UTC offset (a naive datetime would break across a DST change)."""
    return datetime.now().astimezone()


@dataclass(frozen=True)
class Reminder:
    """One thing to do at ``due``: call a customer back, or send a payment nudge stage."""

    id: str
    due: datetime
    order_no: str = ""
    note: str = ""
    script_id: str = ""
    kind: str = FOLLOW_UP
    stage: str = ""
    state: str = PENDING
    created: datetime | None = None
    fired: datetime | None = None
    """When it last became due (set before anyone is told, so a restart cannot tell them again)."""

    @property
    def open(self) -> bool:
        return self.state != DONE

    def label(self) -> str:
        """One line for the panel, banner and tray: what and for which order."""
        what = f"催付 · {self.stage}" if self.kind == NUDGE else (self.note or "跟进")
        if self.kind == NUDGE and self.note:
            what += f"（{self.note}）"
        return f"{what} · 订单 {self.order_no}" if self.order_no else what

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "due": self.due.isoformat(),
            "order_no": self.order_no,
            "note": self.note,
            "script_id": self.script_id,
            "kind": self.kind,
            "stage": self.stage,
            "state": self.state,
        }
        for key in ("created", "fired"):
            value = getattr(self, key)
            data[key] = value.isoformat() if value is not None else None
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Reminder:
        """A reminder from its stored form; ValueError (one line) for anything malformed."""
        if not isinstance(data.get("id"), str) or not data["id"]:
            raise ValueError("a reminder has no id")
        texts = {k: data.get(k, "") for k in ("order_no", "note", "script_id", "stage")}
        if not all(isinstance(v, str) for v in texts.values()):
            raise ValueError(f"reminder {data['id']}: text fields must be text")
        kind, state = data.get("kind", FOLLOW_UP), data.get("state", PENDING)
        if kind not in KINDS or state not in STATES:
            raise ValueError(f"reminder {data['id']}: unknown kind or state")
        return cls(
            id=data["id"],
            due=_aware(data.get("due"), data["id"]),
            kind=kind,
            state=state,
            created=_aware(data["created"], data["id"]) if data.get("created") else None,
            fired=_aware(data["fired"], data["id"]) if data.get("fired") else None,
            **{k: v[:MAX_NOTE_CHARS] for k, v in texts.items()},
        )


def _aware(value: object, rid: str) -> datetime:
    if not isinstance(value, str):
        raise ValueError(f"reminder {rid}: time is missing")
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError(f"reminder {rid}: time has no UTC offset")
    return parsed


def nudge_scripts(library: Library, platform: str = "") -> dict[str, str]:
    """Stage name -> id of the script that says it (``meta: {stage: 1h}`` under ``payment.nudge``).

    The last layer wins, so a team or an agent can reword a stage by giving
    their own script the same stage; a script limited to other platforms
    (``platforms:``) is skipped, so 京东 agents get 京东's wording.
    """
    found: dict[str, str] = {}
    for script in library.scripts:
        stage = script.meta.get("stage", "")
        if script.platforms and platform and platform not in script.platforms:
            continue
        if script.scenario == NUDGE_SCENARIO and stage:
            found[stage] = script.id
    return found


def follow_up_due(script: Script, values: Mapping[str, str], now: datetime) -> datetime | None:
    """When the script's default follow-up is due, given the conversation's values; None if it cannot tell.

    ``after: eta`` reads the first ETA field the agent filled ("今天18:00前"
    gives 17:30); an ETA the parser does not understand gives None, and the
    window asks the agent instead of guessing.
    """
    follow_up = script.follow_up
    if follow_up is None:
        return None
    if follow_up.after != "eta":
        delay = parse_duration(follow_up.after)
        return now + delay if delay is not None else None
    for fld in script.fields:
        if fld.type is FieldType.ETA and (values.get(fld.name) or fld.default):
            return eta_reminder_time(values.get(fld.name) or fld.default, now)
    return None


def clean_order_no(text: str) -> str:
    return text.strip()[:MAX_ORDER_CHARS]


class ReminderBook:
    """All reminders of one agent, with the operations the window and tests need.

    Methods take ``now`` from the caller's ``Clock``; none of them reads the time.
    """

    def __init__(self, reminders: Iterable[Reminder] = (), new_id: Callable[[], str] | None = None) -> None:
        self.reminders: dict[str, Reminder] = {r.id: r for r in reminders}
        self._new_id = new_id or (lambda: uuid.uuid4().hex[:12])

    # ------------------------------------------------------------ adding
    def add_follow_up(
        self, due: datetime, now: datetime, order_no: str = "", note: str = "", script_id: str = ""
    ) -> Reminder:
        """A call-back reminder at ``due``; a time in the past is due at the next check."""
        if due.tzinfo is None:
            raise ValueError("a reminder time needs a UTC offset")
        reminder = Reminder(
            self._new_id(), due, clean_order_no(order_no), note.strip()[:MAX_NOTE_CHARS], script_id, created=now
        )
        self.reminders[reminder.id] = reminder
        return reminder

    def has_open_follow_up(self, script_id: str, order_no: str) -> bool:
        """True when this script already set a follow-up for this order that is not done (no duplicates)."""
        return any(
            r.open and r.kind == FOLLOW_UP and r.script_id == script_id and r.order_no == order_no
            for r in self.reminders.values()
        )

    def start_nudging(
        self,
        order_no: str,
        ordered_at: datetime,
        now: datetime,
        stage_scripts: Mapping[str, str],
        note: str = "",
        quiet: QuietHours | None = None,
    ) -> list[Reminder]:
        """Schedule the five nudge stages for an unpaid order; returns the ones added.

        Stages already past when nudging starts are skipped, except the latest
        of them, which is due at once: an order placed 2 hours ago gets the
        1-hour nudge now, not the 10-minute one as well. Starting again for an
        order that is still being nudged adds nothing. A stage inside the
        ``quiet`` hours waits for their end; of stages that then fall due
        together only the latest is kept (one message in the morning, not three).
        """
        order_no = clean_order_no(order_no)
        if not order_no:
            raise ValueError("催付需要订单号")
        if any(r.open and r.kind == NUDGE and r.order_no == order_no for r in self.reminders.values()):
            return []
        past = [name for name, after in NUDGE_STAGES if ordered_at + after <= now]
        planned: dict[datetime, str] = {}  # due time -> the latest stage falling due then
        for name, after in NUDGE_STAGES:
            if name in past and name != past[-1]:
                continue
            due = max(ordered_at + after, now)
            planned[quiet.defer(due) if quiet is not None else due] = name
        added = []
        for due, name in planned.items():
            reminder = Reminder(
                self._new_id(),
                due,
                order_no,
                note.strip()[:MAX_NOTE_CHARS],
                stage_scripts.get(name, ""),
                NUDGE,
                name,
                created=now,
            )
            self.reminders[reminder.id] = reminder
            added.append(reminder)
        return added

    def stop_nudging(self, order_no: str) -> int:
        """The customer paid (or said no): every open nudge of the order is done. Returns how many."""
        order_no = clean_order_no(order_no)
        ids = [r.id for r in self.reminders.values() if r.open and r.kind == NUDGE and r.order_no == order_no]
        for rid in ids:
            self.reminders[rid] = replace(self.reminders[rid], state=DONE)
        return len(ids)

    # ------------------------------------------------------------ time passing
    def fire_due(self, now: datetime) -> list[Reminder]:
        """Move every pending or snoozed reminder whose time has come to ``due``; returns those.

        A reminder is returned once only: afterwards it is ``due`` and this
        method skips it. Persist the book before telling the agent.
        """
        fired = []
        for rid, reminder in sorted(self.reminders.items(), key=lambda item: item[1].due):
            if reminder.state in (PENDING, SNOOZED) and reminder.due <= now:
                self.reminders[rid] = replace(reminder, state=DUE, fired=now)
                fired.append(self.reminders[rid])
        return fired

    def snooze(self, rid: str, now: datetime, delay: timedelta) -> Reminder:
        """Remind again ``delay`` from now (KeyError for an unknown id)."""
        reminder = replace(self.reminders[rid], state=SNOOZED, due=now + delay)
        self.reminders[rid] = reminder
        return reminder

    def done(self, rid: str) -> Reminder:
        reminder = replace(self.reminders[rid], state=DONE)
        self.reminders[rid] = reminder
        return reminder

    def forget_old(self, now: datetime) -> int:
        """Drop finished reminders older than ``KEEP_DONE``; returns how many."""
        old = [r.id for r in self.reminders.values() if r.state == DONE and r.due < now - KEEP_DONE]
        for rid in old:
            del self.reminders[rid]
        return len(old)

    # ------------------------------------------------------------ views
    def open_reminders(self) -> list[Reminder]:
        """Due ones first (oldest first), then the rest by time."""
        items = [r for r in self.reminders.values() if r.open]
        return sorted(items, key=lambda r: (r.state != DUE, r.due))

    def counts(self) -> tuple[int, int]:
        """(due, waiting): reminders to act on now, and pending or snoozed ones still to come."""
        due = sum(r.state == DUE for r in self.reminders.values())
        waiting = sum(r.state in (PENDING, SNOOZED) for r in self.reminders.values())
        return due, waiting
