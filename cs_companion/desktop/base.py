"""The one small interface between the window and the operating system's desktop.

The window needs five things from the desktop to put a reply into a chat
client: which window is active, to activate one, to press the paste key and
Enter there, and a global hotkey. Everything platform-specific (X11, Windows)
sits behind ``Desktop`` so the window logic is tested against ``FakeDesktop``
and an unsupported desktop (Wayland, offscreen) degrades to copy-only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, Protocol, runtime_checkable

WindowHandle = int
PasteKeys = Literal["ctrl+v", "shift+insert"]
PASTE_KEYS: tuple[PasteKeys, ...] = ("ctrl+v", "shift+insert")


class HotkeyError(Exception):
    """A global hotkey could not be registered: one plain line saying why (taken by another app, unknown key)."""


class HotkeyRegistration(Protocol):
    """A registered global hotkey; ``unregister`` releases it (safe to call twice)."""

    sequence: str

    def unregister(self) -> None: ...


@runtime_checkable
class Desktop(Protocol):
    """What the window asks of the desktop. Handles are opaque window ids (X11 window, Windows HWND)."""

    supported: bool
    reason: str

    def active_window(self) -> WindowHandle | None:
        """The window that has the keyboard focus now, or None when unknown."""
        ...

    def window_exists(self, handle: WindowHandle) -> bool: ...

    def activate(self, handle: WindowHandle) -> bool:
        """Ask for ``handle`` to become the active window; False when the request could not even be made."""
        ...

    def send_paste(self, keys: PasteKeys) -> None:
        """Press the paste keystroke in the active window (modifiers the agent still holds are released first)."""
        ...

    def send_enter(self) -> None: ...

    def register_hotkey(self, sequence: str, callback: Callable[[], None]) -> HotkeyRegistration:
        """Call ``callback`` (from ``process_events``) whenever ``sequence`` is pressed anywhere; HotkeyError if not."""
        ...

    def event_fd(self) -> int | None:
        """A file descriptor to watch for readability (then call ``process_events``), or None."""
        ...

    def process_events(self) -> None:
        """Handle pending desktop events (hotkey presses) now; never blocks."""
        ...

    def handle_native_message(self, message: int) -> bool:
        """Windows: look at the MSG at address ``message`` from the GUI loop; True when it was our hotkey."""
        ...

    def close(self) -> None: ...


@dataclass
class _NoRegistration:
    sequence: str

    def unregister(self) -> None:
        pass


@dataclass
class UnsupportedDesktop:
    """Copy-only: no window control, no hotkey. ``reason`` is the one-line hint shown to the agent."""

    reason: str = "此桌面环境不支持自动粘贴，回复只会复制到剪贴板"
    supported: bool = field(default=False, init=False)

    def active_window(self) -> WindowHandle | None:
        return None

    def window_exists(self, handle: WindowHandle) -> bool:
        return False

    def activate(self, handle: WindowHandle) -> bool:
        return False

    def send_paste(self, keys: PasteKeys) -> None:
        pass

    def send_enter(self) -> None:
        pass

    def register_hotkey(self, sequence: str, callback: Callable[[], None]) -> HotkeyRegistration:
        raise HotkeyError(self.reason)

    def event_fd(self) -> int | None:
        return None

    def process_events(self) -> None:
        pass

    def handle_native_message(self, message: int) -> bool:
        return False

    def close(self) -> None:
        pass
