"""The reply half of the window: the selected script's form, the live preview and the buttons.

It owns the conversation (values typed once carry over from script to
script until 新会话) and decides when a reply is ready to leave: required
fields filled, or the agent edited the text by hand. Where the reply goes
(clipboard, chat window) is the window's business; this panel asks for it with
``send_requested`` (Enter), ``copy_requested`` and ``paste_requested`` (buttons).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from cs_companion.core.conversation import Conversation
from cs_companion.core.models import Library, Platform, Script
from cs_companion.ui.field_form import FieldForm
from cs_companion.ui.preview import ReplyPreview

if TYPE_CHECKING:
    from cs_companion.core.compliance import Finding


CONFIRM_SECONDS = 5.0
NOTES_PREVIEW_CHARS = 60  # about two lines in the docked window; the whole note is the tooltip


def _first_lines(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ReplyPanel(QWidget):
    """Title, star, field form, editable preview, notes and the 恢复 / 新会话 / 复制回复 / 粘贴到聊天 buttons.

    Signals:
        send_requested(): Enter in the last field (copy, or paste when "Enter pastes" is on).
        copy_requested(): the copy button.
        paste_requested(): the paste-into-chat button.
        favourite_requested(): the star was clicked.
        new_conversation_requested(): the 新会话 button was clicked.
        hint(str, bool): a short status message (text, ok).
    """

    send_requested = Signal()
    copy_requested = Signal()
    paste_requested = Signal()
    favourite_requested = Signal()
    new_conversation_requested = Signal()
    hint = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conversation = Conversation()
        self.current: Script | None = None
        self._library = Library()
        self._taken_from_message: set[str] = set()
        self._armed: tuple[str, float] | None = None
        self._edits: dict[str, str] = {}  # script id -> text the agent edited by hand, until 新会话
        self.overridden = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(6)
        header = QHBoxLayout()
        self.title_label = QLabel(self)
        self.title_label.setObjectName("scriptTitle")
        self.title_label.setWordWrap(True)
        header.addWidget(self.title_label, 1)
        self.star_button = QToolButton(self)
        self.star_button.setText("☆")
        self.star_button.setToolTip(self.tr("收藏 (Ctrl+D)"))
        self.star_button.setAutoRaise(True)
        self.star_button.clicked.connect(self.favourite_requested.emit)
        header.addWidget(self.star_button)
        layout.addLayout(header)
        self.form = FieldForm(self)
        # The form takes the room its fields need, never more: the space belongs to the reply.
        self.form.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.form.value_changed.connect(self._on_field_changed)
        self.form.enter_pressed.connect(self._on_field_enter)
        layout.addWidget(self.form)
        self.preview = ReplyPreview(self)
        self.preview.editor.setMinimumHeight(5 * self.preview.editor.fontMetrics().lineSpacing() + 12)
        self.preview.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.preview.edited.connect(self._on_preview_edited)
        layout.addWidget(self.preview, 1)
        self.edited_hint = QLabel(self.tr("已手动修改回复；点“恢复”可重新生成"), self)
        self.edited_hint.setObjectName("notes")
        self.edited_hint.hide()
        layout.addWidget(self.edited_hint)
        self.notes_label = QLabel(self)
        self.notes_label.setObjectName("notes")
        self.notes_label.setWordWrap(True)
        layout.addWidget(self.notes_label)
        self.button_row = QHBoxLayout()
        self.reset_button = QPushButton(self.tr("恢复"), self)
        self.reset_button.setToolTip(self.tr("丢弃手动修改，按字段重新生成回复"))
        self.reset_button.clicked.connect(self.discard_edit)
        self.reset_button.setEnabled(False)
        self.button_row.addWidget(self.reset_button)
        self.new_conversation_button = QPushButton(self.tr("新会话"), self)
        self.new_conversation_button.setToolTip(self.tr("清空订单号等已填内容 (Ctrl+N)"))
        self.new_conversation_button.clicked.connect(self.new_conversation_requested.emit)
        self.button_row.addWidget(self.new_conversation_button)
        self.button_row.addStretch(1)
        self.copy_button = QPushButton(self.tr("复制回复"), self)
        self.copy_button.setObjectName("copyButton")
        self.copy_button.setToolTip(self.tr("复制到剪贴板 (Enter / Ctrl+Enter)"))
        self.copy_button.clicked.connect(self.copy_requested.emit)
        self.button_row.addWidget(self.copy_button)
        self.paste_button = QPushButton(self.tr("粘贴到聊天"), self)
        self.paste_button.setObjectName("pasteButton")
        self.paste_button.setToolTip(self.tr("粘贴到刚才的聊天窗口，焦点回到聊天 (Shift+Enter)"))
        self.paste_button.clicked.connect(self.paste_requested.emit)
        self.button_row.addWidget(self.paste_button)
        layout.addLayout(self.button_row)
        self.show_script(None, Library(), searching=False)

    # ------------------------------------------------------------ content
    def set_library(self, library: Library) -> None:
        self._library = library
        self.preview.set_library(library)

    def show_script(self, script: Script | None, library: Library, searching: bool, favourite: bool = False) -> None:
        """Show ``script`` with the conversation's values, or an empty state."""
        self.current = script
        self._library = library
        for widget in (self.copy_button, self.paste_button, self.star_button, self.new_conversation_button):
            widget.setEnabled(script is not None)
        if script is None:
            self.title_label.setText(self.tr("没有匹配的话术") if searching else "")
            self.form.set_fields((), {})
            self.preview.set_rendered("")
            self.notes_label.setText("")
            self.edited_hint.hide()
            return
        self.title_label.setText(script.title)
        self.title_label.setToolTip(library.scenario_name(script.scenario) + f"（{script.id}）")
        self.form.set_fields(script.fields, self.conversation.values_for(script))
        notes = self.tr("思路：") + script.notes if script.notes else ""
        self.notes_label.setToolTip(notes)
        self.notes_label.setText(_first_lines(notes, NOTES_PREVIEW_CHARS))
        self.notes_label.setVisible(bool(script.notes))
        self.set_favourite(favourite)
        self.render_current()
        edited = self._edits.get(script.id)
        if edited is not None:  # the agent's own wording of this script in this chat is kept
            self.preview.set_edited(edited)
            self._on_preview_edited()

    def set_platform(self, platform: Platform | None) -> None:
        """Render for ``platform`` from now on (its variant of each body, its values); re-render the reply."""
        if platform == self.conversation.platform:
            return
        self.conversation.platform = platform
        if self.current is not None and not self.preview.user_edited:
            self.render_current()

    def set_favourite(self, on: bool) -> None:
        self.star_button.setText("★" if on else "☆")

    def render_current(self) -> None:
        if self.current is None:
            return
        rendered = self.conversation.render(self.current)
        self.preview.set_rendered(rendered.text)
        self.form.show_errors(dict(rendered.invalid))
        self.edited_hint.hide()
        self.reset_button.setEnabled(False)

    def fill_from_message(self, values: Mapping[str, str]) -> list[str]:
        """Fill values found in a pasted customer message; never overwrite what the agent typed.

        Returns the names that were filled. They stay editable and are marked as
        taken from the message until the agent changes them.
        """
        filled = []
        for name, value in values.items():
            if not value or (self.conversation.value(name) and name not in self._taken_from_message):
                continue
            self.conversation.set_value(name, value)
            self._taken_from_message.add(name)
            filled.append(name)
        if filled and self.current is not None:
            self.form.set_fields(self.current.fields, self.conversation.values_for(self.current))
            self.render_current()
        self.form.mark_from_message(set(self._taken_from_message))
        return filled

    def discard_edit(self) -> None:
        """恢复: forget the hand-edited text of this script and render it from the fields again."""
        if self.current is not None:
            self._edits.pop(self.current.id, None)
        self.render_current()

    def new_conversation(self) -> None:
        self.conversation.clear()
        self._edits.clear()
        self._taken_from_message.clear()
        self.form.mark_from_message(set())
        if self.current is not None:
            self.form.set_fields(self.current.fields, {})
            self.render_current()

    # ------------------------------------------------------------ sending
    def findings(self) -> list[Finding]:
        return list(self.preview.findings)

    def ready_text(self) -> str | None:
        """The reply if it may leave now; otherwise say why (missing field, unconfirmed finding) and return None.

        A reply with a blocking compliance finding (platform violation) needs a
        deliberate second request within ``CONFIRM_SECONDS`` for the same text:
        the first only arms it and says so. ``overridden`` tells the caller the
        agent confirmed one (usage stats count it).
        """
        self.overridden = False
        if self.current is None:
            return None
        if not self.preview.user_edited:
            missing = self.conversation.first_missing(self.current)
            if missing is not None:
                self.form.focus_field(missing)
                self.hint.emit(self.tr("请先填写必填项"), False)
                return None
        text = self.preview.text()
        if not text.strip():
            return None
        if self.preview.has_blocking:
            now = time.monotonic()
            if self._armed is None or self._armed[0] != text or now - self._armed[1] > CONFIRM_SECONDS:
                self._armed = (text, now)
                self.hint.emit(self.tr("⛔ 回复含平台禁止的内容，建议修改；确需发送请在5秒内再按一次"), False)
                return None
            self.overridden = True
        self._armed = None
        return text

    def first_missing(self) -> str | None:
        if self.current is None or self.preview.user_edited:
            return None
        return self.conversation.first_missing(self.current)

    def focus_field(self, name: str) -> None:
        self.form.focus_field(name)

    # ------------------------------------------------------------ editing
    def _on_field_changed(self, name: str, text: str) -> None:
        self.conversation.set_value(name, text)
        if name in self._taken_from_message:
            self._taken_from_message.discard(name)
            self.form.mark_from_message(set(self._taken_from_message))
        self.hint.emit("", True)
        if self.current is None:
            return
        if self.preview.user_edited:
            self.form.show_errors(dict(self.conversation.render(self.current).invalid))
            return
        self.render_current()

    def _on_preview_edited(self) -> None:
        if self.current is not None:
            self._edits[self.current.id] = self.preview.text()
        self.edited_hint.show()
        self.reset_button.setEnabled(True)

    def _on_field_enter(self, name: str) -> None:
        """Enter in a field: on to the next empty required field, or send when none is left."""
        if self.current is None:
            return
        missing = self.conversation.first_missing(self.current)
        if missing is not None and missing != name:
            self.form.focus_field(missing)
            return
        if missing == name:
            return  # still empty or invalid: stay here, the form shows why
        self.send_requested.emit()
