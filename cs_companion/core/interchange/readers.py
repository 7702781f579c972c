"""One entry point for every import format: decides by content first, extension second.

A 千牛 export renamed to .csv is still a zip; a CSV saved as .txt still has
a header row. The size limit is checked before the file is read at all.
"""

from __future__ import annotations

from pathlib import Path

from cs_companion.core.interchange.columns import find_columns, rows_to_phrases
from cs_companion.core.interchange.espanso import read_espanso
from cs_companion.core.interchange.limits import MAX_FILE_BYTES
from cs_companion.core.interchange.model import ImportFileError, ReadResult
from cs_companion.core.interchange.textfile import decode_text, read_csv_rows, read_plain_text
from cs_companion.core.interchange.xlsx import XLSX_MAGIC, read_xlsx_rows

_OLD_EXCEL = b"\xd0\xcf\x11\xe0"
TABLE_SUFFIXES = (".csv", ".tsv")
YAML_SUFFIXES = (".yml", ".yaml")


def read_path(path: Path, columns: str | None = None) -> ReadResult:
    """Phrases of the file at ``path``; ImportFileError (one line) when it cannot be imported."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFileError(f"{name}: file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"{name}: cannot read: {exc.strerror or exc}") from None
    return read_bytes(data, name, columns)


def read_bytes(data: bytes, name: str, columns: str | None = None) -> ReadResult:
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(f"{name}: file is {len(data):,} bytes; the limit is {MAX_FILE_BYTES:,}")
    suffix = Path(name).suffix.lower()
    if data.startswith(XLSX_MAGIC):
        return _table([(n, c) for n, c in read_xlsx_rows(data, name)], name, columns)
    if data.startswith(_OLD_EXCEL):
        raise ImportFileError(f"{name}: an old Excel (.xls) file; open it in Excel or WPS and save it as .xlsx")
    if suffix == ".xlsx":
        raise ImportFileError(f"{name}: not a readable Excel (.xlsx) file (it is not a zip)")
    text = decode_text(data, name)
    if suffix in YAML_SUFFIXES:
        return read_espanso(text, name)
    if suffix in TABLE_SUFFIXES or columns:
        return _table(read_csv_rows(text, name), name, columns)
    if suffix != ".txt" and text.lstrip().startswith("matches:"):
        return read_espanso(text, name)
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    if "\t" in first_line or "," in first_line:
        rows = read_csv_rows(text, name)
        try:
            return _table(rows, name, columns)
        except ImportFileError:
            pass  # no header row: a text file that happens to contain commas
    return read_plain_text(text, name)


def _table(numbered: list[tuple[int, list[str]]], name: str, columns: str | None) -> ReadResult:
    if not numbered:
        raise ImportFileError(f"{name}: no phrases found (the file is empty)")
    rows = [cells for _line, cells in numbered]
    found = find_columns(rows, columns, name)
    return rows_to_phrases(rows, [line for line, _cells in numbered], found, name)
