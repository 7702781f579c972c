"""A desktop in memory for tests: windows are numbers, keys pressed are recorded with the window they went to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from cs_companion.desktop.base import HotkeyError, HotkeyRegistration, PasteKeys, WindowHandle
from cs_companion.desktop.keys import parse_hotkey


@dataclass
class _FakeRegistration:
    sequence: str
    owner: FakeDesktop

    def unregister(self) -> None:
        self.owner.hotkeys.pop(self.sequence, None)


@dataclass
class FakeDesktop:
    """``windows`` exist; ``active`` has focus; ``sent`` lists (window, keys) in order; ``taken`` hotkeys fail."""

    windows: set[WindowHandle] = field(default_factory=set)
    active: WindowHandle | None = None
    sent: list[tuple[WindowHandle | None, str]] = field(default_factory=list)
    taken: set[str] = field(default_factory=set)
    hotkeys: dict[str, Callable[[], None]] = field(default_factory=dict)
    activations: list[WindowHandle] = field(default_factory=list)
    activate_works: bool = True
    supported: bool = True
    reason: str = ""

    def active_window(self) -> WindowHandle | None:
        return self.active

    def window_exists(self, handle: WindowHandle) -> bool:
        return handle in self.windows

    def activate(self, handle: WindowHandle) -> bool:
        if handle not in self.windows:
            return False
        self.activations.append(handle)
        if self.activate_works:
            self.active = handle
        return True

    def send_paste(self, keys: PasteKeys) -> None:
        self.sent.append((self.active, keys))

    def send_enter(self) -> None:
        self.sent.append((self.active, "enter"))

    def register_hotkey(self, sequence: str, callback: Callable[[], None]) -> HotkeyRegistration:
        parse_hotkey(sequence)
        if sequence.lower() in {t.lower() for t in self.taken}:
            raise HotkeyError(f"快捷键 {sequence} 已被其他程序占用")
        self.hotkeys[sequence] = callback
        return _FakeRegistration(sequence, self)

    def press_hotkey(self, sequence: str) -> None:
        """What the agent pressing ``sequence`` anywhere does."""
        self.hotkeys[sequence]()

    def event_fd(self) -> int | None:
        return None

    def process_events(self) -> None:
        pass

    def handle_native_message(self, message: int) -> bool:
        return False

    def close(self) -> None:
        self.hotkeys.clear()
