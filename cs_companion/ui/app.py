"""Starts the window: one instance per profile, fonts, translations, tray, library.

``run_app`` is what ``cs-companion`` without arguments calls. The pieces are
split out (``create_application``, ``build_context``, ``build_main_window``)
so tests and ``--self-test`` build exactly the window agents get.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import sys
import time
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from cs_companion import APP_DISPLAY_NAME, APP_NAME, ORGANIZATION, __version__
from cs_companion.core.models import Layer
from cs_companion.core.problems import Problem
from cs_companion.core.reminders import Clock, system_clock
from cs_companion.storage.agent_library import load_agent_library
from cs_companion.storage.atomic import sweep_stale_temp_files
from cs_companion.storage.paths import AppPaths, system_config_file
from cs_companion.storage.resources import resource_path
from cs_companion.storage.settings import SettingsStore, load_system_config
from cs_companion.storage.stack import LoadedLibrary
from cs_companion.storage.userstate import UserStateStore
from cs_companion.ui import reminders_controller, usage_recorder
from cs_companion.ui.main_window import MainWindow
from cs_companion.ui.single_instance import NOTIFIED, UNREACHABLE, SingleInstance
from cs_companion.ui.tray import Tray, bring_to_front
from cs_companion.ui.window_context import WindowContext

if TYPE_CHECKING:
    from cs_companion.ui.update_controller import UpdateController

log = logging.getLogger(__name__)
EXIT_AFTER_SHOW_ENV = "CS_COMPANION_EXIT_AFTER_SHOW"
LANG_ENV = "CS_COMPANION_LANG"
CJK_FONTS = [
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "sans-serif",
]


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (the existing one if there is one), with name, icon, font and translations."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv if argv is not None else [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)  # lets Linux desktops match the window to cs-companion.desktop
    app.setQuitOnLastWindowClosed(False)
    icon_file = resource_path("icons", "app.png")
    if icon_file.exists():
        app.setWindowIcon(QIcon(str(icon_file)))
    font = QFont(app.font())
    font.setFamilies(CJK_FONTS)
    app.setFont(font)
    return app


_installed: list[QTranslator] = []


def install_translations(language: str) -> None:
    """Use ``language`` for the UI. Source strings are Chinese, so ``zh*`` needs no file.

    The language comes from the agent's settings (default Chinese), not the OS
    locale: Chinese agents on an English Windows should still get Chinese.
    ``CS_COMPANION_LANG`` overrides it (IT checks, tests).
    """
    app = QApplication.instance()
    if app is None:
        return
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = os.environ.get(LANG_ENV) or language
    locale = QLocale(language)
    folders: tuple[tuple[str, str], ...] = (("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),)
    if not language.lower().startswith("zh"):
        folders = (("cs_companion", str(resource_path("translations"))), *folders)
    for name, folder in folders:
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            _installed.append(translator)


def _problem_messages(loaded: LoadedLibrary) -> list[str]:
    errors: list[Problem] = [p for p in loaded.problems if p.is_error]
    if not errors:
        return []
    first = errors[0]
    more = f"（另有 {len(errors) - 1} 处）" if len(errors) > 1 else ""
    return [f"部分话术库未能加载：{first}{more}"]


def build_context(paths: AppPaths, team_library: Path | None = None) -> WindowContext:
    system = load_system_config(system_config_file())
    settings_store = SettingsStore(paths.settings_file, system)
    settings = settings_store.load()
    state_store = UserStateStore(paths.user_state_file)
    state = state_store.load()
    loaded = load_agent_library(paths, team_library, quick=True)
    messages = [m for m in (system.message, settings_store.message, state_store.message) if m]
    messages += _problem_messages(loaded)
    if Layer.BUILTIN not in loaded.layer_info:
        messages.append("内置话术库损坏，请联系IT重新安装")
    return WindowContext(paths, settings_store, settings, state_store, state, loaded, messages)


def build_main_window(paths: AppPaths, team_library: Path | None = None, clock: Clock = system_clock) -> MainWindow:
    """The main window, not yet shown, with follow-ups and usage counting. A QApplication must exist.

    ``clock`` tells reminders and statistics the time (tests pass a fake one).
    """
    context = build_context(paths, team_library)
    install_translations(context.settings.language)
    window = MainWindow(context)
    reminders_controller.attach(window, paths, clock)
    usage_recorder.attach(window, paths, clock)
    return window


def connect_updates(window: MainWindow, paths: AppPaths, team_library: Path | None = None) -> UpdateController:
    """Wire team updates and own-script reloads to the window (no team layer with ``--library``)."""
    from cs_companion.ui.update_controller import UpdateController  # HTTP, keyring, YAML: after the first paint

    controller = UpdateController(paths, functools.partial(load_agent_library, paths, team_library), parent=window)
    controller.library_ready.connect(window.set_library)
    controller.worker_failed.connect(
        lambda _reason: window.banner.show_message("后台任务出错，继续使用当前话术库（详情见日志）", "error")
    )
    controller.update_finished.connect(window.show_update_result)
    controller.folder_unavailable.connect(  # offline from the share: a quiet note; the reason is in the log
        lambda _reason: window.banner.show_message(
            "团队话术文件夹暂时打不开，正在使用上次读取的团队话术，恢复后会自动更新。", "info", timeout_ms=5000
        )
    )
    window.check_updates_requested.connect(lambda: controller.check_now(manual=True))
    window.personal_changed.connect(controller.reload_library)
    if window.loaded.partial:
        window.banner.show_message("正在后台加载团队话术库，稍候即可搜索到…", "info")

        def full_library_arrived(_loaded: object) -> None:
            controller.library_ready.disconnect(full_library_arrived)
            controller.worker_failed.disconnect(full_library_arrived)
            if window.banner.level == "info":
                window.banner.hide()

        controller.library_ready.connect(full_library_arrived)
        controller.worker_failed.connect(full_library_arrived)  # a failed load must not leave "loading…" up
        controller.reload_library()
    if team_library is None:
        window.settings_changed.connect(controller.apply_settings)
        controller.apply_settings(window.settings)
    return controller


class QuietRotatingFileHandler(RotatingFileHandler):
    """The support log; a failed write (full disk, log file gone) is dropped silently.

    The stock handler prints "--- Logging error ---" and a traceback to
    stderr, which is all an agent sees of a full disk. The log is a support
    aid, so losing a line is the lesser harm.
    """

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def _setup_logging(paths: AppPaths) -> Path:
    """A small rotating log in the cache folder for support (never holds tokens: see core.updates)."""
    log_file = paths.cache / "cs-companion.log"
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = QuietRotatingFileHandler(log_file, maxBytes=512 * 1024, backupCount=2, encoding="utf-8")
    except OSError:
        return log_file
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_file


def _install_excepthook(paths: AppPaths, window: MainWindow) -> None:
    """Unexpected errors go to the log file; the agent sees one line, never a traceback."""
    log_file = _setup_logging(paths)

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error", exc_info=(kind, value, tb))
        with contextlib.suppress(RuntimeError):  # the window may already be gone at shutdown
            window.banner.show_message(f"出现意外错误：{value}（详情已记录到 {log_file}）", "error")

    sys.excepthook = hook


def run_app(team_library: Path | None = None) -> int:
    """Run the window until quit. A second launch brings the first window forward and exits 0."""
    started = time.perf_counter()
    paths = AppPaths.default()
    app = create_application()
    instance = SingleInstance(paths.lock_name)
    claim = instance.claim()
    if claim == NOTIFIED:
        print(f"{APP_NAME}: already running; brought the window to the front", file=sys.stderr)
        return 0
    if claim == UNREACHABLE:
        holder = instance.holder_pid()
        who = f" (process {holder})" if holder else ""
        print(f"{APP_NAME}: already running on this profile{who} but not answering; close it first", file=sys.stderr)
        return 1
    window = build_main_window(paths, team_library)
    _install_excepthook(paths, window)
    instance.activated.connect(lambda: bring_to_front(window))

    def after_first_paint() -> None:
        """Team updates (HTTP, keyring, YAML) and housekeeping load once the agent sees the window."""
        updates = connect_updates(window, paths, team_library)
        app.aboutToQuit.connect(updates.shutdown)
        sweep_stale_temp_files(paths.temp_folders)

    QTimer.singleShot(0, after_first_paint)
    tray = None
    if QSystemTrayIcon.isSystemTrayAvailable():
        tray = Tray(window, app.windowIcon())
        tray.set_hotkey(window.delivery.hotkey_text)
        window.delivery.hotkey_changed.connect(tray.set_hotkey)
        tray.show()
        for reminders in window.findChildren(reminders_controller.RemindersController):
            reminders.set_tray(tray)
    window.show()
    if tray is None:
        app.setQuitOnLastWindowClosed(True)
    app.aboutToQuit.connect(window.save_geometry)
    for recorder in window.findChildren(usage_recorder.UsageRecorder):
        app.aboutToQuit.connect(recorder.write_shared)
    app.aboutToQuit.connect(instance.close)
    if os.environ.get(EXIT_AFTER_SHOW_ENV):
        partial = " partial" if window.loaded.partial else ""
        QTimer.singleShot(
            0, lambda: (print(f"shown {time.perf_counter() - started:.3f}{partial}", flush=True), app.quit())
        )
    return app.exec()
