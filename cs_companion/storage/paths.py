"""The one place that decides where config, data and cache files live.

Platform dirs by default (``%APPDATA%``/``~/.local/share`` ...). Setting
``CS_COMPANION_HOME`` (or ``--profile DIR``) redirects all three into one
folder, so tests and portable installs never touch a real profile.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

from cs_companion import APP_NAME

HOME_ENV = "CS_COMPANION_HOME"
SYSTEM_CONFIG_ENV = "CS_COMPANION_SYSTEM_CONFIG"
log = logging.getLogger(__name__)


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
    def reminders_file(self) -> Path:
        """Follow-ups and payment nudges (order numbers and notes; never customer text)."""
        return self.data / "reminders.json"

    @property
    def usage_stats_file(self) -> Path:
        """Per-script daily counts of copies, pastes and compliance overrides."""
        return self.data / "usage_stats.json"

    @property
    def snapshot_file(self) -> Path:
        """Compiled library + search index, rebuilt when any library file changes."""
        return self.cache / "library.snapshot"

    @property
    def team_cache_dir(self) -> Path:
        return self.cache / "team_library"

    @property
    def temp_folders(self) -> tuple[Path, ...]:
        """Folders where atomic saves leave ``.<name>.<random>.tmp`` files if a process dies mid-save."""
        return (self.config, self.data, self.cache, self.team_cache_dir)

    @property
    def lock_name(self) -> str:
        """Name for the single-instance lock/server, unique per profile."""
        import hashlib

        digest = hashlib.sha1(str(self.data).encode("utf-8")).hexdigest()[:10]
        return f"{APP_NAME}-{digest}"


SYSTEM_CONFIG_NAME = "config.json"


@dataclass(frozen=True)
class SystemConfigLookup:
    """Where the machine-wide config was looked for, which file is used, and which were found but unreadable."""

    searched: tuple[Path, ...]
    path: Path | None
    unreadable: tuple[tuple[Path, str], ...] = ()

    @property
    def chosen(self) -> Path:
        """The file used, or the first place looked (for "none at ..." messages) when there is none."""
        return self.path or self.searched[0]


def system_config_candidates(
    environ: Mapping[str, str] | None = None, platform: str = sys.platform
) -> tuple[Path, ...]:
    """Every place the machine-wide config may be, in order of precedence.

    Linux/BSD: ``<dir>/cs-companion/config.json`` for every entry of
    ``$XDG_CONFIG_DIRS`` and then ``/etc/xdg`` (Ubuntu's GNOME sets
    ``/etc/xdg/xdg-ubuntu:/etc/xdg``, so the first entry alone misses the file
    DEPLOY.md documents). Relative entries are ignored, as the XDG spec says.
    """
    environ = os.environ if environ is None else environ
    if platform == "win32":
        base = environ.get("PROGRAMDATA") or r"C:\ProgramData"
        return (Path(base) / APP_NAME / SYSTEM_CONFIG_NAME,)
    if platform == "darwin":
        return (Path("/Library/Application Support") / APP_NAME / SYSTEM_CONFIG_NAME,)
    dirs = [d for d in (environ.get("XDG_CONFIG_DIRS") or "").split(":") if d and os.path.isabs(d)]
    dirs.append("/etc/xdg")
    unique = dict.fromkeys(os.path.normpath(d) for d in dirs)
    return tuple(Path(d) / APP_NAME / SYSTEM_CONFIG_NAME for d in unique)


def find_system_config(environ: Mapping[str, str] | None = None, platform: str = sys.platform) -> SystemConfigLookup:
    """The first readable machine-wide config; ``CS_COMPANION_SYSTEM_CONFIG`` overrides the search.

    A file that exists but cannot be opened (permissions, a folder by that
    name) is skipped and listed in ``unreadable``, so the self-test can warn
    IT instead of silently reporting "none".
    """
    environ = os.environ if environ is None else environ
    override = environ.get(SYSTEM_CONFIG_ENV)
    candidates = (Path(override),) if override else system_config_candidates(environ, platform)
    unreadable: list[tuple[Path, str]] = []
    for candidate in candidates:
        try:
            with open(candidate, "rb"):
                pass
        except FileNotFoundError:
            continue
        except OSError as exc:
            if candidate.exists() or candidate.is_symlink():
                unreadable.append((candidate, exc.strerror or str(exc)))
            continue
        return SystemConfigLookup(candidates, candidate, tuple(unreadable))
    return SystemConfigLookup(candidates, None, tuple(unreadable))


def system_config_file() -> Path:
    """Machine-wide config that IT can deploy (read-only for agents): the first readable one.

    Windows: ``%PROGRAMDATA%\\cs-companion\\config.json``; macOS:
    ``/Library/Application Support/cs-companion/config.json``; Linux: the first
    readable ``cs-companion/config.json`` under ``$XDG_CONFIG_DIRS`` or
    ``/etc/xdg``. ``CS_COMPANION_SYSTEM_CONFIG`` overrides it (tests, unusual
    setups). With none readable, the first place looked (it does not exist).
    """
    lookup = find_system_config()
    for path, why in lookup.unreadable:
        log.warning("machine-wide config %s cannot be read (%s); it is ignored", path, why)
    return lookup.chosen
