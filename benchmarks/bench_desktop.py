"""Desktop benchmark: the late-parcel reply typed into a real chat client, timed like an agent would feel it.

Run: ``python benchmarks/bench_desktop.py [--runs 10]``. Starts its own Xvfb +
openbox, a Tk stand-in chat client and our real window (temp profile), like
tests/desktop/test_real_desktop.py. Each run starts with focus in the chat and
does the agent's actions: the global hotkey, ``wlyc``, Enter, the order number
+ Shift+Enter. Prints numbers; not a test. Targets: hotkey to focused window
<= 150 ms, last key to text in the chat <= 0.5 s, <= 4 actions.

The two timed keys are sent with XTEST from this process (no xdotool start-up
in the number); "focused" is our window being the EWMH active window, polled
on a separate X connection every millisecond.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "desktop"))

from xsession import XSession, wait_for  # noqa: E402

ORDER_BASE = 4512987736000
ACTIONS = ("hotkey Ctrl+Alt+Space", "type wlyc", "Enter", "type order number + Shift+Enter")


class Keys:
    """XTEST key presses from this process, for the timed keys."""

    def __init__(self, display_name: str) -> None:
        from Xlib import XK
        from Xlib.display import Display

        self.display = Display(display_name)
        self.XK = XK

    def press(self, *names: str) -> None:
        from Xlib import X
        from Xlib.ext import xtest

        codes = [self.display.keysym_to_keycode(self.XK.string_to_keysym(n)) for n in names]
        for code in codes:
            xtest.fake_input(self.display, X.KeyPress, code)
        for code in reversed(codes):
            xtest.fake_input(self.display, X.KeyRelease, code)
        self.display.sync()

    def close(self) -> None:
        self.display.close()


def run(runs: int) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="bench-desktop-"))
    with XSession(tmp) as x:
        chat_file = tmp / "chat.txt"
        _chat, chat = x.start_chat(chat_file)
        _ours, ours = x.start_companion(tmp / "profile", tmp / "app.log")
        keys = Keys(x.display)
        hotkey_ms: list[float] = []
        paste_ms: list[float] = []
        failures = 0
        try:
            for i in range(runs):
                order = str(ORDER_BASE + i)
                x.activate(ours)
                x.key("ctrl+n")  # setup, not counted: a new conversation forgets the last order number
                x.set_clipboard(f"clipboard before run {i}")
                x.activate(chat)
                started = time.perf_counter()
                keys.press("Control_L", "Alt_L", "space")
                wait_for("our window", lambda: x.active_window() == ours, timeout=3, step=0.001)
                hotkey_ms.append((time.perf_counter() - started) * 1000)
                x.type("wlyc")
                x.key("Return")
                x.type(order)
                started = time.perf_counter()
                keys.press("Shift_L", "Return")
                try:
                    wait_for("the reply", lambda o=order: o in chat_file.read_text(encoding="utf-8"), 3, 0.001)
                except TimeoutError:
                    failures += 1
                    continue
                paste_ms.append((time.perf_counter() - started) * 1000)
                back = x.active_window() == chat
                restored = wait_for("clipboard", lambda i=i: x.clipboard() == f"clipboard before run {i}", 3, 0.02)
                if not (back and restored):
                    failures += 1
        finally:
            keys.close()
    print(f"runs: {runs}, failures: {failures}")
    print(f"actions from focus in the chat to the reply in it: {len(ACTIONS)} ({'; '.join(ACTIONS)})")
    for name, values, target in (
        ("hotkey -> our window focused", hotkey_ms, 150),
        ("Shift+Enter -> text in chat", paste_ms, 500),
    ):
        if values:
            print(f"{name}: median {statistics.median(values):.1f} ms, max {max(values):.1f} ms (target <= {target})")
    return 1 if failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    return run(parser.parse_args().runs)


if __name__ == "__main__":
    raise SystemExit(main())
