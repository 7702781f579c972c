"""The agent's own scripts ("我的话术"): one YAML file, same format as any library.

Kept in ``AppPaths.personal_library_file``, apart from the team cache, so no
team update can ever touch them. Every change is read-modify-write of the
whole file under a lock, validated exactly like a library (schema, then the
compliance rules for the scripts being written) and saved atomically: a
crash leaves the previous file, and an invalid script is refused with a
one-line reason instead of being saved and breaking the next start.

Serialisation uses ``yaml.safe_dump`` with bodies in block style (``|-``) so
the file stays pleasant to read and edit by hand, and import/export use the
same format so agents can share scripts as plain files.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from cs_companion.core.compliance import ComplianceChecker, check_scripts
from cs_companion.core.loader import LoadResult, load_path, load_sources
from cs_companion.core.models import Category, Field, FieldType, Layer, Library, Scenario, Script
from cs_companion.core.problems import Problem
from cs_companion.core.schema import SCHEMA_VERSION
from cs_companion.storage.atomic import set_aside, write_bytes_atomic
from cs_companion.storage.errors import StorageError
from cs_companion.storage.locking import locked

PERSONAL_PREFIX = "my."
HEADER = "# 我的话术 · cs-companion personal scripts (same format as a library file)\n"


class PersonalError(Exception):
    """A change to the agent's scripts was refused; the message is one line and says why."""

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(" ".join(message.split()))
        self.problems = list(problems)


@dataclass(frozen=True)
class ImportResult:
    """Ids added and replaced by an import, plus warnings worth showing."""

    added: tuple[str, ...]
    replaced: tuple[str, ...]
    warnings: tuple[Problem, ...] = ()

    def summary(self) -> str:
        return f"{len(self.added)} added, {len(self.replaced)} replaced"


class _Literal(str):
    """A string to be written in YAML block style (``|``)."""


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # never write &anchors: the file is for humans


_Dumper.add_representer(
    _Literal, lambda dumper, data: dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style="|")
)


def script_to_dict(script: Script) -> dict[str, Any]:
    """The YAML shape of a script, leaving out empty and default values."""
    data: dict[str, Any] = {"id": script.id, "scenario": script.scenario, "title": script.title}
    if script.keywords:
        data["keywords"] = list(script.keywords)
    if script.examples:
        data["examples"] = list(script.examples)
    if script.fields:
        data["fields"] = [_field_to_dict(f) for f in script.fields]
    data["body"] = _Literal(script.body)
    if script.platforms:
        data["platforms"] = list(script.platforms)
    if script.variants:
        data["variants"] = {pid: _Literal(text) for pid, text in script.variants.items()}
    if script.notes:
        data["notes"] = _Literal(script.notes) if "\n" in script.notes else script.notes
    if script.meta:
        data["meta"] = dict(script.meta)
    if script.follow_up is not None:  # copy to mine keeps the call-back reminder
        follow_up = {"after": script.follow_up.after}
        if script.follow_up.note:
            follow_up["note"] = script.follow_up.note
        data["follow_up"] = follow_up
    return data


def _field_to_dict(fld: Field) -> dict[str, Any]:
    data: dict[str, Any] = {"name": fld.name}
    if fld.label and fld.label != fld.name:
        data["label"] = fld.label
    if fld.type is not FieldType.TEXT:
        data["type"] = fld.type.value
    if fld.required:
        data["required"] = True
    if fld.default:
        data["default"] = fld.default
    if fld.options:
        data["options"] = list(fld.options)
    if fld.hint:
        data["hint"] = fld.hint
    return data


def dump_scripts(
    scripts: Iterable[Script], categories: Iterable[Category] = (), scenarios: Iterable[Scenario] = ()
) -> str:
    """A complete library file holding ``scripts`` (and any categories/scenarios the file defined)."""
    document: dict[str, Any] = {"schema": SCHEMA_VERSION}
    cats = [{"id": c.id, "name": c.name} for c in categories]
    if cats:
        document["categories"] = cats
    scens = [{"id": s.id, "name": s.name, **({"aliases": list(s.aliases)} if s.aliases else {})} for s in scenarios]
    if scens:
        document["scenarios"] = scens
    document["scripts"] = [script_to_dict(s) for s in scripts]
    body = yaml.dump(
        document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=4096, indent=2
    )
    return HEADER + body


