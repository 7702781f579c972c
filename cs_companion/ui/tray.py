"""Tray icon: show/hide the window and quit, for agents who keep it out of the way; it names the global hotkey."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget


class Tray(QSystemTrayIcon):
    """Left click toggles the window; the menu has show/hide and quit."""

    def __init__(self, window: QWidget, icon: QIcon) -> None:
        super().__init__(icon, window)
        self.window = window
        self.setToolTip(window.tr("客服快捷回复助手"))
        menu = QMenu(window)
        self.hotkey_action = QAction(menu)
        self.hotkey_action.setEnabled(False)  # information only: where the agent learns the global key
        menu.addAction(self.hotkey_action)
        self.set_hotkey("")
        self.toggle_action = QAction(window.tr("显示/隐藏"), menu)
        self.toggle_action.triggered.connect(self.toggle_window)
        menu.addAction(self.toggle_action)
        menu.addSeparator()
        quit_action = QAction(window.tr("退出"), menu)
        quit_action.triggered.connect(QApplication.quit)
        menu.addAction(quit_action)
        self.setContextMenu(menu)
        self.activated.connect(self._on_activated)

    def set_hotkey(self, sequence: str) -> None:
        """Show the registered global hotkey ("" when none could be registered)."""
        text = self.window.tr("全局快捷键：") + (sequence or self.window.tr("未启用"))
        self.hotkey_action.setText(text)
        self.setToolTip(self.window.tr("客服快捷回复助手") + (f"（{sequence}）" if sequence else ""))

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.toggle_window()

    def toggle_window(self) -> None:
        if self.window.isVisible() and not self.window.isMinimized():
            self.window.hide()
        else:
            bring_to_front(self.window)


def bring_to_front(window: QWidget) -> None:
    """Show, un-minimise and raise the window (used by the tray and by a second launch)."""
    window.show()
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.raise_()
    window.activateWindow()
