"""Problems found in library files, each pinned to a file, line and column.

Team leads fix YAML by jumping to ``file:line:col``; every check in the core
reports through this one type so the CLI, the update banner and the tests all
print problems the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

# Messages quote library text (keys, ids); a line break in it must not split one problem over two lines.
_ESCAPE_LINE_BREAKS = str.maketrans({ch: repr(ch)[1:-1] for ch in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})


class Severity(str, Enum):
    """How bad a problem is: errors block a library, warnings only inform."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding: where it is (1-based line/col) and what is wrong in plain words."""

    file: str
    line: int
    col: int
    message: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        return self.format("" if self.is_error else "warning")

    def format(self, label: str) -> str:
        """``file:line:col: label: message`` on one line (no label when ``label`` is empty)."""
        prefix = f"{label}: " if label else ""
        message = self.message.translate(_ESCAPE_LINE_BREAKS)
        return f"{self.file}:{self.line}:{self.col}: {prefix}{message}"


@dataclass(frozen=True, slots=True)
class Location:
    """Where a value was written: used to point problems at the right line."""

    file: str
    line: int = 1
    col: int = 1

    def problem(self, message: str, severity: Severity = Severity.ERROR) -> Problem:
        return Problem(self.file, self.line, self.col, message, severity)


def has_errors(problems: list[Problem]) -> bool:
    """True when any problem is an error (warnings never block a library)."""
    return any(p.is_error for p in problems)


class LibraryError(Exception):
    """Raised when a library cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = next((p for p in problems if p.is_error), problems[0] if problems else None)
        super().__init__(str(first) if first else "invalid library")