class PersonalStore:
    """Add, edit, delete, copy, export and import the agent's own scripts; thread-safe.

    ``builtin_library`` supplies the scenario catalogue (unknown scenarios are
    only warnings) and the forbidden phrases used for the compliance check.
    """

    def __init__(
        self, path: Path, builtin_library: Library | None = None, extra_scenarios: Collection[str] = ()
    ) -> None:
        self.path = path
        self.builtin = builtin_library
        builtin_ids = [s.id for s in builtin_library.scenarios] if builtin_library else []
        self.known_scenarios = [*builtin_ids, *extra_scenarios]
        self.known_platforms = {p.id: p.values for p in builtin_library.platforms} if builtin_library else {}
        self._checker = ComplianceChecker.for_library(builtin_library) if builtin_library else ComplianceChecker()
        self._lock = threading.RLock()

    # ----- reading -------------------------------------------------------------------------

    def load(self) -> LoadResult:
        """The personal layer; a missing file is an empty library, a broken one has ``library`` None."""
        with self._lock:
            if not self.path.exists():
                return LoadResult(Library(), [], [])
            return load_path(self.path, Layer.PERSONAL, self.known_scenarios, self.known_platforms)

    def scripts(self) -> list[Script]:
        """The agent's scripts in file order; PersonalError if the file is broken."""
        return list(self._current().scripts)

    def get(self, script_id: str) -> Script | None:
        return self._current().script(script_id)

    def unique_id(self, base: str) -> str:
        """``base`` if unused, else ``base-2``, ``base-3`` ...; trimmed to the 100-character id limit."""
        with self._lock:
            return _unique(base, set(self._current().ids()))

    # ----- changing ------------------------------------------------------------------------

    def add(self, script: Script) -> Script:
        """Save a new script; its id must not be used by another of the agent's scripts."""
        with self._writing():
            library = self._current()
            if library.script(script.id) is not None:
                raise PersonalError(f"you already have a script with id '{script.id}'")
            return self._save(library, [*library.scripts, script], [script])[0]

    def create(self, title: str, body: str, scenario: str, **values: Any) -> Script:
        """Save a brand-new script with a fresh ``my.…`` id (``values``: keywords, examples, fields, notes)."""
        with self._writing():
            sid = _unique(f"{PERSONAL_PREFIX}{scenario or 'script'}", set(self._current().ids()))
            values = {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}
            return self.add(Script(id=sid, scenario=scenario, title=title, body=body, layer=Layer.PERSONAL, **values))

    def update(self, script_id: str, script: Script) -> Script:
        """Replace script ``script_id`` with ``script`` (same position); the id may change if the new one is free."""
        with self._writing():
            library = self._current()
            if library.script(script_id) is None:
                raise PersonalError(f"you have no script with id '{script_id}'")
            if script.id != script_id and library.script(script.id) is not None:
                raise PersonalError(f"you already have a script with id '{script.id}'")
            scripts = [script if s.id == script_id else s for s in library.scripts]
            return self._save(library, scripts, [script])[0]

    def delete(self, script_id: str) -> bool:
        """Remove a script; False if there was none with that id."""
        with self._writing():
            library = self._current()
            if library.script(script_id) is None:
                return False
            self._save(library, [s for s in library.scripts if s.id != script_id], [])
            return True

    def copy_to_mine(self, script: Script, title: str | None = None) -> Script:
        """ "Copy to my scripts": a personal copy of any script under a new ``my.<id>`` id (suffixed if taken)."""
        with self._writing():
            library = self._current()
            base = script.id if script.id.startswith(PERSONAL_PREFIX) else f"{PERSONAL_PREFIX}{script.id}"
            copy = replace(script, id=_unique(base, set(library.ids())), title=title or script.title)
            return self._save(library, [*library.scripts, copy], [copy])[0]

    # ----- files ---------------------------------------------------------------------------

    def export_to(self, target: Path, ids: Iterable[str] | None = None) -> int:
        """Write the agent's scripts (all, or those in ``ids``) to ``target``; returns how many."""
        with self._lock:
            library = self._current()
            wanted = None if ids is None else set(ids)
            chosen = [s for s in library.scripts if wanted is None or s.id in wanted]
            if wanted is not None and len(chosen) != len(wanted):
                missing = sorted(wanted - {s.id for s in chosen})
                raise PersonalError(f"you have no script with id '{missing[0]}'")
            try:
                write_bytes_atomic(target, dump_scripts(chosen).encode("utf-8"))
            except OSError as exc:
                raise PersonalError(f"cannot write {target}: {exc.strerror or exc}") from None
            return len(chosen)

    def import_from(self, source: Path) -> ImportResult:
        """Merge scripts from a library file/folder by id: same id replaces, new ids are added."""
        result = load_path(source, Layer.PERSONAL, self.known_scenarios, self.known_platforms)
        if result.library is None:
            errors = result.errors or [Problem(str(source), 1, 1, "cannot be imported")]
            raise PersonalError(f"cannot import: {errors[0]}", errors)
        incoming = result.library.scripts
        if not incoming:
            raise PersonalError(f"cannot import: {source} has no scripts")
        self._check_compliance(incoming, with_location=True)
        with self._writing():
            library = self._current()
            by_id = {s.id: s for s in incoming}
            existing = set(library.ids())
            merged = [by_id.get(s.id, s) for s in library.scripts]
            merged += [s for s in incoming if s.id not in existing]
            self._save(library, merged, incoming)
            replaced = tuple(s.id for s in incoming if s.id in existing)
            added = tuple(s.id for s in incoming if s.id not in existing)
            return ImportResult(added, replaced, tuple(p for p in result.problems if not p.is_error))

    # ----- internals -----------------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Read-modify-write section: this process's threads and every other process wait their turn.

        Without the file lock two processes adding 100 scripts each ended with
        112: each wrote its own list over the other's. Reads take no file lock,
        so a read-only profile still shows the agent's scripts.
        """
        with self._lock, ExitStack() as stack:
            try:
                stack.enter_context(locked(self.path))
            except StorageError as exc:
                raise PersonalError(str(exc)) from None
            yield

    def _current(self) -> Library:
        result = self.load()
        if result.library is None:
            first = result.errors[0] if result.errors else "unreadable"
            raise PersonalError(f"your scripts file has errors, fix it first: {first}", result.errors)
        return result.library

    def _save(self, library: Library, scripts: Sequence[Script], changed: Sequence[Script]) -> list[Script]:
        """Validate the new file content and write it atomically; returns ``changed`` as loaded back."""
        self._check_compliance(changed, with_location=False)
        text = dump_scripts(scripts, library.categories, library.scenarios)
        data = text.encode("utf-8")
        check = load_sources([(str(self.path), data)], Layer.PERSONAL, self.known_scenarios, self.known_platforms)
        if check.library is None:
            errors = check.errors
            raise PersonalError(errors[0].message if errors else "the script is not valid", errors)
        try:
            write_bytes_atomic(self.path, data)
        except OSError as exc:
            raise PersonalError(f"cannot save your scripts to {self.path}: {exc.strerror or exc}") from None
        saved = check.library
        return [s for s in (saved.script(c.id) for c in changed) if s is not None]

    def _check_compliance(self, scripts: Iterable[Script], *, with_location: bool) -> None:
        """Refuse a script with a blocking finding in any text it can send; warnings do not block."""
        for problem in check_scripts(scripts, self._checker):
            if problem.is_error:
                where = f"{problem.file}:{problem.line}:1: " if with_location and problem.file else ""
                raise PersonalError(f"{where}{problem.message}")


def set_aside_damaged(path: Path, problems: Sequence[Problem]) -> Problem | None:
    """Move an own-scripts file that failed to load out of the way, like a damaged settings file.

    Without this, one bad value (``updated: 2026-02-30``, a hand edit gone
    wrong) leaves the agent with no own scripts and no way to save new ones
    until someone fixes the YAML by hand. The file is renamed, never deleted
    (``my_scripts.yaml.corrupt``, kept for support), so nothing is lost, and
    the one returned problem says where it went. Returns None, touching
    nothing, when the file has no errors or cannot be read at all (a
    permission problem is not damage).
    """
    errors = [p for p in problems if p.is_error and p.file == str(path)]
    if not errors or not path.is_file():
        return None
    try:
        with path.open("rb"):
            pass
        moved = set_aside(path)
    except OSError:
        return None
    first = errors[0]
    message = (
        f"{first.message}; your own scripts file was set aside as {moved.name} (nothing deleted) "
        "and your own scripts start again empty"
    )
    return Problem(first.file, first.line, first.col, message)


def _unique(base: str, taken: set[str]) -> str:
    base = base[:100]
    if base not in taken:
        return base
    counter = 2
    while True:
        suffix = f"-{counter}"
        candidate = base[: 100 - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        counter += 1
