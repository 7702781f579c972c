"""X11 desktop through python-xlib (pure Python: nothing to compile, no libXtst needed at run time).

Works with any EWMH window manager: the active window is the root's
``_NET_ACTIVE_WINDOW``; activation is the ``_NET_ACTIVE_WINDOW`` client message
with source "pager" (2), which window managers honour without focus-stealing
checks; keys go through the XTEST extension; the global hotkey is a passive
``XGrabKey`` on the root for every NumLock/CapsLock combination, because X
matches modifier state exactly and an agent with NumLock on would otherwise get
nothing. X errors of a taken key arrive asynchronously: a ``CatchError`` plus a
round trip turns them into ``HotkeyError``, and a quiet error handler keeps any
other X error from printing or killing the app.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from Xlib import XK, X, error
from Xlib.display import Display
from Xlib.ext import xtest
from Xlib.protocol import event as xevent

from cs_companion.desktop.base import HotkeyError, HotkeyRegistration, PasteKeys, WindowHandle
from cs_companion.desktop.keys import parse_hotkey

log = logging.getLogger(__name__)

SOURCE_PAGER = 2  # EWMH: requests from pagers/taskbars are obeyed, not treated as focus stealing
REPEAT_MS = 1  # X auto-repeat sends Release+Press with the same timestamp: such a press is a held key
MODIFIER_MASKS = {"ctrl": X.ControlMask, "alt": X.Mod1Mask, "shift": X.ShiftMask, "super": X.Mod4Mask}
PASTE_KEYSYMS = {"ctrl+v": ("Control_L", "v"), "shift+insert": ("Shift_L", "Insert")}


@dataclass
class _Grab:
    sequence: str
    keycode: int
    mask: int
    callback: Callable[[], None]
    owner: X11Desktop
    last_release: int = field(default=-(10**9))

    def unregister(self) -> None:
        self.owner._ungrab(self)


class X11Desktop:
    """The X11 back end; raises ``OSError`` from ``connect`` when there is no usable display."""

    supported = True
    reason = ""

    def __init__(self, display: Any) -> None:
        self.display = display
        self.root = display.screen().root
        self._atoms: dict[str, int] = {}
        self._grabs: list[_Grab] = []
        self._closed = False
        display.set_error_handler(self._on_x_error)
        self._numlock = self._modifier_of("Num_Lock")

    @classmethod
    def connect(cls, name: str | None = None) -> X11Desktop:
        try:
            display = Display(name)
        except (error.DisplayError, error.ConnectionClosedError, OSError) as exc:
            raise OSError(f"无法连接 X 显示 {name or ''}：{exc}") from exc
        if not display.has_extension("XTEST"):
            display.close()
            raise OSError("X 服务器没有 XTEST 扩展，无法模拟按键")
        return cls(display)

    # ------------------------------------------------------------ windows
    def _atom(self, name: str) -> int:
        if name not in self._atoms:
            self._atoms[name] = self.display.intern_atom(name)
        return self._atoms[name]

    def active_window(self) -> WindowHandle | None:
        try:
            prop = self.root.get_full_property(self._atom("_NET_ACTIVE_WINDOW"), X.AnyPropertyType)
        except error.XError:
            return None
        if prop is None or not prop.value:
            return None
        handle = int(prop.value[0])
        return handle or None

    def window_exists(self, handle: WindowHandle) -> bool:
        try:
            self.display.create_resource_object("window", handle).get_attributes()
        except (error.XError, error.BadWindow):
            return False
        return True

    def activate(self, handle: WindowHandle) -> bool:
        if not self.window_exists(handle):
            return False
        message = xevent.ClientMessage(
            window=self.display.create_resource_object("window", handle),
            client_type=self._atom("_NET_ACTIVE_WINDOW"),
            data=(32, [SOURCE_PAGER, X.CurrentTime, 0, 0, 0]),
        )
        self.root.send_event(message, event_mask=X.SubstructureRedirectMask | X.SubstructureNotifyMask)
        self.display.flush()
        return True

    # --------------------------------------------------------------- keys
    def _keycode(self, keysym_name: str) -> int:
        keysym = XK.string_to_keysym(keysym_name)
        return int(self.display.keysym_to_keycode(keysym)) if keysym else 0

    def _modifier_of(self, keysym_name: str) -> int:
        """The modifier mask NumLock (or another lock key) is mapped to on this keyboard; 0 if none."""
        keycode = self._keycode(keysym_name)
        if not keycode:
            return 0
        for index, keycodes in enumerate(self.display.get_modifier_mapping()):
            if keycode in keycodes:
                return int(1 << index)
        return 0

    def _release_held_modifiers(self) -> None:
        """The agent may still hold Shift from Shift+Enter: release every held modifier so Ctrl+V stays Ctrl+V."""
        keymap = self.display.query_keymap()
        for keycodes in self.display.get_modifier_mapping():
            for keycode in keycodes:
                if keycode and keymap[keycode // 8] & (1 << (keycode % 8)):
                    xtest.fake_input(self.display, X.KeyRelease, keycode)

    def _tap(self, *keysym_names: str) -> None:
        codes = [self._keycode(name) for name in keysym_names]
        if not all(codes):
            missing = [n for n, c in zip(keysym_names, codes, strict=True) if not c]
            raise OSError(f"键盘布局里没有按键 {'、'.join(missing)}")
        self._release_held_modifiers()
        for code in codes:
            xtest.fake_input(self.display, X.KeyPress, code)
        for code in reversed(codes):
            xtest.fake_input(self.display, X.KeyRelease, code)
        self.display.sync()

    def send_paste(self, keys: PasteKeys) -> None:
        self._tap(*PASTE_KEYSYMS[keys])

    def send_enter(self) -> None:
        self._tap("Return")

    # ------------------------------------------------------------- hotkey
    def _variants(self, mask: int) -> list[int]:
        locks = {0, X.LockMask, self._numlock, X.LockMask | self._numlock}
        return sorted({mask | lock for lock in locks})

    def register_hotkey(self, sequence: str, callback: Callable[[], None]) -> HotkeyRegistration:
        hotkey = parse_hotkey(sequence)
        keycode = self._keycode(hotkey.key)
        if not keycode:
            raise HotkeyError(f"快捷键 {sequence}：当前键盘布局没有这个按键")
        mask = 0
        for mod in hotkey.modifiers:
            mask |= MODIFIER_MASKS[mod]
        catcher = error.CatchError(error.BadAccess)
        for variant in self._variants(mask):
            self.root.grab_key(keycode, variant, True, X.GrabModeAsync, X.GrabModeAsync, onerror=catcher)
        self.display.sync()  # the BadAccess of a taken key arrives only after a round trip
        if catcher.get_error() is not None:
            for variant in self._variants(mask):
                self.root.ungrab_key(keycode, variant)
            self.display.sync()
            raise HotkeyError(f"快捷键 {sequence} 已被其他程序占用")
        grab = _Grab(sequence, keycode, mask, callback, self)
        self._grabs.append(grab)
        return grab

    def _ungrab(self, grab: _Grab) -> None:
        if grab not in self._grabs:
            return
        self._grabs.remove(grab)
        for variant in self._variants(grab.mask):
            self.root.ungrab_key(grab.keycode, variant)
        self.display.sync()

    def event_fd(self) -> int | None:
        return int(self.display.fileno())

    def process_events(self) -> None:
        ignored = X.LockMask | self._numlock | 0xFF00  # lock keys and mouse buttons do not matter
        while self.display.pending_events():
            ev = self.display.next_event()
            if ev.type not in (X.KeyPress, X.KeyRelease):
                continue
            for grab in list(self._grabs):
                if ev.detail != grab.keycode or (ev.state & ~ignored) != grab.mask:
                    continue
                if ev.type == X.KeyRelease:
                    grab.last_release = ev.time
                elif not 0 <= ev.time - grab.last_release <= REPEAT_MS:  # a held key would toggle back and forth
                    grab.callback()

    def handle_native_message(self, message: int) -> bool:
        return False

    def _on_x_error(self, err: Any, request: Any = None) -> None:
        log.warning("X error ignored: %s", err)

    def close(self) -> None:
        """Release the grabs and the connection; safe to call twice or after the X server went away."""
        if self._closed:
            return
        self._closed = True
        try:
            for grab in list(self._grabs):
                self._ungrab(grab)
            self.display.close()
        except (error.XError, error.ConnectionClosedError, OSError) as exc:
            log.info("X connection already gone at close: %s", exc)
