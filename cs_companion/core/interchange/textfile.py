"""Decoding text files as Chinese offices write them, and CSV/TSV and plain-text phrase lists.

Chinese Excel saves "CSV" in GBK (GB18030 is its superset), "CSV UTF-8"
with a BOM, and "Unicode text" as UTF-16 with tabs; other tools write plain
UTF-8. The encoding is detected, never asked for. GB18030 decodes almost any
byte string, so a GB18030 result is accepted only when it reads like text
(no private-use or control characters), and binary files are refused first.
"""

from __future__ import annotations

import codecs
import csv
import re

from cs_companion.core.interchange.limits import MAX_CELL_CHARS, MAX_ROWS
from cs_companion.core.interchange.model import ImportFileError, RawPhrase, ReadResult

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_text(data: bytes, name: str) -> str:
    """The text of ``data``: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), name)
            except UnicodeDecodeError as exc:
                raise ImportFileError(f"{name}: not valid {encoding} text (bad bytes at offset {exc.start})") from None
    if b"\x00" in data[:65536]:
        raise ImportFileError(f"{name}: binary data, not a text, CSV or Excel file")
    try:
        return _checked(data.decode("utf-8"), name)
    except UnicodeDecodeError as utf8_error:
        try:
            return _checked(data.decode("gb18030"), name, strict=True)
        except (UnicodeDecodeError, ImportFileError):
            line = data[: utf8_error.start].count(b"\n") + 1
            raise ImportFileError(
                f"{name}:{line}: the text is neither UTF-8 nor GBK/GB18030; save it again as CSV UTF-8"
            ) from None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_PRIVATE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\U000f0000-\U0010ffff]")


def _checked(text: str, name: str, *, strict: bool = False) -> str:
    """Refuse text with control characters (and, for a GB18030 guess, private-use ones): it is not text."""
    bad = (_PRIVATE if strict else _CONTROL).search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise ImportFileError(f"{name}:{line}: unreadable character U+{ord(bad.group()):04X}; this is not a text file")
    return text


def sniff_delimiter(text: str, name: str) -> str:
    """Tab for ``.tsv`` and for text whose first line has more tabs than commas; comma otherwise."""
    if name.lower().endswith(".tsv"):
        return "\t"
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in ("\t", ",", ";")}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else ","


def read_csv_rows(text: str, name: str) -> list[tuple[int, list[str]]]:
    """``(line, cells)`` per record; quoted cells may span lines, as Excel writes them."""
    delimiter = sniff_delimiter(text, name)
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for cells in reader:
            if len(rows) >= MAX_ROWS:
                raise ImportFileError(f"{name}: more than {MAX_ROWS:,} rows; split the file")
            rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFileError(f"{name}:{reader.line_num}: {exc}") from None
    return rows


_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u3000]*\n+")


def read_plain_text(text: str, name: str) -> ReadResult:
    """One phrase per paragraph (blank line between phrases); lines inside a paragraph stay together."""
    result = ReadResult(columns={"text": "one phrase per paragraph"})
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pos = 0
    for chunk in _PARAGRAPH_BREAK.split(text):
        line = text.count("\n", 0, text.find(chunk, pos)) + 1 if chunk else 0
        pos = text.find(chunk, pos) + len(chunk) if chunk else pos
        phrase = chunk.strip()
        if not phrase:
            continue
        if len(result.phrases) >= MAX_ROWS:
            raise ImportFileError(f"{name}: more than {MAX_ROWS:,} phrases; split the file")
        where = f"{name}:{line}"
        if len(phrase) > MAX_CELL_CHARS:
            result.skipped.append(f"{where}: phrase is {len(phrase):,} characters; the limit is {MAX_CELL_CHARS:,}")
            continue
        result.phrases.append(RawPhrase(text=phrase, where=where))
    return result
