"""Turns one parsed library file into model objects, checking the schema as it goes.

Every check records a Problem at the exact location and carries on, so a team
lead sees all mistakes of a file in one run instead of fixing them one by one.
Cross-file checks (duplicate ids, unknown scenarios) live in ``loader``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from cs_companion.core import ids
from cs_companion.core import library_limits as limits
from cs_companion.core.body_checks import check_text
from cs_companion.core.compliance_schema import read_compliance
from cs_companion.core.fieldtypes import FieldValueError, normalise_value
from cs_companion.core.models import Category, Field, FieldType, Layer, LibraryInfo, Platform, Scenario, Script
from cs_companion.core.platform_schema import PlatformRefs, read_platform_list, read_script_platforms, read_variants
from cs_companion.core.problems import Location, Problem, Severity
from cs_companion.core.schema_follow_up import read_follow_up
from cs_companion.core.template import FIELD_NAME
from cs_companion.core.yamlsafe import YamlList, YamlMap

SCHEMA_VERSION = 1
ID_PATTERN = ids.ID_PATTERN
SCENARIO_PATTERN = re.compile(r"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$")

TOP_KEYS = {"schema", "library", "categories", "scenarios", "scripts", "forbidden_phrases", "compliance", "platforms"}
SCRIPT_KEYS = {"id", "scenario", "title", "body", "keywords", "examples", "fields", "notes", "meta", "platforms"}
SCRIPT_KEYS |= {"variants", "follow_up"}
FIELD_KEYS = {"name", "label", "type", "required", "default", "options", "hint"}
INFO_KEYS = {"name", "version", "updated", "author"}


@dataclass
class ParsedFile:
    """What one file contributed, before layers and files are combined."""

    filename: str
    info: LibraryInfo | None = None
    info_location: Location | None = None
    categories: list[Category] = field(default_factory=list)
    category_locations: dict[str, Location] = field(default_factory=dict)
    scenarios: list[tuple[Scenario, Location]] = field(default_factory=list)
    scripts: list[tuple[Script, Location]] = field(default_factory=list)
    scenario_refs: dict[str, Location] = field(default_factory=dict)
    """Where each script's ``scenario:`` value was written (script id -> location), for did-you-mean."""
    forbidden_phrases: list[str] = field(default_factory=list)
    compliance_allow: list[str] = field(default_factory=list)
    platforms: list[tuple[Platform, Location]] = field(default_factory=list)
    platform_refs: PlatformRefs = field(default_factory=PlatformRefs)
    problems: list[Problem] = field(default_factory=list)
    exact: bool = True
    """False when the fast parser read it: positions of values are approximate until read carefully."""


