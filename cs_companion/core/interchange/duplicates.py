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


def find(bodies: Sequence[str], builtin: dict[str, str]) -> tuple[list[Duplicate], list[Duplicate]]:
    """Near-copies of a built-in script (``other`` = its id), and of an earlier imported phrase (its index).

    Prefix filtering: with every bigram set sorted rarest first, two sets that overlap enough share a
    bigram within their first ``_PREFIX_SHARE``; only texts sharing one are compared, in one C call.
    """
    ids = list(builtin)
    known = [comparable(builtin[i]) for i in ids]
    texts = [comparable(b) for b in bodies]
    everything = known + texts
    grams = [list(bigrams(t)) for t in everything]
    frequency: dict[str, int] = {}
    for gram_list in grams:
        for gram in gram_list:
            frequency[gram] = frequency.get(gram, 0) + 1
    rank = frequency.__getitem__
    postings: dict[str, list[int]] = {}
    of_library: list[Duplicate] = []
    of_each_other: list[Duplicate] = []
    for position, gram_list in enumerate(grams):
        gram_list.sort(key=rank)
        head = gram_list[: max(1, math.ceil(len(gram_list) * _PREFIX_SHARE))]
        index = position - len(known)
        if index >= 0 and len(everything[position]) >= 4:
            candidates = sorted({c for gram in head for c in postings.get(gram, ())})
            if candidates:
                best = process.extractOne(
                    everything[position], [everything[c] for c in candidates], scorer=fuzz.ratio, score_cutoff=SIMILAR
                )
                if best is not None:
                    other = candidates[best[2]]
                    score = round(best[1], 1)
                    if other < len(known):
                        of_library.append(Duplicate(index, ids[other], score))
                    else:
                        of_each_other.append(Duplicate(index, other - len(known), score))
        for gram in head:
            postings.setdefault(gram, []).append(position)
    return of_library, of_each_other
