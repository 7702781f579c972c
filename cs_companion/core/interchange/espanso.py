"""Espanso match files: ``matches:`` with ``trigger``/``triggers``, ``replace`` or ``form``, and ``vars``.

Parsed with our safe YAML loader (no object construction, located errors).
Triggers become shortcut codes. Form fields (``[[name]]`` in a form layout,
``{{form1.name}}`` in a replace) become fields, a ``choice``/``list`` with
its values; any other variable (date, clipboard, shell, script …) becomes a
text field the agent fills in, marked for review: nothing is ever run.
Matches that only insert an image or have no text are reported, not dropped
silently.
"""

from __future__ import annotations

import re
from typing import Any

from cs_companion.core.field_guess import STANDARD_FIELDS
from cs_companion.core.interchange.limits import MAX_CELL_CHARS, MAX_ROWS
from cs_companion.core.interchange.model import ImportFileError, RawPhrase, ReadResult
from cs_companion.core.models import Field, FieldType
from cs_companion.core.yamlsafe import YamlList, YamlMap, YamlParseError, parse_yaml

_FORM_FIELD = re.compile(r"\[\[\s*([A-Za-z_][A-Za-z0-9_]*)\s*\]\]")
_VAR = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?\s*\}\}")
_TEXT_KEYS = ("replace", "form", "markdown", "html")


def looks_like_espanso(document: Any) -> bool:
    return isinstance(document, YamlMap) and "matches" in document


def read_espanso(text: str, name: str) -> ReadResult:
    try:
        document = parse_yaml(text, name)
    except YamlParseError as exc:
        raise ImportFileError(str(exc.problem)) from None
    if isinstance(document, YamlMap) and "scripts" in document and "schema" in document:
        raise ImportFileError(f"{name}: already a cs-companion library; check it with 'validate' and use it as it is")
    if not looks_like_espanso(document):
        raise ImportFileError(f"{name}:1:1: not an Espanso match file (no 'matches:' list)")
    matches = document["matches"]
    if not isinstance(matches, YamlList):
        raise ImportFileError(f"{document.loc('matches')}: 'matches' must be a list")
    if len(matches) > MAX_ROWS:
        raise ImportFileError(f"{name}: more than {MAX_ROWS:,} matches; split the file")
    result = ReadResult(columns={"code": "trigger/triggers", "text": "replace/form"})
    if "imports" in document or "global_vars" in document:
        result.notes.append(f"{name}: 'imports' and 'global_vars' are not followed; import those files too")
    for item, loc in zip(matches, matches.item_locations, strict=True):
        where = f"{loc.file}:{loc.line}"
        if not isinstance(item, YamlMap):
            result.skipped.append(f"{where}: a match must be a mapping")
            continue
        phrase = _match_phrase(item, where)
        if isinstance(phrase, str):
            result.skipped.append(phrase)
        else:
            result.phrases.append(phrase)
    return result


def _text(value: Any) -> str:
    return str(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""


def _match_phrase(item: YamlMap, where: str) -> RawPhrase | str:
    """The phrase of one match, or the reason it cannot be imported."""
    key = next((k for k in _TEXT_KEYS if _text(item.get(k))), None)
    if key is None:
        return f"{where}: match has no text to import (image_path or an empty replace)"
    text = _text(item[key])
    if len(text) > MAX_CELL_CHARS:
        return f"{where}: text is {len(text):,} characters; the limit is {MAX_CELL_CHARS:,}"
    triggers = item.get("triggers")
    codes = [_text(t) for t in triggers] if isinstance(triggers, YamlList) else [_text(item.get("trigger"))]
    code = "，".join(c for c in codes if c)
    fields: dict[str, Field] = {}
    review: list[str] = []
    variables = {v["name"]: v for v in item.get("vars") or () if isinstance(v, YamlMap) and _text(v.get("name"))}
    if key == "form":
        text = _FORM_FIELD.sub(lambda m: "{{" + m.group(1) + "}}", text)
        for fname in _FORM_FIELD.findall(_text(item[key])):
            fields.setdefault(fname, _form_field(fname, _params(item.get("form_fields"), fname)))

    def variable(match: re.Match[str]) -> str:
        var, sub = match.group(1), match.group(2)
        spec = variables.get(var)
        if sub:  # {{form1.name}}: a field of a form variable
            params = _params(spec.get("params") if spec else None, "fields")
            fields.setdefault(sub, _form_field(sub, _params(params, sub)))
            return "{{" + sub + "}}"
        if var in fields:
            return match.group(0)
        vtype = _text(spec.get("type")) if spec else ""
        if vtype == "form":
            return match.group(0)
        fields[var] = Field(var, var, FieldType.TEXT, required=True)
        review.append(f"Espanso 变量 {var}（{vtype or '未定义'}）改为手填字段，不会执行")
        return match.group(0)

    text = _VAR.sub(variable, text)
    label = _text(item.get("label"))
    return RawPhrase(text.strip(), "", code, label[:200], where, tuple(fields.values()), tuple(review))


def _params(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, YamlMap) else None


def _form_field(name: str, spec: Any) -> Field:
    """A form field: ``choice``/``list`` with values becomes a choice; a standard name (amount) its type; else text."""
    label, ftype = STANDARD_FIELDS.get(name, (name, FieldType.TEXT))
    options: tuple[str, ...] = ()
    if isinstance(spec, YamlMap):
        values = spec.get("values")
        if isinstance(values, YamlList):
            options = tuple(_text(v)[:100] for v in values if _text(v))[:50]
        elif isinstance(values, str):
            options = tuple(v.strip()[:100] for v in values.splitlines() if v.strip())[:50]
        if _text(spec.get("type")) in ("choice", "list") and options:
            ftype = FieldType.CHOICE
        default = _text(spec.get("default"))
        if default and ftype is FieldType.TEXT:
            return Field(name, label, ftype, required=False, default=default[:500])
    return Field(name, label, ftype, required=True, options=options if ftype is FieldType.CHOICE else ())
