"""Safe YAML parsing that keeps the line and column of every value.

Library files come from team leads and from URLs, so they are untrusted. We
never call a YAML constructor on the document as a whole: the file is only
*composed* into a node graph (libyaml's C parser when available, for speed),
then converted here node by node. That gives us:

- no Python object construction and no custom tags (anything but the standard
  scalar, sequence and mapping tags is rejected);
- a bound on alias expansion (a "billion laughs" document stops with an error);
- duplicate mapping keys reported instead of silently overwritten;
- a location on every mapping and sequence item, so later schema checks can
  name ``file:line:col``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from cs_companion.core.problems import Location, Problem

try:  # libyaml is several times faster; fall back to pure Python when absent.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 5 * 1024 * 1024
"""A library file larger than this is refused before parsing (10,000 scripts are ~4 MB)."""

MAX_NODES = 2_000_000
"""Upper bound on values produced, counting every alias expansion again."""

_STR = "tag:yaml.org,2002:str"
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


class YamlMap(dict):  # type: ignore[type-arg]
    """A mapping that remembers where it and each of its values were written."""

    location: Location
    key_locations: dict[str, Location]

    def loc(self, key: str) -> Location:
        """Location of ``key``'s value, or of the mapping itself if the key is absent."""
        return self.key_locations.get(key, self.location)


class YamlList(list):  # type: ignore[type-arg]
    """A sequence that remembers where it and each of its items were written."""

    location: Location
    item_locations: list[Location]


class YamlParseError(Exception):
    """The text is not a usable YAML document; ``problem`` says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def decode_library_bytes(data: bytes, filename: str) -> str:
    """Decode UTF-8 (with or without BOM), naming the line and column of bad bytes."""
    if len(data) > MAX_FILE_BYTES:
        raise YamlParseError(
            Problem(filename, 1, 1, f"file is {len(data):,} bytes; the limit is {MAX_FILE_BYTES:,} bytes")
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise YamlParseError(
            Problem(filename, line, col, f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8")
        ) from None


def parse_yaml(text: str, filename: str) -> Any:
    """Parse one YAML document into plain values (YamlMap/YamlList/scalars).

    Raises YamlParseError for syntax errors, unsupported tags, duplicate keys,
    recursive or over-expanded aliases, and multi-document streams.
    """
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise YamlParseError(Problem(filename, 1, 1, f"file is larger than the {MAX_FILE_BYTES:,} byte limit"))
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            what = f"{exc.problem} ({exc.context})"
        raise YamlParseError(Problem(filename, line, col, f"YAML syntax error: {what}")) from None
    except yaml.YAMLError as exc:  # e.g. reader errors on control characters
        raise YamlParseError(Problem(filename, 1, 1, f"YAML error: {exc}")) from None
    finally:
        loader.dispose()
    if node is None:
        return None
    return _Converter(filename).convert(node)


class _Converter:
    """Walks a composed node graph into located plain values, with limits."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.budget = MAX_NODES
        self.active: set[int] = set()

    def _loc(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.filename, mark.line + 1, mark.column + 1)

    def _fail(self, node: yaml.Node, message: str) -> YamlParseError:
        loc = self._loc(node)
        return YamlParseError(loc.problem(message))

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
            return self._mapping(node)
        finally:
            self.active.discard(key)

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _SCALAR_TAGS:
            raise self._fail(node, f"unsupported YAML tag {node.tag!r}; only plain values are allowed")
        value = _scalar_constructor.yaml_constructors[node.tag](_scalar_constructor, node)
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
        for source in merged:  # YAML merge keys: explicit keys win over merged ones
            for key, value in source.items():
                if key not in result:
                    result[key] = value
                    result.key_locations[key] = source.loc(key)
        return result

    def _merge_sources(self, node: yaml.Node) -> list[YamlMap]:
        value = self.convert(node)
        sources = value if isinstance(value, YamlList) else [value]
        if not all(isinstance(s, YamlMap) for s in sources):
            raise self._fail(node, "'<<' must merge a mapping or a list of mappings")
        return list(sources)
