"""Did-you-mean for category and scenario ids that are new but one typo away from a known one.

A team library may add categories and scenarios of its own, so an unknown id
is not an error. But a team ``aftersale`` next to the built-in ``aftersales``
silently gives agents a second 售后 tab, and ``aftersales.refnd`` a scenario
with none of the built-in search words. Pointing at the near miss (difflib,
at the id's file:line:col) lets the team lead fix it before agents see it.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable, Mapping

from cs_companion.core.problems import Location, Problem, Severity

CATEGORY_CUTOFF = 0.8
"""aftersale/aftersales 0.95, logistic/logistics 0.94; vip/review and other short new ids stay far below."""
NAME_CUTOFF = 0.8
"""Within one category: refnd/refund 0.91, dealy/delay 0.8; exchange_size/exchange 0.76 is new, not a typo."""


def _closest(word: str, candidates: Iterable[str], cutoff: float) -> str | None:
    found = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=cutoff)
    return found[0] if found else None


def categories_of(scenario_ids: Iterable[str]) -> set[str]:
    return {sid.split(".", 1)[0] for sid in scenario_ids}


def near_category(category: str, known_scenarios: Collection[str]) -> str | None:
    """The known category ``category`` probably meant, or None if it is known or a genuinely new one."""
    known = categories_of(known_scenarios)
    return None if category in known else _closest(category, known, CATEGORY_CUTOFF)


def near_scenario(scenario_id: str, known_scenarios: Collection[str]) -> str | None:
    """The known scenario (or, failing that, category) ``scenario_id`` probably meant, or None."""
    if scenario_id in known_scenarios:
        return None
    category, _, name = scenario_id.partition(".")
    fixed = near_category(category, known_scenarios) or category
    if f"{fixed}.{name}" in known_scenarios:
        return f"{fixed}.{name}"
    names = [k.partition(".")[2] for k in known_scenarios if k.startswith(f"{fixed}.")]
    near_name = _closest(name, names, NAME_CUTOFF)
    if near_name is not None:
        return f"{fixed}.{near_name}"
    return fixed if fixed != category else None


def did_you_mean(scenario_id: str, known_scenarios: Collection[str]) -> str:
    """ "; did you mean 'x'?" for a message about an unknown scenario, or "" when nothing is close."""
    near = near_scenario(scenario_id, known_scenarios)
    return f"; did you mean '{near}'?" if near else ""


def near_id_problems(
    categories: Mapping[str, Location], scenarios: Mapping[str, Location], known_scenarios: Collection[str]
) -> list[Problem]:
    """Warnings for the declared categories and scenarios of a library that look like typos of known ones.

    ``known_scenarios`` are the ids of the layers below (the built-in catalogue
    for a team library). A category reported once is not reported again for
    each of its scenarios.
    """
    if not known_scenarios:
        return []
    problems: list[Problem] = []
    reported: set[str] = set()
    for cid, loc in categories.items():
        near = near_category(cid, known_scenarios)
        if near is not None:
            reported.add(cid)
            problems.append(loc.problem(_category_message(cid, near), Severity.WARNING))
    for sid, loc in scenarios.items():
        category = sid.split(".", 1)[0]
        if category in reported:
            continue
        near = near_category(category, known_scenarios)
        if near is not None:
            reported.add(category)
            problems.append(loc.problem(_category_message(category, near, sid), Severity.WARNING))
            continue
        suggestion = near_scenario(sid, known_scenarios)
        if suggestion is not None:
            problems.append(
                loc.problem(f"scenario '{sid}' is not a known scenario; did you mean '{suggestion}'?", Severity.WARNING)
            )
    return problems


def _category_message(category: str, near: str, scenario_id: str = "") -> str:
    where = f" (scenario '{scenario_id}')" if scenario_id else ""
    return (
        f"category '{category}'{where} is not a known category, so agents get a separate tab for it;"
        f" did you mean '{near}'?"
    )
