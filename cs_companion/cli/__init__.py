"""Command line: ``cs-companion`` with no command starts the window; commands search, render, validate...

``main`` lives in ``cli.main``; each group of commands is a module with a
``register(subparsers)`` function that sets a ``handler`` on its parsers.
"""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cs-companion`` script (kept import-light: see ``cli.main``)."""
    from cs_companion.cli.main import main as run

    return run(argv)
