"""Hotkey text ("Ctrl+Alt+Space") to modifiers and a key name, shared by the X11 and Windows back ends.

The text is what the agent sees in settings and what IT writes in the machine
config, so it is parsed once here with one clear error for anything unknown.
"""

from __future__ import annotations

from dataclasses import dataclass

from cs_companion.desktop.base import HotkeyError

MODIFIERS = {
    "ctrl": "ctrl",
    "control": "ctrl",
    "alt": "alt",
    "shift": "shift",
    "super": "super",
    "win": "super",
    "meta": "super",
}
NAMED_KEYS = {
    "space": "space",
    "insert": "insert",
    "ins": "insert",
    "return": "return",
    "enter": "return",
    "tab": "tab",
    "escape": "escape",
    "esc": "escape",
    "home": "home",
    "end": "end",
    "pause": "pause",
    "`": "grave",
    "grave": "grave",
    "-": "minus",
    "=": "equal",
    ";": "semicolon",
    ",": "comma",
    ".": "period",
    "/": "slash",
}


@dataclass(frozen=True)
class Hotkey:
    """A parsed hotkey: modifier names (ctrl, alt, shift, super) and one key (a, 5, f3, space, ...)."""

    modifiers: frozenset[str]
    key: str


def parse_hotkey(sequence: str) -> Hotkey:
    """Parse "Ctrl+Alt+Space"; HotkeyError names what is wrong. A hotkey needs Ctrl, Alt or Super."""
    text = sequence.strip()
    if not text:
        raise HotkeyError("快捷键为空")
    parts = [p.strip().lower() for p in text.replace(" ", "").split("+")]
    if text.endswith("++"):  # "Ctrl+Alt++" means the plus key: not supported, say so plainly
        raise HotkeyError(f"快捷键 {sequence} 不能用 + 作为按键")
    *mods, key = parts
    modifiers = set()
    for mod in mods:
        if mod not in MODIFIERS:
            raise HotkeyError(f"快捷键 {sequence} 里的 {mod or '(空)'} 不是修饰键（Ctrl、Alt、Shift、Win）")
        modifiers.add(MODIFIERS[mod])
    if not modifiers & {"ctrl", "alt", "super"}:
        raise HotkeyError(f"快捷键 {sequence} 至少要包含 Ctrl、Alt 或 Win，否则会吃掉正常打字")
    if key in MODIFIERS or not key:
        raise HotkeyError(f"快捷键 {sequence} 缺少按键")
    if len(key) == 1 and key.isascii() and key.isalnum():
        name = key
    elif key in NAMED_KEYS:
        name = NAMED_KEYS[key]
    elif key.startswith("f") and key[1:].isdigit() and 1 <= int(key[1:]) <= 24:
        name = key
    else:
        raise HotkeyError(f"快捷键 {sequence} 里的按键 {key} 不认识")
    return Hotkey(frozenset(modifiers), name)
