"""Command-line team updates: ``update``, ``diff`` and ``token``.

``update`` does once what the window does on its timer, so IT can script it
and support can reproduce a failing feed; ``diff`` lets a team lead see what
a push would change for agents (and whether it would be refused) before
publishing; ``token`` manages the feed's access token, which only ever lives
in the system keyring and is read from a hidden prompt or stdin, never from
an argument (arguments end up in shell history and process lists).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING

from cs_companion import APP_NAME
from cs_companion.cli.errors import CliError

if TYPE_CHECKING:
    from cs_companion.core.models import Library
    from cs_companion.sync.folder import LibraryFile


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the update, diff and token commands on the main parser."""
    p = sub.add_parser("update", help="fetch the team library once; install it only if it is valid")
    p.add_argument(
        "--source", metavar="SRC", help="https:// address, file or folder (default: the team source setting)"
    )
    p.set_defaults(handler=cmd_update)

    p = sub.add_parser("diff", help="what publishing NEW in place of OLD would change for agents")
    p.add_argument("old", metavar="OLD", help="the library agents have now (https:// address, file or folder)")
    p.add_argument("new", metavar="NEW", help="the library you are about to publish (address, file or folder)")
    p.set_defaults(handler=cmd_diff)

    p = sub.add_parser("token", help="the team feed access token, kept in the system keyring")
    tokens = p.add_subparsers(dest="token_command", metavar="{set,clear,status}")
    tokens.required = True
    t = tokens.add_parser("set", help="store a token (asked for, or read from stdin when piped)")
    t.set_defaults(handler=cmd_token_set)
    t = tokens.add_parser("clear", help="remove the stored token")
    t.set_defaults(handler=cmd_token_clear)
    t = tokens.add_parser("status", help="say whether a token is stored (never prints it)")
    t.set_defaults(handler=cmd_token_status)


def _builtin_library() -> Library:
    from cs_companion.core.loader import load_path
    from cs_companion.core.models import Layer
    from cs_companion.storage.resources import builtin_library_dir

    result = load_path(builtin_library_dir(), Layer.BUILTIN)
    if result.library is None:
        first = result.errors[0] if result.errors else "cannot be loaded"
        raise CliError(f"the built-in library is broken: {first}", 2)
    return result.library


def cmd_update(args: argparse.Namespace) -> int:
    from cs_companion.storage.agent_library import load_agent_library
    from cs_companion.storage.paths import AppPaths, system_config_file
    from cs_companion.storage.settings import SettingsStore, load_system_config
    from cs_companion.sync.updates import UpdateService

    paths = AppPaths.default()
    store = SettingsStore(paths.settings_file, load_system_config(system_config_file()))
    configured = store.load().team_source
    if args.source is not None and store.team_source_locked and args.source.strip() != configured.strip():
        raise CliError("the team source is set by your administrator; --source cannot change it")
    source = configured if args.source is None else args.source
    if not source.strip():
        raise CliError("no team source is set; pass --source with an https:// address or a folder")
    result = UpdateService(paths, _builtin_library()).check(source)
    if not result.ok:
        raise CliError(f"update failed, nothing was replaced: {result.reason}")
    print(result.message())
    for line in result.changes.lines():
        print(f"  {line}")
    if result.updated:
        # Build the start-up snapshot now, so the next window start stays fast.
        load_agent_library(paths)
    warnings = [p for p in result.problems if not p.is_error]
    if result.updated and warnings:
        print(f"{len(warnings)} warnings; run '{APP_NAME} validate' on the source to see them", file=sys.stderr)
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    from cs_companion.core.diff import diff_libraries
    from cs_companion.core.loader import load_sources
    from cs_companion.core.models import Layer
    from cs_companion.sync.updates import validate_team_files

    builtin = _builtin_library()
    known = [s.id for s in builtin.scenarios]
    old_name, old_files = _read_diff_source("OLD", args.old)
    old = load_sources([(f.shown, f.data) for f in old_files], Layer.TEAM, known)
    if old.library is None:
        first = old.errors[0] if old.errors else "cannot be loaded"
        raise CliError(f"OLD library {old_name} cannot be loaded: {first}")
    new_name, files = _read_diff_source("NEW", args.new)
    validation = validate_team_files(files, builtin)
    if validation.library is None:
        for problem in validation.problems:
            print(problem)
        errors = sum(1 for p in validation.problems if p.is_error) or 1
        raise CliError(f"{new_name} would be refused by agents' apps ({errors} error{'s' if errors > 1 else ''})")
    for problem in validation.problems:  # warnings only at this point
        print(problem, file=sys.stderr)
    changes = diff_libraries(old.library, validation.library)
    for line in changes.lines(details=True):
        print(line)
    print(changes.summary())
    return 0


def _read_diff_source(which: str, text: str) -> tuple[str, list[LibraryFile]]:
    """Read OLD or NEW the way ``update`` reads a source (URLs fetched with the stored token)."""
    from cs_companion.storage.secrets import get_token
    from cs_companion.sync.feed import FetchError, SourceError
    from cs_companion.sync.folder import FolderError
    from cs_companion.sync.sources import read_source

    try:
        return read_source(text, token_provider=get_token)
    except (SourceError, FetchError, FolderError) as exc:
        raise CliError(f"{which} library cannot be loaded: {exc}") from None


def _read_token() -> str:
    stdin = sys.stdin
    try:
        if stdin is not None and stdin.isatty():
            return getpass.getpass("Access token (input hidden): ")
        return stdin.readline() if stdin is not None else ""
    except (EOFError, OSError):
        return ""


def cmd_token_set(args: argparse.Namespace) -> int:
    from cs_companion.storage.secrets import SecretStoreError, set_token

    try:
        set_token(_read_token())
    except SecretStoreError as exc:
        raise CliError(str(exc)) from None
    print("access token stored in the system keyring")
    return 0


def cmd_token_clear(args: argparse.Namespace) -> int:
    from cs_companion.storage.secrets import SecretStoreError, clear_token

    try:
        removed = clear_token()
    except SecretStoreError as exc:
        raise CliError(str(exc)) from None
    print("access token removed" if removed else "no access token was stored")
    return 0


def cmd_token_status(args: argparse.Namespace) -> int:
    from cs_companion.storage.secrets import token_status

    status = token_status()
    print(status.describe())
    return 0 if status.available else 1
