"""A damaged own-scripts file never keeps the window from opening (issue 9, item 3)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from cs_companion.storage.paths import AppPaths
from cs_companion.storage.personal import PersonalStore
from cs_companion.ui.app import build_main_window


@pytest.mark.parametrize("value", ["2026-02-30", "2026-01-01 10:00:00+25:00", "9" * 5000, "!!int abc"])
def test_window_opens_with_a_damaged_own_scripts_file(qtbot: QtBot, value: str) -> None:
    paths = AppPaths.default()
    damaged = f"schema: 1\nlibrary:\n  updated: {value}\nscripts: []\n"
    paths.personal_library_file.parent.mkdir(parents=True, exist_ok=True)
    paths.personal_library_file.write_text(damaged, encoding="utf-8")

    window = build_main_window(paths)
    qtbot.addWidget(window)

    assert window.loaded.builtin_ok and len(window.loaded.library.scripts) > 100
    assert any("my_scripts.yaml.corrupt" in m for m in window.ctx.startup_messages)
    kept = paths.personal_library_file.with_name(paths.personal_library_file.name + ".corrupt")
    assert kept.read_text(encoding="utf-8") == damaged
    # The agent can save own scripts again straight away.
    store = PersonalStore(paths.personal_library_file, window.loaded.library)
    assert store.create("新话术", "亲，您好", "general.greeting").id.startswith("my.")
