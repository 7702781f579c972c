"""Agent preferences, declared once with typed defaults, plus IT's machine-wide presets.

Preferences (always on top, font size, team source, ...) are separate from
usage state (favourites, recents, see ``userstate``) and window geometry.
IT can preset any key in the machine-wide ``config.json`` and lock the team
source (``"lock_team_source": true``) so agents cannot point at another feed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from cs_companion.core.quiet_hours import DEFAULT_END, DEFAULT_START, QuietHours, parse_clock
from cs_companion.storage.jsonstore import load_json_object, save_json_object
from cs_companion.storage.locking import locked

SETTINGS_VERSION = 1
MIN_FONT, MAX_FONT = 10, 24
MIN_POLL, MAX_POLL = 1, 24 * 60
PASTE_KEY_CHOICES = ("ctrl+v", "shift+insert")


@dataclass(frozen=True)
class Settings:
    """Typed preferences; unknown or wrongly typed keys in the file fall back to defaults."""

    always_on_top: bool = True
    font_size: int = 13
    team_source: str = ""
    poll_minutes: int = 15
    dock_edge: str = "right"  # "left", "right" or "none"
    language: str = "zh_CN"
    platform: str = "taobao"
    """The shop platform the agent works on (a platform id of the library: taobao, jd, pdd, douyin …)."""
    # Delivery into the chat client (see cs_companion.ui.delivery); "" switches the global hotkey off.
    hotkey: str = "Ctrl+Alt+Space"
    paste_keys: str = "ctrl+v"  # or "shift+insert" for terminals and remote desktops
    enter_pastes: bool = False  # plain Enter pastes into the chat instead of only copying
    also_send: bool = False  # press Enter in the chat after pasting (sends the message)
    restore_clipboard: bool = True  # put the agent's previous clipboard text back after a paste
    watch_clipboard: bool = False  # a customer message copied in the chat is searched here
    # Payment nudges falling due in these hours wait until they end (cs_companion.core.quiet_hours); "" = off.
    quiet_start: str = DEFAULT_START
    quiet_end: str = DEFAULT_END

    def clamped(self) -> Settings:
        return replace(
            self,
            platform=self.platform.strip() or "taobao",
            font_size=min(MAX_FONT, max(MIN_FONT, self.font_size)),
            poll_minutes=min(MAX_POLL, max(MIN_POLL, self.poll_minutes)),
            dock_edge=self.dock_edge if self.dock_edge in ("left", "right", "none") else "right",
            paste_keys=self.paste_keys if self.paste_keys in PASTE_KEY_CHOICES else "ctrl+v",
            hotkey=self.hotkey.strip(),
            quiet_start=_clock_or_default(self.quiet_start, DEFAULT_START),
            quiet_end=_clock_or_default(self.quiet_end, DEFAULT_END),
        )

    @property
    def quiet_hours(self) -> QuietHours | None:
        return QuietHours.from_setting(self.quiet_start, self.quiet_end)


def _clock_or_default(text: str, default: str) -> str:
    """A valid HH:MM (normalised to two digits) or "" (off) is kept; anything else is the default."""
    if not text.strip():
        return ""
    clock = parse_clock(text)
    return f"{clock:%H:%M}" if clock is not None else default


@dataclass(frozen=True)
class SystemConfig:
    """What IT preset for every agent on the machine."""

    presets: dict[str, Any]
    lock_team_source: bool = False
    message: str = ""

    @property
    def team_source(self) -> str | None:
        value = self.presets.get("team_source")
        return value if isinstance(value, str) else None

    @property
    def stats_folder(self) -> Path | None:
        """The shared folder IT named for the daily usage CSVs (``"stats_folder"``), or None."""
        value = self.presets.get("stats_folder")
        return Path(value).expanduser() if isinstance(value, str) and value.strip() else None


def _coerce(data: dict[str, Any], base: Settings) -> Settings:
    """Take the keys of ``data`` that exist in Settings and have the right type."""
    values = {}
    for f in fields(Settings):
        if f.name in data:
            default = getattr(base, f.name)
            value = data[f.name]
            if type(value) is type(default):
                values[f.name] = value
    return replace(base, **values).clamped()


def load_system_config(path: Path) -> SystemConfig:
    report = load_json_object(path, set_aside_damaged=False) if path.exists() else None
    if report is None:
        return SystemConfig({})
    data = report.data
    # Only a real JSON true locks: the string "false" must not lock by accident.
    return SystemConfig(data, data.get("lock_team_source") is True, report.message)


class SettingsStore:
    """Loads and saves the agent's settings, applying the machine-wide presets."""

    def __init__(self, path: Path, system: SystemConfig | None = None) -> None:
        self.path = path
        self.system = system or SystemConfig({})
        self.message = ""

    def load(self) -> Settings:
        base = _coerce(self.system.presets, Settings())
        report = load_json_object(self.path)
        self.message = report.message
        settings = _coerce(report.data, base)
        if self.system.lock_team_source and self.system.team_source is not None:
            settings = replace(settings, team_source=self.system.team_source)
        return settings

    @property
    def team_source_locked(self) -> bool:
        return self.system.lock_team_source and self.system.team_source is not None

    def save(self, settings: Settings) -> None:
        """Write ``settings`` under the profile lock; StorageError (one plain line) if the profile cannot take it."""
        data = asdict(settings.clamped())
        data["version"] = SETTINGS_VERSION
        with locked(self.path):
            save_json_object(self.path, data)
