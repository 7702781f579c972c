"""The usual search text skips NFKC: ``normalise`` without the Unicode normaliser where that cannot differ.

``text.normalise`` is ``NFKC -> lower case -> drop whitespace and
punctuation``. NFKC (~70 ns a character in CPython) was the largest single
cost of indexing 10,000 scripts (bodies and examples are long), yet for
library text it only turns full-width punctuation into ASCII punctuation,
which is dropped right after.

Why leaving it out is exact for some texts. Call a character *inert*
(``INERT``: ASCII, general and CJK punctuation, CJK ideographs) when it is a
starter (combining class 0) that is not the second character of any
canonical composition; no two inert characters compose. A character is
*fast* (``FAST``) when its compatibility decomposition (NFKD) is all inert
and ``normalise`` of it equals lower-casing it and dropping punctuation
(``，`` -> ``""``, ``A`` -> ``a``, ``退`` -> ``退``). For a text of fast
characters NFKC composes and reorders nothing, so it works character by
character; lower-casing in CPython is per character except for capital sigma
(not fast), and dropping punctuation is per character. So ``normalise`` of
the text is the concatenation of each character's, which is what lower-casing
and dropping alone give. Any other text (``Ａ``, ``é``, ``①``, Hangul,
Greek, ``→``) takes the full path. The same holds for cutting text into
words at whitespace and punctuation (``split``): each fast character's
lower-case form and that of its NFKC are either both all punctuation or equal. ``tests/core/test_textfold`` checks both
sets against the Unicode data of this Python and compares the paths on
random text.
"""

from __future__ import annotations

import re
import unicodedata

INERT = re.compile(r"[\x00-\x7f\u00b7\u2010-\u2027\u2030-\u205e\u3000-\u3029\u3030-\u303f\u3400-\u4dbf\u4e00-\u9fff]*")
"""Starters that never compose (whole-string ``fullmatch``): ASCII, punctuation, CJK ideographs."""
FAST = re.compile(
    r"[\x00-\x7f\u00b7\u2010-\u2016\u2018-\u2027\u2030-\u203d\u203f-\u205e\u3000-\u3029\u3030-\u3037"
    r"\u303b-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff5e\uff61-\uff64]*"
)
"""Characters whose ``normalise`` needs no NFKC, in any text of them alone (module docstring)."""


def normalise(text: str, noise: re.Pattern[str]) -> str:
    """``noise.sub("", NFKC(text).lower())``; without NFKC when every character of ``text`` is fast."""
    if FAST.fullmatch(text):  # one C-level scan, ~15x cheaper than NFKC
        return noise.sub("", text.lower())
    return noise.sub("", unicodedata.normalize("NFKC", text).lower())


def split(text: str, noise: re.Pattern[str]) -> list[str]:
    """``noise.split(NFKC(text).lower())``; without NFKC when every character of ``text`` is fast."""
    if FAST.fullmatch(text):
        return noise.split(text.lower())
    return noise.split(unicodedata.normalize("NFKC", text).lower())
