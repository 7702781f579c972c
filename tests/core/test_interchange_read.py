"""Reading other tools' phrase files: encodings, headers, merged cells, Espanso forms, and hostile files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from interchange_files import (
    ESPANSO_FORMS,
    QIANNIU_ROWS,
    excel_gbk_csv,
    merged_header_xlsx,
    zip_bomb_xlsx,
)

from cs_companion.core.interchange import limits
from cs_companion.core.interchange.model import ImportFileError
from cs_companion.core.interchange.placeholders import convert_placeholders
from cs_companion.core.interchange.readers import read_bytes, read_path
from cs_companion.core.models import FieldType


def test_gbk_csv_as_excel_writes_it_keeps_every_phrase(tmp_path: Path) -> None:
    result = read_path(excel_gbk_csv(tmp_path / "千牛.csv"))
    assert [(p.group, p.code, p.text) for p in result.phrases] == QIANNIU_ROWS
    assert result.columns == {"group": "A: 分组名称", "code": "B: 快捷编码", "text": "C: 短语内容"}
    assert result.phrases[0].where.endswith("千牛.csv:2")
    assert result.phrases[4].review  # starts with '=': flagged, still imported as text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def test_encodings_are_detected(encoding: str) -> None:
    data = "内容\t编码\n亲，您好～欢迎光临\thy\n".encode(encoding)
    result = read_bytes(data, "list.txt")
    assert [(p.text, p.code) for p in result.phrases] == [("亲，您好～欢迎光临", "hy")]


def test_merged_header_cells_and_merged_groups(tmp_path: Path) -> None:
    result = read_path(merged_header_xlsx(tmp_path / "export.xlsx"))
    assert [(p.group, p.code, p.text) for p in result.phrases] == QIANNIU_ROWS
    assert result.phrases[0].where.endswith("export.xlsx:4")


def test_formulas_give_their_saved_value_or_nothing(tmp_path: Path) -> None:
    path = tmp_path / "formulas.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["编码", "内容"])
    sheet.append(["a", '=CONCATENATE("亲，","您好")'])
    sheet.append(["b", "普通文字"])
    workbook.save(path)
    # Put a saved value on the formula, as Excel does when it saves.
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
    assert "<f>" in sheet_xml
    sheet_xml = sheet_xml.replace("<v></v>", "").replace("</f>", "</f><v>亲，您好</v>")
    parts["xl/worksheets/sheet1.xml"] = sheet_xml.replace('<c r="B2"', '<c r="B2" t="str"').encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    result = read_bytes(buffer.getvalue(), "formulas.xlsx")
    assert [p.text for p in result.phrases] == ["亲，您好", "普通文字"]
    unsaved = read_path(path)  # openpyxl wrote no saved value: the formula gives nothing, the row is reported
    assert [p.text for p in unsaved.phrases] == ["普通文字"]
    assert unsaved.skipped and "no text" in unsaved.skipped[0]


def test_espanso_forms_become_fields(tmp_path: Path) -> None:
    path = tmp_path / "base.yml"
    path.write_text(ESPANSO_FORMS, encoding="utf-8")
    result = read_path(path)
    first, second, third = result.phrases
    assert first.code == ":wl"
    assert first.text == "亲，订单{{order}}已发出，快递是{{courier}}"
    courier = next(f for f in first.fields if f.name == "courier")
    assert courier.type is FieldType.CHOICE and courier.options == ("顺丰速运", "中通快递", "圆通速递")
    assert second.code == ":bc，:补偿"
    converted = convert_placeholders(second.text, second.fields)
    assert converted.body == "给您补偿{{amount}}，请查收。\n原因：{{reason}}"  # the money field renders 元 itself
    assert {f.name: f.type for f in converted.fields} == {"amount": FieldType.MONEY, "reason": FieldType.CHOICE}
    assert third.review and "不会执行" in third.review[0]
    assert any("image_path" in line for line in result.skipped)  # the image match is reported, not dropped silently


@pytest.mark.parametrize(
    ("text", "body", "fields"),
    [
        ("订单【订单号】已发出", "订单{{order_no}}已发出", {"order_no": FieldType.ORDER_NO}),
        ("订单[订单号]，运单[快递单号]", "订单{{order_no}}，运单{{tracking_no}}", None),
        ("补偿｛金额｝元", "补偿{{amount}}", {"amount": FieldType.MONEY}),
        ("退您XX元差价", "退您{{amount}}差价", {"amount": FieldType.MONEY}),
        ("预计{到货时间}送达，$order$", "预计{{eta}}送达，{{order_no}}", None),
        ("【温馨提示】亲[微笑]", "【温馨提示】亲[微笑]", {}),
        ("退款{金额}，补偿{补偿}", "退款{{amount}}，补偿{{amount_2}}", None),
    ],
)
def test_fill_in_marks_become_typed_fields(text: str, body: str, fields: dict[str, FieldType] | None) -> None:
    converted = convert_placeholders(text)
    assert converted.body == body
    if fields is not None:
        assert {f.name: f.type for f in converted.fields} == fields


def test_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="zip bomb"):
        read_path(zip_bomb_xlsx(tmp_path / "bomb.xlsx"))


def test_too_much_unpacked_data_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cs_companion.core.interchange.xlsx.MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(ImportFileError, match="unpacks to more than"):
        read_path(merged_header_xlsx(tmp_path / "big.xlsx"))


def test_huge_sheet_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cs_companion.core.interchange.xlsx.MAX_ROWS", 20)
    rows = [("g", str(i), f"第{i}条") for i in range(30)]
    with pytest.raises(ImportFileError, match="more than 20 rows"):
        read_path(merged_header_xlsx(tmp_path / "huge.xlsx", rows))


def test_over_long_cell_is_reported_not_cut(tmp_path: Path) -> None:
    rows = [("g", "a", "短"), ("g", "b", "长" * (limits.MAX_CELL_CHARS + 1))]
    result = read_path(excel_gbk_csv(tmp_path / "long.csv", rows))
    assert [p.text for p in result.phrases] == ["短"]
    assert "4,001 characters" in result.skipped[0]


def test_file_size_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cs_companion.core.interchange.readers.MAX_FILE_BYTES", 10)
    with pytest.raises(ImportFileError, match="the limit is 10"):
        read_path(excel_gbk_csv(tmp_path / "a.csv"))


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (bytes(range(256)) * 10, "junk.csv", "binary data"),
        (b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "old.xls", "old Excel"),
        (b"PK\x03\x04garbage", "x.xlsx", "not a readable Excel"),
        (b"not a zip", "x.xlsx", "not a zip"),
        ("内容\n亲\x07".encode(), "bell.csv", "U\\+0007"),
        (b"\xe4\xbd\xa0\xff\xfe\xfd\xfc", "latin.txt", "neither UTF-8 nor GBK"),
        (b"matches: [\n", "bad.yml", "bad.yml:"),
        (b"schema: 1\nscripts: []\n", "lib.yaml", "already a cs-companion library"),
        (b"a,b\n1,2\n", "nohead.csv", "no header row"),
    ],
)
def test_hostile_or_wrong_files_get_one_line_errors(data: bytes, name: str, message: str) -> None:
    with pytest.raises(ImportFileError, match=message) as raised:
        read_bytes(data, name)
    assert "\n" not in str(raised.value)


def test_zip_that_is_not_a_workbook() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ImportFileError, match="not an Excel workbook"):
        read_bytes(buffer.getvalue(), "a.xlsx")


def test_columns_spec_names_columns_without_a_header() -> None:
    data = "wl,物流,亲，已发货\ntk,售后,亲，已退款\n".encode()
    result = read_bytes(data, "plain.csv", columns="code,group,text")
    expected = [("wl", "物流", "亲，已发货"), ("tk", "售后", "亲，已退款")]
    assert [(p.code, p.group, p.text) for p in result.phrases] == expected
    with pytest.raises(ImportFileError, match="unknown role"):
        read_bytes(data, "plain.csv", columns="code,colour,text")


def test_plain_text_is_one_phrase_per_paragraph() -> None:
    data = "亲，您好～\n有什么可以帮您？\n\n\n感谢您的耐心等待\n".encode()
    result = read_bytes(data, "phrases.txt")
    assert [p.text for p in result.phrases] == ["亲，您好～\n有什么可以帮您？", "感谢您的耐心等待"]
    assert [p.where for p in result.phrases] == ["phrases.txt:1", "phrases.txt:5"]
