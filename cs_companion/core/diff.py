"""What changed between two versions of a library, in words an agent understands.

After a team update agents see "3 new, 2 changed, 1 removed" with the titles;
team leads run ``cs-companion diff`` before publishing to see the same list.
Scripts are matched by id. A script counts as changed when anything an agent
sees or searches by differs: title, body, scenario, fields, keywords,
examples or notes (not the file or line it came from, nor its layer).

"~ 催付 [b]: body" alone does not let a team lead check a push, so each
change also carries a few ``details`` lines: the old (``-``) and new (``+``)
text of what changed, trimmed to the changed part with a little context
(``lines(details=True)``). They are short on purpose: a 2,000-character body
with one word changed shows that word and its neighbours, not the whole body.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field

from cs_companion.core.models import Field, Library, Script

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
    details: tuple[str, ...] = field(default=(), compare=False)
    """``- part: old`` / ``+ part: new`` lines, trimmed; empty for added and removed scripts."""

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

    def lines(self, details: bool = False) -> list[str]:
        """One line per script, marked ``+`` added, ``~`` changed, ``-`` removed.

        With ``details``, each changed script is followed by its indented
        old/new lines (what ``cs-companion diff`` prints).
        """
        marks = {"added": "+", "changed": "~", "removed": "-"}
        result = []
        for label, items in self._groups():
            for item in items:
                result.append(f"{marks[label]} {item.describe()}")
                if details:
                    result.extend(f"    {line}" for line in item.details)
        return result

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
            changed.append(ScriptChange(sid, script.title, before.title, parts, change_details(before, script, parts)))
    return LibraryDiff(added, tuple(changed), removed)


MAX_WIDTH = 100
"""Characters shown of one old or new line."""
CONTEXT = 16
"""Unchanged characters kept on each side of a change inside a long line."""
MAX_DETAIL_LINES = 8
"""Old/new lines shown per changed part; the rest is counted."""
EMPTY = "(empty)"


def change_details(old: Script, new: Script, parts: Sequence[str] = ()) -> tuple[str, ...]:
    """``- part: old`` / ``+ part: new`` lines for each changed part (the title is already in the summary)."""
    lines: list[str] = []
    for part in parts or script_differences(old, new):
        if part == "title":
            continue
        if part in ("keywords", "examples"):
            pairs = _list_changes(getattr(old, part), getattr(new, part))
        elif part == "fields":
            pairs = _list_changes([_describe_field(f) for f in old.fields], [_describe_field(f) for f in new.fields])
        else:
            pairs = _text_changes(getattr(old, part), getattr(new, part))
        shown = pairs[:MAX_DETAIL_LINES]
        lines.extend(f"{mark} {part}: {text}" for mark, text in shown)
        if len(pairs) > len(shown):
            lines.append(f"  {part}: … {len(pairs) - len(shown)} more changed lines")
    return tuple(lines)


def _text_changes(old: str, new: str) -> list[tuple[str, str]]:
    """Changed lines of a text; a line replaced by one line is trimmed to the changed stretch."""
    old_lines, new_lines = old.splitlines() or [""], new.splitlines() or [""]
    result: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        before, after = old_lines[i1:i2], new_lines[j1:j2]
        if len(before) == len(after):
            for a, b in zip(before, after, strict=True):
                a_short, b_short = _trim_pair(a, b)
                result += [("-", a_short), ("+", b_short)]
            continue
        result += [("-", _clip(line)) for line in before]
        result += [("+", _clip(line)) for line in after]
    if not result and old != new:  # only line endings or a trailing newline differ
        result = [("-", repr(old[-CONTEXT:])), ("+", repr(new[-CONTEXT:]))]
    return result


def _trim_pair(old: str, new: str) -> tuple[str, str]:
    """Both lines cut to the stretch where they differ, with ``CONTEXT`` characters around it."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    start = max(0, prefix - CONTEXT)

    def cut(text: str) -> str:
        end = min(len(text), len(text) - suffix + CONTEXT)
        piece = ("…" if start > 0 else "") + text[start:end] + ("…" if end < len(text) else "")
        return _clip(piece) if piece else EMPTY

    return cut(old), cut(new)


def _clip(text: str) -> str:
    if not text:
        return EMPTY
    return text if len(text) <= MAX_WIDTH else text[: MAX_WIDTH - 1] + "…"


def _list_changes(old: Sequence[str], new: Sequence[str]) -> list[tuple[str, str]]:
    """Items removed and added; a pure reordering is said in words."""
    removed = [("-", _clip(item)) for item in old if item not in new]
    added = [("+", _clip(item)) for item in new if item not in old]
    if not removed and not added:
        return [("~", "same items, new order")]
    return removed + added


def _describe_field(item: Field) -> str:
    """A field in one line, with every attribute an agent sees in the form."""
    extras = [item.type.value]
    if item.required:
        extras.append("required")
    if item.default:
        extras.append(f"default {item.default}")
    if item.options:
        extras.append("options " + "/".join(item.options))
    if item.hint:
        extras.append(f"hint {item.hint}")
    return f"{item.name} ({item.label}; {', '.join(extras)})"
