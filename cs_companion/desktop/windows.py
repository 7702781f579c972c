"""Windows desktop through ctypes on user32 (no extra dependency).

Windows lets a background process take the foreground only in narrow cases,
so ``activate`` uses the known recipe: attach to the foreground thread's input
queue and tap Alt (both lift the foreground lock), then ``SetForegroundWindow``.
Keys go through ``SendInput``. The global hotkey is ``RegisterHotKey`` with no
window: Windows posts ``WM_HOTKEY`` to the GUI thread, where Qt's native event
filter hands it to ``handle_native_message``.

The function table (``user32``, ``kernel32``) is injected so the code paths are
unit-tested on any OS against a fake; only ``connect`` touches the real DLLs.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from ctypes import wintypes
from dataclasses import dataclass
from typing import Any

from cs_companion.desktop.base import HotkeyError, HotkeyRegistration, PasteKeys, WindowHandle
from cs_companion.desktop.keys import parse_hotkey

WM_HOTKEY = 0x0312
MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN, MOD_NOREPEAT = 0x1, 0x2, 0x4, 0x8, 0x4000
MODIFIER_FLAGS = {"ctrl": MOD_CONTROL, "alt": MOD_ALT, "shift": MOD_SHIFT, "super": MOD_WIN}
ERROR_HOTKEY_ALREADY_REGISTERED = 1409
INPUT_KEYBOARD, KEYEVENTF_EXTENDEDKEY, KEYEVENTF_KEYUP = 1, 0x1, 0x2
SW_RESTORE = 9
VK_SHIFT, VK_CONTROL, VK_MENU, VK_LWIN, VK_RWIN = 0x10, 0x11, 0x12, 0x5B, 0x5C
VK_RETURN, VK_SPACE, VK_INSERT, VK_V = 0x0D, 0x20, 0x2D, 0x56
HELD_MODIFIERS = (VK_SHIFT, VK_CONTROL, VK_MENU, VK_LWIN, VK_RWIN)
EXTENDED_KEYS = {VK_INSERT, VK_LWIN, VK_RWIN}
NAMED_VK = {
    "space": VK_SPACE,
    "insert": VK_INSERT,
    "return": VK_RETURN,
    "tab": 0x09,
    "escape": 0x1B,
    "home": 0x24,
    "end": 0x23,
    "pause": 0x13,
    "grave": 0xC0,
    "minus": 0xBD,
    "equal": 0xBB,
    "semicolon": 0xBA,
    "comma": 0xBC,
    "period": 0xBE,
    "slash": 0xBF,
}
PASTE_VKS = {"ctrl+v": (VK_CONTROL, VK_V), "shift+insert": (VK_SHIFT, VK_INSERT)}
FIRST_HOTKEY_ID = 0xB000  # ids for RegisterHotKey without a window: any value 0x0000-0xBFFF


# Fixed-width fields (LONG and DWORD are 32-bit on Windows, c_long is 64-bit elsewhere) so the layout the
# tests check on Linux is the layout Windows gets.
LONG, DWORD, WORD = ctypes.c_int32, ctypes.c_uint32, ctypes.c_uint16


class MOUSEINPUT(ctypes.Structure):
    _fields_ = (
        ("dx", LONG),
        ("dy", LONG),
        ("mouseData", DWORD),
        ("dwFlags", DWORD),
        ("time", DWORD),
        ("dwExtraInfo", ctypes.c_size_t),
    )


class KEYBDINPUT(ctypes.Structure):
    _fields_ = (
        ("wVk", WORD),
        ("wScan", WORD),
        ("dwFlags", DWORD),
        ("time", DWORD),
        ("dwExtraInfo", ctypes.c_size_t),
    )


class _INPUTUNION(ctypes.Union):
    # MOUSEINPUT is the largest member: without it sizeof(INPUT) is wrong and SendInput rejects every event.
    _fields_ = (("mi", MOUSEINPUT), ("ki", KEYBDINPUT))


class INPUT(ctypes.Structure):
    _fields_ = (("type", DWORD), ("u", _INPUTUNION))


class MSG(ctypes.Structure):
    _fields_ = (
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint32),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
        ("time", DWORD),
        ("pt_x", LONG),
        ("pt_y", LONG),
    )


def _get_last_error() -> int:
    """The error RegisterHotKey left (ctypes keeps it per call with use_last_error); 0 off Windows."""
    getter = getattr(ctypes, "get_last_error", None)
    return int(getter()) if getter is not None else 0


def vk_for(key: str) -> int:
    """The virtual-key code of a parsed key name (a-z, 0-9, f1-f24, named keys)."""
    if len(key) == 1 and key.isalnum():
        return ord(key.upper())
    if key.startswith("f") and key[1:].isdigit():
        return 0x70 + int(key[1:]) - 1
    return NAMED_VK[key]


@dataclass
class _HotkeyId:
    sequence: str
    ident: int
    owner: WindowsDesktop

    def unregister(self) -> None:
        self.owner._unregister(self.ident)


class WindowsDesktop:
    """The Windows back end over an injected ``user32``/``kernel32`` function table."""

    supported = True
    reason = ""

    def __init__(self, user32: Any, kernel32: Any, last_error: Callable[[], int] | None = None) -> None:
        self.user32 = user32
        self.kernel32 = kernel32
        self._last_error = last_error or _get_last_error
        self._hotkeys: dict[int, Callable[[], None]] = {}
        self._next_id = FIRST_HOTKEY_ID

    @classmethod
    def connect(cls) -> WindowsDesktop:
        if sys.platform == "win32":
            user32 = ctypes.WinDLL("user32", use_last_error=True)
            kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
            user32.GetForegroundWindow.restype = wintypes.HWND
            user32.GetWindowThreadProcessId.argtypes = (wintypes.HWND, ctypes.POINTER(wintypes.DWORD))
            user32.SendInput.argtypes = (wintypes.UINT, ctypes.POINTER(INPUT), ctypes.c_int)
            user32.RegisterHotKey.argtypes = (wintypes.HWND, ctypes.c_int, wintypes.UINT, wintypes.UINT)
            user32.UnregisterHotKey.argtypes = (wintypes.HWND, ctypes.c_int)
            for name in ("SetForegroundWindow", "BringWindowToTop", "IsWindow", "IsIconic"):
                getattr(user32, name).argtypes = (wintypes.HWND,)
            user32.ShowWindow.argtypes = (wintypes.HWND, ctypes.c_int)
            user32.GetAsyncKeyState.argtypes = (ctypes.c_int,)
            user32.GetAsyncKeyState.restype = ctypes.c_short
            return cls(user32, kernel32)
        raise OSError("not Windows")

    # ------------------------------------------------------------ windows
    def active_window(self) -> WindowHandle | None:
        return int(self.user32.GetForegroundWindow() or 0) or None

    def window_exists(self, handle: WindowHandle) -> bool:
        return bool(self.user32.IsWindow(handle))

    def activate(self, handle: WindowHandle) -> bool:
        """Bring ``handle`` to the foreground; True when it is the foreground window afterwards."""
        if not self.window_exists(handle):
            return False
        if self.user32.IsIconic(handle):
            self.user32.ShowWindow(handle, SW_RESTORE)
        foreground = self.user32.GetForegroundWindow()
        own_thread = self.kernel32.GetCurrentThreadId()
        other_thread = self.user32.GetWindowThreadProcessId(foreground, None) if foreground else 0
        attached = bool(other_thread and other_thread != own_thread)
        if attached:
            self.user32.AttachThreadInput(own_thread, other_thread, True)
        try:
            self._send([(VK_MENU, False), (VK_MENU, True)])  # an Alt tap lifts the foreground lock
            self.user32.SetForegroundWindow(handle)
            self.user32.BringWindowToTop(handle)
        finally:
            if attached:
                self.user32.AttachThreadInput(own_thread, other_thread, False)
        return int(self.user32.GetForegroundWindow() or 0) == handle

    # --------------------------------------------------------------- keys
    def _send(self, strokes: list[tuple[int, bool]]) -> int:
        """SendInput for (virtual key, key up) pairs; returns how many events Windows took."""
        inputs = (INPUT * len(strokes))()
        for item, (vk, up) in zip(inputs, strokes, strict=True):
            item.type = INPUT_KEYBOARD
            flags = (KEYEVENTF_KEYUP if up else 0) | (KEYEVENTF_EXTENDEDKEY if vk in EXTENDED_KEYS else 0)
            item.u.ki = KEYBDINPUT(vk, 0, flags, 0, 0)
        return int(self.user32.SendInput(len(strokes), inputs, ctypes.sizeof(INPUT)))

    def _tap(self, *vks: int) -> None:
        held = [vk for vk in HELD_MODIFIERS if self.user32.GetAsyncKeyState(vk) & 0x8000]
        strokes = [(vk, True) for vk in held]  # Shift still down from Shift+Enter would turn Ctrl+V into Ctrl+Shift+V
        strokes += [(vk, False) for vk in vks] + [(vk, True) for vk in reversed(vks)]
        if self._send(strokes) != len(strokes):
            raise OSError("SendInput 被系统拒绝（目标窗口可能以管理员身份运行）")

    def send_paste(self, keys: PasteKeys) -> None:
        self._tap(*PASTE_VKS[keys])

    def send_enter(self) -> None:
        self._tap(VK_RETURN)

    # ------------------------------------------------------------- hotkey
    def register_hotkey(self, sequence: str, callback: Callable[[], None]) -> HotkeyRegistration:
        hotkey = parse_hotkey(sequence)
        flags = MOD_NOREPEAT
        for mod in hotkey.modifiers:
            flags |= MODIFIER_FLAGS[mod]
        ident = self._next_id
        if not self.user32.RegisterHotKey(None, ident, flags, vk_for(hotkey.key)):
            code = int(self._last_error())
            if code in (0, ERROR_HOTKEY_ALREADY_REGISTERED):
                raise HotkeyError(f"快捷键 {sequence} 已被其他程序占用")
            raise HotkeyError(f"快捷键 {sequence} 无法注册（Windows 错误 {code}）")
        self._next_id += 1
        self._hotkeys[ident] = callback
        return _HotkeyId(sequence, ident, self)

    def _unregister(self, ident: int) -> None:
        if self._hotkeys.pop(ident, None) is not None:
            self.user32.UnregisterHotKey(None, ident)

    def event_fd(self) -> int | None:
        return None

    def process_events(self) -> None:
        pass

    def handle_native_message(self, message: int) -> bool:
        if not message:
            return False
        msg = MSG.from_address(message)
        if msg.message != WM_HOTKEY or msg.wParam not in self._hotkeys:
            return False
        self._hotkeys[msg.wParam]()
        return True

    def close(self) -> None:
        for ident in list(self._hotkeys):
            self._unregister(ident)
