"""Copy or paste: puts the reply into the chat window the agent came from, and the global hotkey.

The agent works in a chat client (千牛, 咚咚, 飞鸽 ...). This object remembers
the last window that was active before ours (asked of the desktop *before* we
raise, and polled while we are in the background, since by the time Qt tells
us we are active the desktop already reports our own window). Pasting copies
the reply, activates that window, waits until the desktop confirms it is
active, presses the paste key there and leaves focus there; the agent's
previous clipboard text comes back a moment later (the chat client must have
read the reply by then). Every failure leaves the reply on the clipboard and
says so in the banner: the agent can always fall back to Ctrl+V.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QApplication

from cs_companion.core.extract import extract_values
from cs_companion.desktop import Desktop, HotkeyError, HotkeyRegistration, PasteKeys, WindowHandle, detect_desktop
from cs_companion.storage.settings import Settings
from cs_companion.ui.desktop_events import DesktopEvents
from cs_companion.ui.qt_clipboard import clipboard_text
from cs_companion.ui.tray import bring_to_front

if TYPE_CHECKING:
    from cs_companion.ui.main_window import MainWindow

log = logging.getLogger(__name__)

POLL_MS = 250  # how often the active window is sampled while we are in the background
ACTIVATE_POLL_MS = 10
ACTIVATE_TIMEOUT_S = 0.8  # the window manager confirms activation in a few ms; give up well before the agent waits
SETTLE_MS = 30  # after the target is active, let it give keyboard focus to its input box
ENTER_DELAY_MS = 150  # "also send": Enter after the chat client has read the clipboard
RESTORE_MS = 400  # Espanso restores after 300 ms; a little more for slow clients
MAX_WATCH_CHARS = 300


@dataclass
class _Paste:
    target: WindowHandle
    text: str
    previous: str | None
    deadline: float


class Delivery(QObject):
    """Owns "copy or paste" and the global hotkey for one window.

    Signals:
        hotkey_changed(str): the registered global hotkey ("" when none), for the tray.
        pasted(int): a paste keystroke went to this window handle.
    """

    hotkey_changed = Signal(str)
    pasted = Signal(int)

    def __init__(self, window: MainWindow, desktop: Desktop | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.desktop = desktop if desktop is not None else detect_desktop(QGuiApplication.platformName())
        self.events = DesktopEvents(self.desktop, self)
        self.target: WindowHandle | None = None
        self.hotkey_text = ""
        self._registration: HotkeyRegistration | None = None
        self._own_text: str | None = None
        self._pending: _Paste | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._sample_active)
        self._wait = QTimer(self)
        self._wait.setInterval(ACTIVATE_POLL_MS)
        self._wait.timeout.connect(self._wait_for_target)
        if self.desktop.supported:
            self._poll.start()
        app = cast(QApplication, QApplication.instance())
        app.applicationStateChanged.connect(self._on_app_state)
        app.aboutToQuit.connect(self.close)
        app.clipboard().dataChanged.connect(self._on_clipboard_changed)
        window.copied.connect(self._on_copied)

    # ---------------------------------------------------------- settings
    def apply_settings(self, settings: Settings) -> None:
        """(Re-)register the global hotkey when it changed; a taken key is a banner, never an exception."""
        if settings.hotkey == self.hotkey_text and self._registration is not None:
            return
        if self._registration is not None:
            self._registration.unregister()
            self._registration = None
        self.hotkey_text = ""
        if settings.hotkey and self.desktop.supported:
            try:
                self._registration = self.desktop.register_hotkey(settings.hotkey, self.on_hotkey)
                self.hotkey_text = settings.hotkey
            except HotkeyError as exc:
                self._banner(self.tr("全局快捷键不可用：") + str(exc) + self.tr("。可在“设置”里换一个组合"))
        self.hotkey_changed.emit(self.hotkey_text)

    # ------------------------------------------------- remembering windows
    def own_handles(self) -> set[WindowHandle]:
        return {int(w.internalWinId()) for w in QApplication.topLevelWidgets() if w.internalWinId()}

    def remember(self, handle: WindowHandle | None) -> None:
        """Take ``handle`` as the chat window unless it is one of ours (or unknown)."""
        if handle and handle not in self.own_handles():
            self.target = handle

    def _sample_active(self) -> None:
        if QGuiApplication.applicationState() != Qt.ApplicationState.ApplicationActive:
            self.remember(self.desktop.active_window())

    def _on_app_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive and self.desktop.supported:
            self.remember(self.desktop.active_window())

    def _we_are_active(self) -> bool:
        active = self.desktop.active_window()
        if active is None:
            return self.window.isActiveWindow()
        return active in self.own_handles()

    # ------------------------------------------------------------- hotkey
    def on_hotkey(self) -> None:
        """From anywhere: come forward with the search box ready. From our window: go back to the chat."""
        if self._we_are_active():
            self.go_back()
            return
        self.remember(self.desktop.active_window())
        self.summon()

    def summon(self) -> None:
        bring_to_front(self.window)
        # X11: Qt's own request carries a stale timestamp and a window manager may refuse it as focus stealing.
        self.desktop.activate(int(self.window.winId()))
        self.window.focus_search()

    def go_back(self) -> bool:
        if self.target is None or not self.desktop.window_exists(self.target):
            self.window.flash(self.tr("没有可返回的聊天窗口"), ok=False)
            return False
        return self.desktop.activate(self.target)

    # -------------------------------------------------------------- paste
    def send(self) -> bool:
        """Enter on a ready reply: paste when the agent chose "Enter pastes", otherwise copy."""
        if self.window.settings.enter_pastes:
            return self.paste()
        return self.window.copy_current()

    def paste(self) -> bool:
        """Copy the reply and paste it into the remembered chat window; False when it only got copied (or not)."""
        if self._pending is not None:
            return False  # one paste at a time: a second Shift+Enter while the first runs would paste twice
        settings = self.window.settings
        if not self.desktop.supported:
            if self.window.copy_current():
                self._banner(self.desktop.reason, "info", 8000)
            return False
        target = self.target
        if target is None or not self.desktop.window_exists(target):
            if self.window.copy_current():
                self._banner(self.tr("找不到要粘贴的聊天窗口（可能已关闭）：回复已复制，请在聊天窗口按 Ctrl+V"))
            return False
        previous = clipboard_text() if settings.restore_clipboard else None
        if not self.window.copy_current() or self._own_text is None:
            return False
        self._pending = _Paste(target, self._own_text, previous, time.monotonic() + ACTIVATE_TIMEOUT_S)
        if not self.desktop.activate(target):
            self._fail(self.tr("无法切换到聊天窗口：回复已复制，请手动粘贴"))
            return False
        self._wait.start()
        self._wait_for_target()
        return True

    def _wait_for_target(self) -> None:
        pending = self._pending
        if pending is None:
            self._wait.stop()
            return
        if self.desktop.active_window() == pending.target:
            self._wait.stop()
            QTimer.singleShot(SETTLE_MS, self, self._send_keys)
        elif time.monotonic() > pending.deadline:
            self._fail(self.tr("聊天窗口没有响应切换：回复已复制，请手动粘贴"))

    def _send_keys(self) -> None:
        pending, self._pending = self._pending, None
        if pending is None:
            return
        settings = self.window.settings
        try:
            self.desktop.send_paste(cast(PasteKeys, settings.paste_keys))
        except OSError as exc:
            self._banner(self.tr("无法发送粘贴按键：") + str(exc) + self.tr("。回复已复制，请手动粘贴"))
            return
        if settings.also_send:
            QTimer.singleShot(ENTER_DELAY_MS, self, self._send_enter)
        if pending.previous and pending.previous != pending.text:
            previous = pending.previous
            QTimer.singleShot(RESTORE_MS, self, lambda: self._restore(pending.text, previous))
        self.pasted.emit(pending.target)

    def _send_enter(self) -> None:
        try:
            self.desktop.send_enter()
        except OSError as exc:
            self._banner(self.tr("无法发送回车：") + str(exc))

    def _restore(self, reply: str, previous: str) -> None:
        """Give the agent's clipboard back, unless something else was copied since."""
        if clipboard_text() != reply:
            return
        self._own_text = previous
        QGuiApplication.clipboard().setText(previous, QClipboard.Mode.Clipboard)

    def _fail(self, message: str) -> None:
        self._wait.stop()
        self._pending = None
        self._banner(message)

    def _banner(self, text: str, level: str = "warning", timeout_ms: int = 0) -> None:
        self.window.banner.show_message(text, level, timeout_ms=timeout_ms)

    # ------------------------------------------------------ clipboard watch
    def _on_copied(self, _script_id: str, text: str) -> None:
        self._own_text = text

    def _on_clipboard_changed(self) -> None:
        # Our own copy changes the clipboard before ``copied`` names its text: look once the copy is done.
        if self.window.settings.watch_clipboard:
            QTimer.singleShot(0, self, self._take_copied_message)

    def _take_copied_message(self) -> None:
        """Opt-in: a customer message copied in the chat becomes the search and fills the values found in it."""
        if self.window.isActiveWindow():
            return
        text = clipboard_text()
        if not text.strip() or text == self._own_text:
            return
        self.window.search_panel.box.setText(" ".join(text.split())[:MAX_WATCH_CHARS])
        self.window.reply_panel.fill_from_message(extract_values(text))

    def close(self) -> None:
        self._poll.stop()
        self._wait.stop()
        self.events.stop()
        if self._registration is not None:
            self._registration.unregister()
            self._registration = None
        self.desktop.close()
