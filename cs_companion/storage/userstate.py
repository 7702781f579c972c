"""What an agent builds up while working: favourites, recently used scripts, usage counts.

Kept apart from preferences so "clear history" cannot touch settings, and
saved atomically after every change (the data is tiny; losing a day of
favourites to a crash is not).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from cs_companion.storage.jsonstore import load_json_object, save_json_object

MAX_RECENT = 20
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
        self.usage[script_id] = self.usage.get(script_id, 0) + 1
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
            boost[script_id] = min(USAGE_BOOST_MAX, 2.0 * math.log1p(count))
        for script_id in self.favourites:
            boost[script_id] = boost.get(script_id, 0.0) + FAVOURITE_BOOST
        return boost


class UserStateStore:
    """Reads and writes ``UserState`` as JSON; damaged files are reported and reset."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.message = ""

    def load(self) -> UserState:
        report = load_json_object(self.path)
        self.message = report.message
        data = report.data
        favourites = (
            [x for x in data.get("favourites", []) if isinstance(x, str)]
            if isinstance(data.get("favourites"), list)
            else []
        )
        recent = (
            [x for x in data.get("recent", []) if isinstance(x, str)] if isinstance(data.get("recent"), list) else []
        )
        usage_raw = data.get("usage") if isinstance(data.get("usage"), dict) else {}
        usage = {k: v for k, v in usage_raw.items() if isinstance(k, str) and type(v) is int and v > 0}
        return UserState(favourites, recent[:MAX_RECENT], usage)

    def save(self, state: UserState) -> None:
        save_json_object(
            self.path, {"version": 1, "favourites": state.favourites, "recent": state.recent, "usage": state.usage}
        )
