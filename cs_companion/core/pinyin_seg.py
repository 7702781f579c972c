"""pypinyin's word segmentation (``simpleseg.seg``), the same cuts at a fraction of the Python steps.

Pinyin of 10,000 titles and keywords means segmenting ~12,000 distinct
phrases when an index is built. pypinyin classifies every character with a
regex in a Python loop, then cuts each run of Chinese characters by forward
maximum matching in a generator that re-slices the rest of the phrase at
every step (~40% of the pinyin time). This module makes exactly the same cuts
from pypinyin's own prefix set and phrase dictionary: characters are
classified once each, runs are found with ``groupby``, and the matching walks
indexes. If pypinyin's internals are not the ones this was written against
(the strict-mode segmenter over its trained prefix set), pypinyin's ``seg``
itself is used, so the result never differs; ``tests/core/test_search_build``
compares both on library text, random characters and dictionary words.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from itertools import groupby

from pypinyin.constants import PHRASES_DICT, RE_HANS
from pypinyin.seg import mmseg, simpleseg

_hans: dict[str, bool] = {}
"""Character -> whether pypinyin treats it as Chinese (RE_HANS), learnt once per character."""


def _prefix_set() -> Container[str] | None:
    """pypinyin's trained prefix set if its segmenter is the strict one over it, else None (use pypinyin)."""
    prefixes = getattr(mmseg.p_set, "_set", None)
    segmenter = mmseg.seg
    if (
        not isinstance(prefixes, set)
        or not PHRASES_DICT
        or getattr(segmenter, "_prefix_set", None) is not mmseg.p_set
        or getattr(segmenter, "_no_non_phrases", None) is not True
    ):
        return None
    return prefixes


_PREFIXES = _prefix_set()


def cut(run: str, prefixes: Container[str], words: Container[str]) -> list[str]:
    """``mmseg.Seg.cut`` in strict mode: longest dictionary word at each position, else one character.

    As in pypinyin, the scan at a position stops at the first prefix that no
    word starts with, and when the rest of the run is all prefix but holds no
    word, it is cut into single characters.
    """
    found: list[str] = []
    start, end = 0, len(run)
    while start < end:
        stop = valid = start
        while stop < end and run[start : stop + 1] in prefixes:
            stop += 1
            if run[start:stop] in words:
                valid = stop
        if valid > start:
            found.append(run[start:valid])
            start = valid
        elif stop == end:
            found.extend(run[start:])
            break
        else:
            found.append(run[start])
            start += 1
    return found


def _learn(phrase: str) -> Callable[[str], bool]:
    """Classify the characters of ``phrase`` not seen before; returns the (C-level) lookup for all of them."""
    for char in set(phrase).difference(_hans):
        _hans[char] = RE_HANS.match(char) is not None
    return _hans.__getitem__


def segment(phrase: str) -> list[str]:
    """The words ``pypinyin.seg.simpleseg.seg(phrase)`` gives: runs of non-Chinese kept whole, Chinese cut."""
    prefixes = _PREFIXES
    if prefixes is None:
        return list(simpleseg.seg(phrase))
    hans = _learn(phrase)
    if all(map(hans, phrase)):
        return cut(phrase, prefixes, PHRASES_DICT) if phrase else [""]
    found: list[str] = []
    for chinese, chars in groupby(phrase, hans):
        run = "".join(chars)
        if chinese:
            found += cut(run, prefixes, PHRASES_DICT)
        else:
            found.append(run)
    return found
