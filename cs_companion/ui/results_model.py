"""List model of search results: one row per script, with the data the delegate paints."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from cs_companion.core.models import Library, Platform, Script
from cs_companion.core.template import render

ScriptRole = Qt.ItemDataRole.UserRole + 1
CategoryRole = Qt.ItemDataRole.UserRole + 2
PreviewRole = Qt.ItemDataRole.UserRole + 3
FavouriteRole = Qt.ItemDataRole.UserRole + 4
ShortcutRole = Qt.ItemDataRole.UserRole + 5


def _first_line(script: Script, platform: Platform | None) -> str:
    """First non-empty line of the reply on ``platform``, with placeholders shown as 【label】."""
    for line in render(script, {}, platform).text.splitlines():
        if line.strip():
            return line.strip()
    return ""


class ResultsModel(QAbstractListModel):
    """Holds the scripts currently listed, in rank order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._scripts: list[Script] = []
        self._library = Library()
        self._favourites: set[str] = set()
        self._platform: Platform | None = None
        self.highlight = ""

    def set_results(
        self,
        library: Library,
        scripts: list[Script],
        favourites: set[str],
        highlight: str,
        platform: Platform | None = None,
    ) -> None:
        self.beginResetModel()
        self._platform = platform
        self._library = library
        self._scripts = scripts
        self._favourites = favourites
        self.highlight = highlight
        self.endResetModel()

    def set_favourites(self, favourites: set[str]) -> None:
        self._favourites = favourites
        if self._scripts:
            self.dataChanged.emit(self.index(0), self.index(len(self._scripts) - 1), [FavouriteRole])

    def script_at(self, row: int) -> Script | None:
        return self._scripts[row] if 0 <= row < len(self._scripts) else None

    def row_of(self, script_id: str) -> int:
        return next((i for i, s in enumerate(self._scripts) if s.id == script_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._scripts)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        script = self.script_at(index.row()) if index.isValid() else None
        if script is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return script.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return script.body
        if role == ScriptRole:
            return script.id
        if role == CategoryRole:
            return self._library.category_name(script.category)
        if role == PreviewRole:
            return _first_line(script, self._platform)
        if role == FavouriteRole:
            return script.id in self._favourites
        if role == ShortcutRole:
            return f"Ctrl+{index.row() + 1}" if index.row() < 9 else ""
        return None
