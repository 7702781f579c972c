"""A small form generated from a script's fields, one editor per field type.

Editors only collect text; checking and formatting the values is done by
``core.fieldtypes`` through the renderer, and errors come back to be shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from cs_companion.core.models import Field, FieldType

ORDER_NO_PATTERN = r"[A-Za-z0-9_-]{0,40}"
MONEY_PATTERN = r"\d{0,7}(\.\d{0,2})?"
NUMBER_PATTERN = r"\d{0,6}"


def eta_presets() -> list[str]:
    """Quick ETA choices; phrased as an agent would type them."""
    translate = QCoreApplication.translate
    return [
        translate("FieldForm", "今天"),
        translate("FieldForm", "今天18:00前"),
        translate("FieldForm", "明天"),
        translate("FieldForm", "明天中午前"),
        translate("FieldForm", "48小时内"),
        translate("FieldForm", "3个工作日内"),
        translate("FieldForm", "7个工作日内"),
    ]


class _EtaEditor(QWidget):
    """Editable combo of presets plus a date/time picker button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.addItems(eta_presets())
        self.combo.setCurrentIndex(-1)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        layout.addWidget(self.combo, 1)
        self.pick = QToolButton(self)
        self.pick.setText(self.tr("日期") + " ▾")
        self.pick.setToolTip(self.tr("选择日期和时间"))
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.pick)
        box = QWidget(menu)
        box_layout = QHBoxLayout(box)
        self.picker = QDateTimeEdit(QDateTime.currentDateTime().addDays(1), box)
        self.picker.setDisplayFormat("M月d日 HH:mm")
        self.picker.setCalendarPopup(True)
        ok = QPushButton(self.tr("确定"), box)
        box_layout.addWidget(self.picker)
        box_layout.addWidget(ok)
        action = QWidgetAction(menu)
        action.setDefaultWidget(box)
        menu.addAction(action)
        self.pick.setMenu(menu)
        ok.clicked.connect(self._take_picked)
        ok.clicked.connect(menu.close)
        layout.addWidget(self.pick)

    def _take_picked(self) -> None:
        self.combo.setEditText(self.picker.dateTime().toString("M月d日 HH:mm") + self.tr("前"))


