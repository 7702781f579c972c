"""Command line: search, render, list and validate scripts; no arguments starts the window.

Every failure is one line on stderr and a non-zero exit code, never a
traceback: team leads run ``validate`` in scripts, IT runs ``--self-test``.
Exit codes: 0 ok, 1 the command found a problem (invalid library, missing
value, failed update), 2 usage errors and unexpected failures.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from cs_companion import APP_NAME, __version__
from cs_companion.core.compliance import check_library
from cs_companion.core.loader import load_path
from cs_companion.core.models import Layer, Library, Script
from cs_companion.core.problems import Severity
from cs_companion.core.search import SearchIndex
from cs_companion.core.stack import LoadedLibrary, load_indexed
from cs_companion.core.template import render
from cs_companion.resources import builtin_library_dir
from cs_companion.storage.paths import HOME_ENV, AppPaths


class CliError(Exception):
    """A user-facing failure: printed as one line, exit code attached."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so main() owns every exit path."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(f"{message} (see '{APP_NAME} --help')", 2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=APP_NAME, description="客服快捷回复助手 — quick replies for e-commerce customer service.")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--library", type=Path, metavar="PATH", help="use this library file or folder instead of the installed layers"
    )
    parser.add_argument(
        "--profile", type=Path, metavar="DIR", help=f"keep settings and data in DIR (same as ${HOME_ENV})"
    )
    parser.add_argument("--self-test", action="store_true", help="check the installation end to end and exit")
    # The same two options are accepted after the command too (``search q --library X``).
    common = _Parser(add_help=False)
    common.add_argument("--library", type=Path, metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    common.add_argument("--profile", type=Path, metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    _add_parser = sub.add_parser

    def add_parser(name: str, **kwargs: object) -> argparse.ArgumentParser:
        return _add_parser(name, parents=[common], **kwargs)  # type: ignore[arg-type]

    sub.add_parser = add_parser  # type: ignore[method-assign]

    p = sub.add_parser("search", help="ranked search for scripts")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("render", help="print a script filled with values")
    p.add_argument("id")
    p.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", dest="values")
    p.add_argument("--copy", action="store_true", help="also put the text on the clipboard")

    p = sub.add_parser("validate", help="check library files; exit 1 on errors")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")

    p = sub.add_parser("list", help="list every script")
    p.add_argument("--json", action="store_true")

    _add_extra_commands(sub)
    return parser


def _add_extra_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Commands implemented in their own modules (team updates, tokens)."""
    try:
        from cs_companion import cli_updates
    except ImportError:
        return
    cli_updates.add_commands(sub)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(args_list)
        if args.profile:
            os.environ[HOME_ENV] = str(args.profile)
        if args.self_test:
            from cs_companion.selftest import run_self_test

            return run_self_test()
        if args.command is None:
            return _start_window(args)
        handler = COMMANDS.get(args.command) or getattr(args, "handler", None)
        return int(handler(args))
    except CliError as exc:
        print(f"{APP_NAME}: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `cs-companion list | head`: not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0
    except Exception as exc:  # last line of defence: one line, never a traceback
        print(f"{APP_NAME}: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2


def load_effective_library(args: argparse.Namespace) -> LoadedLibrary:
    """The library a command works on: ``--library`` alone, or the agent's three layers.

    The layered library goes through the same snapshot cache as the window, so
    commands stay fast with a 10,000-script team library.
    """
    if args.library is not None:
        result = load_path(args.library, Layer.TEAM)
        if result.library is None:
            first = result.errors[0] if result.errors else "cannot load library"
            raise CliError(f"library {args.library} is invalid: {first}")
        return LoadedLibrary(
            result.library, SearchIndex(result.library), {Layer.TEAM: result.library.info}, result.problems
        )
    paths = AppPaths.default()
    loaded = load_indexed(builtin_library_dir(), paths.team_cache_dir, paths.personal_library_file, paths.snapshot_file)
    if not loaded.builtin_ok:
        first = next((p for p in loaded.problems if p.is_error), "missing")
        raise CliError(f"the built-in library is broken: {first}")
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


def _find_script(library: Library, script_id: str) -> Script:
    script = library.script(script_id)
    if script is None:
        hint = SearchIndex(library).search(script_id, limit=1)
        suggestion = f"; did you mean {hint[0].id}?" if hint else ""
        raise CliError(f"no script with id {script_id!r}{suggestion}")
    return script


def cmd_render(args: argparse.Namespace) -> int:
    library = load_effective_library(args).library
    script = _find_script(library, args.id)
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
        labels = ", ".join(f"{n} ({script.field(n).label})" if script.field(n) else n for n in result.missing)
        raise CliError(f"missing value for {labels}; pass --set NAME=VALUE")
    print(result.text)
    if args.copy:
        from cs_companion.clipboard import ClipboardError, copy_text

        try:
            copy_text(result.text)
        except ClipboardError as exc:
            raise CliError(f"text printed but not copied: {exc}") from None
        print("已复制到剪贴板", file=sys.stderr)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    """Check library files the way the app will; exit 1 if the app would refuse any of them.

    Compliance findings are errors in the built-in library. In team files they
    are printed as warnings (the team lead decides the wording), but a team
    update refuses a library with findings, so they still make the exit code 1.
    """
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
        if result.library is not None:
            severity = Severity.ERROR if is_builtin else Severity.WARNING
            extra = builtin.forbidden_phrases if builtin and not is_builtin else ()
            compliance = check_library(result.library, extra, severity)
        for problem in problems + compliance:
            print(problem)
        errors = sum(p.is_error for p in problems + compliance)
        warnings = len(problems) + len(compliance) - errors
        blocking = errors + (len(compliance) if not is_builtin else 0) + (warnings if args.strict else 0)
        blocking_total += blocking
        if result.library is None:
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


def _start_window(args: argparse.Namespace) -> int:
    try:
        from cs_companion.ui.app import run_app
    except ImportError as exc:
        raise CliError(
            f"the window cannot start: {exc}. Command-line use still works: see '{APP_NAME} --help'"
        ) from None
    return run_app(library_override=args.library)


COMMANDS = {"search": cmd_search, "render": cmd_render, "validate": cmd_validate, "list": cmd_list}
