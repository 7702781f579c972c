"""Text normalisation and pinyin forms used by search.

Queries and library text are folded the same way (NFKC, lower case, no
spaces or punctuation) so ``ＷＵＬＩＵ``, ``wu liu`` and ``wuliu`` are one query.
Pinyin is computed once per distinct phrase at index time and cached, never
per keystroke.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cs_companion.core import textfold

_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def normalise(text: str) -> str:
    """Fold width and case (NFKC, lower case) and drop whitespace and punctuation.

    ``textfold`` leaves NFKC out where it cannot change the result (most text).
    """
    return textfold.normalise(text, _NOISE)


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


@lru_cache(maxsize=65536)
def pinyin_forms(phrase: str) -> tuple[str, str]:
    """Full pinyin and initials of a normalised phrase: 物流延迟 -> (wuliuyanchi, wlyc).

    Non-Chinese characters are kept as they are, so ``ipad保护壳`` gives
    ``ipadbaohuke`` and ``ipadbhk``. Phrases without Chinese return ("", "").
    """
    if not has_cjk(phrase):
        return "", ""
    # pypinyin cuts a phrase into dictionary words and converts each one; we cut the same way and
    # cache per word: 10,000 titles and keywords have ~11,000 distinct segments but ~1,000 words.
    # (Per character is not the same: 绿 alone is lv, in 绿林 lu.)
    syllables = [syllable for word in _segment(phrase) for syllable in _word_pinyin(word)]
    full = "".join(syllables)
    initials = "".join(s[0] for s in syllables if s)
    return full, initials


def _segment(phrase: str) -> list[str]:
    """The words pypinyin cuts ``phrase`` into (``pypinyin.seg.simpleseg.seg``), with its own dictionaries."""
    # Imported here: pypinyin loads large dictionaries (~250 ms) and is only
    # needed when an index is built, not when a start-up reads the snapshot.
    from cs_companion.core.pinyin_seg import segment

    return segment(phrase)


@lru_cache(maxsize=65536)
def _word_pinyin(word: str) -> tuple[str, ...]:
    """Syllables of one word as pypinyin cuts a phrase (non-Chinese characters kept as they are)."""
    from pypinyin import Style, lazy_pinyin

    return tuple(lazy_pinyin(word, style=Style.NORMAL, errors=lambda chars: list(chars)))  # type: ignore[arg-type,return-value]  # pypinyin accepts a list


_SEGMENT_SPLIT = re.compile(r"[\s\W_]+", re.UNICODE)


def pinyin_of_text(text: str) -> tuple[str, str]:
    """Pinyin forms of raw text, computed per punctuation-separated segment.

    Segments (物流延迟 / 首次回复 / 蓝牙耳机) repeat across many scripts, so
    caching per segment makes indexing 10,000 titles cheap; pypinyin still
    sees whole words, so polyphones like 还没 / 银行 come out right.
    """
    fulls, initials = [], []
    for segment in textfold.split(text, _SEGMENT_SPLIT):
        if segment:
            full, init = pinyin_forms(segment)
            fulls.append(full)
            initials.append(init)
    return "".join(fulls), "".join(initials)


def bigrams(text: str) -> set[str]:
    """Character bigrams of a normalised text (a one-character text is its own gram)."""
    if len(text) < 2:
        return {text} if text else set()
    return {text[i : i + 2] for i in range(len(text) - 1)}


_GREETING = re.compile(
    r"^(?:亲+|您好|你好|在吗|在不在|在么|在嘛|有人吗|有人在吗|客服|请问|哈喽|嗨|早上好|上午好|中午好|下午好|晚上好|早|"
    r"hello|hi|hey|在|呀|啊|哈|嗯|呢|吗|么|哦|喂|老板|掌柜|店家|美女|小姐姐|宝|宝宝|你们|家)+$"
)


def is_greeting(text: str) -> bool:
    """A normalised message that is only a greeting (你好在吗, 亲在不在, hello): nothing else to answer yet."""
    return bool(text) and _GREETING.match(text) is not None
