"""Checks of one reply text (a body or a platform's variant): placeholders, braces and money units.

Each problem is reported at the line and column inside the text where it is
written. Platform values (``{{platform.price_protect_days}}``) are only
collected here: which platforms declare which values is known once every file
of the library is read, so ``loader`` checks them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cs_companion.core.models import Field, FieldType
from cs_companion.core.problems import Location, Problem
from cs_companion.core.template import (
    Placeholder,
    field_names_of,
    names_at_offsets,
    placeholders,
    platform_value_name,
    unclosed_brace_offsets,
)
from cs_companion.core.yamlsafe import YamlMap

MAX_SHOWN_CHARS = 40

_UNIT_AFTER = re.compile(r"[ \t]*(块钱|元|块|圆|(?i:rmb|cny))")
_UNIT_BEFORE = re.compile(r"(¥|￥|(?i:rmb|cny))[ \t]*$")


@dataclass(frozen=True, slots=True)
class PlatformValueUse:
    """A ``{{platform.NAME}}`` in the text used on ``platform`` (None: the body, used where no variant is)."""

    name: str
    location: Location
    platform: str | None


def _shown(text: str) -> str:
    return text if len(text) <= MAX_SHOWN_CHARS else text[:MAX_SHOWN_CHARS] + "…"


def check_text(
    data: YamlMap,
    key: str,
    text: str,
    fields: Sequence[Field],
    problems: list[Problem],
    where: str,
    variant: str | None = None,
) -> tuple[set[str], list[PlatformValueUse]]:
    """Check ``text`` (the value of ``key`` in ``data``); returns the field names it uses and its platform values.

    ``where`` names the script ("script 'x'"); ``variant`` is the platform id when
    ``text`` is that platform's variant rather than the body.
    """
    scope = where if variant is None else f"variant '{variant}' of {where}"

    def at(start: int, end: int) -> Location:
        return data.locate_in(key, start, end)

    declared = {f.name: f for f in fields}
    uses: list[PlatformValueUse] = []
    found = placeholders(text)  # once: the used names below come from the same scan
    offsets = unclosed_brace_offsets(text)
    for ph in found:
        value_name = platform_value_name(ph)
        if not ph.valid:
            problems.append(
                at(ph.start, ph.end).problem(
                    f"placeholder '{{{{{_shown(ph.name)}}}}}' in {scope} must be a plain field name like "
                    "{{order_no}} or a platform value like {{platform.price_protect_days}}"
                )
            )
        elif value_name is not None:
            uses.append(PlatformValueUse(value_name, at(ph.start, ph.end), variant))
        elif ph.name not in declared:
            message = f"placeholder '{{{{{ph.name}}}}}' in {scope} has no field; add it under 'fields'"
            problems.append(at(ph.start, ph.end).problem(message))
        elif declared[ph.name].type is FieldType.MONEY:
            _check_money_unit(text, ph, at, problems, scope)
    for offset in offsets:
        text_name = f"body of {where}" if variant is None else scope
        problems.append(at(offset, offset + 2).problem(f"{text_name} has '{{{{' without a closing '}}}}'"))
    used = set(field_names_of(found)) | set(names_at_offsets(text, offsets))  # a typo'd {{name is still a use
    return used, uses


def _check_money_unit(
    body: str, ph: Placeholder, at: Callable[[int, int], Location], problems: list[Problem], where: str
) -> None:
    """``{{amount}}元`` reads "15元元" to the customer: a money field already renders its unit."""
    found = [m for m in (_UNIT_AFTER.match(body, ph.end), _UNIT_BEFORE.search(body, 0, ph.start)) if m]
    for match in found:
        problems.append(
            at(match.start(1), match.end(1)).problem(
                f"'{match.group(1)}' next to money field '{{{{{ph.name}}}}}' in {where}: the amount already renders "
                f"as '15元', so the customer would read '15元{match.group(1)}'; remove '{match.group(1)}'"
            )
        )
