"""How much text a library may give the search index, checked before the index is built.

Per-field limits (``schema``) and the expanded-text limit per file
(``yamlsafe``) bound each script and each file, but a library may have 500
files: without a bound on the whole, a library can still take minutes to
index, and since every start indexes it again, the app would hang at each
start. A library over budget is refused like any invalid library, so a team
update keeps the last good one.

Indexing cost is dominated by pinyin: titles and keywords cost ~4-7 µs a
character (measured: 1,000 titles of 1,000 random CJK characters, 7.4 s),
examples ~0.3 µs, bodies and notes ~0.1 µs. Hence two budgets. The synthetic
10,000-script benchmark library uses 0.49 M and 2.5 M characters; the limits
leave about 2.5x and 5x room, and cap a worst-case index build at about 8 s
(normal text: about 5 s), which the app does in the background.
"""

from __future__ import annotations

from cs_companion.core.models import Library
from cs_companion.core.problems import Location, Problem

MAX_SEARCH_PHRASE_CHARS = 1_200_000
"""Characters of titles and keywords in one library (these get pinyin forms)."""

MAX_INDEXED_CHARS = 12_000_000
"""Characters of all indexed text in one library: titles, keywords, examples, bodies, notes."""


def indexed_chars(library: Library) -> tuple[int, int]:
    """(title + keyword characters, all indexed characters) of ``library``."""
    phrases = everything = 0
    for script in library.scripts:
        short = len(script.title) + sum(map(len, script.keywords))
        phrases += short
        everything += short + sum(map(len, script.examples)) + len(script.body) + len(script.notes)
    return phrases, everything


def budget_problem(library: Library, where: Location) -> Problem | None:
    """An error if ``library`` has more text than the search index may take, else None."""
    phrases, everything = indexed_chars(library)
    if phrases > MAX_SEARCH_PHRASE_CHARS:
        return where.problem(
            f"the library's titles and keywords have {phrases:,} characters in all; the limit is "
            f"{MAX_SEARCH_PHRASE_CHARS:,} (search would take too long to prepare): shorten them or split the library"
        )
    if everything > MAX_INDEXED_CHARS:
        return where.problem(
            f"the library has {everything:,} characters of searchable text in all; the limit is "
            f"{MAX_INDEXED_CHARS:,} (search would take too long to prepare): shorten it or split the library"
        )
    return None
