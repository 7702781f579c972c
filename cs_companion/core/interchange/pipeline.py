"""Files in, checked library text out: the one import path shared by the command line and the window.

With ``verify`` the generated file is read back with the library loader
before anyone sees it: it must load without errors and every script must
come back with the body and fields that were converted. A mismatch is a bug
here, and is reported instead of writing a file that lost text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cs_companion.core.interchange.convert import DEFAULT_PREFIX, Conversion, convert
from cs_companion.core.interchange.library_yaml import library_text
from cs_companion.core.interchange.limits import MAX_FILES
from cs_companion.core.interchange.model import ImportFileError, ReadResult
from cs_companion.core.interchange.readers import read_path
from cs_companion.core.interchange.suggest import UNSORTED, UNSORTED_NAME, ScenarioSuggester
from cs_companion.core.loader import load_sources
from cs_companion.core.models import Layer, Library, Scenario
from cs_companion.core.problems import Problem
from cs_companion.core.search import SearchIndex


@dataclass
class ImportRun:
    """Everything one import produced: the library text and what to tell the lead about it."""

    text: str
    conversion: Conversion
    library: Library
    reads: dict[str, ReadResult] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def skipped(self) -> list[str]:
        return [line for read in self.reads.values() for line in read.skipped]

    @property
    def notes(self) -> list[str]:
        return [line for read in self.reads.values() for line in read.notes]

    def summary_lines(self) -> list[str]:
        """The report: columns used, counts, fields, duplicates and skipped rows, one fact per line."""
        conv = self.conversion
        lines = []
        for name, read in self.reads.items():
            cols = ", ".join(f"{role}={where}" for role, where in read.columns.items())
            lines.append(f"{name}: {len(read.phrases)} phrases ({cols})")
        lines.append(f"{len(conv.items)} scripts; {conv.flagged} marked 复核 for review")
        low = sum(bool(item.scenario_review) for item in conv.items)
        lines.append(f"scenarios suggested: {len(conv.items) - low} confident, {low} low-confidence (marked 复核)")
        if conv.fields_found:
            found = ", ".join(f"{name} ×{count}" for name, count in sorted(conv.fields_found.items()))
            lines.append(f"fields found: {found}")
        lines += [f"identical: {line}" for line in conv.merged]
        lines += [f"near-duplicate: {line}" for line in conv.duplicate_lines]
        lines += [f"not imported: {line}" for line in self.skipped]
        lines += [f"note: {line}" for line in self.notes]
        return lines


def import_files(
    paths: Sequence[Path],
    builtin: Library,
    *,
    columns: str | None = None,
    category: str | None = None,
    prefix: str = DEFAULT_PREFIX,
    layer: Layer = Layer.TEAM,
    index: SearchIndex | None = None,
    verify: bool = False,
) -> ImportRun:
    """Read, convert and write ``paths`` as library text; ImportFileError (one line) for a file that cannot be read.

    ``verify`` reads the text back with the library loader and compares every script (tests, and the
    window before it saves). It costs about 0.7 ms a script, more than the whole import otherwise.
    """
    if len(paths) > MAX_FILES:
        raise ImportFileError(f"{len(paths)} files; import at most {MAX_FILES} at a time")
    try:
        suggester = ScenarioSuggester(builtin, index, category)
    except ValueError as exc:
        raise ImportFileError(f"--category: {exc}") from None
    reads = {str(path): read_path(path, columns) for path in paths}
    phrases = [phrase for read in reads.values() for phrase in read.phrases]
    if not phrases:
        skipped = [line for read in reads.values() for line in read.skipped]
        raise ImportFileError(skipped[0] if skipped else f"{', '.join(reads)}: no phrases found")
    conversion = convert(phrases, builtin, suggester, prefix=prefix, layer=layer)
    text = library_text(conversion.items, list(reads))
    if verify:
        library, warnings = _read_back(text, conversion, builtin)
        return ImportRun(text, conversion, library, reads, warnings)
    scenarios = (
        (Scenario(UNSORTED, UNSORTED_NAME),) if any(i.script.scenario == UNSORTED for i in conversion.items) else ()
    )
    library = Library(
        categories=builtin.categories, scenarios=scenarios, scripts=tuple(i.script for i in conversion.items)
    )
    return ImportRun(text, conversion, library, reads, [])


def _read_back(text: str, conversion: Conversion, builtin: Library) -> tuple[Library, list[Problem]]:
    known = [s.id for s in builtin.scenarios]
    result = load_sources([("imported.yaml", text.encode("utf-8"))], Layer.TEAM, known)
    if result.library is None:
        first = result.errors[0] if result.errors else "unknown problem"
        raise ImportFileError(f"the converted library does not load ({first}); please report this file")
    for item in conversion.items:
        back = result.library.script(item.script.id)
        if back is None or back.body != item.script.body or back.fields != item.script.fields:
            raise ImportFileError(f"{item.where}: the phrase did not survive conversion unchanged; please report it")
    return result.library, [p for p in result.problems if not p.is_error]
