"""Hotkey text parsing: what agents and IT type in settings."""

from __future__ import annotations

import pytest

from cs_companion.desktop import HotkeyError
from cs_companion.desktop.keys import Hotkey, parse_hotkey


@pytest.mark.parametrize(
    ("text", "mods", "key"),
    [
        ("Ctrl+Alt+Space", {"ctrl", "alt"}, "space"),
        ("ctrl + shift + F3", {"ctrl", "shift"}, "f3"),
        ("Win+Q", {"super"}, "q"),
        ("Alt+`", {"alt"}, "grave"),
        ("Control+Alt+5", {"ctrl", "alt"}, "5"),
    ],
)
def test_parse(text: str, mods: set[str], key: str) -> None:
    assert parse_hotkey(text) == Hotkey(frozenset(mods), key)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "为空"),
        ("Space", "至少要包含"),
        ("Shift+A", "至少要包含"),
        ("Ctrl+Alt", "缺少按键"),
        ("Hyper+A", "不是修饰键"),
        ("Ctrl+Alt+Banana", "不认识"),
        ("Ctrl+Alt++", "不能用 +"),
    ],
)
def test_bad_hotkeys_say_why(text: str, message: str) -> None:
    with pytest.raises(HotkeyError, match=message):
        parse_hotkey(text)
