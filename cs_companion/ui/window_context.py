"""What the window is built from: paths, stores, settings, state and the loaded library.

Built by ``ui.app`` (tests build their own), so the window never reaches for
globals and every collaborator can be replaced in a test.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cs_companion.desktop import Desktop
from cs_companion.storage.paths import AppPaths
from cs_companion.storage.settings import Settings, SettingsStore
from cs_companion.storage.stack import LoadedLibrary
from cs_companion.storage.userstate import UserState, UserStateStore


@dataclass
class WindowContext:
    """Everything the window needs, built by ``app`` and passed in (tests build their own)."""

    paths: AppPaths
    settings_store: SettingsStore
    settings: Settings
    state_store: UserStateStore
    state: UserState
    loaded: LoadedLibrary
    startup_messages: list[str] = field(default_factory=list)
    desktop: Desktop | None = None  # None: the one the Qt platform has (see cs_companion.desktop.detect)
