"""Command line: ``cs-companion`` with no command starts the window; commands search, render, validate...

``main`` lives in ``cli.dispatch``; each group of commands is a module with a
``register(subparsers)`` function that sets a ``handler`` on its parsers.
"""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cs-companion`` script (kept import-light: see ``cli.dispatch``)."""
    from cs_companion.cli.dispatch import main as run

    return run(argv)
