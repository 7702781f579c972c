"""``cs-companion --self-test``: check an installation end to end, from source or the frozen bundle.

Each step prints one line, ``ok  <step> (<detail>)`` or ``FAIL <step>: <why>``,
and the test stops at the first failure: exit code 0 means every step passed,
1 names the failing step. IT runs it after deploying; CI runs it on the
frozen binary.

The test never touches the agent's data: it runs with a throw-away profile
(``CS_COMPANION_HOME`` set to a temp folder) and builds the window without the
machine-wide config, so no team library is fetched. The machine-wide config is
only read and checked for being valid JSON. The clipboard step puts back
whatever the agent had on the clipboard. With no display (headless Linux),
Qt runs on the ``offscreen`` platform; the variable is set before Qt is imported.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from cs_companion import APP_NAME, __version__
from cs_companion.storage.paths import HOME_ENV, SYSTEM_CONFIG_ENV, AppPaths, SystemConfigLookup, find_system_config
from cs_companion.storage.resources import base_dir, builtin_library_dir, is_frozen

SAMPLE_SCRIPT = "logistics.delay.first_reply"
SAMPLE_VALUES = {"order_no": "SELFTEST2024001", "eta": "今天18点前"}
SEARCH_QUERIES = ("wuliu", "物流三天都没更新了")
"""A pinyin and a pasted-message query that must find SAMPLE_SCRIPT (proves pypinyin and rapidfuzz work)."""
WINDOW_MODULE = "cs_companion.ui.app"
UI_WAIT_SECONDS = 2.0


class StepFailed(Exception):
    """A step found a problem; the message is printed after ``FAIL <step>:``."""


@dataclass
class _State:
    """What the steps hand on to each other."""

    window_module: str
    system_config: SystemConfigLookup
    library: Any = None
    load_problems: list[Any] = field(default_factory=list)
    expected_text: str = ""
    qt: dict[str, Any] = field(default_factory=dict)


def _step_load_library(state: _State) -> str:
    from cs_companion.core.loader import load_path
    from cs_companion.core.models import Layer

    folder = builtin_library_dir()
    if not folder.is_dir():
        raise StepFailed(f"built-in library folder not found: {folder}")
    result = load_path(folder, Layer.BUILTIN)
    if result.library is None:
        first = result.errors[0] if result.errors else "no library"
        raise StepFailed(f"{len(result.errors)} errors, first: {first}")
    state.library = result.library
    state.load_problems = list(result.problems)
    return f"{len(result.library.scripts)} scripts"


def _step_validate_library(state: _State) -> str:
    from cs_companion.core.compliance import check_library

    problems = state.load_problems + check_library(state.library)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise StepFailed(f"{len(errors)} errors, first: {errors[0]}")
    warnings = len(problems)
    return "no errors, compliance clean" + (f", {warnings} warnings" if warnings else "")


def _step_search(state: _State) -> str:
    from cs_companion.core.search import SearchIndex

    index = SearchIndex(state.library)
    for query in SEARCH_QUERIES:
        ids = [hit.id for hit in index.search(query, limit=5)]
        if SAMPLE_SCRIPT not in ids:
            raise StepFailed(f"{query!r} did not find {SAMPLE_SCRIPT} (top hits: {', '.join(ids) or 'none'})")
    return f"{' / '.join(SEARCH_QUERIES)} -> {SAMPLE_SCRIPT}"


def _step_render(state: _State) -> str:
    from cs_companion.core.template import render

    script = state.library.script(SAMPLE_SCRIPT)
    if script is None:
        raise StepFailed(f"no script {SAMPLE_SCRIPT} in the built-in library")
    result = render(script, SAMPLE_VALUES)
    if not result.complete:
        raise StepFailed(f"missing {list(result.missing)}, invalid {dict(result.invalid)}")
    if any(value not in result.text for value in SAMPLE_VALUES.values()) or "{{" in result.text:
        raise StepFailed(f"values not substituted: {result.text!r}")
    state.expected_text = result.text
    return f"{SAMPLE_SCRIPT}, {len(result.text)} chars"


def _step_machine_config(state: _State) -> str:
    """Name the machine-wide config the app will use, check it, and warn about any found but unreadable."""
    lookup = state.system_config
    warnings = "".join(f"; WARNING: {path} exists but cannot be read ({why})" for path, why in lookup.unreadable)
    path = lookup.path
    if path is None:
        return f"none at {', '.join(str(p) for p in lookup.searched)}{warnings}"
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except RecursionError:
        raise StepFailed(f"{path} is not valid JSON: nested too deeply") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise StepFailed(f"{path} is not valid UTF-8 JSON: {exc}") from None
    if not isinstance(data, dict):
        raise StepFailed(f"{path}: the top level must be a JSON object")
    source = data.get("team_source")
    if source is not None and not isinstance(source, str):
        raise StepFailed(f"{path}: team_source must be a string")
    parts = [f"{path}", f"{len(data)} key" + ("" if len(data) == 1 else "s")]
    if source:
        parts.append("team source preset" + (", locked" if data.get("lock_team_source") is True else ""))
    return ", ".join(parts) + warnings


def _step_keyring(state: _State) -> str:
    """Which keyring backend the team access token would use (never reads or writes a secret).

    Windows and macOS always have one, so the "fail" backend there means the bundle
    lacks keyring's backends; headless Linux without Secret Service legitimately has none.
    """
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    parts = getattr(backend, "backends", None) or [backend]
    names = ", ".join(f"{type(b).__module__.removeprefix('keyring.backends.')}.{type(b).__name__}" for b in parts)
    if isinstance(backend, fail.Keyring):
        if sys.platform in ("win32", "darwin"):
            raise StepFailed("no keyring backend found: the team access token cannot be stored")
        return "none usable on this machine: a team access token cannot be stored"
    return names


def _step_desktop(state: _State) -> str:
    """The paste-into-chat back end is complete (python-xlib on Linux, ctypes on Windows).

    python-xlib imports its socket code and X extensions by name when it
    connects, so a bundle missing them would pass everything else and fail
    only on an agent's desktop: import exactly what a connection imports.
    """
    import importlib

    if sys.platform == "win32":
        importlib.import_module("cs_companion.desktop.windows")
        return "Windows (user32)"
    if not sys.platform.startswith("linux"):
        return "copy-only on this system"
    import Xlib
    import Xlib.ext

    for module in ("Xlib.support.unix_connect", "Xlib.support.vms_connect", "cs_companion.desktop.x11"):
        importlib.import_module(module)
    for _name, module in getattr(Xlib.ext, "__extensions__", ()):
        importlib.import_module(f"Xlib.ext.{module}")
    return "X11 (python-xlib " + ".".join(map(str, getattr(Xlib, "__version__", ()))) + ")"


def _step_load_qt(state: _State) -> str:
    import PySide6
    from PySide6 import QtCore, QtGui, QtWidgets

    state.qt = {"QtCore": QtCore, "QtGui": QtGui, "QtWidgets": QtWidgets}
    platform = os.environ.get("QT_QPA_PLATFORM") or "auto"
    return f"PySide6 {PySide6.__version__}, Qt {QtCore.qVersion()}, platform {platform}"


def _process_events_until(check: Callable[[], bool], seconds: float = UI_WAIT_SECONDS) -> bool:
    """Let Qt run (debounce timers, clipboard) until ``check()`` holds or time is up."""
    app = _qapp()
    deadline = time.monotonic() + seconds
    while True:
        app.processEvents()
        if check():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)


def _qapp() -> Any:
    """The running QApplication (created by the window step)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        raise StepFailed("the QApplication is gone")
    return app


