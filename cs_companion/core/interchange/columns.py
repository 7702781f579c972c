"""Which column of a sheet is the phrase, the shortcut code, the group: by header name or ``--columns``.

千牛, 京麦, 飞鸽 and hand-made sheets all name their columns differently
(短语内容 / 回复内容 / 话术, 快捷编码 / 编码 / 快捷键 ...). Headers are matched
after folding case, width and punctuation. The header row is the first of the
top rows that names a text column, so a merged title row above it (千牛快捷短语
导出) is skipped; a header cell left empty by a vertical merge takes the name
from the row above. Group cells merged down a block of rows arrive empty
and take the group of the row before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cs_companion.core.interchange.limits import MAX_CELL_CHARS
from cs_companion.core.interchange.model import ImportFileError, RawPhrase, ReadResult
from cs_companion.core.text import normalise

ROLES = ("group", "code", "title", "text")
SYNONYMS: dict[str, tuple[str, ...]] = {
    "group": (
        "分组",
        "分组名称",
        "分组名",
        "分类",
        "类别",
        "类目",
        "组",
        "组名",
        "目录",
        "group",
        "category",
        "folder",
    ),
    "code": (
        "快捷编码",
        "编码",
        "快捷码",
        "快捷键",
        "快捷短语编码",
        "短语编码",
        "缩写",
        "简码",
        "code",
        "shortcut",
        "trigger",
        "key",
        "abbreviation",
    ),
    "title": ("标题", "名称", "主题", "title", "name", "label"),
    "text": (
        "内容",
        "短语",
        "短语内容",
        "快捷短语",
        "快捷短语内容",
        "回复",
        "回复内容",
        "快捷回复",
        "话术",
        "话术内容",
        "文本",
        "答案",
        "消息",
        "消息内容",
        "text",
        "content",
        "phrase",
        "reply",
        "message",
        "answer",
        "body",
        "replace",
    ),
}
_BY_HEADER = {normalise(word): role for role, words in SYNONYMS.items() for word in words}
HEADER_SCAN_ROWS = 10


@dataclass(frozen=True)
class ColumnMap:
    """Role -> column index (0-based), and the header row it came from (0 when given with ``--columns``)."""

    roles: dict[str, int]
    header_row: int
    headers: dict[int, str]


def column_label(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: how spreadsheets name columns."""
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = chr(65 + rest) + label
    return label


def _column_index(token: str, headers: dict[int, str]) -> int | None:
    token = token.strip()
    if re.fullmatch(r"[A-Za-z]{1,2}", token):
        value = 0
        for char in token.upper():
            value = value * 26 + ord(char) - 64
        return value - 1
    if token.isdigit() and int(token) >= 1:
        return int(token) - 1
    wanted = normalise(token)
    return next((i for i, h in headers.items() if normalise(h) == wanted), None)


def parse_columns_spec(spec: str, headers: dict[int, str]) -> dict[str, int]:
    """``text=C,code=A,group=B`` (letters, 1-based numbers or header names) or ``group,code,text`` in order.

    In the positional form ``-`` skips a column.
    """
    roles: dict[str, int] = {}
    parts = [p.strip() for p in re.split(r"[,，]", spec) if p.strip()]
    for position, part in enumerate(parts):
        role, sep, where = part.partition("=")
        role = role.strip().lower()
        if not sep:
            role, where = part.lower(), str(position + 1)
            if role == "-":
                continue
        if role not in ROLES:
            raise ImportFileError(f"--columns: unknown role '{role}' (known: {', '.join(ROLES)})")
        index = _column_index(where, headers)
        if index is None:
            raise ImportFileError(f"--columns: no column '{where.strip()}' in the header row")
        roles[role] = index
    if "text" not in roles:
        raise ImportFileError("--columns must name the text column, e.g. --columns text=C or group,code,text")
    return roles


