"""The careful YAML path: libyaml composes nodes, we convert them one by one with limits and positions.

This is the path that knows exactly where everything was written, so every
problem can name ``file:line:col``. We never call a YAML constructor on the
document as a whole: the file is only *composed* into a node graph (libyaml's
C parser when available), then converted here node by node. That gives us:

- no Python object construction and no custom tags (anything but the standard
  scalar, sequence and mapping tags is rejected);
- a bound on alias expansion, counted in values *and* in characters of text
  (a "billion laughs" document, or a few aliases repeating one huge string,
  stops with an error before anything is built);
- invalid scalars (``2026-02-30``, ``!!int abc``, a 5,000-digit number) reported
  as located problems instead of escaping as ValueError;
- duplicate mapping keys reported instead of silently overwritten;
- a location on every mapping and sequence item, so later schema checks can
  name ``file:line:col``, and the source span of every text value, so a
  problem inside a block scalar (a bad ``{{placeholder}}`` on its fourth
  line) points at that line, not at ``body: |-``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from cs_companion.core.problems import Location, Problem
from cs_companion.core.yamltypes import (
    MAX_DEPTH,
    MAX_EXPANDED_CHARS,
    MAX_NODES,
    MAX_NUMBER_CHARS,
    SourceText,
    YamlList,
    YamlMap,
    YamlParseError,
)

try:  # libyaml is several times faster; fall back to pure Python when absent.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_MERGE = "tag:yaml.org,2002:merge"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"

_scalar_constructor = yaml.constructor.SafeConstructor()


_KINDS = {
    "tag:yaml.org,2002:int": "whole number",
    "tag:yaml.org,2002:float": "number",
    "tag:yaml.org,2002:bool": "true/false value",
    "tag:yaml.org,2002:null": "empty value",
    "tag:yaml.org,2002:timestamp": "date or time",
}


def parse_nodes(text: str, filename: str) -> Any:
    """Parse one YAML document into located plain values (YamlMap/YamlList/scalars).

    Raises YamlParseError for syntax errors, unsupported tags, duplicate keys,
    recursive or over-expanded aliases, and multi-document streams. The size
    limit is checked by the caller (``yamlsafe.parse_yaml``).
    """
    try:
        _check_nesting(text, filename)
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            what = f"{exc.problem} ({exc.context})"
        raise YamlParseError(Problem(filename, line, col, f"YAML syntax error: {what}")) from None
    except yaml.reader.ReaderError as exc:  # control characters; position is a character offset
        pos = max(0, min(exc.position, len(text)))
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        char = f" #x{exc.character:04x}" if isinstance(exc.character, int) else ""
        raise YamlParseError(Problem(filename, line, col, f"unacceptable character{char}: {exc.reason}")) from None
    except yaml.YAMLError as exc:
        first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise YamlParseError(Problem(filename, 1, 1, f"YAML error: {first_line}")) from None
    if node is None:
        return None
    converter = _Converter(SourceText(filename, text))
    converter.check_limits(node)
    return converter.convert(node)


_OPEN_EVENTS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE_EVENTS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _check_nesting(text: str, filename: str) -> None:
    """Refuse documents nested deeper than MAX_DEPTH before anything recursive sees them.

    The event parser is a state machine (no recursion), so this is safe on any input.
    """
    loader = _Loader(text)
    try:
        depth = 0
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, _OPEN_EVENTS):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
                    message = f"values are nested more than {MAX_DEPTH} levels deep"
                    raise YamlParseError(Problem(filename, line, column, message))
            elif isinstance(event, _CLOSE_EVENTS):
                depth -= 1
    finally:
        loader.dispose()


class _Converter:
    """Walks a composed node graph into located plain values, with limits."""

    def __init__(self, source: SourceText) -> None:
        self.source = source
        self.filename = source.filename
        self.budget = MAX_NODES
        self.active: set[int] = set()

    def _loc(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.filename, mark.line + 1, mark.column + 1)

    def _fail(self, node: yaml.Node, message: str) -> YamlParseError:
        loc = self._loc(node)
        return YamlParseError(loc.problem(message))

    def check_limits(self, root: yaml.Node) -> None:
        """Measure the fully expanded document without building it, so an alias bomb fails fast.

        Values, characters of text and depth are memoised per node, so this costs
        one visit per node as written, however often aliases repeat it.
        """
        measured: dict[int, tuple[int, int, int]] = {}
        active: set[int] = set()

        def measure(node: yaml.Node) -> tuple[int, int, int]:
            if isinstance(node, yaml.ScalarNode):
                return 1, len(node.value), 0
            key = id(node)
            known = measured.get(key)
            if known is not None:
                return known
            if key in active:
                raise self._fail(node, "recursive alias: a value refers to itself")
            active.add(key)
            children = node.value if isinstance(node, yaml.SequenceNode) else [n for pair in node.value for n in pair]
            size, chars, depth = 1, 0, 0
            for child in children:
                child_size, child_chars, child_depth = measure(child)
                size += child_size
                chars += child_chars
                depth = max(depth, child_depth)
                if size > MAX_NODES:
                    raise self._fail(node, "document expands to too many values (alias bomb?); refusing to load it")
                if chars > MAX_EXPANDED_CHARS:
                    raise self._fail(
                        node,
                        f"document expands to more than {MAX_EXPANDED_CHARS:,} characters of text once aliases "
                        "(*name) are repeated; refusing to load it",
                    )
            depth += 1
            if depth > MAX_DEPTH:
                raise self._fail(node, f"values are nested more than {MAX_DEPTH} levels deep once aliases are expanded")
            active.discard(key)
            measured[key] = (size, chars, depth)
            return size, chars, depth

        measure(root)

    def convert(self, node: yaml.Node) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise self._fail(node, "document expands to too many values (alias bomb?); refusing to load it")
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        key = id(node)
        if key in self.active:
            raise self._fail(node, "recursive alias: a value refers to itself")
        self.active.add(key)
        try:
            if isinstance(node, yaml.SequenceNode):
                return self._sequence(node)
            assert isinstance(node, yaml.MappingNode)  # scalars never reach here
            return self._mapping(node)
        finally:
            self.active.discard(key)

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _SCALAR_TAGS:
            raise self._fail(node, f"unsupported YAML tag {node.tag!r}; only plain values are allowed")
        if node.tag == _INT and len(node.value) > MAX_NUMBER_CHARS:
            raise self._fail(
                node,
                f"number is {len(node.value):,} characters long; the limit is {MAX_NUMBER_CHARS} "
                "(put it in quotes if it is meant as text)",
            )
        try:
            value = _scalar_constructor.yaml_constructors[node.tag](_scalar_constructor, node)
        except Exception:  # PyYAML raises ValueError, KeyError, AttributeError... on bad scalars
            shown = node.value if len(node.value) <= 40 else node.value[:40] + "…"
            kind = _KINDS.get(node.tag, "value")
            message = f"{shown!r} is not a valid {kind} (put it in quotes if it is meant as text)"
            raise self._fail(node, message) from None
        if isinstance(value, dt.datetime):
            return value.isoformat(sep=" ")
        if isinstance(value, dt.date):  # dates stay text: the library only displays them
            return value.isoformat()
        return value

    def _sequence(self, node: yaml.SequenceNode) -> YamlList:
        if node.tag != _SEQ:
            raise self._fail(node, f"unsupported YAML tag {node.tag!r}; only plain lists are allowed")
        result = YamlList(self.convert(item) for item in node.value)
        result.location = self._loc(node)
        result.item_locations = [self._loc(item) for item in node.value]
        return result

    def _mapping(self, node: yaml.MappingNode) -> YamlMap:
        if node.tag != _MAP:
            raise self._fail(node, f"unsupported YAML tag {node.tag!r}; only plain mappings are allowed")
        result = YamlMap()
        result.location = self._loc(node)
        result.key_locations = {}
        result.text_spans = {}
        result.source = self.source
        merged: list[YamlMap] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merged.extend(self._merge_sources(value_node))
                continue
            key = self.convert(key_node)
            if isinstance(key, (YamlMap, YamlList)):
                raise self._fail(key_node, "a mapping key must be a plain value")
            key = str(key) if not isinstance(key, str) else key
            if key in result:
                first = result.key_locations[key]
                raise self._fail(key_node, f"duplicate key {key!r} (first defined at line {first.line})")
            result[key] = self.convert(value_node)
            result.key_locations[key] = self._loc(value_node)
            if isinstance(value_node, yaml.ScalarNode):
                result.text_spans[key] = (value_node.start_mark.index, value_node.end_mark.index)
        for source in merged:  # YAML merge keys: explicit keys win over merged ones
            for key, value in source.items():
                if key not in result:
                    result[key] = value
                    result.key_locations[key] = source.loc(key)
                    if key in source.text_spans:
                        result.text_spans[key] = source.text_spans[key]
        return result

    def _merge_sources(self, node: yaml.Node) -> list[YamlMap]:
        value = self.convert(node)
        sources = value if isinstance(value, YamlList) else [value]
        if not all(isinstance(s, YamlMap) for s in sources):
            raise self._fail(node, "'<<' must merge a mapping or a list of mappings")
        return list(sources)
