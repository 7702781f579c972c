"""The agent's reminders on disk: atomic, shared safely between processes, never firing twice.

Every change is a read-modify-write under the file's lock (``locking``): the
book is re-read from disk, changed and written before the lock is let go, so
a window and a command on the same profile cannot undo each other's snooze.
``update`` returns only after the file holds the change; the window tells the
agent about a due reminder only then, so a crash between the two loses a
notification rather than repeating one after a restart.

A damaged file is set aside (``reminders.json.corrupt``) like the other
profile files; a single malformed entry is dropped and reported, the rest
kept.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from cs_companion.core.reminders import PENDING, SNOOZED, Reminder, ReminderBook
from cs_companion.storage.jsonstore import load_json_object, save_json_object
from cs_companion.storage.locking import locked

T = TypeVar("T")
FILE_VERSION = 1
MAX_REMINDERS = 5000
"""Far more than an agent has open; a file with more is cut (oldest first) so a poll stays fast."""


class RemindersStore:
    """Loads and changes ``reminders.json``; ``message`` says what was wrong with the file, if anything."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.message = ""

    def load(self) -> ReminderBook:
        """The book as it is on disk (empty when there is no file yet)."""
        report = load_json_object(self.path)
        book, dropped = _book_from_json(report.data)
        self.message = report.message or (f"{self.path.name}: {dropped} 条损坏的提醒已忽略" if dropped else "")
        return book

    def fire_due(self, now: datetime) -> tuple[list[Reminder], ReminderBook]:
        """Mark what is due at ``now`` as due on disk; returns those and the book as it now is.

        Most polls find nothing due: they only read (a few ms for a thousand
        reminders) and neither take the lock nor write. Only when something is
        due is the book changed under the lock, and finished reminders older
        than a week are dropped at the same time.
        """
        book = self.load()
        if not any(r.state in (PENDING, SNOOZED) and r.due <= now for r in book.reminders.values()):
            return [], book

        def fire(latest: ReminderBook) -> tuple[list[Reminder], ReminderBook]:
            latest.forget_old(now)
            return latest.fire_due(now), latest

        return self.update(fire)

    def update(self, change: Callable[[ReminderBook], T]) -> T:
        """Apply ``change`` to the book on disk and save it, all under the lock; returns what ``change`` returned.

        Raises StorageError (one plain line) when the profile cannot be
        written; the file then still holds the state before the change.
        """
        with locked(self.path):
            report = load_json_object(self.path)
            if report.message:
                self.message = report.message
            book, _dropped = _book_from_json(report.data)
            result = change(book)
            items = sorted(book.reminders.values(), key=lambda r: r.due)[-MAX_REMINDERS:]
            save_json_object(self.path, {"version": FILE_VERSION, "reminders": [r.to_json() for r in items]})
        return result


def _book_from_json(data: dict[str, object]) -> tuple[ReminderBook, int]:
    """The valid reminders of a stored file and how many entries were dropped as malformed."""
    raw = data.get("reminders")
    items = raw if isinstance(raw, list) else []
    reminders = []
    dropped = 0
    for item in items[-MAX_REMINDERS:]:
        try:
            if not isinstance(item, dict):
                raise ValueError("not an object")
            reminders.append(Reminder.from_json(item))
        except (ValueError, TypeError):
            dropped += 1
    return ReminderBook(reminders), dropped
