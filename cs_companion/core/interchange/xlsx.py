"""XLSX sheets (千牛/京麦 exports, hand-made team sheets), read without trusting the file.

An XLSX file is a zip of XML. Before openpyxl sees it, the zip directory is
checked: entry count, declared unpacked sizes and packing ratios (a zip
bomb packs gigabytes into kilobytes). Python's zipfile never unpacks more
than an entry declares, so checking the declared sizes bounds the work.
openpyxl then reads in read-only mode (streaming, no whole-sheet objects)
with ``data_only=True``: a formula gives the value Excel saved with it, or
nothing; nothing is ever evaluated. Only the first ``MAX_COLUMNS`` columns
and ``MAX_ROWS`` rows are looked at.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from cs_companion.core.interchange.limits import (
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
    MAX_ZIP_ENTRIES,
    MAX_ZIP_RATIO,
)
from cs_companion.core.interchange.model import ImportFileError

XLSX_MAGIC = b"PK\x03\x04"


def check_zip(data: bytes, name: str) -> None:
    """Refuse a zip that is not one, has too many entries, or would unpack too much or too suspiciously."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportFileError(f"{name}: not a readable Excel (.xlsx) file: {exc}") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ZIP_ENTRIES:
            raise ImportFileError(
                f"{name}: {len(entries):,} parts inside; an Excel file has far fewer (limit {MAX_ZIP_ENTRIES:,})"
            )
        total = 0
        for entry in entries:
            total += entry.file_size
            if entry.file_size > 1024 * 1024 and entry.file_size > MAX_ZIP_RATIO * max(entry.compress_size, 1):
                raise ImportFileError(
                    f"{name}: part {entry.filename} unpacks {entry.file_size // max(entry.compress_size, 1):,} times "
                    f"larger than it is packed (limit {MAX_ZIP_RATIO}); refused as a possible zip bomb"
                )
            if total > MAX_UNPACKED_BYTES:
                raise ImportFileError(
                    f"{name}: unpacks to more than {MAX_UNPACKED_BYTES // (1024 * 1024)} MB; refused before unpacking"
                )
        names = {e.filename for e in entries}
        if "xl/workbook.xml" not in names:
            raise ImportFileError(f"{name}: a zip file, but not an Excel workbook (.xlsx); .xls files: save as .xlsx")


def _cell_text(value: Any) -> str:
    """A cell as the text a person sees: numbers without a trailing .0, dates as dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M") if (value.hour, value.minute) != (0, 0) else value.strftime("%Y-%m-%d")
    return str(value)


def read_xlsx_rows(data: bytes, name: str) -> list[tuple[int, list[str]]]:
    """``(row number, cells)`` of the first sheet that has any content."""
    check_zip(data, name)
    import openpyxl  # imported here: ~0.2 s, and only sheet imports need it

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many types for damaged files; all mean the same to the user
        raise ImportFileError(f"{name}: not a readable Excel (.xlsx) file: {type(exc).__name__}: {exc}") from None
    try:
        for sheet in workbook.worksheets:
            rows = _sheet_rows(sheet, name)
            if rows:
                return rows
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError(f"{name}: damaged sheet data: {type(exc).__name__}: {exc}") from None
    finally:
        workbook.close()
    return []


def _sheet_rows(sheet: Any, name: str) -> list[tuple[int, list[str]]]:
    rows: list[tuple[int, list[str]]] = []
    for number, values in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1):
        if number > MAX_ROWS + 1:
            raise ImportFileError(f"{name}: more than {MAX_ROWS:,} rows; split the sheet")
        cells = [_cell_text(v) for v in values]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            rows.append((number, cells))
    return rows
