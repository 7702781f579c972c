"""The one exception every command raises for a user-facing failure."""

from __future__ import annotations


class CliError(Exception):
    """A user-facing failure: printed as one line, exit code attached (1 found a problem, 2 usage)."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code
