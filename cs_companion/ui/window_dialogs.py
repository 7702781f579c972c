"""The window's commands that open a dialog or write the agent's files: settings, own scripts, usage.

Every write here can fail (read-only profile, full disk, a damaged file): the
failure becomes one plain-language banner and the agent's change stays in
memory, never a traceback and never a silent loss.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from cs_companion.storage.settings import Settings

if TYPE_CHECKING:
    from cs_companion.storage.personal import PersonalStore
    from cs_companion.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def save_settings(window: MainWindow, settings: Settings) -> bool:
    """Keep ``settings`` in the window and on disk; a failed save says so and keeps them for this session."""
    window.settings = settings
    try:
        window.ctx.settings_store.save(settings)
    except OSError as exc:
        log.warning("settings not saved: %s", exc)
        window.banner.show_message(
            QCoreApplication.translate("WindowDialogs", "设置未能保存（本次运行仍然有效）：") + _plain(exc), "error"
        )
        return False
    return True


def save_state(window: MainWindow) -> None:
    """Save favourites and usage after a change; a failure is one banner line."""
    try:
        window.ctx.state_store.save(window.state)
    except OSError as exc:
        log.warning("usage not saved: %s", exc)
        window.banner.show_message(
            QCoreApplication.translate("WindowDialogs", "无法保存收藏和使用记录：") + _plain(exc), "error"
        )


def _plain(exc: OSError) -> str:
    """An OS error in words an agent can act on (the technical detail goes to the log)."""
    import errno

    if exc.errno == errno.ENOSPC:
        return QCoreApplication.translate("WindowDialogs", "磁盘已满")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return QCoreApplication.translate("WindowDialogs", "没有写入权限")
    return exc.strerror or QCoreApplication.translate("WindowDialogs", "写入失败")


def open_settings(window: MainWindow) -> None:
    from cs_companion.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.settings, window.ctx.settings_store.team_source_locked, window)
    dialog.clear_history_requested.connect(lambda: clear_history(window))
    if dialog.exec():
        new = dialog.result_settings()
        save_settings(window, new)
        window.apply_settings(new)
        window.settings_changed.emit(new)


def clear_history(window: MainWindow) -> None:
    window.state.clear_history()
    save_state(window)
    window.search_panel.set_usage(window.usage())
    window.search_panel.refresh()
    window.flash(QCoreApplication.translate("WindowDialogs", "已清除使用记录"))


def personal_store(window: MainWindow) -> PersonalStore:
    from cs_companion.storage.personal import PersonalStore  # YAML and the validator load on first use

    return PersonalStore(window.ctx.paths.personal_library_file, window.loaded.library)


def copy_to_mine(window: MainWindow) -> None:
    """Copy the selected script into the agent's own scripts and open the copy in the editor."""
    from cs_companion.storage.personal import PersonalError
    from cs_companion.ui.my_scripts_dialog import ScriptEditor

    current = window.current
    if current is None:
        return
    store = personal_store(window)
    try:
        copy = store.copy_to_mine(current)
    except PersonalError as exc:
        window.banner.show_message(
            QCoreApplication.translate("WindowDialogs", "无法复制到我的话术：") + str(exc), "error"
        )
        return
    editor = ScriptEditor(window.loaded.library, copy, window)
    if editor.exec():
        try:
            copy = store.update(copy.id, editor.script(copy.id))
        except PersonalError as exc:
            QMessageBox.warning(window, QCoreApplication.translate("WindowDialogs", "我的话术"), str(exc))
    window.flash(QCoreApplication.translate("WindowDialogs", "已复制到我的话术"))
    window.select_after_reload(copy.id)
    window.personal_changed.emit()


def open_my_scripts(window: MainWindow) -> None:
    from cs_companion.ui.my_scripts_dialog import MyScriptsDialog

    dialog = MyScriptsDialog(personal_store(window), window.loaded.library, window)
    dialog.exec()
    if dialog.changed:
        window.personal_changed.emit()
