"""``normalise`` without NFKC for text of fast characters gives exactly what NFKC would (textfold's argument)."""

from __future__ import annotations

import random
import re
import sys
import unicodedata

from cs_companion.core import textfold
from cs_companion.core.text import _NOISE, normalise

BMP = [chr(code) for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF]


def reference(text: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", text).lower())


def composition_seconds() -> set[str]:
    """Characters that are the second of a canonical composition pair (they can merge into what precedes them)."""
    found = {chr(code) for code in [*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)]}  # Hangul vowels and finals
    for code in range(sys.maxunicode + 1):
        decomposition = unicodedata.decomposition(chr(code))
        if decomposition and not decomposition.startswith("<") and len(decomposition.split()) == 2:
            found.add(chr(int(decomposition.split()[1], 16)))
    return found


def test_inert_characters_are_starters_that_never_compose() -> None:
    inert = [c for c in BMP if textfold.INERT.fullmatch(c)]
    seconds = composition_seconds()
    assert len(inert) > 27_000
    assert [c for c in inert if unicodedata.combining(c) or c in seconds] == []


def test_fast_characters_decompose_to_inert_ones_and_need_no_nfkc() -> None:
    fast = [c for c in BMP if textfold.FAST.fullmatch(c)]
    assert "，" in fast and "A" in fast and "退" in fast and "　" in fast
    assert not any(textfold.FAST.fullmatch(c) for c in "Ａ①é→Σ〸\u0301가")
    wrong = [
        c
        for c in fast
        if not textfold.INERT.fullmatch(unicodedata.normalize("NFKD", c)) or _NOISE.sub("", c.lower()) != reference(c)
    ]
    assert wrong == []


def test_both_paths_agree_on_random_text_and_library_like_text() -> None:
    fast = [c for c in BMP if textfold.FAST.fullmatch(c)]
    tricky = [*"Ａ①é→ΣΑς\u0301\u0308\u3099\u1161\u11a8\u0b3e\u0b47İK가ᄀ〸‗‾豈ｶﾞ", "e\u0301"]
    rng = random.Random(7)
    texts = ["亲，您好！请问有什么可以帮您？", "ABC 退款（蓝牙耳机·旗舰店）", "ＷＵＬＩＵ", "wu liu", "ΑΣ,b", ""]
    for _ in range(100_000):
        pool = fast if rng.random() < 0.7 else fast[:200] + tricky
        texts.append("".join(rng.choice(pool) for _ in range(rng.randint(1, 10))))
    wrong = [t for t in texts if normalise(t) != reference(t)]
    assert wrong == []


def test_noise_pattern_is_the_one_search_uses() -> None:
    """textfold's per-character argument holds for a pattern that is one character class (it is)."""
    assert _NOISE.pattern == r"[\s\W_]+" and _NOISE.flags & re.UNICODE


def test_cutting_into_words_needs_no_nfkc_for_fast_text() -> None:
    """Each fast character's lower case and that of its NFKC are both all punctuation, or the same text."""
    fast = [c for c in BMP if textfold.FAST.fullmatch(c)]
    for char in fast:
        plain, folded = char.lower(), unicodedata.normalize("NFKC", char).lower()
        assert bool(_NOISE.fullmatch(plain)) == bool(_NOISE.fullmatch(folded)), char
        assert _NOISE.fullmatch(plain) or plain == folded, char
    rng = random.Random(8)
    texts = ["物流延迟，首次回复", "（蓝牙耳机·旗舰店）ABC", "ＷＵＬＩＵ！", "é,Σ"]
    texts += ["".join(rng.choice(fast[:300] + fast[-300:]) for _ in range(rng.randint(1, 12))) for _ in range(20_000)]
    wrong = [t for t in texts if textfold.split(t, _NOISE) != _NOISE.split(unicodedata.normalize("NFKC", t).lower())]
    assert wrong == []
