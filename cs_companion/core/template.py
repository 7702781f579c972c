"""``{{name}}`` templates: parse, check and render, substituting values only.

Library text is untrusted, so rendering is a plain regex substitution: there
is no attribute access, indexing, expression or ``str.format`` on library
text. A placeholder must be a bare field name or ``platform.<name>`` (a value
the current platform declares, looked up in a plain dict: ``platform.`` is a
fixed prefix, not attribute access); anything else is a validation problem,
and rendering never leaves a ``{{...}}`` behind silently.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from cs_companion.core.fieldtypes import FieldValueError, normalise_value
from cs_companion.core.models import Platform, Script

PLACEHOLDER = re.compile(r"\{\{((?:(?!\{\{).)*?)\}\}", re.DOTALL)
"""``{{`` ... ``}}`` with no other ``{{`` inside: in ``{{order 请查收{{amount}}`` only ``{{amount}}``
is a placeholder and the first ``{{`` is reported as unclosed, instead of one long bogus name that also
hides both fields. It also keeps matching linear on text full of ``{{``."""
FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
PLATFORM_PREFIX = "platform."
PLATFORM_VALUE = re.compile(r"^platform\.([A-Za-z_][A-Za-z0-9_]*)$")
"""``{{platform.price_protect_days}}``: a value of the current platform, not a field the agent fills."""


@dataclass(frozen=True, slots=True)
class Placeholder:
    """One ``{{...}}`` occurrence: the name inside and its offset in the body."""

    name: str
    start: int
    end: int
    valid: bool


def placeholders(body: str) -> list[Placeholder]:
    """Every ``{{...}}`` in ``body`` in order, marking the ones that are not plain names."""
    found: list[Placeholder] = []
    if "{{" not in body:  # most texts of a library: no regex scan
        return found
    for match in PLACEHOLDER.finditer(body):
        inner = match.group(1).strip()
        valid = bool(FIELD_NAME.match(inner) or PLATFORM_VALUE.match(inner))
        found.append(Placeholder(inner, match.start(), match.end(), valid))
    return found


def platform_value_name(placeholder: Placeholder) -> str | None:
    """``price_protect_days`` for ``{{platform.price_protect_days}}``; None for a field placeholder."""
    match = PLATFORM_VALUE.match(placeholder.name) if placeholder.valid else None
    return match.group(1) if match else None


def unclosed_brace_offsets(body: str) -> list[int]:
    """Offsets of every ``{{`` that has no closing ``}}`` (typos in the library)."""
    if "{{" not in body:
        return []
    stripped = PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), body)
    found, index = [], stripped.find("{{")
    while index >= 0:
        found.append(index)
        index = stripped.find("{{", index + 2)
    return found


def unclosed_brace_offset(body: str) -> int | None:
    """Offset of the first ``{{`` that has no closing ``}}``, if any."""
    offsets = unclosed_brace_offsets(body)
    return offsets[0] if offsets else None


_LEADING_NAME = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)")


def names_after_unclosed(body: str) -> list[str]:
    """Field names right after an unclosed ``{{`` (``{{order 请`` -> order): meant as placeholders."""
    return names_at_offsets(body, unclosed_brace_offsets(body))


def names_at_offsets(body: str, offsets: list[int]) -> list[str]:
    """``names_after_unclosed`` from offsets already found (a body check has them)."""
    names = []
    for offset in offsets:
        match = _LEADING_NAME.match(body, offset + 2)
        if match:
            names.append(match.group(1))
    return names


def field_names_used(body: str) -> list[str]:
    """Names of the valid placeholders in order of first use, without repeats."""
    return field_names_of(placeholders(body))


def field_names_of(found: list[Placeholder]) -> list[str]:
    """``field_names_used`` from placeholders already found (a body check has them)."""
    seen: dict[str, None] = {}
    for ph in found:
        if ph.valid and not ph.name.startswith(PLATFORM_PREFIX):
            seen.setdefault(ph.name, None)
    return list(seen)


@dataclass(frozen=True)
class Rendered:
    """The outcome of filling a script: text plus what is still missing or wrong.

    ``text`` always has every placeholder replaced: a missing value shows as
    ``【label】`` so a half-filled preview reads naturally; ``complete`` says
    whether the reply is ready to send.
    """

    text: str
    missing: tuple[str, ...] = ()
    invalid: Mapping[str, str] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not self.missing and not self.invalid


class MissingValuesError(ValueError):
    """Raised by ``render_strict`` when a reply is not ready to send."""

    def __init__(self, rendered: Rendered) -> None:
        parts = []
        if rendered.missing:
            parts.append("missing value for " + ", ".join(rendered.missing))
        parts.extend(f"{name}: {msg}" for name, msg in rendered.invalid.items())
        super().__init__("; ".join(parts))
        self.rendered = rendered


def values_of(platform: Platform | None) -> Mapping[str, str]:
    """What ``{{platform.NAME}}`` can name: the platform's values plus its ``name``."""
    return {"name": platform.name, **platform.values} if platform else {}


def fill_platform_values(body: str, platform: Platform | None) -> str:
    """``body`` with ``{{platform.NAME}}`` written in; other placeholders, and unknown values, left as they are."""
    known = values_of(platform)

    def fill(match: re.Match[str]) -> str:
        value_of = PLATFORM_VALUE.match(match.group(1).strip())
        return known.get(value_of.group(1), match.group(0)) if value_of else match.group(0)

    return PLACEHOLDER.sub(fill, body)


def render(script: Script, values: Mapping[str, str], platform: Platform | None = None) -> Rendered:
    """Fill the body for ``platform`` (its variant, else ``body``) with ``values`` and the platform's values.

    Empty optional fields fall back to their ``default``. Values that are not
    declared fields are ignored, so one set of conversation values can be
    passed to every script. A required field the chosen text does not use
    (a platform's variant may leave it out) is not missing. A platform value
    the platform lacks shows as ``【name】`` and is reported as missing
    ``platform.name``.
    """
    body = script.body_for(platform.id if platform else None)
    used = set(field_names_used(body))
    platform_values = values_of(platform)
    missing: list[str] = []
    invalid: dict[str, str] = {}
    resolved: dict[str, str] = {}
    for fld in script.fields:
        raw = values.get(fld.name, "") or ""
        try:
            text = normalise_value(fld, raw)
            if not text and fld.default:
                text = normalise_value(fld, fld.default)
        except FieldValueError as exc:
            invalid[fld.name] = str(exc)
            text = ""
        if not text and fld.required and fld.name not in invalid and fld.name in used:
            missing.append(fld.name)
        resolved[fld.name] = text

    labels = {f.name: f.label or f.name for f in script.fields}

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        value_of = PLATFORM_VALUE.match(name)
        if value_of is not None:
            value = platform_values.get(value_of.group(1), "")
            if value:
                return value
            if name not in missing:
                missing.append(name)
            return f"【{value_of.group(1)}】"
        if resolved.get(name):
            return resolved[name]
        if name in resolved and not (name in missing or name in invalid):
            return ""  # optional, no value and no default
        if name not in resolved and name not in missing:
            missing.append(name)  # undeclared placeholder: never emit raw braces
        return f"【{labels.get(name, name)}】"

    text = PLACEHOLDER.sub(substitute, body)
    return Rendered(text=text, missing=tuple(missing), invalid=invalid)


def render_strict(script: Script, values: Mapping[str, str], platform: Platform | None = None) -> str:
    """Render, or raise MissingValuesError when anything required is missing or invalid."""
    rendered = render(script, values, platform)
    if not rendered.complete:
        raise MissingValuesError(rendered)
    return rendered.text
