"""Reads a script's ``follow_up: {after: 2h, note: 回电}``: the reminder copying the script sets.

Kept out of ``schema`` (one key, one job). ``after`` is a duration (``30m``,
``2h``, ``1d``) or ``eta``, the time the agent typed into the script's ETA
field; anything else is an error at its line and column, so a team lead
learns of a typo when validating, not when a call-back is missed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cs_companion.core.models import Field, FieldType, FollowUp
from cs_companion.core.when import parse_duration
from cs_companion.core.yamlsafe import YamlMap

if TYPE_CHECKING:
    from cs_companion.core.schema import _Checker

FOLLOW_UP_KEYS = {"after", "note"}
MAX_FOLLOW_UP_CHARS = 100
AFTER_ETA = "eta"


def read_follow_up(data: YamlMap, check: _Checker, where: str, fields: list[Field]) -> FollowUp | None:
    """The script's default follow-up, or None (absent, or wrong: then a problem is recorded)."""
    if data.get("follow_up") is None:
        return None
    fwhere = f"'follow_up' of {where}"
    spec = check.mapping(data["follow_up"], data.loc("follow_up"), fwhere)
    if spec is None:
        return None
    check.unknown_keys(spec, FOLLOW_UP_KEYS, fwhere)
    after = check.text(spec, "after", fwhere, required=True, limit=MAX_FOLLOW_UP_CHARS).strip()
    note = check.text(spec, "note", fwhere, limit=MAX_FOLLOW_UP_CHARS).strip()
    if not after or len(after) > MAX_FOLLOW_UP_CHARS:
        return None
    if after == AFTER_ETA:
        if not any(f.type is FieldType.ETA for f in fields):
            check.error(spec.loc("after"), f"{fwhere} says 'after: eta' but {where} has no field of type eta")
            return None
    elif parse_duration(after) is None:
        shown = after if len(after) <= 40 else after[:40] + "…"
        check.error(
            spec.loc("after"),
            f"'after' of {fwhere} must be a time like 30m, 2h or 1d (at most a year), or 'eta'; got '{shown}'",
        )
        return None
    return FollowUp(after, note)
