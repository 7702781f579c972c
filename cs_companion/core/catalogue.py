"""The category and scenario catalogue of a library, grouped for people to read.

Team libraries must reuse the built-in ids (a team ``aftersale`` beside the
built-in ``aftersales`` makes a second tab), so team leads need the list:
``cs-companion list --scenarios`` prints it and tools/scenario_table.py
renders the README's table from it, so the two never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from cs_companion.core.models import Library, Scenario


@dataclass(frozen=True)
class CatalogueGroup:
    """One category (tab) and its scenarios, in the library's order."""

    id: str
    name: str
    scenarios: tuple[Scenario, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "scenarios": [{"id": s.id, "name": s.name, "aliases": list(s.aliases)} for s in self.scenarios],
        }


def catalogue(library: Library) -> list[CatalogueGroup]:
    """Categories in display order (declared first, then any used only by scenarios), each with its scenarios."""
    order = library.category_order()
    for scenario in library.scenarios:
        if scenario.category not in order:
            order.append(scenario.category)
    return [
        CatalogueGroup(cid, library.category_name(cid), tuple(s for s in library.scenarios if s.category == cid))
        for cid in order
    ]
