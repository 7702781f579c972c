"""Settings: always on top, font size, team library source, pasting into the chat, quiet hours, clear history.

The layout never moves under the agent's pointer: the line for a source
problem is always there (empty when fine), and the destructive 清除使用记录
sits apart from 确定 and asks before it forgets anything.
"""

from __future__ import annotations

import os
from dataclasses import replace

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from cs_companion.desktop.base import HotkeyError
from cs_companion.desktop.keys import parse_hotkey
from cs_companion.storage.secrets import SecretStoreError, clear_token, set_token, token_status
from cs_companion.storage.settings import MAX_FONT, MAX_POLL, MIN_FONT, MIN_POLL, Settings
from cs_companion.sync.feed import SourceError, parse_source


class SettingsDialog(QDialog):
    """Edits a copy of Settings; ``result_settings()`` returns the new value after OK.

    Signals:
        clear_history_requested(): the agent asked to forget recents and counts.
    """

    clear_history_requested = Signal()

    def __init__(self, settings: Settings, source_locked: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置"))
        self._settings = settings
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.on_top = QCheckBox(self.tr("窗口始终置顶"), self)
        self.on_top.setChecked(settings.always_on_top)
        form.addRow(self.on_top)
        self.font_size = QSpinBox(self)
        self.font_size.setRange(MIN_FONT, MAX_FONT)
        self.font_size.setValue(settings.font_size)
        self.font_size.setSuffix(" pt")
        form.addRow(self.tr("字号"), self.font_size)
        self.dock_edge = QComboBox(self)
        for value, label in (
            ("right", self.tr("屏幕右侧")),
            ("left", self.tr("屏幕左侧")),
            ("none", self.tr("不停靠")),
        ):
            self.dock_edge.addItem(label, value)
        self.dock_edge.setCurrentIndex(max(0, self.dock_edge.findData(settings.dock_edge)))
        form.addRow(self.tr("首次启动停靠"), self.dock_edge)
        self.language = QComboBox(self)
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")
        # The language in effect: CS_COMPANION_LANG (IT, tests) overrides the saved one.
        effective = os.environ.get("CS_COMPANION_LANG") or settings.language
        self.language.setCurrentIndex(1 if effective.lower().startswith("en") else 0)
        form.addRow(self.tr("界面语言（重启后生效）"), self.language)
        self.team_source = QLineEdit(settings.team_source, self)
        self.team_source.setPlaceholderText(self.tr("共享文件夹路径，或 https:// 地址"))
        self.team_source.setEnabled(not source_locked)
        form.addRow(self.tr("团队话术来源"), self.team_source)
        self.source_error = QLabel(self)
        self.source_error.setObjectName("fieldError")
        self.source_error.setStyleSheet("color:#cf1322;")
        self.source_error.setWordWrap(True)
        # Room for two lines, always: the dialog must not grow while a URL is typed.
        self.source_error.setMinimumHeight(2 * self.source_error.fontMetrics().lineSpacing())
        form.addRow("", self.source_error)
        self.team_source.textChanged.connect(self._check_source)
        self._check_source(self.team_source.text())
        if source_locked:
            form.addRow("", QLabel(self.tr("由管理员统一设置，不能修改"), self))
        token_row = QHBoxLayout()
        self.token_label = QLabel(self)
        token_row.addWidget(self.token_label, 1)
        set_token_button = QPushButton(self.tr("设置…"), self)
        set_token_button.clicked.connect(self._set_token)
        token_row.addWidget(set_token_button)
        clear_token_button = QPushButton(self.tr("清除"), self)
        clear_token_button.clicked.connect(self._clear_token)
        token_row.addWidget(clear_token_button)
        form.addRow(self.tr("访问令牌"), token_row)
        self._show_token_status()
        self.poll = QSpinBox(self)
        self.poll.setRange(MIN_POLL, MAX_POLL)
        self.poll.setValue(settings.poll_minutes)
        self.poll.setSuffix(self.tr(" 分钟"))
        form.addRow(self.tr("检查更新间隔"), self.poll)
        self._add_delivery_rows(form, settings)
        self._add_quiet_rows(form, settings)
        layout.addLayout(form)
        clear_row = QHBoxLayout()
        clear_row.addStretch(1)
        self.clear_button = QPushButton(self.tr("清除使用记录…"), self)
        self.clear_button.setToolTip(self.tr("忘记最近使用和使用次数（收藏保留）"))
        self.clear_button.clicked.connect(self._confirm_clear_history)
        clear_row.addWidget(self.clear_button)
        layout.addLayout(clear_row)
        layout.addSpacing(12)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._check_hotkey(self.hotkey.text())

    def _add_delivery_rows(self, form: QFormLayout, settings: Settings) -> None:
        """Global hotkey and how a reply goes into the chat window."""
        self.hotkey = QLineEdit(settings.hotkey, self)
        self.hotkey.setPlaceholderText(self.tr("例如 Ctrl+Alt+Space；留空则不使用"))
        form.addRow(self.tr("全局快捷键"), self.hotkey)
        self.hotkey_error = QLabel(self)
        self.hotkey_error.setStyleSheet("color:#cf1322;")
        self.hotkey_error.setWordWrap(True)
        form.addRow("", self.hotkey_error)
        self.hotkey.textChanged.connect(self._check_hotkey)
        self.paste_keys = QComboBox(self)
        self.paste_keys.addItem("Ctrl+V", "ctrl+v")
        self.paste_keys.addItem(self.tr("Shift+Insert（终端、远程桌面）"), "shift+insert")
        self.paste_keys.setCurrentIndex(max(0, self.paste_keys.findData(settings.paste_keys)))
        form.addRow(self.tr("粘贴按键"), self.paste_keys)
        self.enter_pastes = QCheckBox(self.tr("回车直接粘贴到聊天窗口（否则只复制）"), self)
        self.enter_pastes.setChecked(settings.enter_pastes)
        form.addRow(self.enter_pastes)
        self.also_send = QCheckBox(self.tr("粘贴后自动按回车发送"), self)
        self.also_send.setChecked(settings.also_send)
        form.addRow(self.also_send)
        self.restore_clipboard = QCheckBox(self.tr("粘贴后恢复原来的剪贴板内容"), self)
        self.restore_clipboard.setChecked(settings.restore_clipboard)
        form.addRow(self.restore_clipboard)
        self.watch_clipboard = QCheckBox(self.tr("监视剪贴板：复制客户消息后自动搜索并填入订单号等"), self)
        self.watch_clipboard.setChecked(settings.watch_clipboard)
        form.addRow(self.watch_clipboard)

    def _add_quiet_rows(self, form: QFormLayout, settings: Settings) -> None:
        """Payment nudges wait out the night: a checkbox and the two times, off keeps the times for later."""
        quiet = settings.quiet_hours
        self.quiet = QCheckBox(self.tr("夜间不提醒催付"), self)
        self.quiet.setChecked(quiet is not None)
        self.quiet_start, self.quiet_end = QTimeEdit(self), QTimeEdit(self)
        start, end = (quiet.start, quiet.end) if quiet is not None else (None, None)
        for edit, value, fallback in ((self.quiet_start, start, (22, 0)), (self.quiet_end, end, (8, 0))):
            edit.setDisplayFormat("HH:mm")
            edit.setTime(QTime(value.hour, value.minute) if value is not None else QTime(*fallback))
            edit.setEnabled(quiet is not None)
            self.quiet.toggled.connect(edit.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.quiet)
        row.addWidget(self.quiet_start)
        row.addWidget(QLabel("–", self))
        row.addWidget(self.quiet_end)
        row.addStretch(1)
        form.addRow(self.tr("催付免打扰"), row)

    def _quiet_values(self) -> tuple[str, str]:
        if not self.quiet.isChecked():
            return "", ""
        return self.quiet_start.time().toString("HH:mm"), self.quiet_end.time().toString("HH:mm")

    def _check_hotkey(self, text: str) -> None:
        """An unusable hotkey is explained at once and cannot be saved."""
        message = ""
        if text.strip():
            try:
                parse_hotkey(text)
            except HotkeyError as exc:
                message = str(exc)
        self.hotkey_error.setText(message)
        self.hotkey_error.setVisible(bool(message))
        if hasattr(self, "ok_button"):
            self.ok_button.setEnabled(not message)

    def _confirm_clear_history(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("清除使用记录"),
            self.tr("清除最近使用和使用次数？收藏不受影响，此操作不能撤销。"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.clear_history_requested.emit()

    def _check_source(self, text: str) -> None:
        """Say at once, in plain words, if the source cannot work (the technical reason is the tooltip)."""
        self.source_error.setText("")
        self.source_error.setToolTip("")
        text = text.strip()
        if not text:
            return
        try:
            parse_source(text)
        except SourceError as exc:
            self.source_error.setToolTip(str(exc))
            if text.lower().startswith("http://"):
                self.source_error.setText(self.tr("为了安全，只能使用 https:// 地址（本机测试地址除外）"))
            elif "://" in text:
                self.source_error.setText(self.tr("只支持 https:// 地址或文件夹路径"))
            else:
                self.source_error.setText(self.tr("无法使用这个来源：请填写共享文件夹路径或 https:// 地址"))

    def _show_token_status(self) -> None:
        status = token_status()
        if not status.available:
            self.token_label.setText(self.tr("本机没有可用的系统密钥环"))
        else:
            self.token_label.setText(
                self.tr("已保存在系统密钥环") if status.stored else self.tr("未设置（不需要可留空）")
            )

    def _set_token(self) -> None:
        token, ok = QInputDialog.getText(
            self,
            self.tr("访问令牌"),
            self.tr("团队话术地址需要的访问令牌（只保存在系统密钥环）："),
            QLineEdit.EchoMode.Password,
        )
        if ok and token.strip():
            try:
                set_token(token.strip())
            except SecretStoreError as exc:
                QMessageBox.warning(self, self.tr("访问令牌"), str(exc))
        self._show_token_status()

    def _clear_token(self) -> None:
        try:
            clear_token()
        except SecretStoreError as exc:
            QMessageBox.warning(self, self.tr("访问令牌"), str(exc))
        self._show_token_status()

    def result_settings(self) -> Settings:
        quiet_start, quiet_end = self._quiet_values()
        return replace(
            self._settings,
            always_on_top=self.on_top.isChecked(),
            font_size=self.font_size.value(),
            dock_edge=str(self.dock_edge.currentData()),
            team_source=self.team_source.text().strip(),
            poll_minutes=self.poll.value(),
            language=str(self.language.currentData()),
            hotkey=self.hotkey.text().strip(),
            paste_keys=str(self.paste_keys.currentData()),
            enter_pastes=self.enter_pastes.isChecked(),
            also_send=self.also_send.isChecked(),
            restore_clipboard=self.restore_clipboard.isChecked(),
            watch_clipboard=self.watch_clipboard.isChecked(),
            quiet_start=quiet_start,
            quiet_end=quiet_end,
        ).clamped()
