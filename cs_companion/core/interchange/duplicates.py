"""Near-duplicate phrases: of the built-in scripts, and of each other within one import.

Phrase lists grown over years hold the same reply five times with a changed
word. Comparing every pair of 5,000 phrases is 12.5 million comparisons, so
candidates are found first by prefix filtering on character bigrams (two
texts that are 90% alike share one of the rarest ~third of their bigrams),
and only those pairs are scored with rapidfuzz.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from cs_companion.core.template import PLACEHOLDER
from cs_companion.core.text import bigrams, normalise

SIMILAR = 90.0
"""rapidfuzz ratio (0-100) from which two phrases count as near-duplicates."""
_PREFIX_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class Duplicate:
    """Phrase ``index`` is ``score``% like ``other`` (another import index, or a built-in script id)."""

    index: int
    other: int | str
    score: float


def comparable(body: str) -> str:
    """The words of a body without placeholders, punctuation or case: what makes two replies the same."""
    return normalise(PLACEHOLDER.sub("", body))


def of_builtin(bodies: Sequence[str], builtin: dict[str, str]) -> list[Duplicate]:
    """Imported phrases that are near-copies of a built-in script (``builtin``: id -> body)."""
    ids = list(builtin)
    choices = [comparable(builtin[i]) for i in ids]
    found = []
    for index, body in enumerate(bodies):
        text = comparable(body)
        if len(text) < 4:
            continue
        best = process.extractOne(text, choices, scorer=fuzz.ratio, score_cutoff=SIMILAR)
        if best is not None:
            found.append(Duplicate(index, ids[best[2]], round(best[1], 1)))
    return found


def among(bodies: Sequence[str]) -> list[Duplicate]:
    """Pairs of imported phrases that are near-copies of each other (each pair once, later -> earlier)."""
    texts = [comparable(b) for b in bodies]
    grams = [sorted(bigrams(t)) for t in texts]
    frequency: dict[str, int] = {}
    for gram_list in grams:
        for gram in gram_list:
            frequency[gram] = frequency.get(gram, 0) + 1
    postings: dict[str, list[int]] = {}
    found = []
    for index, gram_list in enumerate(grams):
        if len(texts[index]) < 4:
            continue
        gram_list.sort(key=lambda g: (frequency[g], g))
        prefix = gram_list[: max(1, math.ceil(len(gram_list) * _PREFIX_SHARE))]
        candidates: set[int] = set()
        for gram in prefix:
            candidates.update(postings.get(gram, ()))
        best: tuple[float, int] | None = None
        for other in candidates:
            score = fuzz.ratio(texts[index], texts[other], score_cutoff=SIMILAR)
            if score and (best is None or score > best[0]):
                best = (score, other)
        if best is not None:
            found.append(Duplicate(index, best[1], round(best[0], 1)))
        for gram in prefix:
            postings.setdefault(gram, []).append(index)
    return found
