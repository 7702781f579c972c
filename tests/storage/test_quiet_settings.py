"""Quiet-hours settings: on by default, "" switches them off, garbage falls back to the default."""

from __future__ import annotations

from datetime import time

from cs_companion.core.quiet_hours import QuietHours
from cs_companion.storage.settings import Settings, SettingsStore, SystemConfig


def test_settings_keep_valid_times_switch_off_with_empty_and_repair_garbage() -> None:
    assert Settings().quiet_hours == QuietHours(time(22), time(8))  # on by default
    assert Settings(quiet_start="", quiet_end="").clamped().quiet_hours is None
    repaired = Settings(quiet_start="late", quiet_end="7:00").clamped()
    assert (repaired.quiet_start, repaired.quiet_end) == ("22:00", "07:00")


def test_it_can_preset_quiet_hours_for_every_agent(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = SettingsStore(tmp_path / "settings.json", SystemConfig({"quiet_start": "21:30", "quiet_end": "09:00"}))
    assert store.load().quiet_hours == QuietHours(time(21, 30), time(9))