class FieldForm(QWidget):
    """Editors for the current script's fields.

    Signals:
        value_changed(str, str): a field's text changed (name, text).
        enter_pressed(str): Enter was pressed in the named field.
    """

    value_changed = Signal(str, str)
    enter_pressed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        outer.addLayout(self._form)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        outer.addWidget(self.error_label)
        self._editors: dict[str, QWidget] = {}
        self._order: list[str] = []

    # -- building -------------------------------------------------------------
    def set_fields(self, fields: tuple[Field, ...], values: dict[str, str]) -> None:
        """Rebuild the editors for ``fields``, pre-filled with ``values``, without emitting changes."""
        while self._form.rowCount():
            self._form.removeRow(0)
        self._editors.clear()
        self._order = [f.name for f in fields]
        for fld in fields:
            editor = self._make_editor(fld)
            self._editors[fld.name] = editor
            label = QLabel(fld.label + (" *" if fld.required else ""), self)
            if fld.required:
                label.setToolTip(self.tr("必填"))
            self._form.addRow(label, editor)
            label.show()  # show now, not on the next event loop pass, so focus can move at once
            editor.show()
            self._set_text(fld.name, values.get(fld.name, ""), emit=False)
        self.show_errors({})

    def _make_editor(self, fld: Field) -> QWidget:
        if fld.type is FieldType.CHOICE:
            combo = QComboBox(self)
            combo.addItems(list(fld.options))
            combo.setCurrentIndex(-1)
            combo.currentTextChanged.connect(lambda text, n=fld.name: self.value_changed.emit(n, text))
            combo.installEventFilter(self)
            combo.setProperty("fieldName", fld.name)
            return combo
        if fld.type is FieldType.ETA:
            eta = _EtaEditor(self)
            line = eta.combo.lineEdit()
            assert line is not None  # the combo is editable
            line.setPlaceholderText(
                self.tr("默认：") + fld.default if fld.default else self.tr("例如 明天 / 3个工作日内")
            )
            eta.combo.editTextChanged.connect(lambda text, n=fld.name: self.value_changed.emit(n, text))
            line.returnPressed.connect(lambda n=fld.name: self.enter_pressed.emit(n))
            return eta
        edit = QLineEdit(self)
        edit.setClearButtonEnabled(True)
        pattern = {
            FieldType.ORDER_NO: ORDER_NO_PATTERN,
            FieldType.MONEY: MONEY_PATTERN,
            FieldType.NUMBER: NUMBER_PATTERN,
        }
        if fld.type in pattern:
            edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern[fld.type]), edit))
        placeholder = fld.hint or (self.tr("默认：") + fld.default if fld.default else "")
        if fld.type is FieldType.MONEY:
            edit.setPlaceholderText(placeholder or self.tr("金额（元）"))
            edit.addAction(self._yuan_action(edit), QLineEdit.ActionPosition.LeadingPosition)
        elif fld.type is FieldType.ORDER_NO:
            edit.setPlaceholderText(placeholder or self.tr("粘贴订单号"))
        else:
            edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(lambda text, n=fld.name: self.value_changed.emit(n, text))
        edit.returnPressed.connect(lambda n=fld.name: self.enter_pressed.emit(n))
        return edit

    def _yuan_action(self, edit: QLineEdit):  # type: ignore[no-untyped-def]
        from PySide6.QtGui import QAction, QIcon, QPainter, QPixmap

        pix = QPixmap(16, 16)
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        painter.drawText(pix.rect(), Qt.AlignmentFlag.AlignCenter, "¥")
        painter.end()
        return QAction(QIcon(pix), "¥", edit)

    # -- values ---------------------------------------------------------------
    def names(self) -> list[str]:
        return list(self._order)

    def editor(self, name: str) -> QWidget | None:
        return self._editors.get(name)

    def text(self, name: str) -> str:
        editor = self._editors.get(name)
        if isinstance(editor, QLineEdit):
            return editor.text()
        if isinstance(editor, _EtaEditor):
            return editor.combo.currentText()
        if isinstance(editor, QComboBox):
            return editor.currentText()
        return ""

    def set_text(self, name: str, value: str) -> None:
        """Set a field as if the agent typed it (emits value_changed)."""
        self._set_text(name, value, emit=True)

    def _set_text(self, name: str, value: str, emit: bool) -> None:
        editor = self._editors.get(name)
        if editor is None:
            return
        editor.blockSignals(not emit)
        try:
            if isinstance(editor, QLineEdit):
                editor.setText(value)
            elif isinstance(editor, _EtaEditor):
                editor.combo.blockSignals(not emit)
                editor.combo.setEditText(value)
                editor.combo.blockSignals(False)
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(editor.findText(value))
        finally:
            editor.blockSignals(False)

    def focus_field(self, name: str) -> None:
        editor = self._editors.get(name)
        if isinstance(editor, _EtaEditor):
            editor = editor.combo
        if editor is not None:
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(editor, QLineEdit):
                editor.selectAll()

    def mark_from_message(self, names: set[str]) -> None:
        """Mark the fields whose value was taken from the customer's message (until the agent edits them)."""
        for name, editor in self._editors.items():
            taken = name in names
            editor.setProperty("fromMessage", taken)
            editor.setToolTip(self.tr("取自客户消息，可修改") if taken else "")
            editor.style().unpolish(editor)
            editor.style().polish(editor)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Mark invalid fields and show the first message under the form."""
        for name, editor in self._editors.items():
            editor.setProperty("invalid", name in errors)
            editor.style().unpolish(editor)
            editor.style().polish(editor)
        if errors:
            name, message = next(iter(errors.items()))
            label = self._form.labelForField(self._editors[name])
            prefix = label.text().rstrip(" *") if isinstance(label, QLabel) else name
            self.error_label.setText(f"{prefix}：{message}")
            self.error_label.show()
        else:
            self.error_label.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a (non-editable) choice combo moves on like in a line edit."""
        is_enter = (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers()
        )
        name = watched.property("fieldName") if is_enter else None
        if name:
            self.enter_pressed.emit(str(name))
            return True
        return super().eventFilter(watched, event)
