"""Safe YAML parsing for untrusted library files: plain values, limits, and ``file:line:col`` for every problem.

Library files come from team leads and from URLs, so they are untrusted. Two
parsers share one contract (see ``yamltypes`` for the values and limits):

- the careful path (``yamlnodes``): libyaml composes nodes, we convert them
  one by one; it refuses tags, bounds aliases, size and depth, reports
  duplicate keys and invalid scalars, and knows the position of everything;
- the fast path (``yamlfast``): yaml-rs, about ten times faster, used only for
  text it can vouch for, with exact positions just for the values a library
  keeps (script lines).

``parse_yaml`` is always careful. ``parse_library_yaml`` tries the fast path
and says whether its positions are exact; the loader re-parses a file
carefully when the schema finds a problem in it, so every message still
points at the right line and column.
"""

from __future__ import annotations

import codecs
from typing import Any

from cs_companion.core.problems import Problem
from cs_companion.core.yamltypes import (
    MAX_DEPTH,
    MAX_EXPANDED_CHARS,
    MAX_FILE_BYTES,
    MAX_NODES,
    MAX_NUMBER_CHARS,
    SourceText,
    YamlList,
    YamlMap,
    YamlParseError,
)

__all__ = [
    "MAX_DEPTH",
    "MAX_EXPANDED_CHARS",
    "MAX_FILE_BYTES",
    "MAX_NODES",
    "MAX_NUMBER_CHARS",
    "SourceText",
    "YamlList",
    "YamlMap",
    "YamlParseError",
    "decode_library_bytes",
    "parse_library_yaml",
    "parse_yaml",
]


def decode_library_bytes(data: bytes, filename: str) -> str:
    """Decode UTF-8 (with or without BOM), naming the line and column of bad bytes.

    The column counts characters, not bytes, like editors and YAML errors do.
    """
    if len(data) > MAX_FILE_BYTES:
        raise YamlParseError(
            Problem(filename, 1, 1, f"file is {len(data):,} bytes; the limit is {MAX_FILE_BYTES:,} bytes")
        )
    # Strip the BOM ourselves: "utf-8-sig" reports error offsets relative to the stripped data.
    body = data[len(codecs.BOM_UTF8) :] if data.startswith(codecs.BOM_UTF8) else data
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = body[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
        raise YamlParseError(
            Problem(filename, line, col, f"file is not valid UTF-8 (byte 0x{body[exc.start]:02x}); save it as UTF-8")
        ) from None


def _check_size(text: str, filename: str) -> None:
    if len(text) * 4 > MAX_FILE_BYTES and len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise YamlParseError(Problem(filename, 1, 1, f"file is larger than the {MAX_FILE_BYTES:,} byte limit"))


def parse_yaml(text: str, filename: str) -> Any:
    """Parse one YAML document into plain values (YamlMap/YamlList/scalars), every one located.

    Raises YamlParseError for syntax errors, unsupported tags, duplicate keys,
    recursive or over-expanded aliases, and multi-document streams.
    """
    from cs_companion.core.yamlnodes import parse_nodes

    _check_size(text, filename)
    return parse_nodes(text, filename)


def parse_library_yaml(text: str, filename: str) -> tuple[Any, bool]:
    """The document's values and whether all their locations are exact.

    Same values and the same errors as ``parse_yaml``; when the fast path
    read the file (the common case for a large, valid library), only the
    top-level values and the items of its categories, scenarios and scripts
    lists have exact locations: re-parse with ``parse_yaml`` to report
    problems found in the values.
    """
    from cs_companion.core.yamlfast import fast_parse

    _check_size(text, filename)
    fast = fast_parse(text, filename)
    if fast is not None:
        return fast[0], False
    return parse_yaml(text, filename), True
