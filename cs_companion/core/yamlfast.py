"""The fast YAML path: yaml-rs (Rust) reads a well-formed library file about 10x faster than libyaml.

Composing libyaml nodes and converting them in Python (``yamlnodes``) costs
~3-4 s for a 10,000-script team library; yaml-rs returns the same plain
values in ~0.3 s. It is only trusted where it cannot differ from the careful
path: ``fast_parse`` returns None, and the caller parses carefully, when

- yaml-rs is missing or fails (syntax errors, duplicate keys: the careful path
  says exactly where);
- the text has anchors, aliases, tags, merge keys, directives or several
  documents (the careful path enforces their limits; library files use none);
- it has characters YAML forbids or line breaks other than ``\\n`` and ``\\r\\n``;
- a value could be read differently by YAML 1.1 (PyYAML) and YAML 1.2
  (yaml-rs): ``yes``/``on``, ``017``, ``1e5``, ``1:20``, ``2026-2-1``;
- nesting is deeper than MAX_DEPTH, there are more than MAX_NODES values, or
  a number is longer than MAX_NUMBER_CHARS.

Positions: the values the combined library keeps need exact ones: each item
of the top-level ``categories``, ``scenarios`` and ``scripts`` lists (a
script remembers its line; an id used twice across files names both places)
and each top-level key's value. Those are found in the text and checked
against the parsed values; everything else gets the file's first line, so the
caller re-parses carefully whenever the schema finds a problem in the file.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

import yaml.resolver

from cs_companion.core.problems import Location
from cs_companion.core.yamlnodes import parse_nodes
from cs_companion.core.yamltypes import MAX_DEPTH, MAX_NODES, MAX_NUMBER_CHARS, YamlList, YamlMap, YamlParseError

try:
    import yaml_rs
except ImportError:  # pragma: no cover - a platform without a yaml-rs wheel: always the careful path
    yaml_rs = None  # type: ignore[assignment]

_INDICATOR = re.compile(r"[&*!]")
"""Anchor, alias and tag indicators (counted only where one can start a node: see ``_screened``)."""
_FLOW_COLON_OPEN = re.compile(r"[\[{,]\s*:")
_FLOW_COLON_CLOSE = re.compile(r":[\]},]")
"""':' opening or closing a flow item: YAML 1.2 reads [:x] and [a:] where libyaml refuses them."""
_TAB_INDENT = re.compile(r"(?:\A|\n)[ ?:-]*\t")
"""A tab in indentation or after '- ': libyaml refuses some that yaml-rs accepts."""
_ODD_BREAKS = re.compile(r"[\x85\u2028\u2029]")
_LONE_CR = re.compile(r"\r(?!\n)")
"""Line breaks that would make our line numbers differ from the parser's."""
_NON_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DOCUMENT_MARKER = re.compile(r"\n(---|\.\.\.)(?=[ \t\r\n]|\Z)")
"""Searched in "\n" + text: a pattern that starts with a plain character is found several times faster."""
_BLANK_OR_COMMENTS = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\r?\n)*")
_NUMBER_TOKEN = re.compile(r"[ \t\n\[{,]([-+]?[._]*[0-9][^ \t\r\n,\[\]{}#]*)[ \t]*(?=\r?\n|#|[,\]}]|\Z)")
"""A plain scalar that looks like a number, alone as a value: YAML 1.1 and 1.2 disagree on some (017, 1e5, _9)."""
_ITEM = re.compile(r"\n( *)-(?=[ \t]|\r?\n)")
_LOCATED_LISTS = ("categories", "scenarios", "scripts")
_RESOLVERS = {
    first: [rx for tag, rx in pairs if tag != "tag:yaml.org,2002:str"]
    for first, pairs in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
    if first
}
"""PyYAML's implicit types by first character: a text value matching one may have been read as a plain scalar."""
_SUSPECT = frozenset(_RESOLVERS) | frozenset(" \t\r\n\x85\xa0\u2028\u2029\u3000")
"""First characters of text values worth a closer look: PyYAML types, or maybe all blank (see ``_text_agrees``)."""
_MAX_NUMBER = 10**MAX_NUMBER_CHARS


class _Refuse(Exception):
    """The fast path cannot vouch for this text; the careful path decides."""


