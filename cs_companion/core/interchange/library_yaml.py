"""The imported scripts as a library file, with a ``# 复核`` comment on every line the lead should check.

Written by hand rather than with ``yaml.dump``: comments must sit on the
exact line they are about (the guessed scenario, a guessed field type, a
near-duplicate body), and the pure-Python emitter would take seconds for
5,000 scripts. Every string is written so that it reads back exactly: a
literal block for multi-line bodies when that is exact, else a double-quoted
scalar with YAML escapes. ``library_text`` is checked by reading it back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cs_companion.core.interchange.model import Imported
from cs_companion.core.interchange.suggest import UNSORTED, UNSORTED_NAME
from cs_companion.core.models import Field, FieldType
from cs_companion.core.schema import SCHEMA_VERSION

REVIEW = "复核"
_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", '"': '\\"', "\\": "\\\\", "\x00": "\\0"}
_NEEDS_ESCAPE = re.compile(r'["\\]|[^\S ]|[^\w\s\u3000-\u303f\uff00-\uffef!#$%&\'()*+,\-./:;<=>?@\[\]^`{|}~]')


def quote(text: str) -> str:
    """A double-quoted YAML scalar that reads back as exactly ``text`` (emoji and Chinese stay readable)."""
    if not _NEEDS_ESCAPE.search(text):
        return f'"{text}"'
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif char.isprintable() or char == " ":
            out.append(char)
        elif ord(char) <= 0xFF:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'


def _literal_ok(text: str) -> bool:
    """A ``|-`` block reads back exactly: printable lines, no leading space on line one, no edge blank lines."""
    if "\n" not in text or text != text.strip("\n") or text[:1] in " \t" or "\r" in text:
        return False
    return all(line.isprintable() and line == line.rstrip(" \t") for line in text.split("\n"))


def _comment(notes: Sequence[str]) -> str:
    text = "；".join(" ".join(n.split()) for n in notes if n)
    return f"  # {REVIEW}：{text}" if text else ""


def _field_line(fld: Field, note: str) -> str:
    parts = [f"name: {fld.name}"]
    if fld.label and fld.label != fld.name:
        parts.append(f"label: {quote(fld.label)}")
    if fld.type is not FieldType.TEXT:
        parts.append(f"type: {fld.type.value}")
    if fld.required:
        parts.append("required: true")
    if fld.default:
        parts.append(f"default: {quote(fld.default)}")
    if fld.options:
        parts.append("options: [" + ", ".join(quote(o) for o in fld.options) + "]")
    if fld.hint:
        parts.append(f"hint: {quote(fld.hint)}")
    return "      - {" + ", ".join(parts) + "}" + _comment([note])


def library_text(items: Sequence[Imported], sources: Sequence[str]) -> str:
    """The whole library file for ``items`` (imported from ``sources``)."""
    flagged = sum(item.flagged for item in items)
    lines = [
        f"# 导入的话术 · cs-companion import: {len(items)} 条，来自 " + "、".join(" ".join(s.split()) for s in sources),
        f"# 有 {flagged} 条标了“# {REVIEW}”：场景或字段是猜的、与已有话术相似、或有合规提醒。请逐条看过再发布。",
        "# 检查：cs-companion validate 本文件",
        f"schema: {SCHEMA_VERSION}",
    ]
    if any(item.script.scenario == UNSORTED for item in items):
        lines += ["scenarios:", f"  - id: {UNSORTED}", f"    name: {UNSORTED_NAME}"]
    lines.append("scripts:")
    for item in items:
        script = item.script
        lines.append(f"  - id: {script.id}  # 来源 {' '.join(item.where.split())}")
        lines.append(f"    scenario: {script.scenario}" + _comment([item.scenario_review]))
        lines.append(f"    title: {quote(script.title)}")
        if script.keywords:
            lines.append("    keywords: [" + ", ".join(quote(k) for k in script.keywords) + "]")
        if script.fields:
            lines.append("    fields:")
            lines += [_field_line(f, item.field_review.get(f.name, "")) for f in script.fields]
        if _literal_ok(script.body):
            lines.append("    body: |-" + _comment(item.review))
            lines += [f"      {line}" if line else "" for line in script.body.split("\n")]
        else:
            lines.append(f"    body: {quote(script.body)}" + _comment(item.review))
        if script.meta:
            lines.append("    meta: {" + ", ".join(f"{k}: {quote(v)}" for k, v in script.meta.items()) + "}")
    return "\n".join(lines) + "\n"
