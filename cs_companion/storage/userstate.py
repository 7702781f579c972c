"""What an agent builds up while working: favourites, recently used scripts, usage counts.

Kept apart from preferences so "clear history" cannot touch settings, and
saved atomically after every change (the data is tiny; losing a day of
favourites to a crash is not).

Two processes may share a profile (a window and a command, or two windows in
a race), so a save never writes its whole state over the file: under the
file's lock it re-reads what is on disk and applies only what this process
changed since it last loaded or saved (see ``merge_states``).

Counts come from a file anyone can edit: at load they must be positive
integers and are capped at ``MAX_USAGE``, so a count of ``10**400`` cannot
overflow the ranking on every keystroke.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cs_companion.storage.jsonstore import load_json_object, save_json_object
from cs_companion.storage.locking import locked

MAX_RECENT = 20
MAX_USAGE = 1_000_000_000
"""Far above any real count (a copy a second for 30 years), far below where float maths overflows."""
FAVOURITE_BOOST = 8.0
USAGE_BOOST_MAX = 6.0


@dataclass
class UserState:
    """Favourites (ordered), recents (newest first) and per-script copy counts."""

    favourites: list[str] = field(default_factory=list)
    recent: list[str] = field(default_factory=list)
    usage: dict[str, int] = field(default_factory=dict)

    def is_favourite(self, script_id: str) -> bool:
        return script_id in self.favourites

    def toggle_favourite(self, script_id: str) -> bool:
        """Flip the favourite flag; returns the new state."""
        if script_id in self.favourites:
            self.favourites.remove(script_id)
            return False
        self.favourites.append(script_id)
        return True

    def record_use(self, script_id: str) -> None:
        """Count a copy and move the script to the front of the recents."""
        self.usage[script_id] = min(MAX_USAGE, self.usage.get(script_id, 0) + 1)
        if script_id in self.recent:
            self.recent.remove(script_id)
        self.recent.insert(0, script_id)
        del self.recent[MAX_RECENT:]

    def clear_history(self) -> None:
        """Forget recents and counts; favourites are a deliberate choice and stay."""
        self.recent.clear()
        self.usage.clear()

    def search_boost(self) -> dict[str, float]:
        """Extra ranking points: favourites, and scripts used often (log-scaled, capped)."""
        boost: dict[str, float] = {}
        for script_id, count in self.usage.items():
            boost[script_id] = min(USAGE_BOOST_MAX, 2.0 * math.log1p(min(count, MAX_USAGE)))
        for script_id in self.favourites:
            boost[script_id] = boost.get(script_id, 0.0) + FAVOURITE_BOOST
        return boost


def merge_states(base: UserState, mine: UserState, disk: UserState) -> UserState:
    """Apply what changed from ``base`` to ``mine`` onto ``disk`` (what another process may have saved meanwhile).

    - favourites: ids this process removed are removed, ids it added are appended; the rest keep disk order;
    - usage: each count moves by this process's difference, so two processes' copies add up and
      "clear history" (counts back to zero) removes only the counts this process knew about;
    - recent: scripts this process used since ``base`` go first (in its order), then the disk's list,
      minus what this process cleared; capped at ``MAX_RECENT``.
    """
    removed_favourites = set(base.favourites) - set(mine.favourites)
    known = set(base.favourites)
    favourites = [x for x in disk.favourites if x not in removed_favourites]
    favourites += [x for x in mine.favourites if x not in known and x not in favourites]

    usage: dict[str, int] = {}
    for script_id in {*disk.usage, *mine.usage, *base.usage}:
        count = disk.usage.get(script_id, 0) + mine.usage.get(script_id, 0) - base.usage.get(script_id, 0)
        if count > 0:
            usage[script_id] = min(MAX_USAGE, count)

    used = [x for x in mine.recent if mine.usage.get(x, 0) > base.usage.get(x, 0) or x not in base.recent]
    # The list only shrinks when the agent cleared it; falling off the end of a full list is not a removal.
    cleared = set(base.recent) - set(mine.recent) if len(mine.recent) < len(base.recent) else set()
    recent = used + [x for x in disk.recent if x not in cleared and x not in used]
    return UserState(favourites, recent[:MAX_RECENT], usage)


def state_from_json(data: dict[str, Any]) -> UserState:
    """The valid part of a state file: string ids, and counts that are positive integers (capped)."""
    favourites = _string_list(data.get("favourites"))
    recent = _string_list(data.get("recent"))
    usage_value = data.get("usage")
    usage_raw: dict[Any, Any] = usage_value if isinstance(usage_value, dict) else {}
    usage = {k: min(v, MAX_USAGE) for k, v in usage_raw.items() if isinstance(k, str) and type(v) is int and v > 0}
    return UserState(list(dict.fromkeys(favourites)), list(dict.fromkeys(recent))[:MAX_RECENT], usage)


def _string_list(value: object) -> list[str]:
    return [x for x in value if isinstance(x, str)] if isinstance(value, list) else []


class UserStateStore:
    """Reads and writes ``UserState`` as JSON; damaged files are reported and reset.

    The store remembers the state as of its last load or save: ``save`` merges
    the difference into whatever is on disk, so it must be given the object
    that came from ``load`` (or a fresh one on a new profile).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.message = ""
        self._base = UserState()

    def load(self) -> UserState:
        report = load_json_object(self.path)
        self.message = report.message
        state = state_from_json(report.data)
        self._base = copy.deepcopy(state)
        return state

    def save(self, state: UserState) -> None:
        """Merge this process's changes into the file under its lock, and bring ``state`` up to date with it.

        After the save ``state`` holds what was written (including another
        process's favourites and counts), and it is the new base for the next
        merge. Raises StorageError (one plain line) if the profile is
        read-only or the disk is full; ``state`` is then left as it was.
        """
        with locked(self.path):
            disk = state_from_json(load_json_object(self.path).data)
            merged = merge_states(self._base, state, disk)
            save_json_object(
                self.path,
                {"version": 1, "favourites": merged.favourites, "recent": merged.recent, "usage": merged.usage},
            )
        state.favourites[:] = merged.favourites
        state.recent[:] = merged.recent
        state.usage.clear()
        state.usage.update(merged.usage)
        self._base = copy.deepcopy(merged)
