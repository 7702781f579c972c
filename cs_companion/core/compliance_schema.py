"""Reads a library file's ``compliance: {forbidden: [...], allow: [...]}`` section."""

from __future__ import annotations

from cs_companion.core.schema_checker import Checker
from cs_companion.core.yamlsafe import YamlMap

COMPLIANCE_KEYS = {"forbidden", "allow"}


def read_compliance(top: YamlMap, check: Checker, forbidden: list[str]) -> tuple[list[str], list[str]]:
    """``forbidden`` plus the team's phrases, and the allow-list; capped so a hostile list cannot slow typing."""
    from cs_companion.core.compliance import MAX_LIBRARY_PHRASES, MAX_PHRASE_CHARS

    forbidden = list(forbidden)
    allow: list[str] = []
    if "compliance" in top and top["compliance"] is not None:
        section = check.mapping(top["compliance"], top.loc("compliance"), "'compliance'")
        if section is not None:
            check.unknown_keys(section, COMPLIANCE_KEYS, "'compliance'")
            forbidden += check.text_list(section, "forbidden", "'compliance'")
            allow = list(check.text_list(section, "allow", "'compliance'"))
    where = top.loc("compliance") if "compliance" in top else top.loc("forbidden_phrases")
    for what, items in (("forbidden phrases", forbidden), ("allow-list entries", allow)):
        if len(items) > MAX_LIBRARY_PHRASES:
            check.error(where, f"{len(items)} {what}; a library may have at most {MAX_LIBRARY_PHRASES}")
            items.clear()
            continue
        for item in [i for i in items if len(i) > MAX_PHRASE_CHARS]:
            check.error(where, f"'{item[:20]}…' in {what} is {len(item)} characters; the limit is {MAX_PHRASE_CHARS}")
            items.remove(item)
    return forbidden, allow
