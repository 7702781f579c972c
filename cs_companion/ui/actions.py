"""Every command of the window in one table: its menu text, its shortcuts, and whether the menu shows it.

One table instead of scattered ``QShortcut`` calls, so the README's key list,
the menu and the bindings cannot drift apart, and a conflict is visible here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from cs_companion.ui import window_dialogs

if TYPE_CHECKING:
    from cs_companion.ui.main_window import MainWindow

CONTEXT = "Actions"


@dataclass(frozen=True)
class ActionSpec:
    """One command: ``key`` names its handler; ``text`` is None for keyboard-only commands."""

    key: str
    text: object  # a QT_TRANSLATE_NOOP marker (the source text), or None for keyboard-only commands
    shortcuts: tuple[str, ...] = ()
    separator_before: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("new_conversation", QT_TRANSLATE_NOOP("Actions", "新会话"), ("Ctrl+N",)),
    ActionSpec("toggle_favourite", QT_TRANSLATE_NOOP("Actions", "收藏/取消收藏"), ("Ctrl+D",)),
    ActionSpec("next_platform", QT_TRANSLATE_NOOP("Actions", "切换平台"), ("Ctrl+P",)),
    ActionSpec("dock_left", QT_TRANSLATE_NOOP("Actions", "停靠到屏幕左侧"), separator_before=True),
    ActionSpec("dock_right", QT_TRANSLATE_NOOP("Actions", "停靠到屏幕右侧")),
    ActionSpec("copy_to_mine", QT_TRANSLATE_NOOP("Actions", "复制到我的话术"), ("Ctrl+Shift+M",), True),
    ActionSpec("my_scripts", QT_TRANSLATE_NOOP("Actions", "我的话术…"), ("Ctrl+M",)),
    ActionSpec("check_updates", QT_TRANSLATE_NOOP("Actions", "检查更新"), ("F5",)),
    ActionSpec("settings", QT_TRANSLATE_NOOP("Actions", "设置…"), ("Ctrl+,",)),
    ActionSpec("quit", QT_TRANSLATE_NOOP("Actions", "退出"), ("Ctrl+Q",), True),
    # Keyboard only.
    ActionSpec("copy", None, ("Ctrl+Return", "Ctrl+Enter")),
    ActionSpec("paste", None, ("Shift+Return", "Shift+Enter")),  # into the chat window the agent came from
    ActionSpec("focus_search", None, ("Ctrl+F", "Ctrl+L")),
    ActionSpec("escape", None, ("Escape",)),
    *(ActionSpec(f"copy_{n}", None, (f"Ctrl+{n}",)) for n in range(1, 10)),
)


def install_actions(window: QWidget, menu: QMenu, handlers: Mapping[str, Callable[[], object]]) -> dict[str, QAction]:
    """Create one QAction per spec on ``window`` (menu entries for those with text)."""
    missing = {spec.key for spec in ACTIONS} - set(handlers)
    if missing:
        raise KeyError(f"no handler for actions: {', '.join(sorted(missing))}")
    actions = {}
    for spec in ACTIONS:
        text = QCoreApplication.translate(CONTEXT, str(spec.text)) if spec.text else spec.key
        action = QAction(text, window)
        action.setShortcuts([QKeySequence(keys) for keys in spec.shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False, slot=handlers[spec.key]: slot())
        window.addAction(action)
        if spec.text:
            if spec.separator_before:
                menu.addSeparator()
            menu.addAction(action)
        actions[spec.key] = action
    return actions


def window_handlers(window: MainWindow) -> dict[str, Callable[[], object]]:
    """The handler of every action key, bound to ``window``."""
    handlers: dict[str, Callable[[], object]] = {
        "new_conversation": window.new_conversation,
        "toggle_favourite": window.toggle_favourite,
        "next_platform": window.search_panel.cycle_platform,
        "dock_left": lambda: window.placement.dock("left"),
        "dock_right": lambda: window.placement.dock("right"),
        "copy_to_mine": lambda: window_dialogs.copy_to_mine(window),
        "my_scripts": lambda: window_dialogs.open_my_scripts(window),
        "check_updates": window.check_updates_requested.emit,
        "settings": lambda: window_dialogs.open_settings(window),
        "quit": QApplication.quit,
        "copy": window.copy_current,
        "paste": window.delivery.paste,
        "focus_search": window.focus_search,
        "escape": window.search_panel.escape,
    }
    handlers.update({f"copy_{n}": functools.partial(window.copy_nth, n) for n in range(1, 10)})
    return handlers
