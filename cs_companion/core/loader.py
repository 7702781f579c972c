"""Loads a library from a file, a folder or fetched bytes, with every problem located.

A library is one YAML file or a folder of them (read in name order, so
``00_library.yaml`` can carry the catalogue and later files the scripts).
Loading never raises for bad content: it returns a LoadResult whose
``library`` is None when any error was found, so callers keep their last
good library and show the problems.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from cs_companion.core.budget import budget_problem
from cs_companion.core.gcpause import gc_paused
from cs_companion.core.libtree import LibraryTreeError, library_files
from cs_companion.core.models import Layer, Library, LibraryInfo, Platform, Scenario
from cs_companion.core.near_ids import did_you_mean, near_id_problems
from cs_companion.core.platform_schema import BUILTIN_PLATFORMS, check_platform_refs, check_platform_values
from cs_companion.core.problems import Location, Problem, Severity, has_errors
from cs_companion.core.schema import ParsedFile, read_file_data
from cs_companion.core.yamlsafe import (
    MAX_FILE_BYTES,
    YamlParseError,
    decode_library_bytes,
    parse_library_yaml,
    parse_yaml,
)

MAX_FILES = 500
MAX_TOTAL_BYTES = 50 * 1024 * 1024


@dataclass
class LoadResult:
    """A library (None if anything was an error) and every problem found."""

    library: Library | None
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.library is not None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


KnownPlatforms = Mapping[str, Mapping[str, str]]
"""Platforms of the lower layers (id -> values), so a team or personal file may name and use them."""


def load_path(
    path: Path,
    layer: Layer = Layer.BUILTIN,
    known_scenarios: Collection[str] = (),
    known_platforms: KnownPlatforms | None = None,
) -> LoadResult:
    """Load the library at ``path``; missing paths and unreadable files become problems."""
    name = str(path)
    if not path.exists():
        return LoadResult(None, [Problem(name, 1, 1, "no such file or folder")])
    try:
        files = library_files(path)
    except LibraryTreeError as exc:  # unreadable sub-folder, non-UTF-8 name, too deep: refuse, never skip
        return LoadResult(None, [Problem(exc.where, 1, 1, exc.reason)])
    if not files:
        return LoadResult(None, [Problem(name, 1, 1, "no .yaml or .yml library files found here")])
    if len(files) > MAX_FILES:
        return LoadResult(None, [Problem(name, 1, 1, f"{len(files)} library files; the limit is {MAX_FILES}")])
    sources: list[tuple[str, bytes]] = []
    problems: list[Problem] = []
    total = 0
    for file in files:
        try:
            size = file.stat().st_size
            if size > MAX_FILE_BYTES:
                problems.append(Problem(str(file), 1, 1, f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}"))
                continue
            total += size
            if total > MAX_TOTAL_BYTES:
                problems.append(Problem(str(file), 1, 1, f"library is larger than {MAX_TOTAL_BYTES:,} bytes in all"))
                break
            sources.append((str(file), file.read_bytes()))
        except OSError as exc:
            problems.append(Problem(str(file), 1, 1, f"cannot read file: {exc.strerror or exc}"))
    result = load_sources(sources, layer, known_scenarios, known_platforms)
    result.problems[:0] = problems
    result.files = [str(f) for f in files]
    if problems and has_errors(problems):
        result.library = None
    return result


def load_sources(
    sources: Iterable[tuple[str, bytes]],
    layer: Layer = Layer.BUILTIN,
    known_scenarios: Collection[str] = (),
    known_platforms: KnownPlatforms | None = None,
) -> LoadResult:
    """Load a library from ``(filename, raw bytes)`` pairs, e.g. a downloaded feed."""
    with gc_paused():  # 10,000 scripts are ~1,000,000 objects that all stay alive: see gcpause
        return _load_sources(sources, layer, known_scenarios, known_platforms)


def _load_sources(
    sources: Iterable[tuple[str, bytes]],
    layer: Layer,
    known_scenarios: Collection[str],
    known_platforms: KnownPlatforms | None,
    careful: frozenset[str] = frozenset(),
) -> LoadResult:
    """One pass over the files; those named in ``careful`` are parsed with exact positions from the start.

    Cross-file checks (unknown scenario or platform ids, near-miss ids) run
    after the fast parser, which has no positions for every value: the files
    they find anything in are read again carefully, so each problem names its
    exact line and column. Files without problems never pay for that.
    """
    sources = list(sources)
    parsed: list[ParsedFile] = []
    problems: list[Problem] = []
    names = []
    for filename, data in sources:
        names.append(filename)
        try:
            file_result = read_library_file(decode_library_bytes(data, filename), filename, layer, filename in careful)
        except YamlParseError as exc:
            problems.append(exc.problem)
            continue
        problems.extend(file_result.problems)
        parsed.append(file_result)
    library = _combine(parsed, problems, known_scenarios)
    _check_platforms(parsed, library, problems, layer, known_platforms or {})
    imprecise = {p.file for p in problems} & {f.filename for f in parsed if not f.exact} - careful
    if imprecise:
        return _load_sources(sources, layer, known_scenarios, known_platforms, careful | imprecise)
    if not has_errors(problems):
        over = budget_problem(library, Location(names[0] if names else "library", 1, 1))
        if over is not None:
            problems.append(over)
    return LoadResult(None if has_errors(problems) else library, problems, names)


def read_library_file(text: str, filename: str, layer: Layer, careful: bool = False) -> ParsedFile:
    """Parse and check one file: the fast parser first, the careful one to locate any problem it has.

    A valid file (the common case, and the slow one for a 10,000-script team
    library) is parsed once by the fast path; a file with problems is parsed
    again carefully, so each problem names its exact line and column.
    """
    if careful:
        return read_file_data(parse_yaml(text, filename), filename, layer)
    document, exact = parse_library_yaml(text, filename)
    result = read_file_data(document, filename, layer)
    if result.problems and not exact:
        return read_file_data(parse_yaml(text, filename), filename, layer)
    result.exact = exact
    return result


def _check_phrase_totals(
    parsed: list[ParsedFile], problems: list[Problem], forbidden: dict[str, None], allow: dict[str, None]
) -> None:
    """Each file is capped by the schema; files of one library together are capped here."""
    from cs_companion.core.compliance import MAX_LIBRARY_PHRASES

    for what, phrases in (("forbidden phrases", forbidden), ("allow-list entries", allow)):
        if len(phrases) > MAX_LIBRARY_PHRASES and parsed:
            problems.append(
                Location(parsed[0].filename).problem(
                    f"the library's files have {len(phrases)} {what} together; the limit is {MAX_LIBRARY_PHRASES}"
                )
            )
            phrases.clear()


def _combine_platforms(parsed: list[ParsedFile], problems: list[Problem]) -> tuple[Platform, ...]:
    """The platforms of all files; an id listed twice is an error (values belong in one place)."""
    platforms: dict[str, Platform] = {}
    first: dict[str, Location] = {}
    for part in parsed:
        for platform, loc in part.platforms:
            if platform.id in platforms:
                where = first[platform.id]
                problems.append(
                    loc.problem(f"platform '{platform.id}' is listed twice (first at {where.file}:{where.line})")
                )
                continue
            platforms[platform.id], first[platform.id] = platform, loc
    return tuple(platforms.values())


def _check_platforms(
    parsed: list[ParsedFile], library: Library, problems: list[Problem], layer: Layer, known: KnownPlatforms
) -> None:
    """Platform ids scripts name must exist; platform values they use must be given for each platform.

    In an agent's own scripts an unknown id is only a warning: a team platform
    that was removed must not make the whole own-scripts file unusable.
    """
    values: dict[str, Mapping[str, str]] = {pid: MappingProxyType({}) for pid in BUILTIN_PLATFORMS}
    values.update(known)
    for platform in library.platforms:
        values[platform.id] = {**values.get(platform.id, {}), **platform.values}
    severity = Severity.WARNING if layer is Layer.PERSONAL else Severity.ERROR
    for part in parsed:
        problems.extend(check_platform_refs(part.platform_refs.ids, values, severity))
    with_values = {pid: v for pid, v in values.items() if v}  # platforms whose values are known here
    variants_of = {s.id: tuple(s.variants) for s in library.scripts}
    for part in parsed:
        problems.extend(check_platform_values(part.platform_refs.values, with_values, variants_of))
    lower_names = {name for pid, v in known.items() for name in v}
    for part in parsed:
        for platform, loc in part.platforms:
            lacking = sorted(lower_names - set(platform.values)) if platform.id not in known else []
            if lacking:
                message = (
                    f"platform '{platform.id}' has no value for {', '.join(lacking)}, which the built-in scripts "
                    "use; on this platform they would show 【name】 for the agent to fill in by hand"
                )
                problems.append(loc.problem(message, Severity.WARNING))


def _combine(parsed: list[ParsedFile], problems: list[Problem], known_scenarios: Collection[str]) -> Library:
    """Merge the files of one library, reporting ids defined twice."""
    info: LibraryInfo | None = None
    info_file = ""
    categories: dict[str, object] = {}
    scenarios: dict[str, Scenario] = {}
    scenario_locations: dict[str, Location] = {}
    scripts = {}
    script_locations: dict[str, Location] = {}
    forbidden: dict[str, None] = {}
    allow: dict[str, None] = dict.fromkeys(p for part in parsed for p in part.compliance_allow)
    for part in parsed:
        if part.info is not None:
            if info is None:
                info, info_file = part.info, part.filename
            elif part.info_location is not None:
                problems.append(
                    part.info_location.problem(
                        f"'library' is already given in {info_file}; this one is ignored", Severity.WARNING
                    )
                )
        for cat in part.categories:
            categories.setdefault(cat.id, cat)
        for scenario, loc in part.scenarios:
            if scenario.id in scenarios:
                first = scenario_locations[scenario.id]
                problems.append(
                    loc.problem(f"scenario '{scenario.id}' is defined twice (first at {first.file}:{first.line})")
                )
                continue
            scenarios[scenario.id] = scenario
            scenario_locations[scenario.id] = loc
        for script, loc in part.scripts:
            if script.id in scripts:
                first = script_locations[script.id]
                problems.append(
                    loc.problem(f"script id '{script.id}' is used twice (first at {first.file}:{first.line})")
                )
                continue
            scripts[script.id] = script
            script_locations[script.id] = loc
        for phrase in part.forbidden_phrases:
            forbidden.setdefault(phrase, None)
    _check_phrase_totals(parsed, problems, forbidden, allow)
    known = set(known_scenarios) | set(scenarios)
    if known:
        refs = {sid: loc for part in reversed(parsed) for sid, loc in part.scenario_refs.items()}
        for sid, script in scripts.items():
            if script.scenario not in known:
                problems.append(
                    refs.get(sid, script_locations[sid]).problem(
                        f"script '{sid}' uses scenario '{script.scenario}', which is not in the catalogue"
                        + did_you_mean(script.scenario, known),
                        Severity.WARNING,
                    )
                )
    category_locations = {c: loc for part in reversed(parsed) for c, loc in part.category_locations.items()}
    problems += near_id_problems(category_locations, scenario_locations, known_scenarios)
    return Library(
        info=info or LibraryInfo(),
        categories=tuple(categories.values()),  # type: ignore[arg-type]
        scenarios=tuple(scenarios.values()),
        scripts=tuple(scripts.values()),
        forbidden_phrases=tuple(forbidden),
        compliance_allow=tuple(allow),
        platforms=_combine_platforms(parsed, problems),
    )
