"""Library commands: search, render, validate and list.

Heavy modules (YAML, the search index, pinyin) are imported inside the
handlers, so building the parser to start the window stays cheap.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from cs_companion.cli import validate_command
from cs_companion.cli.errors import CliError

if TYPE_CHECKING:
    from cs_companion.core.models import Library, Platform, Script
    from cs_companion.storage.stack import LoadedLibrary


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add search, render, validate and list to the main parser."""
    p = sub.add_parser("search", help="ranked search for scripts")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--json", action="store_true")
    p.add_argument("--platform", metavar="NAME", help="only scripts for this platform (jd, 京东, …)")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("render", help="print a script filled with values")
    p.add_argument("id")
    p.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", dest="values")
    p.add_argument("--copy", action="store_true", help="also put the text on the clipboard")
    p.add_argument("--platform", metavar="NAME", help="platform variant and values (default: the app's setting)")
    p.set_defaults(handler=cmd_render)

    validate_command.register(sub)

    p = sub.add_parser("list", help="list every script, or with --scenarios the category and scenario catalogue")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--scenarios", action="store_true", help="list the categories and scenarios (ids, names, aliases) instead"
    )
    p.add_argument("--platform", metavar="NAME", help="only scripts for this platform (jd, 京东, …)")
    p.set_defaults(handler=cmd_list)


def load_effective_library(args: argparse.Namespace) -> LoadedLibrary:
    """The agent's layered library, with ``--library`` as the team layer when given."""
    from cs_companion.storage.agent_library import load_agent_library
    from cs_companion.storage.paths import AppPaths

    if args.library is not None and not args.library.exists():
        raise CliError(f"library {args.library}: no such file or folder")
    loaded = load_agent_library(AppPaths.default(), args.library)
    if not loaded.builtin_ok:
        first = next((p for p in loaded.problems if p.is_error), "missing")
        raise CliError(f"the built-in library is broken: {first}")
    if args.library is not None:
        from cs_companion.core.models import Layer

        errors = [p for p in loaded.problems if p.is_error]
        if Layer.TEAM not in loaded.layer_info:
            first = errors[0] if errors else "cannot load library"
            raise CliError(f"library {args.library} is invalid: {first}")
    return loaded


def platform_arg(library: Library, name: str | None) -> Platform | None:
    """The platform ``--platform`` names (id, name or part of it); a one-line error lists the choices."""
    from cs_companion.core.platforms import describe_platforms, find_platform

    if name is None:
        return None
    found = find_platform(library, name)
    if found is None:
        raise CliError(f"unknown platform {name!r}; known: {describe_platforms(library)}", 2)
    return found


def setting_platform(library: Library) -> Platform | None:
    """The platform in the agent's settings (or IT's preset), as the window would use it."""
    from cs_companion.core.platforms import current_platform
    from cs_companion.storage.paths import AppPaths, system_config_file
    from cs_companion.storage.settings import SettingsStore, load_system_config

    store = SettingsStore(AppPaths.default().settings_file, load_system_config(system_config_file()))
    return current_platform(library, store.load().platform)


def cmd_search(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise CliError("--limit must be at least 1", 2)
    loaded = load_effective_library(args)
    platform = platform_arg(loaded.library, args.platform)
    hits = loaded.index.search(args.query, limit=args.limit, platform=platform.id if platform else None)
    if args.json:
        print(json.dumps([h.as_dict() for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("no matching scripts", file=sys.stderr)
        return 0
    width = max(len(h.id) for h in hits)
    for hit in hits:
        print(f"{hit.score:5.1f}  {hit.id:<{width}}  {hit.title}")
    return 0


def _parse_values(pairs: list[str]) -> dict[str, str]:
    values = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise CliError(f"--set expects NAME=VALUE, got {pair!r}", 2)
        values[name.strip()] = value
    return values


def _find_script(loaded: LoadedLibrary, script_id: str) -> Script:
    script = loaded.library.script(script_id)
    if script is None:
        hint = loaded.index.search(script_id, limit=1)
        suggestion = f"; did you mean {hint[0].id}?" if hint else ""
        raise CliError(f"no script with id {script_id!r}{suggestion}")
    return script


def cmd_render(args: argparse.Namespace) -> int:
    from cs_companion.core.template import render

    loaded = load_effective_library(args)
    platform = platform_arg(loaded.library, args.platform) or setting_platform(loaded.library)
    script = _find_script(loaded, args.id)
    if platform is not None and not script.applies_to(platform.id):
        listed = ", ".join(script.platforms)
        raise CliError(f"script {script.id} is not for platform {platform.id} (it is for {listed})")
    values = _parse_values(args.values)
    unknown = sorted(set(values) - {f.name for f in script.fields})
    if unknown:
        known = ", ".join(f.name for f in script.fields) or "none"
        raise CliError(f"script {script.id} has no field {', '.join(unknown)} (its fields: {known})", 2)
    result = render(script, values, platform)
    if result.invalid:
        name, message = next(iter(result.invalid.items()))
        raise CliError(f"invalid value for {name}: {message}")
    lacking = [n for n in result.missing if n.startswith("platform.")]
    if lacking and platform is not None:
        raise CliError(f"platform {platform.id} has no value for {', '.join(lacking)}; add it to the library")
    if result.missing:
        labels = ", ".join(f"{n} ({f.label})" if (f := script.field(n)) else n for n in result.missing)
        raise CliError(f"missing value for {labels}; pass --set NAME=VALUE")
    print(result.text)
    if args.copy:
        from cs_companion.cli.clipboard import ClipboardError, copy_text

        try:
            copy_text(result.text)
        except ClipboardError as exc:
            raise CliError(f"text printed but not copied: {exc}") from None
        print("已复制到剪贴板", file=sys.stderr)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    library = load_effective_library(args).library
    if args.scenarios:
        return print_catalogue(library, args.json)
    platform = platform_arg(library, args.platform)
    scripts = [s for s in library.scripts if s.applies_to(platform.id if platform else None)]
    if args.json:
        print(json.dumps([script_as_dict(s, library) for s in scripts], ensure_ascii=False, indent=2))
        return 0
    for script in scripts:
        print(f"{script.id}\t{library.category_name(script.category)}\t{script.title}")
    return 0


def script_as_dict(script: Script, library: Library) -> dict[str, object]:
    """The public JSON shape of a script (``list --json``)."""
    return {
        "id": script.id,
        "scenario": script.scenario,
        "scenario_name": library.scenario_name(script.scenario),
        "category": script.category,
        "title": script.title,
        "fields": [
            {
                "name": f.name,
                "label": f.label,
                "type": f.type.value,
                "required": f.required,
                "default": f.default,
                **({"options": list(f.options)} if f.options else {}),
            }
            for f in script.fields
        ],
        "body": script.body,
        "keywords": list(script.keywords),
        "examples": list(script.examples),
        "notes": script.notes,
        "meta": dict(script.meta),
        "layer": script.layer.value,
        "platforms": list(script.platforms),
        "variants": dict(script.variants),
    }


def print_catalogue(library: Library, as_json: bool) -> int:
    """``list --scenarios``: each category, then its scenarios indented (id, name, aliases), tab-separated."""
    from cs_companion.core.catalogue import catalogue

    groups = catalogue(library)
    if as_json:
        print(json.dumps([g.as_dict() for g in groups], ensure_ascii=False, indent=2))
        return 0
    for group in groups:
        print(f"{group.id}\t{group.name}")
        for scenario in group.scenarios:
            print(f"  {scenario.id}\t{scenario.name}\t{'、'.join(scenario.aliases)}")
    return 0
