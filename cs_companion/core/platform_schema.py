"""Reads the platform parts of a library file: the ``platforms:`` list and a script's ``platforms``/``variants``.

Which platform ids exist is known only once every file (and the lower layers)
are read, so this module records each id a script names with its location and
``loader`` checks them all at once (see ``check_platform_refs``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from cs_companion.core.body_checks import PlatformValueUse, check_text
from cs_companion.core.models import Field, Platform
from cs_companion.core.problems import Location, Problem, Severity
from cs_companion.core.schema_checker import Checker
from cs_companion.core.yamlsafe import YamlList, YamlMap

BUILTIN_PLATFORMS: Mapping[str, str] = MappingProxyType(
    {"taobao": "淘宝/天猫", "jd": "京东", "pdd": "拼多多", "douyin": "抖音"}
)
"""The platforms every library knows; their values live in the built-in library's ``00_library.yaml``."""
PLATFORM_ID = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
VALUE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,99}$")
MAX_PLATFORMS = 50
MAX_VALUES = 50
MAX_VALUE_CHARS = 200
PLATFORM_KEYS = {"id", "name", "values"}
NAME_VALUE = "name"
"""``{{platform.name}}`` is the platform's own name; it needs no entry under ``values``."""


@dataclass
class PlatformRefs:
    """Platform ids and values a file's scripts name, with where they are written (checked in ``loader``)."""

    ids: list[tuple[str, Location]] = field(default_factory=list)
    values: list[tuple[str, tuple[str, ...], PlatformValueUse]] = field(default_factory=list)
    """(script id, the script's platform filter, the use of a ``{{platform.NAME}}``)."""


def did_you_mean(name: str, known: Collection[str]) -> str:
    """`` (did you mean 'jd'?)`` for a near miss, else the list of known names."""
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.5)
    if close:
        return f" (did you mean '{close[0]}'?)"
    return f" (known: {', '.join(sorted(known))})" if known else ""


def read_platform_list(top: YamlMap, check: Checker) -> list[tuple[Platform, Location]]:
    """The top-level ``platforms:`` list: new platforms, or values added to a known one."""
    value = top.get("platforms")
    if value is None:
        return []
    if not isinstance(value, YamlList):
        check.error(top.loc("platforms"), "'platforms' must be a list of {id, name, values}")
        return []
    if len(value) > MAX_PLATFORMS:
        check.error(top.loc("platforms"), f"'platforms' has {len(value)} items; the limit is {MAX_PLATFORMS}")
        return []
    found = []
    for item, loc in zip(value, value.item_locations, strict=True):
        data = check.mapping(item, loc, "a platform")
        if data is None:
            continue
        check.unknown_keys(data, PLATFORM_KEYS, "a platform")
        pid = check.text(data, "id", "a platform", required=True, limit=100)
        if pid and not PLATFORM_ID.match(pid):
            check.error(data.loc("id"), f"platform id '{pid[:40]}' must be lower-case letters, digits, _ or - (max 40)")
            continue
        where = f"platform '{pid}'"
        # A built-in platform may be listed just to add or change values (like a scenario's aliases).
        name = check.text(data, "name", where, required=pid not in BUILTIN_PLATFORMS, limit=100)
        values = _read_values(data, check, where)
        if pid:
            found.append((Platform(pid, name.strip() or BUILTIN_PLATFORMS.get(pid, pid), values), loc))
    return found


def _read_values(data: YamlMap, check: Checker, where: str) -> Mapping[str, str]:
    if data.get("values") is None:
        return MappingProxyType({})
    values = check.mapping(data["values"], data.loc("values"), f"'values' of {where}")
    if values is None:
        return MappingProxyType({})
    if len(values) > MAX_VALUES:
        check.error(data.loc("values"), f"'values' of {where} has {len(values)} keys; the limit is {MAX_VALUES}")
        return MappingProxyType({})
    result = {}
    for key in values:
        if not VALUE_NAME.match(str(key)):
            check.error(values.loc(key), f"value name '{str(key)[:40]}' of {where} may only use letters, digits and _")
            continue
        text = check.text(values, key, f"'values' of {where}", required=True, limit=MAX_VALUE_CHARS)
        if text.strip():
            result[str(key)] = text.strip()
    return MappingProxyType(result)


