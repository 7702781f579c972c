"""The Windows back end's code paths against a fake user32/kernel32 (never run on real Windows here)."""

from __future__ import annotations

import ctypes
from typing import Any

import pytest

from cs_companion.desktop import HotkeyError
from cs_companion.desktop.windows import (
    INPUT,
    KEYEVENTF_EXTENDEDKEY,
    KEYEVENTF_KEYUP,
    MOD_ALT,
    MOD_CONTROL,
    MOD_NOREPEAT,
    MSG,
    VK_CONTROL,
    VK_INSERT,
    VK_MENU,
    VK_RETURN,
    VK_SHIFT,
    VK_SPACE,
    VK_V,
    WM_HOTKEY,
    WindowsDesktop,
)


class FakeUser32:
    """Records calls; windows 1..9 exist; ``foreground`` changes only through SetForegroundWindow."""

    def __init__(self) -> None:
        self.foreground = 5
        self.calls: list[tuple[Any, ...]] = []
        self.keys: list[tuple[int, int]] = []  # (vk, flags)
        self.held: set[int] = set()
        self.registered: dict[int, tuple[int, int]] = {}
        self.taken: set[tuple[int, int]] = set()
        self.refuse_input = False

    def GetForegroundWindow(self) -> int:
        return self.foreground

    def IsWindow(self, hwnd: int) -> int:
        return int(1 <= hwnd <= 9)

    def IsIconic(self, hwnd: int) -> int:
        return int(hwnd == 7)

    def ShowWindow(self, hwnd: int, cmd: int) -> int:
        self.calls.append(("ShowWindow", hwnd, cmd))
        return 1

    def GetWindowThreadProcessId(self, hwnd: int, _pid: object) -> int:
        return 100 + hwnd

    def AttachThreadInput(self, a: int, b: int, attach: bool) -> int:
        self.calls.append(("AttachThreadInput", a, b, attach))
        return 1

    def SetForegroundWindow(self, hwnd: int) -> int:
        self.calls.append(("SetForegroundWindow", hwnd))
        self.foreground = hwnd
        return 1

    def BringWindowToTop(self, hwnd: int) -> int:
        return 1

    def GetAsyncKeyState(self, vk: int) -> int:
        return -32768 if vk in self.held else 0

    def SendInput(self, count: int, inputs: Any, size: int) -> int:
        assert size == ctypes.sizeof(INPUT)
        if self.refuse_input:
            return 0
        for i in range(count):
            self.keys.append((inputs[i].u.ki.wVk, inputs[i].u.ki.dwFlags))
        return count

    def RegisterHotKey(self, hwnd: object, ident: int, mods: int, vk: int) -> int:
        if (mods & ~MOD_NOREPEAT, vk) in self.taken:
            return 0
        self.registered[ident] = (mods, vk)
        return 1

    def UnregisterHotKey(self, hwnd: object, ident: int) -> int:
        self.registered.pop(ident, None)
        return 1


class FakeKernel32:
    def GetCurrentThreadId(self) -> int:
        return 42


@pytest.fixture
def user32() -> FakeUser32:
    return FakeUser32()


@pytest.fixture
def desktop(user32: FakeUser32) -> WindowsDesktop:
    return WindowsDesktop(user32, FakeKernel32(), last_error=lambda: 1409)


def test_structs_have_the_windows_layout() -> None:
    wide = ctypes.sizeof(ctypes.c_void_p) == 8
    assert ctypes.sizeof(INPUT) == (40 if wide else 28)
    assert MSG.wParam.offset == (16 if wide else 8) and MSG.time.offset == (32 if wide else 16)


def test_activate_attaches_taps_alt_and_detaches(desktop: WindowsDesktop, user32: FakeUser32) -> None:
    assert desktop.activate(3) is True
    assert user32.foreground == 3
    attach = [c for c in user32.calls if c[0] == "AttachThreadInput"]
    assert attach == [("AttachThreadInput", 42, 105, True), ("AttachThreadInput", 42, 105, False)]
    assert user32.keys == [(VK_MENU, 0), (VK_MENU, KEYEVENTF_KEYUP)]


def test_activate_restores_a_minimised_window_and_refuses_a_closed_one(
    desktop: WindowsDesktop, user32: FakeUser32
) -> None:
    assert desktop.activate(7)
    assert ("ShowWindow", 7, 9) in user32.calls
    assert desktop.activate(55) is False
    assert desktop.window_exists(55) is False


def test_paste_releases_held_shift_first(desktop: WindowsDesktop, user32: FakeUser32) -> None:
    user32.held = {VK_SHIFT}
    desktop.send_paste("ctrl+v")
    assert user32.keys == [
        (VK_SHIFT, KEYEVENTF_KEYUP),
        (VK_CONTROL, 0),
        (VK_V, 0),
        (VK_V, KEYEVENTF_KEYUP),
        (VK_CONTROL, KEYEVENTF_KEYUP),
    ]


def test_shift_insert_marks_insert_extended(desktop: WindowsDesktop, user32: FakeUser32) -> None:
    desktop.send_paste("shift+insert")
    assert (VK_INSERT, KEYEVENTF_EXTENDEDKEY) in user32.keys
    desktop.send_enter()
    assert user32.keys[-2:] == [(VK_RETURN, 0), (VK_RETURN, KEYEVENTF_KEYUP)]


def test_refused_input_is_an_os_error(desktop: WindowsDesktop, user32: FakeUser32) -> None:
    user32.refuse_input = True
    with pytest.raises(OSError, match="SendInput"):
        desktop.send_paste("ctrl+v")


def test_hotkey_registers_and_dispatches_wm_hotkey(desktop: WindowsDesktop, user32: FakeUser32) -> None:
    pressed: list[int] = []
    registration = desktop.register_hotkey("Ctrl+Alt+Space", lambda: pressed.append(1))
    (ident, (mods, vk)), *_ = user32.registered.items()
    assert mods == MOD_CONTROL | MOD_ALT | MOD_NOREPEAT and vk == VK_SPACE
    msg = MSG(None, WM_HOTKEY, ident, 0, 0)
    assert desktop.handle_native_message(ctypes.addressof(msg)) is True
    assert pressed == [1]
    other = MSG(None, WM_HOTKEY + 1, ident, 0, 0)
    assert desktop.handle_native_message(ctypes.addressof(other)) is False
    registration.unregister()
    assert user32.registered == {}
    assert desktop.handle_native_message(ctypes.addressof(msg)) is False


def test_a_taken_hotkey_is_a_hotkey_error(desktop: WindowsDesktop, user32: FakeUser32) -> None:
    user32.taken.add((MOD_CONTROL | MOD_ALT, VK_SPACE))
    with pytest.raises(HotkeyError, match="占用"):
        desktop.register_hotkey("Ctrl+Alt+Space", lambda: None)