class _Checker:
    """Collects problems while reading values of expected types."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems

    def error(self, loc: Location, message: str) -> None:
        self.problems.append(loc.problem(message))

    def warn(self, loc: Location, message: str) -> None:
        self.problems.append(loc.problem(message, Severity.WARNING))

    def text(
        self, data: YamlMap, key: str, where: str, *, required: bool = False, limit: int = limits.MAX_TEXT_CHARS
    ) -> str:
        """A string value; numbers are accepted as their text (e.g. ``version: 2``).

        A value longer than ``limit`` characters is an error (it is still
        returned, so the other checks of the file carry on).
        """
        value = data.get(key)
        if value is None:
            if required:
                self.error(data.location, f"{where} is missing required key '{key}'")
            return ""
        if type(value) is not str:  # plain text (nearly every value) skips the type checks
            if isinstance(value, bool) or not isinstance(value, (str, int, float)):
                self.error(data.loc(key), f"'{key}' in {where} must be text, not {_type_name(value)}")
                return ""
            value = str(value)
        text: str = value
        if required and not text.strip():
            self.error(data.loc(key), f"'{key}' in {where} must not be empty")
        if len(text) > limit:
            self.error(data.loc(key), f"'{key}' in {where} is {len(text):,} characters long; the limit is {limit:,}")
        return text

    def text_list(
        self,
        data: YamlMap,
        key: str,
        where: str,
        *,
        limit: int = limits.MAX_PHRASE_CHARS,
        max_items: int = limits.MAX_LIST_ITEMS,
    ) -> tuple[str, ...]:
        """A list of strings; a single string is accepted as a one-item list.

        At most ``max_items`` items of at most ``limit`` characters each; only
        the first item over the limit is reported (with how many more there
        are), so one bad anchor repeated by aliases gives one line, not thousands.
        """
        value = data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            if len(value) > limit:
                message = f"'{key}' in {where} is {len(value):,} characters long; the limit is {limit:,}"
                self.error(data.loc(key), message)
            return (value,)
        if not isinstance(value, YamlList):
            self.error(data.loc(key), f"'{key}' in {where} must be a list of text, not {_type_name(value)}")
            return ()
        if len(value) > max_items:
            self.error(data.loc(key), f"'{key}' in {where} has {len(value):,} items; the limit is {max_items:,}")
        if set(map(type, value)) <= {str} and max(map(len, value), default=0) <= limit:
            return tuple(filter(None, map(str.strip, value)))  # the usual list: text items within the limit
        items = []
        too_long: list[tuple[Location, int]] = []
        for item, loc in zip(value, value.item_locations, strict=True):
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                self.error(loc, f"items of '{key}' in {where} must be text, not {_type_name(item)}")
                continue
            text = str(item)
            if len(text) > limit:
                too_long.append((loc, len(text)))
            elif text.strip():
                items.append(text.strip())
        if too_long:
            loc, length = too_long[0]
            more = f" (and {len(too_long) - 1:,} more)" if len(too_long) > 1 else ""
            message = f"an item of '{key}' in {where} is {length:,} characters long; the limit is {limit:,}{more}"
            self.error(loc, message)
        return tuple(items)

    def mapping(self, value: Any, loc: Location, where: str) -> YamlMap | None:
        if not isinstance(value, YamlMap):
            self.error(loc, f"{where} must be a mapping (key: value), not {_type_name(value)}")
            return None
        return value

    def unknown_keys(self, data: YamlMap, allowed: set[str], where: str) -> None:
        if data.keys() <= allowed:  # no unknown key: one C-level check
            return
        for key in data:
            if key not in allowed:
                hint = ", ".join(sorted(allowed))
                self.warn(data.loc(key), f"unknown key '{key}' in {where} is ignored (known keys: {hint})")


def shown(text: str) -> str:
    """Library text cut to a readable length for a message."""
    return text if len(text) <= limits.MAX_SHOWN_CHARS else text[: limits.MAX_SHOWN_CHARS] + "…"


def _type_name(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, YamlMap):
        return "a mapping"
    if isinstance(value, YamlList):
        return "a list"
    if isinstance(value, (int, float)):
        return "a number"
    return type(value).__name__


def read_file_data(data: Any, filename: str, layer: Layer) -> ParsedFile:
    """Check and convert one parsed document (``parse_yaml`` output) into a ParsedFile."""
    parsed = ParsedFile(filename)
    check = _Checker(parsed.problems)
    top_loc = Location(filename, 1, 1)
    if data is None:
        check.warn(top_loc, "file is empty")
        return parsed
    top = check.mapping(data, getattr(data, "location", top_loc), "the top level of a library file")
    if top is None:
        return parsed
    check.unknown_keys(top, TOP_KEYS, "the top level")
    _read_schema(top, check)
    if "library" in top:
        info = check.mapping(top["library"], top.loc("library"), "'library'")
        if info is not None:
            check.unknown_keys(info, INFO_KEYS, "'library'")
            parsed.info = LibraryInfo(
                *(check.text(info, k, "'library'") for k in ("name", "version", "updated", "author"))
            )
            parsed.info_location = top.loc("library")
    for item, loc in _items(top, "categories", check):
        cat = check.mapping(item, loc, "a category")
        if cat is not None:
            check.unknown_keys(cat, {"id", "name"}, "a category")
            cid = check.text(cat, "id", "a category", required=True, limit=limits.MAX_PHRASE_CHARS)
            name = check.text(cat, "name", "a category", limit=limits.MAX_PHRASE_CHARS)
            if cid:
                parsed.categories.append(Category(cid, name or cid))
                parsed.category_locations.setdefault(cid, cat.loc("id"))
    for item, loc in _items(top, "scenarios", check):
        scenario = _read_scenario(item, loc, check)
        if scenario is not None:
            parsed.scenarios.append((scenario, loc))
    parsed.platforms = read_platform_list(top, check)
    for item, loc in _items(top, "scripts", check):
        script = _read_script(item, loc, check, layer, parsed.platform_refs)
        if script is not None:
            parsed.scripts.append((script, loc))
            parsed.scenario_refs.setdefault(script.id, item.loc("scenario"))
    parsed.forbidden_phrases = list(
        check.text_list(top, "forbidden_phrases", "the top level", max_items=limits.MAX_FORBIDDEN_PHRASES)
    )
    parsed.forbidden_phrases, parsed.compliance_allow = read_compliance(top, check, parsed.forbidden_phrases)
    return parsed


def _read_schema(top: YamlMap, check: _Checker) -> None:
    if "schema" not in top:
        check.error(top.location, f"missing 'schema: {SCHEMA_VERSION}' at the top of the file")
        return
    version = top["schema"]
    if isinstance(version, bool) or not isinstance(version, int):
        check.error(top.loc("schema"), f"'schema' must be the number {SCHEMA_VERSION}")
    elif version > SCHEMA_VERSION:
        check.error(
            top.loc("schema"),
            f"schema {version} is newer than this app understands ({SCHEMA_VERSION}); update cs-companion",
        )
    elif version < 1:
        check.error(top.loc("schema"), f"'schema' must be {SCHEMA_VERSION}")


def _items(top: YamlMap, key: str, check: _Checker) -> list[tuple[Any, Location]]:
    value = top.get(key)
    if value is None:
        return []
    if not isinstance(value, YamlList):
        check.error(top.loc(key), f"'{key}' must be a list, not {_type_name(value)}")
        return []
    return list(zip(value, value.item_locations, strict=True))


def _read_scenario(item: Any, loc: Location, check: _Checker) -> Scenario | None:
    data = check.mapping(item, loc, "a scenario")
    if data is None:
        return None
    check.unknown_keys(data, {"id", "name", "aliases"}, "a scenario")
    sid = check.text(data, "id", "a scenario", required=True, limit=limits.MAX_PHRASE_CHARS)
    if sid and (len(sid) > limits.MAX_PHRASE_CHARS or not SCENARIO_PATTERN.match(sid)):
        check.error(
            data.loc("id"), f"scenario id '{shown(sid)}' must look like 'category.name' (letters, digits, _ and -)"
        )
        return None
    aliases = check.text_list(data, "aliases", f"scenario '{sid}'")
    # A name may be left out when the entry only adds aliases to a scenario of a lower layer.
    name = check.text(data, "name", f"scenario '{sid}'", required=not aliases, limit=limits.MAX_PHRASE_CHARS)
    return Scenario(sid, name or sid, aliases) if sid else None


def _read_script(item: Any, loc: Location, check: _Checker, layer: Layer, refs: PlatformRefs) -> Script | None:
    data = check.mapping(item, loc, "a script")
    if data is None:
        return None
    sid = check.text(data, "id", "a script", required=True, limit=limits.MAX_PHRASE_CHARS)
    where = f"script '{shown(sid)}'" if sid else "a script"
    check.unknown_keys(data, SCRIPT_KEYS, where)
    ok = bool(sid)
    if sid and not ID_PATTERN.match(sid):
        check.error(
            data.loc("id"), f"script id '{shown(sid)}' may only use letters, digits, '.', '_' and '-' (max 100)"
        )
        ok = False
    scenario = check.text(data, "scenario", where, required=True, limit=limits.MAX_PHRASE_CHARS)
    if scenario and (len(scenario) > limits.MAX_PHRASE_CHARS or not SCENARIO_PATTERN.match(scenario)):
        check.error(data.loc("scenario"), f"scenario '{shown(scenario)}' in {where} must look like 'category.name'")
        ok = False
    title = check.text(data, "title", where, required=True, limit=limits.MAX_TITLE_CHARS)
    body = check.text(data, "body", where, required=True, limit=limits.MAX_BODY_CHARS)
    fields = _read_fields(data, check, where)
    platforms = read_script_platforms(data, check, where, refs)
    variants, used, value_uses, variant_ids = read_variants(data, check, where, fields, limits.MAX_BODY_CHARS)
    if len(body) <= limits.MAX_BODY_CHARS:  # an over-long body is already an error; do not scan megabytes for braces
        body_used, body_uses = check_text(data, "body", body, fields, check.problems, where)
        used |= body_used
        value_uses = body_uses + value_uses
        for fld in fields:
            if fld.name not in used:
                check.warn(data.loc("body"), f"field '{fld.name}' of {where} is never used in the body")
    for pid, vloc in variant_ids:
        refs.ids.append((pid, vloc))
        if platforms and pid not in platforms:
            check.warn(vloc, f"variant '{pid}' of {where} is never used: the script is only for {', '.join(platforms)}")
    refs.values += [(sid, platforms, use) for use in value_uses]
    keywords = check.text_list(data, "keywords", where)
    examples = check.text_list(data, "examples", where, limit=limits.MAX_EXAMPLE_CHARS)
    notes = check.text(data, "notes", where, limit=limits.MAX_NOTES_CHARS)
    meta = _read_meta(data, check, where)
    follow_up = read_follow_up(data, check, where, fields)
    if not (ok and scenario and title.strip() and body.strip()):
        return None
    return Script(
        id=sid,
        scenario=scenario,
        title=title.strip(),
        body=body.rstrip("\n"),
        keywords=keywords,
        examples=examples,
        fields=tuple(fields),
        notes=notes.strip(),
        meta=MappingProxyType(meta),
        layer=layer,
        origin=loc.file,
        line=loc.line,
        platforms=platforms,
        variants=MappingProxyType(variants),
        follow_up=follow_up,
    )


def _read_meta(data: YamlMap, check: _Checker, where: str) -> dict[str, str]:
    if "meta" not in data or data["meta"] is None:
        return {}
    meta = check.mapping(data["meta"], data.loc("meta"), f"'meta' of {where}")
    if meta is None:
        return {}
    if len(meta) > limits.MAX_META_KEYS:
        check.error(data.loc("meta"), f"'meta' of {where} has {len(meta):,} keys; the limit is {limits.MAX_META_KEYS}")
    result = {}
    for key in meta:
        if len(key) > limits.MAX_PHRASE_CHARS:
            check.error(meta.loc(key), f"a key of 'meta' of {where} is {len(key):,} characters; the limit is 100")
            continue
        value = check.text(meta, key, f"'meta' of {where}", limit=limits.MAX_META_CHARS)
        result[str(key)] = value
    return result


def _read_fields(data: YamlMap, check: _Checker, where: str) -> list[Field]:
    fields: list[Field] = []
    seen: set[str] = set()
    items = _items(data, "fields", check)
    if len(items) > limits.MAX_FIELDS:
        check.error(data.loc("fields"), f"{where} has {len(items):,} fields; the limit is {limits.MAX_FIELDS}")
    for item, loc in items:
        spec = check.mapping(item, loc, f"a field of {where}")
        if spec is None:
            continue
        check.unknown_keys(spec, FIELD_KEYS, f"a field of {where}")
        name = check.text(spec, "name", f"a field of {where}", required=True, limit=limits.MAX_PHRASE_CHARS)
        if not name or len(name) > limits.MAX_PHRASE_CHARS:
            continue
        fwhere = f"field '{name}' of {where}"
        if not FIELD_NAME.match(name):
            check.error(spec.loc("name"), f"{fwhere}: names may only use letters, digits and _")
            continue
        if name in seen:
            check.error(spec.loc("name"), f"{where} declares field '{name}' twice")
            continue
        seen.add(name)
        type_text = check.text(spec, "type", fwhere, limit=limits.MAX_PHRASE_CHARS) or FieldType.TEXT.value
        try:
            ftype = FieldType(type_text)
        except ValueError:
            known = ", ".join(t.value for t in FieldType)
            check.error(spec.loc("type"), f"{fwhere} has unknown type '{shown(type_text)}' (known types: {known})")
            ftype = FieldType.TEXT  # keep the field, so its placeholder is not also reported as undeclared
        required = spec.get("required", False)
        if not isinstance(required, bool):
            check.error(spec.loc("required"), f"'required' of {fwhere} must be true or false")
            required = False
        options = check.text_list(spec, "options", fwhere)
        if ftype is FieldType.CHOICE and not options:
            check.error(spec.location, f"{fwhere} is a choice but has no 'options'")
        fld = Field(
            name=name,
            label=check.text(spec, "label", fwhere, limit=limits.MAX_PHRASE_CHARS) or name,
            type=ftype,
            required=required,
            default=check.text(spec, "default", fwhere, limit=limits.MAX_DEFAULT_CHARS),
            options=options,
            hint=check.text(spec, "hint", fwhere),
        )
        if fld.default and len(fld.default) <= limits.MAX_DEFAULT_CHARS:
            try:
                normalise_value(fld, fld.default)
            except FieldValueError as exc:
                check.error(spec.loc("default"), f"default '{shown(fld.default)}' of {fwhere} is not valid: {exc}")
        fields.append(fld)
    return fields
