"""Canonical text for compliance matching, with a map back to the original offsets.

Agents (and team leads writing libraries) defeat exact matching without
meaning to, or on purpose: 你 for 您, full-width ＶＸ, "五 星 好 评", a
zero-width space inside 爱要不要, "加.微.信". Rules are written once against a
canonical form and every match is mapped back to the characters the agent
typed, because the window underlines the original text.

Canonical form, step by step:

1. NFKC per character (full-width letters, digits and punctuation become
   ASCII; ㈠ and circled letters become plain ones), then lower case.
2. A few characters that mean the same to a reader are unified: 您/妳 -> 你,
   and a handful of traditional forms used in the rules (評 -> 评 ...).
3. Invisible format characters (zero-width space/joiner, BOM, soft hyphen,
   bidi marks, variation selectors, combining marks) are dropped.
4. Whitespace is dropped, except a single space between two ASCII letters or
   digits ("add my wechat" keeps its words) and a newline, which is kept as
   a sentence boundary.
5. Separators inserted between single characters are dropped: in
   "加.微.信" or "好-评-返-现" every element but the first and the last is one
   character, so the dots and dashes are padding, not punctuation. Sentence
   ends (。!?;) and newlines are never padding.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Same meaning to a reader, different code point: unified so one rule covers both.
_SAME = str.maketrans(
    {
        "您": "你",
        "妳": "你",
        "評": "评",
        "價": "价",
        "現": "现",
        "還": "还",
        "給": "给",
        "刪": "删",
        "號": "号",
        "們": "们",
        "對": "对",
        "貨": "货",
        "錢": "钱",
        "紅": "红",
        "禮": "礼",
        "聯": "联",
        "係": "系",
        "碼": "码",
        "轉": "转",
        "賬": "账",
        "帳": "账",
        "買": "买",
        "賣": "卖",
        "優": "优",
        "證": "证",
        "將": "将",
        "絕": "绝",
    }
)
_DROP_CATEGORIES = {"Cf", "Mn", "Me"}  # zero-width and bidi controls, variation selectors, combining marks
_MAX_CACHED = 50_000

# str.translate table filled lazily: ord(char) -> canonical string ("" drops the character).
_table: dict[int, str] = {}
_known: set[str] = set()
# Characters whose canonical form differs from themselves, and those whose form is not exactly
# one character (offsets shift after them). Most replies contain neither and take the fast path.
_changing: set[str] = set()
_irregular: set[str] = set()

# Whitespace that changes: anything but a lone newline.
_WHITESPACE_CHANGE = re.compile(r"[^\S\n]|\n\s")
_WHITESPACE = re.compile(r"\s+")
# An element is a run of word characters; padding is 1-3 separator characters (anything not a
# letter or digit, including "_" and emoji). Interior elements are single characters.
# Sentence ends (。!?;) and newlines are never padding: "好的。\n亲，..." stays two sentences.
_WORD = r"[^\W_]"
_PAD = r"(?:(?:(?![。!?;\n])[\W_]){1,3})"
_PADDED_RUN = re.compile(rf"{_WORD}(?:{_PAD}{_WORD}(?!{_WORD}))+{_PAD}{_WORD}")
_PAD_CHAR = re.compile(r"(?![。!?;\n])[\W_]")


def _canonical_char(char: str) -> str:
    """The canonical form of one character ("" when it is invisible)."""
    out = []
    for ch in unicodedata.normalize("NFKC", char).lower().translate(_SAME):
        if unicodedata.category(ch) not in _DROP_CATEGORIES:
            out.append(ch)
    return "".join(out)


def _learn(chars: set[str]) -> None:
    """Add characters not seen before to the translate table."""
    for char in chars - _known:
        canon = _canonical_char(char)
        if len(_known) >= _MAX_CACHED:  # a flood of distinct characters: stop remembering, stay correct
            _changing.add(char)
            _irregular.add(char)
            continue
        _known.add(char)
        _table[ord(char)] = canon
        if canon != char:
            _changing.add(char)
        if len(canon) != 1:
            _irregular.add(char)


@dataclass(frozen=True, slots=True)
class Normalised:
    """Canonical text plus, for each of its characters, the index of the original character.

    ``origin`` is None when no character was dropped or expanded (the usual
    case), meaning canonical offsets are original offsets.
    """

    text: str
    origin: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original ``[start, end)`` that canonical ``[start, end)`` came from."""
        if self.origin is None:
            return start, end
        if end <= start:
            return (self.origin[start], self.origin[start]) if start < len(self.origin) else (0, 0)
        return self.origin[start], self.origin[end - 1] + 1


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _expand(text: str) -> tuple[list[str], list[int]]:
    """Per-character canonical forms with origins (slow path: some character is dropped or expanded)."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        canon = _table.get(ord(char))
        if canon is None:
            canon = _canonical_char(char)
        for ch in canon:
            chars.append(ch)
            origin.append(index)
    return chars, origin


def _drop_whitespace(joined: str) -> list[bool]:
    keep = [True] * len(joined)
    for match in _WHITESPACE.finditer(joined):
        start, end = match.span()
        before = joined[start - 1] if start else ""
        after = joined[end] if end < len(joined) else ""
        for i in range(start, end):
            keep[i] = False
        if "\n" in match.group():
            keep[start + match.group().index("\n")] = True
        elif _is_ascii_alnum(before) and _is_ascii_alnum(after):
            keep[start] = True
    return keep


def normalise(text: str) -> Normalised:
    """Canonical form of ``text`` (see the module docstring) with the offset map."""
    present = set(text)
    _learn(present)
    chars: list[str] | None = None
    origin: list[int] | None = None
    if _changing.isdisjoint(present):
        joined = text
    elif _irregular.isdisjoint(present):
        joined = text.translate(_table)
    else:
        chars, origin = _expand(text)
        joined = "".join(chars)
    if _WHITESPACE_CHANGE.search(joined):
        if chars is None or origin is None:
            chars, origin = list(joined), list(range(len(joined)))
        keep = _drop_whitespace(joined)
        chars = [" " if c.isspace() and c != "\n" else c for c, k in zip(chars, keep, strict=True) if k]
        origin = [o for o, k in zip(origin, keep, strict=True) if k]
        joined = "".join(chars)
    if _PADDED_RUN.search(joined):
        if chars is None or origin is None:
            chars, origin = list(joined), list(range(len(joined)))
        keep = [True] * len(joined)
        for match in _PADDED_RUN.finditer(joined):
            for i in range(match.start(), match.end()):
                if _PAD_CHAR.match(joined, i):
                    keep[i] = False
        chars = [c for c, k in zip(chars, keep, strict=True) if k]
        origin = [o for o, k in zip(origin, keep, strict=True) if k]
        joined = "".join(chars)
    return Normalised(joined, None if origin is None else tuple(origin))


def normalise_phrase(phrase: str) -> str:
    """Canonical form of a phrase from a library (forbidden or allowed), matched against canonical text."""
    return normalise(phrase.strip()).text
