"""``validate``: check library files exactly the way agents' apps will, one label per finding.

Team leads run this before publishing, often in a script, so every line must say
what the app will do with the finding, and the exit code must match:

* ``error:``   agents' apps refuse the library (a loader error, a blocking compliance
  finding, no scripts at all); exit 1.
* ``warning:`` the app accepts the library; the lead should look (exit 1 only with --strict).

A team update refuses a library with a blocking compliance finding, so in team
files those are errors too (they used to print as warnings yet fail the push).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from cs_companion.core.problems import Problem

LEGEND = (
    "Each finding is file:line:col: LABEL: message. error: agents' apps refuse the library (exit 1). "
    "warning: the app accepts it; look at it (exit 1 only with --strict)."
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("validate", help="check library files; exit 1 if agents' apps would refuse them", epilog=LEGEND)
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--strict", action="store_true", help="also exit 1 on warnings")
    p.set_defaults(handler=cmd_validate)


def plural(count: int, word: str) -> str:
    """ "1 error", "2 errors", "0 warnings"."""
    return f"{count} {word}{'' if count == 1 else 's'}"


@dataclass
class Report:
    """The findings for one path and the verdict agents' apps would reach."""

    path: Path
    findings: list[Problem] = field(default_factory=list)
    scripts: int = 0

    @property
    def errors(self) -> int:
        return sum(p.is_error for p in self.findings)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors

    def summary(self, strict: bool) -> str:
        counts = plural(self.errors, "error") + (f", {plural(self.warnings, 'warning')}" if self.warnings else "")
        if self.errors:
            return f"{self.path}: invalid, agents' apps refuse this library ({counts})"
        scripts = plural(self.scripts, "script")
        if self.warnings and strict:
            return f"{self.path}: {scripts}, {plural(self.warnings, 'warning')}: fails --strict"
        return f"{self.path}: ok, {scripts}" + (f", {plural(self.warnings, 'warning')}" if self.warnings else "")

    def fails(self, strict: bool) -> bool:
        return bool(self.errors or (strict and self.warnings))


def check_path(path: Path) -> Report:
    """Load ``path`` as the app would (built-in layer if it is the built-in folder, else team) and run compliance."""
    from cs_companion.core.compliance import check_library
    from cs_companion.core.loader import load_path
    from cs_companion.core.models import Layer
    from cs_companion.core.problems import Severity
    from cs_companion.storage.resources import builtin_library_dir

    builtin_dir = builtin_library_dir().resolve()
    resolved = path.resolve()
    is_builtin = resolved == builtin_dir or builtin_dir in resolved.parents
    builtin = None if is_builtin else load_path(builtin_dir, Layer.BUILTIN).library
    known = [s.id for s in builtin.scenarios] if builtin else []
    platforms = {p.id: p.values for p in builtin.platforms} if builtin else {}
    result = load_path(path, Layer.BUILTIN if is_builtin else Layer.TEAM, known, platforms)
    report = Report(path, list(result.problems))
    library = result.library
    if library is None:
        return report
    extra = builtin.forbidden_phrases if builtin else ()
    allow = builtin.compliance_allow if builtin else ()
    # Blocking findings are errors in every layer: a team update refuses them like the built-in check does.
    report.findings += check_library(library, extra, Severity.ERROR, allow)
    report.scripts = len(library.scripts)
    if not library.scripts:
        where = result.files[0] if result.files else str(path)
        report.findings.append(Problem(where, 1, 1, "the library has no scripts; agents' apps refuse an empty library"))
    return report


def cmd_validate(args: argparse.Namespace) -> int:
    """Print every finding (sorted by position) and one summary per path; exit 1 if any path fails."""
    failed = False
    for path in args.paths:
        report = check_path(path)
        for problem in sorted(report.findings, key=lambda p: (p.file, p.line, p.col)):
            print(problem.format(problem.severity.value))
        print(report.summary(args.strict), file=sys.stderr)
        failed |= report.fails(args.strict)
    return 1 if failed else 0
