"""The values a library file parses into, the limits that bound them, and the parse error.

Shared by the careful parser (``yamlnodes``: libyaml nodes, exact positions)
and the fast one (``yamlfast``): both return these types, so ``schema`` reads
their output the same way.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from cs_companion.core.problems import Location, Problem

MAX_FILE_BYTES = 5 * 1024 * 1024
"""A library file larger than this is refused before parsing (10,000 scripts are ~4 MB)."""

MAX_NODES = 2_000_000
"""Upper bound on values produced, counting every alias expansion again."""

MAX_EXPANDED_CHARS = 2 * MAX_FILE_BYTES
"""Upper bound on characters of text (keys and values) once every alias is expanded.

Counting values alone is not enough: 1,000 scripts whose keywords alias 100
copies of one 200,000-character string are only ~100,000 values but 20 billion
characters for the search index. Without aliases a file cannot exceed
MAX_FILE_BYTES characters, so twice that leaves room for ordinary anchors.
"""

MAX_NUMBER_CHARS = 100
"""A number written with more characters than this is refused (Python refuses to print 4,300+ digits)."""

MAX_DEPTH = 100
"""Upper bound on nesting (lists in mappings in lists ...), counting alias expansion.

Composing and converting are recursive: without a bound, a small file of
``[[[[...`` crashes the interpreter (RecursionError, or a segfault in libyaml's
composer). Real library files nest about five levels deep.
"""

_LINE_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""What YAML counts as a line break, so our line numbers agree with the parser's."""


class SourceText:
    """The text of one document, to turn character offsets into line and column."""

    __slots__ = ("_line_starts", "filename", "text")

    def __init__(self, filename: str, text: str) -> None:
        self.filename = filename
        self.text = text
        self._line_starts: list[int] | None = None

    def location(self, index: int) -> Location:
        if self._line_starts is None:  # built on the first problem only: most files have none
            self._line_starts = [0, *(m.end() for m in _LINE_BREAKS.finditer(self.text))]
        line = bisect_right(self._line_starts, index) - 1
        return Location(self.filename, line + 1, index - self._line_starts[line] + 1)


class YamlMap(dict):  # type: ignore[type-arg]
    """A mapping that remembers where it and each of its values were written."""

    location: Location
    key_locations: dict[str, Location]
    text_spans: dict[str, tuple[int, int]]
    """Source character range of each text value (keys absent for non-text values)."""
    source: SourceText | None

    def loc(self, key: str) -> Location:
        """Location of ``key``'s value, or of the mapping itself if the key is absent."""
        return self.key_locations.get(key, self.location)

    def locate_in(self, key: str, start: int, end: int) -> Location:
        """Where the piece ``value[start:end]`` of text value ``key`` was written.

        The piece is found in the source of the value (its n-th occurrence for
        the n-th in the value). Escapes or line folding can make the source
        differ from the value; then the value's own location is the answer.
        """
        value = self.get(key)
        span = getattr(self, "text_spans", {}).get(key)
        source = getattr(self, "source", None)
        if not isinstance(value, str) or span is None or source is None or not 0 <= start < end <= len(value):
            return self.loc(key)
        needle = value[start:end]
        in_value = _occurrences(value, needle)
        in_source = _occurrences(source.text[span[0] : span[1]], needle)
        if start not in in_value or len(in_value) != len(in_source):
            return self.loc(key)
        pos = in_source[in_value.index(start)]
        found: Location = source.location(span[0] + pos)
        return found


def _occurrences(text: str, needle: str) -> list[int]:
    """Offsets of the non-overlapping occurrences of ``needle`` in ``text``, left to right."""
    found, pos = [], text.find(needle)
    while pos >= 0:
        found.append(pos)
        pos = text.find(needle, pos + len(needle))
    return found


class YamlList(list):  # type: ignore[type-arg]
    """A sequence that remembers where it and each of its items were written."""

    location: Location
    item_locations: list[Location]


class YamlParseError(Exception):
    """The text is not a usable YAML document; ``problem`` says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem
