"""Which scripts the list shows for a search text and a tab: the window's filtering, without Qt.

Tabs are 全部 (all), ★收藏 (favourites), 最近 (recent) or one category id. With
an empty search box the list is a starting point for the agent's own work:
favourites first, then recently used, then the most used, then the rest of the
library in catalogue order (issue: an empty search used to open on 需求探询).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from cs_companion.core.models import Library, Script
from cs_companion.core.search import SearchIndex

TAB_ALL, TAB_FAVOURITES, TAB_RECENT = "__all__", "__favourites__", "__recent__"
SEARCH_LIMIT = 100
FILTERED_SEARCH_LIMIT = 2000


@dataclass(frozen=True)
class Usage:
    """The agent's own history, as far as browsing needs it."""

    favourites: Sequence[str] = ()
    recent: Sequence[str] = ()
    counts: Mapping[str, int] = field(default_factory=dict)
    boost: Mapping[str, float] = field(default_factory=dict)


def tab_keys(library: Library) -> list[str]:
    """Tab keys in display order: all, favourites, recent, then the library's categories."""
    return [TAB_ALL, TAB_FAVOURITES, TAB_RECENT, *library.category_order()]


def _lookup(library: Library, ids: Iterable[str]) -> list[Script]:
    seen: set[str] = set()
    scripts = []
    for script_id in ids:
        script = library.script(script_id)
        if script is not None and script_id not in seen:
            seen.add(script_id)
            scripts.append(script)
    return scripts


def starting_list(library: Library, usage: Usage) -> list[Script]:
    """The empty-search list: favourites, recent, most used, then everything else in catalogue order."""
    most_used = sorted((i for i, n in usage.counts.items() if n > 0), key=lambda i: -usage.counts[i])
    personal = _lookup(library, [*usage.favourites, *usage.recent, *most_used])
    shown = {s.id for s in personal}
    return personal + [s for s in library.scripts if s.id not in shown]


@dataclass(frozen=True)
class Listing:
    """What the list shows; ``guessed`` when nothing matched as typed and these are the closest scenarios."""

    scripts: list[Script]
    guessed: bool = False


def scripts_for(
    index: SearchIndex, library: Library, usage: Usage, query: str, tab: str, platform: str | None = None
) -> Listing:
    """Scripts to list for the search text and tab (favourites, recent, a category or all) on ``platform``.

    Scripts whose ``platforms`` filter leaves the current platform out are not
    listed anywhere, favourites and recent included.
    """
    query = query.strip()
    pool = {TAB_FAVOURITES: usage.favourites, TAB_RECENT: usage.recent}.get(tab)
    if not query:
        if pool is not None:
            listed = _lookup(library, pool)
        elif tab == TAB_ALL:
            listed = starting_list(library, usage)
        else:
            listed = [s for s in library.scripts if s.category == tab]
        return Listing([s for s in listed if s.applies_to(platform)])
    limit = SEARCH_LIMIT if tab == TAB_ALL else FILTERED_SEARCH_LIMIT
    hits = index.search(query, limit=limit, boost=usage.boost, platform=platform)
    guessed = bool(hits) and all(h.fallback for h in hits)
    if tab == TAB_ALL:
        return Listing(_lookup(library, [h.id for h in hits]), guessed)
    if pool is not None:
        allowed = set(pool)
        return Listing(_lookup(library, [h.id for h in hits if h.id in allowed]), guessed)
    in_tab = [h.id for h in hits if h.scenario.split(".", 1)[0] == tab][:SEARCH_LIMIT]
    return Listing(_lookup(library, in_tab), guessed)
