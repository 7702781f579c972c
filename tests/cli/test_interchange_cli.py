"""``import`` and ``export`` on the command line: files that validate, one-line errors, every format."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from interchange_files import QIANNIU_ROWS, excel_gbk_csv, zip_bomb_xlsx

from cs_companion.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_writes_a_library_that_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = excel_gbk_csv(tmp_path / "千牛.csv")
    out = tmp_path / "team" / "imported.yaml"
    out.parent.mkdir()
    code, stdout, err = run(capsys, "import", str(source), "--out", str(out))
    assert code == 0, err
    assert stdout == ""
    assert f"{len(QIANNIU_ROWS)} scripts" in err and "fields found: amount" in err
    assert "# 复核" in out.read_text(encoding="utf-8")
    code, _stdout, err = run(capsys, "validate", str(out))
    assert code == 0, err
    assert f"ok, {len(QIANNIU_ROWS)} scripts" in err
    # Shortcut codes are keywords: typing one finds its script first.
    code, stdout, err = run(capsys, "--library", str(out), "search", "bc", "--json")
    assert code == 0, err
    assert '"matched": "keyword"' in stdout.split("}")[0]


def test_import_to_stdout_and_platform_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, err = run(capsys, "import", str(excel_gbk_csv(tmp_path / "a.csv")), "--platform", "taobao")
    assert code == 0
    assert stdout.startswith("# 导入的话术") and "schema: 1" in stdout
    assert "--platform is not supported yet" in err


def test_import_refuses_a_zip_bomb_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, err = run(capsys, "import", str(zip_bomb_xlsx(tmp_path / "bomb.xlsx")))
    assert code == 1 and stdout == ""
    assert err.count("\n") == 1 and "zip bomb" in err


def test_import_unknown_category_is_explained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _stdout, err = run(capsys, "import", str(excel_gbk_csv(tmp_path / "a.csv")), "--category", "nope")
    assert code == 1 and "known categories: " in err and err.count("\n") == 1


def test_import_with_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bare.csv"
    path.write_text("wl,亲，订单【订单号】已发出\n", encoding="utf-8")
    code, stdout, err = run(capsys, "import", str(path), "--columns", "code,text")
    assert code == 0, err
    assert "{{order_no}}" in stdout and '"wl"' in stdout


def test_export_csv_of_the_layered_library(capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, err = run(capsys, "export", "--format", "csv")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(stdout.lstrip("\ufeff"))))
    assert rows[0] == ["分组", "快捷编码", "短语内容"]
    assert len(rows) > 200
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert any("【订单号】" in row[2] for row in rows[1:])


def test_export_xlsx_needs_out_and_writes_a_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _stdout, err = run(capsys, "export", "--format", "xlsx")
    assert code == 2 and "--out" in err
    out = tmp_path / "phrases.xlsx"
    code, _stdout, err = run(capsys, "export", "--format", "xlsx", "--out", str(out))
    assert code == 0, err
    sheet = openpyxl.load_workbook(out, read_only=True).worksheets[0]
    first = next(sheet.iter_rows(values_only=True))
    assert list(first) == ["分组", "快捷编码", "短语内容"]


def test_export_a_given_library_as_espanso(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = tmp_path / "team.yaml"
    code, _stdout, _err = run(capsys, "import", str(excel_gbk_csv(tmp_path / "a.csv")), "--out", str(library))
    assert code == 0
    code, stdout, err = run(capsys, "--library", str(library), "export", "--format", "espanso")
    assert code == 0, err
    assert stdout.count("- trigger:") == len(QIANNIU_ROWS)
    assert 'trigger: "bc"' in stdout and "form_fields:" in stdout