def fast_parse(text: str, filename: str) -> tuple[Any] | None:
    """``(value,)`` as the careful path would parse ``text`` (positions: see the module docstring), or None."""
    if yaml_rs is None or not _screened(text):
        return None
    try:
        value = yaml_rs.loads(text, parse_datetime=False)
        result = _Builder(Location(filename, 1, 1)).build(value, 1)
        if isinstance(result, YamlMap):
            _locate_top_level(result, text, filename)
    except (_Refuse, yaml_rs.YAMLDecodeError, ValueError, TypeError, OverflowError):
        return None
    return (result,)


def _screened(text: str) -> bool:
    """False when the text uses anything the fast path leaves to the careful one (module docstring).

    Each check is a plain scan in C (~2-25 ms for 2.5 MB); one combined regex was several times slower.
    """
    if text.startswith(("\ufeff", "%")) or not text.endswith("\n"):
        return False  # (without a final line break libyaml and yaml-rs end a block scalar differently)
    for match in _INDICATOR.finditer(text):
        if match.start() == 0 or text[match.start() - 1] in " \t\r\n[]{},:":
            return False
    if "<<" in text or "\n%" in text or _FLOW_COLON_OPEN.search(text) or _FLOW_COLON_CLOSE.search(text):
        return False
    if _NON_PRINTABLE.search(text) or _ODD_BREAKS.search(text) or ("\r" in text and _LONE_CR.search(text)):
        return False
    if "\t" in text and _TAB_INDENT.search(text):
        return False
    lined = "\n" + text  # offsets in it are one past those in text
    markers = [(m.group(1), m.start(1) - 1) for m in _DOCUMENT_MARKER.finditer(lined)]
    if markers and markers != [("---", _BLANK_OR_COMMENTS.match(text).end())]:  # type: ignore[union-attr]
        return False  # several documents, or '...'
    return all(_number_agrees(match.group(1)) for match in _NUMBER_TOKEN.finditer(lined))


@lru_cache(maxsize=4096)
def _careful_value(token: str) -> Any:
    """What the careful path makes of ``token`` written as a plain scalar (a sentinel if it refuses it)."""
    try:
        return parse_nodes(f"k: {token}\n", "")["k"]
    except (YamlParseError, TypeError, KeyError):
        return _Refuse


def _fast_value(token: str) -> Any:
    """What yaml-rs makes of ``token`` written as a plain scalar (raises whatever yaml-rs raises)."""
    document: Any = yaml_rs.loads(f"k: {token}\n", parse_datetime=False)
    return document["k"]


@lru_cache(maxsize=4096)
def _number_agrees(token: str) -> bool:
    """True when PyYAML and yaml-rs read the plain scalar ``token`` as the same value."""
    careful = _careful_value(token)
    try:
        fast = _fast_value(token)
    except Exception:  # whatever yaml-rs dislikes, the careful path decides
        return False
    return type(fast) is type(careful) and fast == careful


@lru_cache(maxsize=8192)
def _text_agrees(text: str) -> bool:
    """True unless ``text`` could have been a plain scalar the careful path reads differently (yes, 2026-2-1)."""
    if text[:1].isspace() and text.isspace():
        return False  # a block scalar of blank lines: libyaml reads "", yaml-rs "\n"
    resolvers = _RESOLVERS.get(text[:1])
    if resolvers is None or not any(rx.match(text) for rx in resolvers):
        return True
    return _quoted_or_same(text)


@lru_cache(maxsize=4096)
def _quoted_or_same(text: str) -> bool:
    """True when text value ``text`` must be read the same by both parsers.

    Either the careful path reads it as this text even when written plain
    (``2026-11-23`` becomes that date's ISO text), or yaml-rs would have
    typed it if it were plain (``12315``), so it was quoted: text for both.
    """
    careful = _careful_value(text)
    if type(careful) is str and careful == text:
        return True
    try:
        return type(_fast_value(text)) is not str
    except Exception:  # whatever yaml-rs dislikes, the careful path decides
        return False


