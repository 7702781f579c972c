"""Raw phrases -> scripts: placeholders to fields, codes to keywords, a suggested scenario, review notes.

Nothing a phrase says is dropped: the body is the phrase with its fill-in
marks rewritten as ``{{name}}`` (and a money unit next to a money field
removed, because the field renders it). Identical phrases are merged into
one script keeping every code; near-duplicates and compliance findings are
marked for review, not changed. Ids are derived from the text, so importing
the same phrase again replaces it instead of adding a copy.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from cs_companion.core.compliance import ComplianceChecker, script_texts
from cs_companion.core.interchange import duplicates
from cs_companion.core.interchange.model import Imported, RawPhrase
from cs_companion.core.interchange.placeholders import convert_placeholders
from cs_companion.core.interchange.suggest import REVIEW_BELOW, ScenarioSuggester
from cs_companion.core.library_limits import MAX_PHRASE_CHARS
from cs_companion.core.models import Field, Layer, Library, Script
from cs_companion.core.template import PLACEHOLDER

TITLE_CHARS = 24
DEFAULT_PREFIX = "imported."


@dataclass
class Conversion:
    """The scripts of one import and what the report says about them."""

    items: list[Imported] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    """``file:row`` of phrases identical to an earlier one (their codes were added to it)."""
    fields_found: dict[str, int] = field(default_factory=dict)
    duplicate_lines: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> int:
        return sum(item.flagged for item in self.items)


def title_for(raw: RawPhrase, body: str, labels: dict[str, str]) -> str:
    """The source's title, else the opening of the phrase with fields shown as 【label】."""
    if raw.title.strip():
        return raw.title.strip()
    shown = PLACEHOLDER.sub(lambda m: f"【{labels.get(m.group(1).strip(), m.group(1).strip())}】", body)
    first = re.split(r"\n", shown.strip(), maxsplit=1)[0].strip()
    return first if len(first) <= TITLE_CHARS else first[:TITLE_CHARS] + "…"


def field_vocabulary(library: Library, key: str = "label") -> dict[str, Field]:
    """Label (or name) -> the field most scripts of ``library`` declare with that label (or name)."""
    counts: dict[str, dict[Field, int]] = {}
    for script in library.scripts:
        for fld in script.fields:
            per_label = counts.setdefault(getattr(fld, key), {})
            per_label[fld] = per_label.get(fld, 0) + 1
    return {label: max(found, key=found.__getitem__) for label, found in counts.items()}


def _named(fld: Field, by_name: dict[str, Field]) -> Field:
    """A field known only by name (Espanso forms carry no label) takes the label and type our library gives it."""
    found = by_name.get(fld.name)
    if found is None or fld.label != fld.name or fld.options:
        return fld
    return Field(fld.name, found.label, found.type, fld.required, fld.default, found.options, found.hint)


def _codes(code: str) -> tuple[str, ...]:
    parts = [p.strip() for p in re.split(r"[，,]", code) if p.strip()]
    return tuple(dict.fromkeys(p for p in parts if len(p) <= MAX_PHRASE_CHARS))


def convert(
    phrases: Sequence[RawPhrase],
    builtin: Library,
    suggester: ScenarioSuggester,
    *,
    prefix: str = DEFAULT_PREFIX,
    layer: Layer = Layer.TEAM,
) -> Conversion:
    """Scripts for ``phrases`` in source order, with review notes, near-duplicates and field counts."""
    result = Conversion()
    by_body: dict[str, int] = {}
    vocabulary = field_vocabulary(builtin)
    by_name = field_vocabulary(builtin, key="name")
    for raw in phrases:
        declared = [_named(fld, by_name) for fld in raw.fields]
        converted = convert_placeholders(raw.text, declared, vocabulary)
        body = converted.body
        known = by_body.get(body)
        if known is not None:
            item = result.items[known]
            codes = tuple(dict.fromkeys((*item.script.keywords, *_codes(raw.code))))
            script = _with_codes(item.script, codes)
            result.items[known] = Imported(script, item.where, item.confidence, item.scenario_review, item.review)
            result.merged.append(f"{raw.where}: same text as {item.where}; merged")
            continue
        labels = {f.name: f.label for f in converted.fields}
        suggestion = suggester.suggest(body, raw.group)
        scenario_review = ""
        if suggestion.confidence < REVIEW_BELOW:
            scenario_review = f"场景为猜测：{suggestion.name}，置信度 {suggestion.confidence:.2f}"
        codes = _codes(raw.code)
        digest = hashlib.sha1(body.encode("utf-8")).hexdigest()[:10]
        meta = {k: v for k, v in (("group", raw.group), ("code", "，".join(codes))) if v}
        script = Script(
            id=f"{prefix}{digest}",
            scenario=suggestion.scenario,
            title=title_for(raw, body, labels)[:200],
            body=body,
            keywords=codes,
            fields=tuple(converted.fields),
            meta=MappingProxyType(meta),
            layer=layer,
        )
        for fld in converted.fields:
            result.fields_found[fld.name] = result.fields_found.get(fld.name, 0) + 1
        by_body[body] = len(result.items)
        result.items.append(
            Imported(script, raw.where, suggestion.confidence, scenario_review, raw.review, dict(converted.review))
        )
    _mark_duplicates(result, builtin)
    _mark_compliance(result, builtin)
    return result


def _with_codes(script: Script, codes: tuple[str, ...]) -> Script:
    meta = dict(script.meta)
    meta["code"] = "，".join(codes)[:500]
    return Script(**{**{f: getattr(script, f) for f in script.__slots__}, "keywords": codes, "meta": meta})


def _add_review(result: Conversion, index: int, note: str) -> None:
    item = result.items[index]
    result.items[index] = Imported(
        item.script, item.where, item.confidence, item.scenario_review, (*item.review, note), item.field_review
    )


def _mark_duplicates(result: Conversion, builtin: Library) -> None:
    bodies = [item.script.body for item in result.items]
    of_library, of_each_other = duplicates.find(bodies, {s.id: s.body for s in builtin.scripts})
    for dup in of_library:
        note = f"与内置话术 {dup.other} 相似 {dup.score:.0f}%"
        _add_review(result, dup.index, note)
        result.duplicate_lines.append(f"{result.items[dup.index].where}: {note}")
    for dup in of_each_other:
        other = result.items[int(dup.other)]
        note = f"与 {other.where}（{other.script.id}）相似 {dup.score:.0f}%"
        _add_review(result, dup.index, note)
        result.duplicate_lines.append(f"{result.items[dup.index].where}: {note}")


def _mark_compliance(result: Conversion, builtin: Library) -> None:
    """Findings are review notes here: the import keeps the team's words; ``validate`` says what would block."""
    checker = ComplianceChecker.for_library(builtin)
    for index, item in enumerate(list(result.items)):
        for where, text in script_texts(item.script):
            for finding in checker.check(text):
                level = "会被拒绝" if finding.blocking else "提醒"
                label = "" if where == "body" else f"（{where}）"
                _add_review(result, index, f"合规{level}{label}：{finding} [{finding.rule}]")