def _step_build_window(state: _State) -> str:
    import importlib

    ui = importlib.import_module(state.window_module)
    app = ui.create_application([APP_NAME])
    window = ui.build_main_window(AppPaths.default())
    state.qt["window"] = window
    app.processEvents()
    pixmap = window.grab()  # paints every widget without showing the window
    if pixmap.isNull():
        raise StepFailed("the window did not paint")
    return f"platform {app.platformName()}, {pixmap.width()}x{pixmap.height()}"


def _step_fill_script(state: _State) -> str:
    window = state.qt["window"]
    if not window.select_script(SAMPLE_SCRIPT):
        raise StepFailed(f"select_script({SAMPLE_SCRIPT!r}) returned False")
    for name, value in SAMPLE_VALUES.items():
        window.set_field_value(name, value)
    if not _process_events_until(lambda: window.current_text() == state.expected_text):
        raise StepFailed(f"window shows {window.current_text()!r}, expected {state.expected_text!r}")
    return f"{SAMPLE_SCRIPT} with {', '.join(SAMPLE_VALUES)}"


def _step_clipboard(state: _State) -> str:
    """Copy the reply and read it back, then give the agent's clipboard back as it was (DEPLOY.md promises it)."""
    window = state.qt["window"]
    clipboard = state.qt["QtGui"].QGuiApplication.clipboard()
    saved = _save_clipboard(clipboard)
    try:
        clipboard.clear()
        if not window.copy_current():
            raise StepFailed("copy_current() returned False")
        if not _process_events_until(lambda: clipboard.text() == state.expected_text):
            raise StepFailed(f"clipboard holds {clipboard.text()!r}, expected the rendered reply")
    finally:
        _restore_clipboard(clipboard, saved)
    return f"{len(state.expected_text)} chars read back, previous clipboard restored"


