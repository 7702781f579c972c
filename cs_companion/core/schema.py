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

from cs_companion.core.fieldtypes import FieldValueError, normalise_value
from cs_companion.core.models import Category, Field, FieldType, Layer, LibraryInfo, Scenario, Script
from cs_companion.core.problems import Location, Problem, Severity
from cs_companion.core.template import field_names_used, placeholders, unclosed_brace_offset
from cs_companion.core.yamlsafe import YamlList, YamlMap

SCHEMA_VERSION = 1
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")
SCENARIO_PATTERN = re.compile(r"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$")
MAX_BODY_CHARS = 4000

TOP_KEYS = {"schema", "library", "categories", "scenarios", "scripts", "forbidden_phrases", "compliance"}
SCRIPT_KEYS = {"id", "scenario", "title", "body", "keywords", "examples", "fields", "notes", "meta"}
FIELD_KEYS = {"name", "label", "type", "required", "default", "options", "hint"}
INFO_KEYS = {"name", "version", "updated", "author"}


@dataclass
class ParsedFile:
    """What one file contributed, before layers and files are combined."""

    filename: str
    info: LibraryInfo | None = None
    info_location: Location | None = None
    categories: list[Category] = field(default_factory=list)
    scenarios: list[tuple[Scenario, Location]] = field(default_factory=list)
    scripts: list[tuple[Script, Location]] = field(default_factory=list)
    forbidden_phrases: list[str] = field(default_factory=list)
    compliance_allow: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class _Checker:
    """Collects problems while reading values of expected types."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems

    def error(self, loc: Location, message: str) -> None:
        self.problems.append(loc.problem(message))

    def warn(self, loc: Location, message: str) -> None:
        self.problems.append(loc.problem(message, Severity.WARNING))

    def text(self, data: YamlMap, key: str, where: str, *, required: bool = False) -> str:
        """A string value; numbers are accepted as their text (e.g. ``version: 2``)."""
        if key not in data or data[key] is None:
            if required:
                self.error(data.location, f"{where} is missing required key '{key}'")
            return ""
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.error(data.loc(key), f"'{key}' in {where} must be text, not {_type_name(value)}")
            return ""
        text = str(value)
        if required and not text.strip():
            self.error(data.loc(key), f"'{key}' in {where} must not be empty")
        return text

    def text_list(self, data: YamlMap, key: str, where: str) -> tuple[str, ...]:
        """A list of strings; a single string is accepted as a one-item list."""
        value = data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, YamlList):
            self.error(data.loc(key), f"'{key}' in {where} must be a list of text, not {_type_name(value)}")
            return ()
        items = []
        for item, loc in zip(value, value.item_locations, strict=True):
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                self.error(loc, f"items of '{key}' in {where} must be text, not {_type_name(item)}")
            elif str(item).strip():
                items.append(str(item).strip())
        return tuple(items)

    def mapping(self, value: Any, loc: Location, where: str) -> YamlMap | None:
        if not isinstance(value, YamlMap):
            self.error(loc, f"{where} must be a mapping (key: value), not {_type_name(value)}")
            return None
        return value

    def unknown_keys(self, data: YamlMap, allowed: set[str], where: str) -> None:
        for key in data:
            if key not in allowed:
                hint = ", ".join(sorted(allowed))
                self.warn(data.loc(key), f"unknown key '{key}' in {where} is ignored (known keys: {hint})")


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
            cid, name = check.text(cat, "id", "a category", required=True), check.text(cat, "name", "a category")
            if cid:
                parsed.categories.append(Category(cid, name or cid))
    for item, loc in _items(top, "scenarios", check):
        scenario = _read_scenario(item, loc, check)
        if scenario is not None:
            parsed.scenarios.append((scenario, loc))
    for item, loc in _items(top, "scripts", check):
        script = _read_script(item, loc, check, layer)
        if script is not None:
            parsed.scripts.append((script, loc))
    parsed.forbidden_phrases = list(check.text_list(top, "forbidden_phrases", "the top level"))
    _read_compliance(top, check, parsed)
    return parsed


# ----- compliance: {forbidden: [...], allow: [...]} ---------------------------------------------
COMPLIANCE_KEYS = {"forbidden", "allow"}


def _read_compliance(top: YamlMap, check: _Checker, parsed: ParsedFile) -> None:
    """Team phrases and allow-list entries, capped so a hostile list cannot slow every keystroke."""
    from cs_companion.core.compliance import MAX_LIBRARY_PHRASES, MAX_PHRASE_CHARS

    if "compliance" in top and top["compliance"] is not None:
        section = check.mapping(top["compliance"], top.loc("compliance"), "'compliance'")
        if section is not None:
            check.unknown_keys(section, COMPLIANCE_KEYS, "'compliance'")
            parsed.forbidden_phrases += check.text_list(section, "forbidden", "'compliance'")
            parsed.compliance_allow = list(check.text_list(section, "allow", "'compliance'"))
    where = top.loc("compliance") if "compliance" in top else top.loc("forbidden_phrases")
    lists = (("forbidden phrases", parsed.forbidden_phrases), ("allow-list entries", parsed.compliance_allow))
    for what, items in lists:
        if len(items) > MAX_LIBRARY_PHRASES:
            check.error(where, f"{len(items)} {what}; a library may have at most {MAX_LIBRARY_PHRASES}")
            items.clear()
            continue
        for item in [i for i in items if len(i) > MAX_PHRASE_CHARS]:
            check.error(where, f"'{item[:20]}…' in {what} is {len(item)} characters; the limit is {MAX_PHRASE_CHARS}")
            items.remove(item)


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
    sid = check.text(data, "id", "a scenario", required=True)
    if sid and not SCENARIO_PATTERN.match(sid):
        check.error(data.loc("id"), f"scenario id '{sid}' must look like 'category.name' (letters, digits, _ and -)")
        return None
    name = check.text(data, "name", f"scenario '{sid}'", required=True)
    aliases = check.text_list(data, "aliases", f"scenario '{sid}'")
    return Scenario(sid, name or sid, aliases) if sid else None


def _read_script(item: Any, loc: Location, check: _Checker, layer: Layer) -> Script | None:
    data = check.mapping(item, loc, "a script")
    if data is None:
        return None
    sid = check.text(data, "id", "a script", required=True)
    where = f"script '{sid}'" if sid else "a script"
    check.unknown_keys(data, SCRIPT_KEYS, where)
    ok = bool(sid)
    if sid and not ID_PATTERN.match(sid):
        check.error(data.loc("id"), f"script id '{sid}' may only use letters, digits, '.', '_' and '-' (max 100)")
        ok = False
    scenario = check.text(data, "scenario", where, required=True)
    if scenario and not SCENARIO_PATTERN.match(scenario):
        check.error(data.loc("scenario"), f"scenario '{scenario}' in {where} must look like 'category.name'")
        ok = False
    title = check.text(data, "title", where, required=True)
    body = check.text(data, "body", where, required=True)
    if len(body) > MAX_BODY_CHARS:
        check.error(data.loc("body"), f"body of {where} is {len(body)} characters; the limit is {MAX_BODY_CHARS}")
    fields = _read_fields(data, check, where)
    _check_body(data, body, fields, check, where)
    meta = _read_meta(data, check, where)
    if not (ok and scenario and title.strip() and body.strip()):
        return None
    return Script(
        id=sid,
        scenario=scenario,
        title=title.strip(),
        body=body.rstrip("\n"),
        keywords=check.text_list(data, "keywords", where),
        examples=check.text_list(data, "examples", where),
        fields=tuple(fields),
        notes=check.text(data, "notes", where).strip(),
        meta=MappingProxyType(meta),
        layer=layer,
        origin=loc.file,
        line=loc.line,
    )


def _read_meta(data: YamlMap, check: _Checker, where: str) -> dict[str, str]:
    if "meta" not in data or data["meta"] is None:
        return {}
    meta = check.mapping(data["meta"], data.loc("meta"), f"'meta' of {where}")
    if meta is None:
        return {}
    result = {}
    for key in meta:
        value = check.text(meta, key, f"'meta' of {where}")
        result[str(key)] = value
    return result


def _read_fields(data: YamlMap, check: _Checker, where: str) -> list[Field]:
    fields: list[Field] = []
    seen: set[str] = set()
    for item, loc in _items(data, "fields", check):
        spec = check.mapping(item, loc, f"a field of {where}")
        if spec is None:
            continue
        check.unknown_keys(spec, FIELD_KEYS, f"a field of {where}")
        name = check.text(spec, "name", f"a field of {where}", required=True)
        if not name:
            continue
        fwhere = f"field '{name}' of {where}"
        if not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", name):
            check.error(spec.loc("name"), f"{fwhere}: names may only use letters, digits and _")
            continue
        if name in seen:
            check.error(spec.loc("name"), f"{where} declares field '{name}' twice")
            continue
        seen.add(name)
        type_text = check.text(spec, "type", fwhere) or FieldType.TEXT.value
        try:
            ftype = FieldType(type_text)
        except ValueError:
            known = ", ".join(t.value for t in FieldType)
            check.error(spec.loc("type"), f"{fwhere} has unknown type '{type_text}' (known types: {known})")
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
            label=check.text(spec, "label", fwhere) or name,
            type=ftype,
            required=required,
            default=check.text(spec, "default", fwhere),
            options=options,
            hint=check.text(spec, "hint", fwhere),
        )
        if fld.default:
            try:
                normalise_value(fld, fld.default)
            except FieldValueError as exc:
                check.error(spec.loc("default"), f"default '{fld.default}' of {fwhere} is not valid: {exc}")
        fields.append(fld)
    return fields


def _check_body(data: YamlMap, body: str, fields: list[Field], check: _Checker, where: str) -> None:
    loc = data.loc("body")
    declared = {f.name: f for f in fields}
    for ph in placeholders(body):
        if not ph.valid:
            check.error(
                loc, f"placeholder '{{{{{ph.name}}}}}' in {where} must be a plain field name like {{{{order_no}}}}"
            )
        elif ph.name not in declared:
            check.error(loc, f"placeholder '{{{{{ph.name}}}}}' in {where} has no field; add it under 'fields'")
    if unclosed_brace_offset(body) is not None:
        check.error(loc, f"body of {where} has '{{{{' without a closing '}}}}'")
    used = set(field_names_used(body))
    for fld in fields:
        if fld.name not in used:
            check.warn(loc, f"field '{fld.name}' of {where} is never used in the body")
        if fld.type is FieldType.MONEY and re.search(
            rf"\{{\{{\s*{fld.name}\s*\}}\}}\s*元|[¥￥]\s*\{{\{{\s*{fld.name}\s*\}}\}}", body
        ):
            check.warn(loc, f"money field '{fld.name}' of {where} already renders as '15元'; remove the 元/¥ around it")