def _header_roles(rows: Sequence[Sequence[str]], number: int) -> tuple[dict[str, int], dict[int, str]]:
    """Roles named by row ``number`` (1-based), plus those of empty cells merged down from the row above."""
    cells = rows[number - 1]
    roles: dict[str, int] = {}
    for index, cell in enumerate(cells):
        role = _BY_HEADER.get(normalise(cell))
        if role and role not in roles:
            roles[role] = index
    headers = {i: c for i, c in enumerate(cells) if c.strip()}
    if number > 1 and "text" in roles:  # a vertically merged header cell is empty in its lower row
        for index, cell in enumerate(rows[number - 2]):
            role = _BY_HEADER.get(normalise(cell))
            if role and role not in roles and not (index < len(cells) and cells[index].strip()):
                roles[role] = index
                headers[index] = cell
    return roles, headers


def find_columns(rows: Sequence[Sequence[str]], spec: str | None, name: str) -> ColumnMap:
    """Recognise the header row among the first rows (the one naming most roles), or apply ``spec``."""
    best: tuple[int, dict[str, int], dict[int, str]] | None = None
    for number in range(1, min(len(rows), HEADER_SCAN_ROWS) + 1):
        roles, headers = _header_roles(rows, number)
        if "text" in roles and (best is None or len(roles) > len(best[1])):
            best = (number, roles, headers)
    if best is not None:
        number, roles, headers = best
        if spec:
            roles = parse_columns_spec(spec, headers)
        return ColumnMap(roles, number, headers)
    if spec:
        headers = {i: c for i, c in enumerate(rows[0]) if c.strip()} if rows else {}
        return ColumnMap(parse_columns_spec(spec, headers), 0, headers)
    widths = [max((len(r[i]) for r in rows if i < len(r)), default=0) for i in range(max(map(len, rows), default=0))]
    if not widths or max(widths) == 0:
        raise ImportFileError(f"{name}: no phrases found (the sheet is empty)")
    if len(widths) == 1:
        return ColumnMap({"text": 0}, 0, {})
    raise ImportFileError(
        f"{name}: no header row names the phrase column (内容/短语/回复/text …); "
        "add one, or say which column is which with --columns group,code,text"
    )


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(text: str) -> str:
    """A leading ' keeps a spreadsheet from running a cell as a formula (CSV injection); ``unescape_cell`` undoes it."""
    if text.startswith(FORMULA_STARTS) or (text.startswith("'") and text[1:].startswith((*FORMULA_STARTS, "'"))):
        return "'" + text
    return text


def unescape_cell(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith((*FORMULA_STARTS, "'")) else text


def rows_to_phrases(rows: Sequence[Sequence[str]], lines: Sequence[int], columns: ColumnMap, name: str) -> ReadResult:
    """One RawPhrase per data row below the header; over-long and text-less rows are reported, not dropped."""
    result = ReadResult()
    for role, index in columns.roles.items():
        header = columns.headers.get(index, "")
        result.columns[role] = f"{column_label(index)}{': ' + header if header else ''}"
    text_col = columns.roles["text"]
    group = ""
    for cells, line in zip(rows[columns.header_row :], lines[columns.header_row :], strict=True):

        def cell(role: str, cells: Sequence[str] = cells) -> str:
            index = columns.roles.get(role)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        where = f"{name}:{line}"
        text = unescape_cell(cells[text_col]) if text_col < len(cells) else ""
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # Excel ends rows with CRLF, lines in a cell with LF
        group = unescape_cell(cell("group")) or group
        code, title = unescape_cell(cell("code")), unescape_cell(cell("title"))
        if not text.strip():
            if code or title:
                result.skipped.append(f"{where}: row has a code or title but no text")
            continue
        if len(text) > MAX_CELL_CHARS:
            result.skipped.append(f"{where}: text is {len(text):,} characters; the limit is {MAX_CELL_CHARS:,}")
            continue
        review = ("内容以 = + - @ 开头，在表格里可能是公式，请核对",) if text.lstrip()[:1] in "=+-@" else ()
        result.phrases.append(RawPhrase(text.strip(), group[:100], code, title[:200], where, review=review))
    return result
