"""``stats``: which scripts agents use, so a team lead can prune and improve the library.

    cs-companion stats                       # this profile, last 30 days, most used first
    cs-companion stats --since 2024-05-01 --csv > may.csv
    cs-companion stats --unused              # scripts of the current library nobody used
    cs-companion stats --folder \\\\share\\cs-stats --unused   # every agent's CSVs together

Counts only (copies, pastes, compliance overrides per script per day); there
is no customer text or order number to show, because none is stored.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from cs_companion.cli.errors import CliError

if TYPE_CHECKING:
    from cs_companion.core.models import Library
    from cs_companion.storage.usage_stats import DayCount

DEFAULT_DAYS = 30
_DAYS_AGO = re.compile(r"^(\d{1,4})d$")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the stats command on the main parser."""
    p = sub.add_parser("stats", help="usage counts per script (copies, pastes, compliance overrides)")
    p.add_argument(
        "--since",
        type=_since,
        metavar="DATE",
        help=f"first day to count: YYYY-MM-DD or Nd for the last N days (default: last {DEFAULT_DAYS} days)",
    )
    p.add_argument("--csv", action="store_true", help="print CSV (one row per day and script) instead of a table")
    p.add_argument("--unused", action="store_true", help="list the scripts of the current library never used")
    p.add_argument(
        "--folder", type=Path, metavar="DIR", help="read the daily CSVs agents' windows wrote to this shared folder"
    )
    p.set_defaults(handler=cmd_stats)


def _since(text: str) -> date:
    match = _DAYS_AGO.match(text.strip())
    if match:
        return date.today() - timedelta(days=max(0, int(match.group(1)) - 1))
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2024-05-01 or a span like 7d") from None


def cmd_stats(args: argparse.Namespace) -> int:
    from cs_companion.storage.paths import AppPaths
    from cs_companion.storage.usage_stats import UsageStatsStore, csv_text, read_csv_folder

    since = args.since or date.today() - timedelta(days=DEFAULT_DAYS - 1)
    if args.folder is not None:
        if not args.folder.is_dir():
            raise CliError(f"--folder {args.folder}: no such folder")
        rows, problems = read_csv_folder(args.folder, since)
        for problem in problems:
            print(f"warning: {problem}", file=sys.stderr)
    else:
        store = UsageStatsStore(AppPaths.default().usage_stats_file)
        rows = store.rows(since)
        if store.message:
            print(f"warning: {store.message}", file=sys.stderr)
    if args.unused:
        return _print_unused(args, rows, since)
    if args.csv:
        sys.stdout.write(csv_text(rows).lstrip("\ufeff").replace("\r\n", "\n"))
        return 0
    _print_table(rows, since, _titles(args))
    return 0


def _titles(args: argparse.Namespace) -> dict[str, str]:
    """Script titles for the table; the table is still useful (ids only) when the library cannot load."""
    try:
        library = _library(args)
    except CliError:
        return {}
    return {s.id: s.title for s in library.scripts}


def _library(args: argparse.Namespace) -> Library:
    from cs_companion.cli.library_commands import load_effective_library

    return load_effective_library(args).library


def _print_table(rows: list[DayCount], since: date, titles: dict[str, str]) -> None:
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    days: dict[str, set[date]] = defaultdict(set)
    agents = {r.agent for r in rows if r.agent}
    for row in rows:
        counts = totals[row.script_id]
        counts[0] += row.copies
        counts[1] += row.pastes
        counts[2] += row.overrides
        days[row.script_id].add(row.day)
    last = max((r.day for r in rows), default=since)
    copies, pastes, overrides = (sum(c[i] for c in totals.values()) for i in range(3))
    who = f", {len(agents)} agents" if agents else ""
    print(
        f"{since.isoformat()} … {last.isoformat()}{who}: {len(totals)} scripts used; "
        f"{copies} copies, {pastes} pastes, {overrides} compliance overrides"
    )
    if not totals:
        return
    width = max(len(sid) for sid in totals)
    print(f"{'copies':>6} {'pastes':>6} {'overr.':>6} {'days':>4}  {'script':<{width}}  title")
    ranked = sorted(totals.items(), key=lambda item: (-item[1][0] - item[1][1], -item[1][2], item[0]))
    for sid, (c, p, o) in ranked:
        print(f"{c:>6} {p:>6} {o:>6} {len(days[sid]):>4}  {sid:<{width}}  {titles.get(sid, '')}")


def _print_unused(args: argparse.Namespace, rows: list[DayCount], since: date) -> int:
    library = _library(args)
    used = {r.script_id for r in rows if r.uses}
    unused = [s for s in library.scripts if s.id not in used]
    if args.csv:
        print("script_id,scenario,title")
        for script in unused:
            print(f"{script.id},{script.scenario},{script.title.replace(',', '，')}")
    else:
        width = max((len(s.id) for s in unused), default=0)
        for script in unused:
            print(f"{script.id:<{width}}  {library.scenario_name(script.scenario)}  {script.title}")
    print(f"{len(unused)} of {len(library.scripts)} scripts were never used since {since.isoformat()}", file=sys.stderr)
    return 0
