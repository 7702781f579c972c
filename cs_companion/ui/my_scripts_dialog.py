"""The agent's own scripts: list, add, edit, delete, import and export."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cs_companion.core.field_guess import fields_for_body
from cs_companion.core.models import Layer, Library, Script
from cs_companion.storage.atomic import write_bytes_atomic, write_text_atomic
from cs_companion.storage.personal import PersonalError, PersonalStore
from cs_companion.ui.import_preview_dialog import MINE, TEAM_FILE, ImportPreviewDialog


def _split_list(text: str) -> tuple[str, ...]:
    parts = text.replace("，", ",").replace("、", ",").split(",")
    return tuple(p.strip() for p in parts if p.strip())


class ScriptEditor(QDialog):
    """Edits title, scenario, keywords, examples, body and notes; fields follow the body."""

    def __init__(self, library: Library, script: Script | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("编辑我的话术") if script else self.tr("新建我的话术"))
        self.resize(440, 520)
        self._original = script
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title = QLineEdit(script.title if script else "", self)
        form.addRow(self.tr("标题"), self.title)
        self.scenario = QComboBox(self)
        for scenario in library.scenarios:
            self.scenario.addItem(f"{library.category_name(scenario.category)} · {scenario.name}", scenario.id)
        if script is not None:
            index = self.scenario.findData(script.scenario)
            if index < 0:
                self.scenario.addItem(script.scenario, script.scenario)
                index = self.scenario.count() - 1
            self.scenario.setCurrentIndex(index)
        form.addRow(self.tr("场景"), self.scenario)
        self.keywords = QLineEdit("，".join(script.keywords) if script else "", self)
        self.keywords.setPlaceholderText(self.tr("用逗号分隔，例如 催件，物流慢"))
        form.addRow(self.tr("关键词"), self.keywords)
        self.examples = QLineEdit("，".join(script.examples) if script else "", self)
        self.examples.setPlaceholderText(self.tr("客户常见说法，用逗号分隔"))
        form.addRow(self.tr("客户说法"), self.examples)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("回复内容（用 {{order_no}}、{{amount}}、{{eta}} 等插入要填写的内容）"), self))
        self.body = QPlainTextEdit(script.body if script else "", self)
        layout.addWidget(self.body, 1)
        self.notes = QLineEdit(script.notes if script else "", self)
        self.notes.setPlaceholderText(self.tr("处理思路（不会复制给客户）"))
        layout.addWidget(self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if not self.title.text().strip() or not self.body.toPlainText().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("标题和回复内容不能为空"))
            return
        self.accept()

    def script(self, new_id: str) -> Script:
        """The edited script (keeps the original id when editing)."""
        body = self.body.toPlainText().strip()
        base = self._original or Script(id=new_id, scenario="", title="", body="", layer=Layer.PERSONAL)
        return replace(
            base,
            scenario=str(self.scenario.currentData() or "general.custom"),
            title=self.title.text().strip(),
            body=body,
            keywords=_split_list(self.keywords.text()),
            examples=_split_list(self.examples.text()),
            notes=self.notes.text().strip(),
            fields=fields_for_body(body, base.fields),
            layer=Layer.PERSONAL,
        )


class MyScriptsDialog(QDialog):
    """Manages the personal layer through PersonalStore; ``changed`` says whether to reload."""

    def __init__(self, store: PersonalStore, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("我的话术"))
        self.resize(420, 460)
        self.store = store
        self.library = library
        self.changed = False
        layout = QVBoxLayout(self)
        self.hint = QLabel(self.tr("自己的话术保存在本机，团队更新不会覆盖；可导出备份或分享给同事。"), self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.list = QListWidget(self)
        self.list.itemDoubleClicked.connect(lambda _item: self.edit())
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("新建"), self.add),
            (self.tr("编辑"), self.edit),
            (self.tr("删除"), self.delete),
            (self.tr("导入…"), self.import_file),
            (self.tr("导出…"), self.export_file),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            row.addWidget(button)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        try:
            scripts = self.store.scripts()
        except PersonalError as exc:
            self._error(exc)
            return
        for script in scripts:
            item = QListWidgetItem(f"{script.title}    ({self.library.scenario_name(script.scenario)})", self.list)
            item.setData(Qt.ItemDataRole.UserRole, script.id)

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _error(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.windowTitle(), str(exc))

    def add(self) -> None:
        editor = ScriptEditor(self.library, None, self)
        if editor.exec():
            draft = editor.script("my.new")
            try:
                self.store.create(
                    draft.title,
                    draft.body,
                    draft.scenario,
                    keywords=draft.keywords,
                    examples=draft.examples,
                    fields=draft.fields,
                    notes=draft.notes,
                )
            except PersonalError as exc:
                self._error(exc)
                return
            self.changed = True
            self.refresh()

    def edit(self) -> None:
        script_id = self.selected_id()
        script = self.store.get(script_id) if script_id else None
        if script is None:
            return
        editor = ScriptEditor(self.library, script, self)
        if editor.exec():
            try:
                self.store.update(script.id, editor.script(script.id))
            except PersonalError as exc:
                self._error(exc)
                return
            self.changed = True
            self.refresh()

    def delete(self) -> None:
        script_id = self.selected_id()
        if not script_id:
            return
        answer = QMessageBox.question(self, self.windowTitle(), self.tr("删除这条我的话术？"))
        if answer == QMessageBox.StandardButton.Yes:
            try:
                self.store.delete(script_id)
            except PersonalError as exc:
                self._error(exc)
                return
            self.changed = True
            self.refresh()

    def import_file(self) -> None:
        """Library YAML merges as before; sheets, CSV, Espanso and text go through a preview first."""
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("导入话术"), "", self.tr("话术文件 (*.yaml *.yml *.xlsx *.csv *.tsv *.txt);;所有文件 (*)")
        )
        if not names:
            return
        paths = [Path(n) for n in names]
        if len(paths) == 1 and _is_library_file(paths[0]):
            self._import_library(paths[0])
            return
        from cs_companion.core.interchange.model import ImportFileError
        from cs_companion.core.interchange.pipeline import import_files

        builtin = self.store.builtin or self.library
        try:
            run = import_files(paths, builtin, prefix="my.imported.", layer=Layer.PERSONAL, verify=True)
        except ImportFileError as exc:
            self._error(exc)
            return
        preview = ImportPreviewDialog(run, builtin, self)
        if not preview.exec():
            return
        if preview.choice == MINE:
            self._import_into_mine(run.text)
        elif preview.choice == TEAM_FILE:
            self._save_team_file(run.text)

    def _import_library(self, path: Path) -> None:
        try:
            result = self.store.import_from(path)
        except PersonalError as exc:
            self._error(exc)
            return
        self.changed = True
        self.refresh()
        QMessageBox.information(self, self.windowTitle(), result.summary())

    def _import_into_mine(self, text: str) -> None:
        with tempfile.TemporaryDirectory() as folder:
            staged = Path(folder) / "imported.yaml"
            staged.write_text(text, encoding="utf-8")
            self._import_library(staged)

    def _save_team_file(self, text: str) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("存为团队话术文件"), "imported.yaml", "YAML (*.yaml)")
        if not name:
            return
        try:
            write_text_atomic(Path(name), text)
        except OSError as exc:
            self._error(exc)
            return
        QMessageBox.information(
            self, self.windowTitle(), self.tr("已保存。标了“# 复核”的行请先检查，再放进团队话术文件夹。")
        )

    def export_file(self) -> None:
        """My scripts as a library file (YAML), a sheet (XLSX/CSV) quick-phrase tools import, or Espanso."""
        name, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("导出话术"),
            "my_scripts.yaml",
            self.tr("话术库 YAML (*.yaml);;Excel (*.xlsx);;CSV (*.csv);;Espanso (*.yml)"),
        )
        if not name:
            return
        target = Path(name)
        fmt = _export_format(target, chosen)
        try:
            if fmt == "yaml":
                count = self.store.export_to(target)
            else:
                from cs_companion.core.interchange import export

                scripts = self.store.scripts()
                writer = {"csv": export.to_csv, "xlsx": export.to_xlsx, "espanso": export.to_espanso}[fmt]
                write_bytes_atomic(target, writer(scripts, self.library))
                count = len(scripts)
        except (PersonalError, OSError) as exc:
            self._error(exc)
            return
        QMessageBox.information(self, self.windowTitle(), self.tr("已导出 %n 条", "", count))


def _is_library_file(path: Path) -> bool:
    """A cs-companion library (``schema:`` at the top), as opposed to an Espanso match file."""
    if path.suffix.lower() not in (".yaml", ".yml"):
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(4096).decode("utf-8", "replace")
    except OSError:
        return True  # let the library import report the problem
    return any(line.startswith("schema:") for line in head.splitlines())


def _export_format(path: Path, chosen_filter: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".csv"):
        return suffix[1:]
    if suffix == ".yml" or "Espanso" in chosen_filter:
        return "espanso"
    return "yaml"
