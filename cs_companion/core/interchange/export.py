"""Our scripts in other tools' shapes: CSV and XLSX as quick-phrase tools import them, and Espanso YAML.

Sheets get three columns, 分组 / 快捷编码 / 短语内容, the shape 千牛 and
similar tools take; fields are written as 【label】 (with 元 after a money
field, which the tool does not add) so an agent sees what to replace, and
``import`` turns them back into the same fields. A cell that a spreadsheet
would run as a formula (= + - @, tab, CR) gets a leading '.
Espanso gets a form per script with fields: choices keep their options.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import replace

from cs_companion.core.interchange.columns import escape_cell
from cs_companion.core.interchange.library_yaml import quote
from cs_companion.core.models import FieldType, Library, Platform, Script
from cs_companion.core.template import PLACEHOLDER, PLATFORM_PREFIX, fill_platform_values

HEADERS = ("分组", "快捷编码", "短语内容")
FORMATS = ("csv", "xlsx", "espanso")


def for_platform(scripts: Sequence[Script], platform: Platform | None) -> list[Script]:
    """The scripts a quick-phrase tool of ``platform`` should get, with that platform's wording.

    Other tools know nothing of our platforms: a script meant for another
    platform is left out, its variant for this one becomes the body, and
    ``{{platform.NAME}}`` values (亲 / 您好, price-protection days…) are written in.
    """
    chosen = []
    for script in scripts:
        if script.applies_to(platform.id if platform else None):
            body = fill_platform_values(script.body_for(platform.id if platform else None), platform)
            chosen.append(replace(script, body=body, variants={}))
    return chosen


def group_of(script: Script, library: Library) -> str:
    return script.meta.get("group") or library.category_name(script.category)


def code_of(script: Script) -> str:
    return script.meta.get("code", "")


def marked_text(script: Script) -> str:
    """The body with each ``{{name}}`` as 【label】 (money fields followed by 元, which the field used to add)."""

    def mark(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        fld = script.field(name)
        label = fld.label if fld else name.removeprefix(PLATFORM_PREFIX)
        return f"【{label}】" + ("元" if fld is not None and fld.type is FieldType.MONEY else "")

    return PLACEHOLDER.sub(mark, script.body)


def rows(scripts: Sequence[Script], library: Library) -> list[tuple[str, str, str]]:
    return [(group_of(s, library), code_of(s), marked_text(s)) for s in scripts]


def to_csv(scripts: Sequence[Script], library: Library) -> bytes:
    """UTF-8 with a BOM: Excel and WPS then show Chinese correctly when the file is double-clicked."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in rows(scripts, library):
        writer.writerow([escape_cell(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(scripts: Sequence[Script], library: Library) -> bytes:
    import openpyxl  # imported here: only sheet exports need it

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("快捷短语")
    sheet.append(list(HEADERS))
    for row in rows(scripts, library):
        sheet.append([escape_cell(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _q(text: str) -> str:
    return quote(text)


def to_espanso(scripts: Sequence[Script], library: Library) -> bytes:
    """An Espanso match file: trigger = the shortcut code (else ``:`` + id), a form when there are fields."""
    lines = [
        "# Espanso match file exported by cs-companion. Put it in espanso's match folder.",
        "matches:",
    ]
    for script in scripts:
        code = code_of(script).split("，")[0] or f":{script.id}"
        lines.append(f"  - trigger: {_q(code)}")
        lines.append(f"    label: {_q(script.title)}")
        if not script.fields:
            lines.append(f"    replace: {_q(script.body)}")
            continue
        layout = form_layout(script)
        lines.append(f"    form: {_q(layout)}")
        lines.append("    form_fields:")
        for fld in script.fields:
            spec = {"type": "choice", "values": list(fld.options)} if fld.options else {}
            if fld.default:
                spec["default"] = fld.default
            lines.append(f"      {fld.name}: {json.dumps(spec, ensure_ascii=True)}")  # JSON is YAML flow style
    return ("\n".join(lines) + "\n").encode("utf-8")


def form_layout(script: Script) -> str:
    """The body as an Espanso form layout: ``[[name]]`` per field, 元 after money (Espanso does not add it)."""

    def mark(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        fld = script.field(name)
        return f"[[{name}]]" + ("元" if fld is not None and fld.type is FieldType.MONEY else "")

    return PLACEHOLDER.sub(mark, script.body)
