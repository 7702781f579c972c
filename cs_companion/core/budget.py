"""How much text a library may give the search index, checked before the index is built.

Per-field limits (``schema``) and the expanded-text limit per file
(``yamlsafe``) bound each script and each file, but a library may have 500
files: without a bound on the whole, a library can still take minutes to
index, and since every start indexes it again, the app would hang at each
start. A library over budget is refused like any invalid library, so a team
update keeps the last good one.

What indexing costs was measured (2-core machine, worst case = random CJK
text, which defeats every cache): pinyin ~19 µs per character of each
*distinct* title/keyword segment (pinyin is cached per segment); ~3 µs and
~250 bytes per *distinct* character bigram (the candidate postings); well
under 1 µs per character for the rest (normalising, per-script bigram sets).
Real libraries repeat themselves: the synthetic 10,000-script benchmark
library has 0.49 M title/keyword characters but only 45,000 in distinct
segments, and 10,800 distinct bigrams. Hence four budgets: the distinct ones
bound the expensive work (worst case about 4 s of pinyin and 1.6 s / 125 MB
of postings; real libraries are 4x and 45x under), the plain totals bound the
linear work. Measuring costs ~5% of parsing the same library.
"""

from __future__ import annotations

import re

from cs_companion.core import textfold
from cs_companion.core.models import Library
from cs_companion.core.problems import Location, Problem

MAX_SEARCH_PHRASE_CHARS = 1_200_000
"""Characters of titles and keywords in one library (2.5x the benchmark library)."""

MAX_INDEXED_CHARS = 12_000_000
"""Characters of all indexed text in one library: titles, keywords, examples, bodies, notes."""

MAX_PINYIN_CHARS = 200_000
"""Characters of the distinct title/keyword segments, each of which gets pinyin forms."""

MAX_DISTINCT_BIGRAMS = 500_000
"""Distinct character pairs in titles, keywords and examples (the pasted-message index)."""

_SEGMENTS = re.compile(r"[\s\W_]+", re.UNICODE)
"""How ``text.pinyin_of_text`` splits text: pinyin is computed and cached per segment."""


def indexed_chars(library: Library) -> tuple[int, int]:
    """(title + keyword characters, all indexed characters) of ``library``."""
    phrases = everything = 0
    for script in library.scripts:
        short = len(script.title) + sum(map(len, script.keywords))
        phrases += short
        everything += short + sum(map(len, script.examples)) + len(script.body) + len(script.notes)
    return phrases, everything


def distinct_work(library: Library) -> tuple[int, int]:
    """(characters of distinct title/keyword segments, distinct bigrams), counting stops past the limits.

    Each distinct text is folded (NFKC, lower case) and split once: its
    segments serve the pinyin count, and joined they are its normalised form
    (``text.normalise`` drops exactly what the split cuts at) for the bigrams.
    """
    segments: set[str] = set()
    pinyin_chars = 0
    grams: set[str] = set()
    seen: set[str] = set()  # a text seen before adds no new segment or bigram: most keywords repeat
    split: dict[str, list[str]] = {}  # the texts of the current script not seen before -> their segments

    def segments_of(raw: str) -> list[str]:
        found = split.get(raw)
        if found is None:
            found = split[raw] = textfold.split(raw, _SEGMENTS)
        return found

    for script in library.scripts:
        split.clear()
        for raw in (script.title, *script.keywords):
            if raw in seen:
                continue
            for segment in segments_of(raw):
                if segment not in segments:
                    segments.add(segment)
                    pinyin_chars += len(segment)
        for raw in (script.title, *script.keywords, *script.examples):
            if raw not in seen:
                seen.add(raw)
                text = "".join(segments_of(raw))
                grams.update(map(str.__add__, text, text[1:]))
        if pinyin_chars > MAX_PINYIN_CHARS or len(grams) > MAX_DISTINCT_BIGRAMS:
            break
    return pinyin_chars, len(grams)


def budget_problem(library: Library, where: Location) -> Problem | None:
    """An error if ``library`` has more text than the search index may take, else None."""
    phrases, everything = indexed_chars(library)
    too_much = None
    if phrases > MAX_SEARCH_PHRASE_CHARS:
        too_much = f"titles and keywords have {phrases:,} characters in all; the limit is {MAX_SEARCH_PHRASE_CHARS:,}"
    elif everything > MAX_INDEXED_CHARS:
        too_much = f"searchable text has {everything:,} characters in all; the limit is {MAX_INDEXED_CHARS:,}"
    else:
        pinyin_chars, grams = distinct_work(library)
        if pinyin_chars > MAX_PINYIN_CHARS:
            too_much = (
                f"titles and keywords have more than {MAX_PINYIN_CHARS:,} characters of different text "
                "(each needs its pinyin worked out)"
            )
        elif grams > MAX_DISTINCT_BIGRAMS:
            too_much = (
                f"titles, keywords and examples have more than {MAX_DISTINCT_BIGRAMS:,} different pairs of "
                "adjacent characters"
            )
    if too_much is None:
        return None
    return where.problem(
        f"the library is too big to search quickly: {too_much}; shorten titles, keywords or examples, "
        "or split the library"
    )