class _Builder:
    """Turns yaml-rs values into YamlMap/YamlList, refusing whatever the careful path would read differently."""

    def __init__(self, first: Location) -> None:
        self.first = first
        self.nodes = 0

    def build(self, value: Any, depth: int) -> Any:
        kind = type(value)
        if kind is str:
            if not _text_agrees(value):
                raise _Refuse
            return value
        if kind is dict:
            return self._mapping(value, depth)
        if kind is list:
            return self._sequence(value, depth)
        if kind is int and not -_MAX_NUMBER < value < _MAX_NUMBER:
            raise _Refuse
        if kind is float and math.isnan(value):
            raise _Refuse
        if value is None or kind in (bool, int, float):
            return value
        raise _Refuse  # dates, bytes, sets ...: never produced by the careful path

    def _count(self, size: int, depth: int) -> None:
        self.nodes += size + 1
        if self.nodes > MAX_NODES or depth > MAX_DEPTH:
            raise _Refuse

    def _mapping(self, value: dict[Any, Any], depth: int) -> YamlMap:
        self._count(len(value), depth)
        result = YamlMap(value)
        suspect = _SUSPECT
        for key, item in value.items():
            if type(key) is not str or (key[:1] in suspect and not _text_agrees(key)):
                raise _Refuse  # the careful path turns 1: or yes: into text keys
            if type(item) is not str or (item[:1] in suspect and not _text_agrees(item)):
                result[key] = self.build(item, depth + 1)
        result.location = self.first
        result.key_locations = {}
        return result

    def _sequence(self, value: list[Any], depth: int) -> YamlList:
        self._count(len(value), depth)
        result = YamlList(value)
        suspect = _SUSPECT
        for pos, item in enumerate(value):
            if type(item) is not str or (item[:1] in suspect and not _text_agrees(item)):
                result[pos] = self.build(item, depth + 1)
        result.location = self.first
        result.item_locations = [self.first] * len(value)
        return result


def _locate_top_level(top: YamlMap, text: str, filename: str) -> None:
    """Exact locations of the top-level values and of the items of the lists the library keeps."""
    starts: dict[str, int] = {}
    lined = "\n" + text  # a pattern that starts with a plain character is found several times faster
    for key in top:
        pattern = rf"\n{re.escape(key)}[ \t]*:(?=[ \t]|\r?\n|\Z)"
        found = [m.end() - 1 for m in re.finditer(pattern, lined)]
        if len(found) != 1:
            raise _Refuse  # a quoted key, a flow mapping, an indented document ...
        starts[key] = found[0]
    ends = sorted(starts.values())
    offsets: dict[str, int] = {}
    items: dict[str, list[int]] = {}
    for key, start in starts.items():
        offsets[key] = _node_start(text, start)
        value = top[key]
        if key in _LOCATED_LISTS and isinstance(value, YamlList) and value:
            end = next((e for e in ends if e > start), len(text))
            items[key] = _item_starts(text, start, end, value)
    order = sorted({*offsets.values(), *(p for found in items.values() for p in found)})
    where = dict(zip(order, _locations(text, order, filename), strict=True))
    top.key_locations = {key: where[offset] for key, offset in offsets.items()}
    for key, found in items.items():
        top[key].item_locations = [where[p] for p in found]


def _item_starts(text: str, start: int, end: int, items: YamlList) -> list[int]:
    """Where each item of a block sequence starts; refuses unless they match the parsed items one to one."""
    first = _ITEM.search(text, start, end)
    if first is None:
        raise _Refuse
    dash = re.compile(r"\n" + first.group(1) + r"-(?=[ \t]|\r?\n)")  # the items, not the lists inside them
    found = [_node_start(text, m.end()) for m in dash.finditer(text, first.start(), end)]
    if len(found) != len(items):
        raise _Refuse
    for pos, item in zip(found, items, strict=True):
        if isinstance(item, dict) and item and text[pos] not in "{'\"" and not text.startswith(next(iter(item)), pos):
            raise _Refuse
    return found


def _node_start(text: str, pos: int) -> int:
    """Offset of the first character of the value written after ``pos`` (on this line or a later one)."""
    while True:
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        if pos < len(text) and text[pos] not in "#\r\n":
            return pos
        newline = text.find("\n", pos)
        if newline < 0:
            return len(text)
        pos = newline + 1


def _locations(text: str, offsets: list[int], filename: str) -> list[Location]:
    """Line and column (both from 1) of each of the sorted ``offsets``, counting lines once."""
    found, line, last = [], 1, 0
    for offset in offsets:
        line += text.count("\n", last, offset)
        last = offset
        found.append(Location(filename, line, offset - (text.rfind("\n", 0, offset) + 1) + 1))
    return found
