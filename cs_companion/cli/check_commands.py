"""``check``: run the compliance rules on a reply, for team leads' CI and quick checks.

    cs-companion check "亲，加我微信吧"          # one text
    echo "好评返现" | cs-companion check -     # stdin (also when TEXT is omitted)

The checker is the one the window uses: the built-in rules plus the forbidden
phrases and allow-list of the agent's libraries (``--library`` as the team
layer). Each finding prints as ``where:line:col: [warning: ]message [rule]``;
the exit code is 1 when any finding is blocking, 0 when the text is clean or
has only warnings, so a script can gate on it.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from cs_companion.cli.errors import CliError

if TYPE_CHECKING:
    from cs_companion.core.compliance import Finding

MAX_INPUT_CHARS = 1_000_000


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the check command on the main parser."""
    p = sub.add_parser("check", help="check a reply against the compliance rules (exit 1 on a blocking finding)")
    p.add_argument(
        "text", nargs="?", default="-", metavar="TEXT", help="the reply to check; '-' or nothing reads stdin"
    )
    p.add_argument("--json", action="store_true", help="print the findings as JSON")
    p.set_defaults(handler=cmd_check)


def _read_text(arg: str) -> tuple[str, str]:
    """The text to check and the name it is reported under."""
    if arg != "-":
        return arg, "text"
    data = sys.stdin.buffer.read(MAX_INPUT_CHARS * 4 + 1)
    if len(data) > MAX_INPUT_CHARS * 4:
        raise CliError(f"stdin is too long to check (more than {MAX_INPUT_CHARS} characters)")
    try:
        return data.decode("utf-8-sig"), "<stdin>"
    except UnicodeDecodeError as exc:
        raise CliError(f"stdin is not UTF-8 text (byte {exc.start})") from None


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def format_finding(where: str, text: str, finding: Finding) -> str:
    """One line like a library problem: ``where:line:col: [warning: ]description：「words」 [rule]``."""
    line, col = _line_col(text, finding.start)
    prefix = "" if finding.blocking else "warning: "
    return f"{where}:{line}:{col}: {prefix}{finding} [{finding.rule}]"


def cmd_check(args: argparse.Namespace) -> int:
    from cs_companion.cli.library_commands import load_effective_library
    from cs_companion.core.compliance import ComplianceChecker

    text, where = _read_text(args.text)
    library = load_effective_library(args).library
    findings = ComplianceChecker.for_library(library).check(text)
    blocking = sum(f.blocking for f in findings)
    if args.json:
        rows = [
            {
                "rule": f.rule,
                "family": f.family,
                "blocking": f.blocking,
                "words": f.words,
                "start": f.start,
                "end": f.end,
                "line": _line_col(text, f.start)[0],
                "column": _line_col(text, f.start)[1],
                "message": f.description,
            }
            for f in findings
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            print(format_finding(where, text, finding))
    if not findings:
        print("clean: no compliance findings", file=sys.stderr)
    else:
        print(f"{len(findings)} findings, {blocking} blocking", file=sys.stderr)
    return 1 if blocking else 0
