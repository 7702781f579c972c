"""What changed between two versions of a library, in words an agent understands.

After a team update agents see "3 new, 2 changed, 1 removed" with the titles;
team leads run ``cs-companion diff`` before publishing to see the same list.
Scripts are matched by id. A script counts as changed when anything an agent
sees or searches by differs: title, body, scenario, fields, keywords,
examples or notes (not the file or line it came from, nor its layer).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cs_companion.core.models import Library, Script

_COMPARED = (
    ("title", "title"),
    ("body", "body"),
    ("scenario", "scenario"),
    ("fields", "fields"),
    ("keywords", "keywords"),
    ("examples", "examples"),
    ("notes", "notes"),
)


@dataclass(frozen=True, slots=True)
class ScriptChange:
    """One script in a diff: its id, its (new) title, and for changes which parts differ."""

    id: str
    title: str
    old_title: str = ""
    parts: tuple[str, ...] = ()

    def describe(self) -> str:
        renamed = f" (was {self.old_title})" if self.old_title and self.old_title != self.title else ""
        what = f": {', '.join(self.parts)}" if self.parts else ""
        return f"{self.title}{renamed} [{self.id}]{what}"


@dataclass(frozen=True)
class LibraryDiff:
    """Scripts added, changed and removed going from an old library to a new one."""

    added: tuple[ScriptChange, ...] = field(default=())
    changed: tuple[ScriptChange, ...] = field(default=())
    removed: tuple[ScriptChange, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)

    def summary(self) -> str:
        """One line, e.g. ``2 added, 1 changed, 1 removed`` or ``no script changes``."""
        if self.empty:
            return "no script changes"
        parts = [f"{len(items)} {label}" for label, items in self._groups() if items]
        return ", ".join(parts)

    def lines(self) -> list[str]:
        """One line per script, marked ``+`` added, ``~`` changed, ``-`` removed."""
        marks = {"added": "+", "changed": "~", "removed": "-"}
        return [f"{marks[label]} {item.describe()}" for label, items in self._groups() for item in items]

    def _groups(self) -> tuple[tuple[str, tuple[ScriptChange, ...]], ...]:
        return (("added", self.added), ("changed", self.changed), ("removed", self.removed))


def script_differences(old: Script, new: Script) -> tuple[str, ...]:
    """Names of the agent-visible parts that differ between two versions of a script."""
    return tuple(label for label, attr in _COMPARED if getattr(old, attr) != getattr(new, attr))


def diff_libraries(old: Library | None, new: Library | None) -> LibraryDiff:
    """Compare by script id; ``None`` stands for "no library" (first install, or removal)."""
    old_scripts = {s.id: s for s in old.scripts} if old else {}
    new_scripts = {s.id: s for s in new.scripts} if new else {}
    added = tuple(ScriptChange(s.id, s.title) for sid, s in new_scripts.items() if sid not in old_scripts)
    removed = tuple(ScriptChange(s.id, s.title) for sid, s in old_scripts.items() if sid not in new_scripts)
    changed = []
    for sid, script in new_scripts.items():
        before = old_scripts.get(sid)
        if before is None:
            continue
        parts = script_differences(before, script)
        if parts:
            changed.append(ScriptChange(sid, script.title, before.title, parts))
    return LibraryDiff(added, tuple(changed), removed)
