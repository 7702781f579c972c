"""Library commands: search, render, validate and list.

Heavy modules (YAML, the search index, pinyin) are imported inside the
handlers, so building the parser to start the window stays cheap.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cs_companion.cli.errors import CliError

if TYPE_CHECKING:
    from cs_companion.core.models import Library, Script
    from cs_companion.storage.stack import LoadedLibrary


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add search, render, validate and list to the main parser."""
    p = sub.add_parser("search", help="ranked search for scripts")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("render", help="print a script filled with values")
    p.add_argument("id")
    p.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", dest="values")
    p.add_argument("--copy", action="store_true", help="also put the text on the clipboard")
    p.set_defaults(handler=cmd_render)

    p = sub.add_parser("validate", help="check library files; exit 1 on errors")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.set_defaults(handler=cmd_validate)

    p = sub.add_parser("list", help="list every script")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)


def load_effective_library(args: argparse.Namespace) -> LoadedLibrary:
    """The agent's layered library, with ``--library`` as the team layer when given."""
    from cs_companion.storage.agent_library import load_agent_library
    from cs_companion.storage.paths import AppPaths

    if args.library is not None and not args.library.exists():
        raise CliError(f"library {args.library}: no such file or folder")
    loaded = load_agent_library(AppPaths.default(), args.library)
    if not loaded.builtin_ok:
        first = next((p for p in loaded.problems if p.is_error), "missing")
        raise CliError(f"the built-in library is broken: {first}")
    if args.library is not None:
        from cs_companion.core.models import Layer

        errors = [p for p in loaded.problems if p.is_error]
        if Layer.TEAM not in loaded.layer_info:
            first = errors[0] if errors else "cannot load library"
            raise CliError(f"library {args.library} is invalid: {first}")
    return loaded


def cmd_search(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise CliError("--limit must be at least 1", 2)
    hits = load_effective_library(args).index.search(args.query, limit=args.limit)
    if args.json:
        print(json.dumps([h.as_dict() for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("no matching scripts", file=sys.stderr)
        return 0
    width = max(len(h.id) for h in hits)
    for hit in hits:
        print(f"{hit.score:5.1f}  {hit.id:<{width}}  {hit.title}")
    return 0


def _parse_values(pairs: list[str]) -> dict[str, str]:
    values = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise CliError(f"--set expects NAME=VALUE, got {pair!r}", 2)
        values[name.strip()] = value
    return values


def _find_script(loaded: LoadedLibrary, script_id: str) -> Script:
    script = loaded.library.script(script_id)
    if script is None:
        hint = loaded.index.search(script_id, limit=1)
        suggestion = f"; did you mean {hint[0].id}?" if hint else ""
        raise CliError(f"no script with id {script_id!r}{suggestion}")
    return script


def cmd_render(args: argparse.Namespace) -> int:
    from cs_companion.core.template import render

    script = _find_script(load_effective_library(args), args.id)
    values = _parse_values(args.values)
    unknown = sorted(set(values) - {f.name for f in script.fields})
    if unknown:
        known = ", ".join(f.name for f in script.fields) or "none"
        raise CliError(f"script {script.id} has no field {', '.join(unknown)} (its fields: {known})", 2)
    result = render(script, values)
    if result.invalid:
        name, message = next(iter(result.invalid.items()))
        raise CliError(f"invalid value for {name}: {message}")
    if result.missing:
        labels = ", ".join(f"{n} ({f.label})" if (f := script.field(n)) else n for n in result.missing)
        raise CliError(f"missing value for {labels}; pass --set NAME=VALUE")
    print(result.text)
    if args.copy:
        from cs_companion.cli.clipboard import ClipboardError, copy_text

        try:
            copy_text(result.text)
        except ClipboardError as exc:
            raise CliError(f"text printed but not copied: {exc}") from None
        print("已复制到剪贴板", file=sys.stderr)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    """Check library files the way the app will; exit 1 if the app would refuse any of them.

    Blocking compliance findings are errors in the built-in library. In team
    files every finding is printed as a warning (the team lead decides the
    wording), but a team update refuses a library with a blocking finding, so
    those still make the exit code 1.
    """
    from cs_companion.core.compliance import as_warnings, check_library
    from cs_companion.core.loader import load_path
    from cs_companion.core.models import Layer
    from cs_companion.core.problems import Problem, Severity
    from cs_companion.storage.resources import builtin_library_dir

    builtin_dir = builtin_library_dir().resolve()
    builtin = load_path(builtin_dir, Layer.BUILTIN).library
    known = [s.id for s in builtin.scenarios] if builtin else []
    blocking_total = 0
    for path in args.paths:
        resolved = path.resolve()
        is_builtin = resolved == builtin_dir or builtin_dir in resolved.parents
        result = load_path(path, Layer.BUILTIN if is_builtin else Layer.TEAM, known)
        problems = list(result.problems)
        compliance = []
        refused = 0  # blocking compliance findings: a team update would refuse the library
        if result.library is not None:
            extra = builtin.forbidden_phrases if builtin and not is_builtin else ()
            allow = builtin.compliance_allow if builtin and not is_builtin else ()
            found = check_library(result.library, extra, Severity.ERROR, allow)
            refused = sum(p.is_error for p in found)
            compliance = found if is_builtin else as_warnings(found)
        if result.library is not None and not result.library.scripts:
            # The app refuses a library with no scripts, so validate must not call it ok.
            where = result.files[0] if result.files else str(path)
            problems.append(Problem(where, 1, 1, "the library has no scripts; agents' apps refuse an empty library"))
        for problem in problems + compliance:
            print(problem)
        errors = sum(p.is_error for p in problems + compliance)
        warnings = len(problems) + len(compliance) - errors
        blocking = errors + (refused if not is_builtin else 0) + (warnings if args.strict else 0)
        blocking_total += blocking
        if result.library is None or not result.library.scripts:
            print(f"{path}: invalid, {errors} errors", file=sys.stderr)
        elif blocking:
            print(f"{path}: would be refused by agents' apps ({blocking} blocking problems)", file=sys.stderr)
        else:
            extra_text = f", {warnings} warnings" if warnings else ""
            print(f"{path}: ok, {len(result.library.scripts)} scripts{extra_text}", file=sys.stderr)
    return 1 if blocking_total else 0


def cmd_list(args: argparse.Namespace) -> int:
    library = load_effective_library(args).library
    if args.json:
        print(json.dumps([script_as_dict(s, library) for s in library.scripts], ensure_ascii=False, indent=2))
        return 0
    for script in library.scripts:
        print(f"{script.id}\t{library.category_name(script.category)}\t{script.title}")
    return 0


def script_as_dict(script: Script, library: Library) -> dict[str, object]:
    """The public JSON shape of a script (``list --json``)."""
    return {
        "id": script.id,
        "scenario": script.scenario,
        "scenario_name": library.scenario_name(script.scenario),
        "category": script.category,
        "title": script.title,
        "fields": [
            {
                "name": f.name,
                "label": f.label,
                "type": f.type.value,
                "required": f.required,
                "default": f.default,
                **({"options": list(f.options)} if f.options else {}),
            }
            for f in script.fields
        ],
        "body": script.body,
        "keywords": list(script.keywords),
        "examples": list(script.examples),
        "notes": script.notes,
        "meta": dict(script.meta),
        "layer": script.layer.value,
    }