def _save_clipboard(clipboard: Any) -> Any:
    """A copy of everything on the clipboard (text, HTML, images ...), or None if it is empty.

    The clipboard owns its QMimeData and may drop it at any time, so each
    format's bytes are copied into a new object.
    """
    from PySide6.QtCore import QMimeData

    current = clipboard.mimeData()
    if current is None or not current.formats():
        return None
    copy = QMimeData()
    for fmt in current.formats():
        copy.setData(fmt, current.data(fmt))
    if current.hasText():  # the text the agent sees, whatever the platform's raw formats were
        copy.setText(current.text())
    return copy


def _restore_clipboard(clipboard: Any, saved: Any) -> None:
    if saved is None:
        clipboard.clear()
    else:
        clipboard.setMimeData(saved)  # the clipboard takes ownership
    _qapp().processEvents()


STEPS: tuple[tuple[str, Callable[[_State], str]], ...] = (
    ("load library", _step_load_library),
    ("validate library", _step_validate_library),
    ("search", _step_search),
    ("render script", _step_render),
    ("machine config", _step_machine_config),
    ("keyring", _step_keyring),
    ("desktop", _step_desktop),
    ("load Qt", _step_load_qt),
    ("build window", _step_build_window),
    ("fill script", _step_fill_script),
    ("copy to clipboard", _step_clipboard),
)


def needs_offscreen(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """True on Linux/BSD with no X11 or Wayland display and no platform chosen by the caller."""
    if platform.startswith(("win", "darwin")) or environ.get("QT_QPA_PLATFORM"):
        return False
    return not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


@contextmanager
def _isolated_environment() -> Iterator[Path]:
    """Temp profile and no machine-wide config for the duration; restores the environment after."""
    saved = {key: os.environ.get(key) for key in (HOME_ENV, SYSTEM_CONFIG_ENV, "QT_QPA_PLATFORM")}
    home = Path(tempfile.mkdtemp(prefix=f"{APP_NAME}-selftest-"))
    os.environ[HOME_ENV] = str(home / "profile")
    os.environ[SYSTEM_CONFIG_ENV] = str(home / "no-system-config.json")
    if needs_offscreen(os.environ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        yield home
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(home, ignore_errors=True)


def _close_window(state: _State) -> None:
    window = state.qt.get("window")
    if window is None:
        return
    try:
        window.close()
        window.deleteLater()
        _qapp().processEvents()
    except Exception:  # cleanup only: the verdict is already printed
        pass


def run_self_test(*, window_module: str = WINDOW_MODULE, out: TextIO | None = None) -> int:
    """Run every step; 0 if all pass, 1 at the first failure. ``window_module`` is for tests."""

    def say(line: str) -> None:
        print(line, file=out or sys.stdout, flush=True)

    where = "frozen bundle" if is_frozen() else "source"
    say(f"{APP_NAME} {__version__} self-test ({where}: {base_dir()})")
    state = _State(window_module=window_module, system_config=find_system_config())
    with _isolated_environment():
        try:
            for name, step in STEPS:
                try:
                    detail = step(state)
                except Exception as exc:
                    reason = str(exc) if isinstance(exc, StepFailed) else f"{type(exc).__name__}: {exc}"
                    say(f"FAIL {name}: {reason}")
                    say(f"self-test failed at: {name}")
                    return 1
                say(f"ok  {name}" + (f" ({detail})" if detail else ""))
        finally:
            _close_window(state)
    say("self-test passed")
    return 0
