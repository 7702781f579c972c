"""Parses the command line and dispatches to one handler; owns every exit path.

Every failure is one line on stderr and a non-zero exit code, never a
traceback: team leads run ``validate`` in scripts, IT runs ``--self-test``.
Exit codes: 0 ok, 1 the command found a problem (invalid library, missing
value, failed update), 2 usage errors and unexpected failures.

One dispatch mechanism: every command module registers its parsers with
``set_defaults(handler=...)``. Command modules import their heavy
dependencies inside the handlers, so starting the window (no command) loads
nothing but argparse before Qt.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from cs_companion import APP_NAME, __version__
from cs_companion.cli import (
    check_commands,
    extract_commands,
    interchange_commands,
    library_commands,
    stats_commands,
    update_commands,
)
from cs_companion.cli.errors import CliError

HOME_ENV = "CS_COMPANION_HOME"  # same value as storage.paths.HOME_ENV; not imported to keep start-up light
DISPLAY_PLATFORMS = ("xcb", "wayland")
"""Qt platform plugins (``wayland`` and its variants by prefix) that need a display server to start."""

LIBRARY_HELP = (
    "use this library file or folder as the team library (in place of the one fetched from the team source), "
    "on top of the built-in library and under your own scripts"
)

COMMAND_MODULES: tuple[Callable[[argparse._SubParsersAction], None], ...] = (  # type: ignore[type-arg]
    library_commands.register,
    update_commands.register,
    extract_commands.register,
    check_commands.register,
    interchange_commands.register,
    stats_commands.register,
)


def _profile_dir(value: str) -> Path:
    """``--profile`` value: a folder name. ``Path("")`` would be ``.``, silently using the current folder."""
    if not value.strip():
        raise argparse.ArgumentTypeError("needs a folder name, got an empty value")
    return Path(value)


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so main() owns every exit path."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(f"{message} (see '{APP_NAME} --help')", 2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=APP_NAME, description="客服快捷回复助手 — quick replies for e-commerce customer service.")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--library", type=Path, metavar="PATH", help=LIBRARY_HELP)
    parser.add_argument(
        "--profile", type=_profile_dir, metavar="DIR", help=f"keep settings and data in DIR (same as ${HOME_ENV})"
    )
    parser.add_argument("--self-test", action="store_true", help="check the installation end to end and exit")
    # The same two options are accepted after the command too (``search q --library X``).
    common = _Parser(add_help=False)
    common.add_argument("--library", type=Path, metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    common.add_argument(
        "--profile", type=_profile_dir, metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    _add_parser = sub.add_parser

    def add_parser(name: str, **kwargs: object) -> argparse.ArgumentParser:
        return _add_parser(name, parents=[common], **kwargs)  # type: ignore[arg-type]

    sub.add_parser = add_parser  # type: ignore[method-assign,assignment]
    for register in COMMAND_MODULES:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(args_list)
        if args.profile is not None:
            os.environ[HOME_ENV] = str(args.profile)
        if args.self_test:
            from cs_companion.selftest import run_self_test

            return run_self_test()
        if args.command is None:
            return _start_window(args)
        handler: Callable[[argparse.Namespace], int] = args.handler
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


def missing_display(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """True on Linux/BSD when the window cannot open: no X11 or Wayland display, and no display-free Qt platform.

    ``QT_QPA_PLATFORM`` may list fallbacks (``xcb;offscreen``) and options
    (``offscreen:fontengine=freetype``); any display-free entry is enough.
    """
    if platform.startswith(("win", "darwin")) or environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return False
    chosen = [entry.split(":")[0].strip() for entry in (environ.get("QT_QPA_PLATFORM") or "").split(";")]
    chosen = [name for name in chosen if name]
    return not chosen or all(name.startswith(DISPLAY_PLATFORMS) for name in chosen)


def _start_window(args: argparse.Namespace) -> int:
    # Checked before Qt is imported: Qt itself aborts (exit 134) with lines about
    # missing xcb libraries that send IT looking in the wrong place.
    if missing_display(os.environ):
        raise CliError(
            "no display: the window needs a desktop session (DISPLAY and WAYLAND_DISPLAY are not set). "
            f"Start it from the desktop, or use the command-line commands (see '{APP_NAME} --help')"
        )
    try:
        from cs_companion.ui.app import run_app
    except ImportError as exc:
        raise CliError(
            f"the window cannot start: {exc}. Command-line use still works: see '{APP_NAME} --help'"
        ) from None
    return run_app(team_library=args.library)
