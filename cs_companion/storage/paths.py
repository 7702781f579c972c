"""The one place that decides where config, data and cache files live.

Platform dirs by default (``%APPDATA%``/``~/.local/share`` ...). Setting
``CS_COMPANION_HOME`` (or ``--profile DIR``) redirects all three into one
folder, so tests and portable installs never touch a real profile.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

from cs_companion import APP_NAME

HOME_ENV = "CS_COMPANION_HOME"
SYSTEM_CONFIG_ENV = "CS_COMPANION_SYSTEM_CONFIG"


@dataclass(frozen=True)
class AppPaths:
    """Folders for user config (settings), data (favourites, own scripts) and cache (team library)."""

    config: Path
    data: Path
    cache: Path

    @classmethod
    def default(cls) -> AppPaths:
        override = os.environ.get(HOME_ENV)
        if override:
            return cls.under(Path(override))
        dirs = PlatformDirs(APP_NAME, appauthor=False, roaming=True)
        return cls(Path(dirs.user_config_dir), Path(dirs.user_data_dir), Path(dirs.user_cache_dir))

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        root = root.expanduser().resolve()
        return cls(root / "config", root / "data", root / "cache")

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def user_state_file(self) -> Path:
        return self.data / "state.json"

    @property
    def personal_library_file(self) -> Path:
        return self.data / "my_scripts.yaml"

    @property
    def snapshot_file(self) -> Path:
        """Compiled library + search index, rebuilt when any library file changes."""
        return self.cache / "library.snapshot"

    @property
    def team_cache_dir(self) -> Path:
        return self.cache / "team_library"

    @property
    def lock_name(self) -> str:
        """Name for the single-instance lock/server, unique per profile."""
        import hashlib

        digest = hashlib.sha1(str(self.data).encode("utf-8")).hexdigest()[:10]
        return f"{APP_NAME}-{digest}"


def system_config_file() -> Path:
    """Machine-wide config that IT can deploy (read-only for agents).

    Windows: ``%PROGRAMDATA%\\cs-companion\\config.json``; macOS:
    ``/Library/Application Support/cs-companion/config.json``; Linux:
    ``/etc/xdg/cs-companion/config.json`` (first of ``$XDG_CONFIG_DIRS``).
    ``CS_COMPANION_SYSTEM_CONFIG`` overrides it (tests, unusual setups).
    """
    override = os.environ.get(SYSTEM_CONFIG_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / APP_NAME / "config.json"
    dirs = PlatformDirs(APP_NAME, appauthor=False, multipath=False)
    return Path(dirs.site_config_dir) / "config.json"
