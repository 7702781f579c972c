"""我的话术 导入…/导出…: sheets go through a preview, land in own scripts or a team file; every format exports."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from interchange_files import QIANNIU_ROWS, excel_gbk_csv, merged_header_xlsx, zip_bomb_xlsx
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from cs_companion.core.field_guess import fields_for_body
from cs_companion.core.interchange.pipeline import import_files
from cs_companion.core.loader import load_path
from cs_companion.core.models import Library
from cs_companion.storage.personal import PersonalStore
from cs_companion.storage.resources import builtin_library_dir
from cs_companion.ui.import_preview_dialog import MINE, TEAM_FILE, ImportPreviewDialog
from cs_companion.ui.my_scripts_dialog import MyScriptsDialog


@pytest.fixture
def builtin() -> Library:
    library = load_path(builtin_library_dir()).library
    assert library is not None
    return library


@pytest.fixture
def dialog(qtbot: QtBot, tmp_path: Path, builtin: Library) -> MyScriptsDialog:
    store = PersonalStore(tmp_path / "mine.yaml", builtin)
    widget = MyScriptsDialog(store, builtin)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append("warning: " + text))
    return shown


def _choose(monkeypatch: pytest.MonkeyPatch, choice: str, seen: list[ImportPreviewDialog]) -> None:
    def fake_exec(self: ImportPreviewDialog) -> int:
        seen.append(self)
        if not choice:
            return 0
        (self.mine_button if choice == MINE else self.team_button).click()
        return 1

    monkeypatch.setattr(ImportPreviewDialog, "exec", fake_exec)


def test_preview_shows_counts_fields_and_items_to_check(qtbot: QtBot, tmp_path: Path, builtin: Library) -> None:
    run = import_files([excel_gbk_csv(tmp_path / "a.csv")], builtin)
    preview = ImportPreviewDialog(run, builtin)
    qtbot.addWidget(preview)
    text = preview.summary.text()
    assert f"共 {len(QIANNIU_ROWS)} 条" in text and "订单号(order_no)×1" in text and "需要复核" in text
    assert preview.items.topLevelItemCount() == len(QIANNIU_ROWS)
    notes = [preview.items.topLevelItem(i).text(3) for i in range(preview.items.topLevelItemCount())]  # type: ignore[union-attr]
    assert any("XX元" in note for note in notes)
    scenarios = [preview.items.topLevelItem(i).text(1) for i in range(preview.items.topLevelItemCount())]  # type: ignore[union-attr]
    assert "导入待归类" in scenarios and not any("." in name for name in scenarios)  # names, never raw ids


def test_sheet_imports_into_own_scripts_after_preview(
    dialog: MyScriptsDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    source = merged_header_xlsx(tmp_path / "千牛.xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(source)], ""))
    seen: list[ImportPreviewDialog] = []
    _choose(monkeypatch, "", seen)
    dialog.import_file()  # cancelled in the preview: nothing saved
    assert seen and dialog.store.scripts() == [] and not dialog.changed
    _choose(monkeypatch, MINE, seen)
    dialog.import_file()
    scripts = dialog.store.scripts()
    assert len(scripts) == len(QIANNIU_ROWS)
    assert all(s.id.startswith("my.imported.") for s in scripts)
    assert dialog.changed and dialog.list.count() == len(QIANNIU_ROWS)
    assert messages[-1].startswith(f"{len(QIANNIU_ROWS)} added")
    dialog.import_file()  # the same file again replaces, never duplicates
    assert len(dialog.store.scripts()) == len(QIANNIU_ROWS)


def test_sheet_can_become_a_team_file(
    dialog: MyScriptsDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    source = excel_gbk_csv(tmp_path / "a.csv")
    target = tmp_path / "team" / "imported.yaml"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(source)], ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "YAML (*.yaml)"))
    _choose(monkeypatch, TEAM_FILE, [])
    dialog.import_file()
    assert "# 复核" in target.read_text(encoding="utf-8")
    assert load_path(target).library is not None
    assert dialog.store.scripts() == []


def test_hostile_file_gets_a_warning_and_no_preview(
    dialog: MyScriptsDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    bomb = zip_bomb_xlsx(tmp_path / "bomb.xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(bomb)], ""))
    seen: list[ImportPreviewDialog] = []
    _choose(monkeypatch, MINE, seen)
    dialog.import_file()
    assert not seen
    assert messages and messages[-1].startswith("warning: ") and "zip bomb" in messages[-1]


@pytest.mark.parametrize(("name", "chosen"), [("mine.xlsx", "Excel (*.xlsx)"), ("mine.csv", "CSV (*.csv)")])
def test_export_own_scripts_as_a_sheet(
    dialog: MyScriptsDialog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
    name: str,
    chosen: str,
) -> None:
    body = "亲，订单{{order_no}}已经帮您催了"
    dialog.store.create("催件", body, "logistics.delay", fields=fields_for_body(body))
    target = tmp_path / name
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), chosen))
    dialog.export_file()
    assert messages[-1] == "已导出 1 条"
    if name.endswith(".xlsx"):
        rows = list(openpyxl.load_workbook(target, read_only=True).worksheets[0].iter_rows(values_only=True))
        assert rows[1][2] == "亲，订单【订单号】已经帮您催了"
    else:
        assert "亲，订单【订单号】已经帮您催了" in target.read_text(encoding="utf-8-sig")


def test_export_espanso_and_library_yaml(
    dialog: MyScriptsDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    body = "亲，订单{{order_no}}已经帮您催了"
    dialog.store.create("催件", body, "logistics.delay", fields=fields_for_body(body))
    espanso = tmp_path / "mine.yml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(espanso), "Espanso (*.yml)"))
    dialog.export_file()
    assert "[[order_no]]" in espanso.read_text(encoding="utf-8")
    library = tmp_path / "mine.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(library), "话术库 YAML (*.yaml)"))
    dialog.export_file()
    assert load_path(library).library is not None
