"""``import`` and ``export``: phrase lists of other tools (千牛/Excel/CSV/Espanso/text) in, ours out.

``import`` writes a library file (stdout, or ``--out``) with ``# 复核`` comments
on the lines to check and prints its report to stderr. ``export`` writes the
agent's layered library, or just the ``--library`` given, as CSV, XLSX or
Espanso YAML. Heavy modules (openpyxl, the search index) load in the handlers.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cs_companion.cli.errors import CliError

if TYPE_CHECKING:
    from cs_companion.core.models import Library

PLATFORM_NOTE = "note: imported scripts are listed on every platform; add 'platforms: [ID]' to a script to limit it"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add import and export to the main parser."""
    p = sub.add_parser("import", help="turn 千牛/Excel/CSV/Espanso/text phrase lists into a library file")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help=".xlsx, .csv, .tsv, .txt or Espanso .yml")
    p.add_argument("--out", type=Path, metavar="PATH", help="write the library here (default: standard output)")
    p.add_argument("--category", metavar="ID", help="suggest scenarios only in this category (e.g. logistics)")
    p.add_argument("--platform", metavar="NAME", help=argparse.SUPPRESS)
    p.add_argument(
        "--columns", metavar="SPEC", help="which column is which: 'group,code,text' in order, or 'text=C,code=A'"
    )
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("export", help="write the library as CSV, XLSX (quick-phrase tools) or Espanso YAML")
    p.add_argument("--format", required=True, choices=("csv", "xlsx", "espanso"))
    p.add_argument("--out", type=Path, metavar="PATH", help="write here (default: standard output; xlsx needs --out)")
    p.add_argument("--platform", metavar="NAME", help="write this platform's wording (default: your platform setting)")
    p.set_defaults(handler=cmd_export)


def _builtin_library() -> Library:
    from cs_companion.core.loader import load_path
    from cs_companion.storage.resources import builtin_library_dir

    result = load_path(builtin_library_dir())
    if result.library is None:
        first = result.errors[0] if result.errors else "missing"
        raise CliError(f"the built-in library is broken: {first}")
    return result.library


def _write(path: Path, data: bytes) -> None:
    from cs_companion.storage.atomic import write_bytes_atomic

    try:
        write_bytes_atomic(path, data)
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror or exc}") from None


def cmd_import(args: argparse.Namespace) -> int:
    from cs_companion.core.interchange.model import ImportFileError
    from cs_companion.core.interchange.pipeline import import_files

    if args.platform:
        print(PLATFORM_NOTE, file=sys.stderr)
    try:
        run = import_files(args.files, _builtin_library(), columns=args.columns, category=args.category)
    except ImportFileError as exc:
        raise CliError(str(exc)) from None
    for line in run.summary_lines():
        print(line, file=sys.stderr)
    if args.out is None:
        sys.stdout.write(run.text)
        return 0
    _write(args.out, run.text.encode("utf-8"))
    print(f"wrote {args.out}; check it with: cs-companion validate {args.out}", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from cs_companion.cli.library_commands import platform_arg, setting_platform
    from cs_companion.core.interchange import export

    if args.format == "xlsx" and args.out is None:
        raise CliError("--format xlsx needs --out FILE.xlsx", 2)
    library = _library_to_export(args)
    # Other tools have no platforms: write the wording of one (--platform, else the agent's own).
    platform = platform_arg(library, args.platform) or setting_platform(library)
    scripts = export.for_platform(library.scripts, platform)
    writer = {"csv": export.to_csv, "xlsx": export.to_xlsx, "espanso": export.to_espanso}[args.format]
    data = writer(scripts, library)
    if args.out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        _write(args.out, data)
        where = f" for {platform.name}" if platform else ""
        print(f"wrote {len(scripts)} scripts{where} to {args.out}", file=sys.stderr)
    return 0


def _library_to_export(args: argparse.Namespace) -> Library:
    """``--library PATH``: that library alone; otherwise the agent's layered library (built-in, team, own)."""
    if args.library is None:
        from cs_companion.cli.library_commands import load_effective_library

        return load_effective_library(args).library
    from cs_companion.core.loader import load_path
    from cs_companion.core.models import Layer

    builtin = _builtin_library()
    result = load_path(args.library, Layer.TEAM, [s.id for s in builtin.scenarios])
    if result.library is None:
        first = result.errors[0] if result.errors else "cannot load"
        raise CliError(f"library {args.library} is invalid: {first}")
    from cs_companion.core.models import Library

    # Category names come from the built-in catalogue when the team file does not name its own.
    return Library(
        result.library.info,
        result.library.categories or builtin.categories,
        result.library.scenarios,
        result.library.scripts,
    )