def read_script_platforms(data: YamlMap, check: Checker, where: str, refs: PlatformRefs) -> tuple[str, ...]:
    """A script's ``platforms: [jd, pdd]`` filter (a single id is accepted too)."""
    value = data.get("platforms")
    if value is None:
        return ()
    if isinstance(value, str):
        items: list[tuple[Any, Location]] = [(value, data.loc("platforms"))]
    elif isinstance(value, YamlList):
        items = list(zip(value, value.item_locations, strict=True))
    else:
        check.error(data.loc("platforms"), f"'platforms' of {where} must be a list of platform ids like [jd, pdd]")
        return ()
    ids: list[str] = []
    for item, loc in items[:MAX_PLATFORMS]:
        if not isinstance(item, str) or not item.strip():
            check.error(loc, f"items of 'platforms' of {where} must be platform ids like jd")
            continue
        pid = item.strip()
        if pid not in ids:
            ids.append(pid)
            refs.ids.append((pid, loc))
    if not items:
        check.error(data.loc("platforms"), f"'platforms' of {where} is empty; leave it out to mean every platform")
    return tuple(ids)


def read_variants(
    data: YamlMap,
    check: Checker,
    where: str,
    fields: Sequence[Field],
    max_chars: int,
) -> tuple[dict[str, str], set[str], list[PlatformValueUse], list[tuple[str, Location]]]:
    """``variants: {jd: "…", taobao: "…"}``: each platform's own body, checked like the body.

    Returns the variants, the field names they use, their platform values and
    the platform ids they name (with locations, for ``loader``).
    """
    if data.get("variants") is None:
        return {}, set(), [], []
    section = check.mapping(data["variants"], data.loc("variants"), f"'variants' of {where}")
    if section is None:
        return {}, set(), [], []
    variants: dict[str, str] = {}
    used: set[str] = set()
    uses: list[PlatformValueUse] = []
    ids: list[tuple[str, Location]] = []
    for key in list(section)[:MAX_PLATFORMS]:
        pid = str(key)
        text = check.text(section, key, f"'variants' of {where}", required=True, limit=max_chars)
        if not text.strip() or len(text) > max_chars:
            continue
        ids.append((pid, section.loc(key)))
        names, values = check_text(section, key, text, fields, check.problems, where, variant=pid)
        used |= names
        uses += values
        variants[pid] = text.rstrip("\n")
    return variants, used, uses, ids


def check_platform_refs(
    refs: Sequence[tuple[str, Location]],
    known: Collection[str],
    severity: Severity,
) -> list[Problem]:
    """Every platform id a script names must be a known platform (typos get a did-you-mean)."""
    return [
        loc.problem(f"unknown platform '{pid}'{did_you_mean(pid, known)}", severity)
        for pid, loc in refs
        if pid not in known
    ]


def check_platform_values(
    uses: Sequence[tuple[str, tuple[str, ...], PlatformValueUse]],
    platforms: Mapping[str, Mapping[str, str]],
    variants_of: Mapping[str, Collection[str]],
) -> list[Problem]:
    """Each ``{{platform.NAME}}`` must have a value on every platform whose text uses it.

    ``platforms`` maps the platforms known here to their values; a use in the
    body counts for every platform the script is listed on that has no variant
    of its own (``variants_of``: script id -> its variant platform ids).
    """
    problems = []
    every_name = {name for values in platforms.values() for name in values}
    for script_id, listed, use in uses:
        if use.name == NAME_VALUE:
            continue  # every platform has its name
        if every_name and use.name not in every_name:
            hint = did_you_mean(use.name, every_name)
            problems.append(use.location.problem(f"no platform has a value '{use.name}'{hint}"))
            continue
        if use.platform is not None:
            targets = [use.platform]
        else:
            own = variants_of.get(script_id, ())
            targets = [p for p in (listed or platforms) if p not in own]
        lacking = [p for p in targets if p in platforms and use.name not in platforms[p]]
        if lacking:
            problems.append(
                use.location.problem(
                    f"'{{{{platform.{use.name}}}}}' in script '{script_id}' has no value on platform "
                    f"{', '.join(repr(p) for p in lacking)}; add it under that platform's 'values'"
                )
            )
    return problems
