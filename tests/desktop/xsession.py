"""A throw-away X desktop for the real-desktop tests and benchmarks/bench_desktop.py.

Xvfb takes a free display number, openbox is the EWMH window manager,
and every process started here is killed by ``close`` (also on failure). All
waits are bounded; missing binaries raise ``Unavailable`` so tests skip.
"""

from __future__ import annotations

import gc
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

REPO = Path(__file__).resolve().parents[2]
CHAT_APP = Path(__file__).with_name("chat_app.py")
CHAT_TITLE = "chat-under-test"
BINARIES = ("Xvfb", "openbox", "xdotool", "xclip")
T = TypeVar("T")


class Unavailable(Exception):
    """This machine cannot run a real X desktop (a binary or a module is missing)."""


def wait_for(what: str, probe: Callable[[], T | None], timeout: float = 10.0, step: float = 0.002) -> T:
    """Poll ``probe`` until it returns something truthy; TimeoutError names ``what``."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(step)


class XSession:
    """Xvfb + openbox + helpers; use as a context manager."""

    def __init__(self, tmp: Path) -> None:
        missing = [b for b in BINARIES if shutil.which(b) is None]
        if missing:
            raise Unavailable("missing " + ", ".join(missing) + " (apt-get install xvfb openbox xdotool xclip)")
        try:
            import tkinter  # noqa: F401
        except ImportError as exc:
            raise Unavailable(f"no tkinter for the stand-in chat client: {exc}") from exc
        self.tmp = tmp
        self.procs: list[subprocess.Popen[bytes]] = []
        self.display = ""
        self.env: dict[str, str] = {}

    def __enter__(self) -> XSession:
        try:
            self._start_x()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def spawn(self, args: list[str], env: dict[str, str] | None = None, **kw: object) -> subprocess.Popen[bytes]:
        """Start a process in its own session (so ``close`` kills its children too); output goes to tmp/NAME.log."""
        log_name = Path(args[-1] if args[0] == sys.executable else args[0]).stem
        with (self.tmp / f"{log_name}.log").open("ab") as log:  # the child keeps its own copy of the handle
            kw.setdefault("stdout", log)
            kw.setdefault("stderr", log)
            proc = subprocess.Popen(args, env=env or self.env, start_new_session=True, **kw)  # type: ignore[call-overload]
        self.procs.append(proc)
        return proc

    def _start_x(self) -> None:
        """Xvfb, then openbox; a server that dies or refuses clients on the way is replaced (three tries)."""
        problems = []
        for attempt in range(3):
            xvfb = self._start_xvfb()
            if xvfb is None:
                problems.append("Xvfb did not accept clients")
            else:
                openbox = self.spawn(["openbox", "--sm-disable"])
                try:
                    wait_for("openbox", lambda x=xvfb: self._wm_ready(x), timeout=10, step=0.05)
                    return
                except TimeoutError:
                    problems.append(f"no window manager (Xvfb exit code {xvfb.poll()}, openbox {openbox.poll()})")
                self._stop([openbox, xvfb])
            time.sleep(0.2 * (attempt + 1))
        raise TimeoutError("X session did not start: " + "; ".join(problems) + f" (logs in {self.tmp})")

    def _wm_ready(self, xvfb: subprocess.Popen[bytes]) -> bool:
        if xvfb.poll() is not None:
            raise TimeoutError(f"Xvfb exited with {xvfb.returncode}")
        return bool(self.root_property("_NET_SUPPORTING_WM_CHECK"))

    def _stop(self, procs: list[subprocess.Popen[bytes]]) -> None:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
            proc.wait(timeout=5)
            self.procs.remove(proc)

    def _start_xvfb(self) -> subprocess.Popen[bytes] | None:
        """Start Xvfb on a free display number (no lock file); None when it did not come up.

        Not ``-displayfd``: on Debian's Xvfb a second server started that way after
        the first one exited reported display 0 and then refused every client.
        """
        # A random start: other test runs on the same machine tend to sit at :90-:99.
        start = random.randrange(200, 900)
        number = next((n for n in range(start, start + 100) if not Path(f"/tmp/.X{n}-lock").exists()), None)
        if number is None:
            return None
        proc = self.spawn(
            ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"], env=dict(os.environ)
        )
        self.display = f":{number}"
        self.env = {**os.environ, "DISPLAY": self.display}
        self.env.pop("WAYLAND_DISPLAY", None)
        # python-xlib leaks its sockets when a connection is refused: let xdotool find the server up first.
        try:
            wait_for("Xvfb", lambda: proc.poll() is None and self.run("xdotool", "getdisplaygeometry"), 10, 0.02)
            return proc
        except TimeoutError:
            self._stop([proc])
            return None

    def run(self, *args: str, timeout: float = 10) -> str:
        done = subprocess.run(args, env=self.env, capture_output=True, timeout=timeout, check=False)
        return done.stdout.decode("utf-8", "replace").strip() if done.returncode == 0 else ""

    def root_property(self, name: str) -> str:
        """A root window property's first value, "" when unset or when the server refuses the connection."""
        from Xlib import X, error
        from Xlib.display import Display

        with warnings.catch_warnings():
            # python-xlib does not close its socket when a connection fails: collect it here, quietly.
            warnings.simplefilter("ignore", ResourceWarning)
            try:
                display = Display(self.display)
            except (error.DisplayError, error.ConnectionClosedError, OSError):
                display = None
            if display is None:
                gc.collect()
                return ""
        try:
            prop = display.screen().root.get_full_property(display.intern_atom(name), X.AnyPropertyType)
            return str(prop.value[0]) if prop is not None and len(prop.value) else ""
        finally:
            display.close()

    def key(self, *keys: str) -> None:
        self.run("xdotool", "key", "--delay", "15", *keys)

    def type(self, text: str) -> None:
        self.run("xdotool", "type", "--delay", "15", text)

    def active_window(self) -> int:
        out = self.run("xdotool", "getactivewindow")
        return int(out) if out.isdigit() else 0

    def window_of(self, pid: int | None = None, name: str = "") -> int:
        """A visible window of process ``pid`` (needs _NET_WM_PID, which Tk does not set) or titled ``name``."""
        query = ["--pid", str(pid)] if pid is not None else ["--name", name]
        out = self.run("xdotool", "search", "--onlyvisible", *query)
        ids = [int(line) for line in out.split() if line.isdigit()]
        return ids[0] if ids else 0

    def set_clipboard(self, text: str) -> None:
        """xclip stays in the foreground (-quiet) as the clipboard owner until someone else takes it."""
        proc = self.spawn(["xclip", "-quiet", "-selection", "clipboard"], stdin=subprocess.PIPE)
        assert proc.stdin is not None
        proc.stdin.write(text.encode("utf-8"))
        proc.stdin.close()
        wait_for("the clipboard to hold the old text", lambda: self.clipboard() == text, timeout=5, step=0.02)

    def clipboard(self) -> str:
        return self.run("xclip", "-o", "-selection", "clipboard", timeout=3)

    def start_chat(self, out: Path, title: str = CHAT_TITLE) -> tuple[subprocess.Popen[bytes], int]:
        proc = self.spawn([sys.executable, str(CHAT_APP), str(out), title])
        wait_for("the chat window", out.exists, timeout=10, step=0.02)
        wid = wait_for("the chat window id", lambda: self.window_of(name=f"^{title}$"), timeout=10, step=0.05)
        return proc, wid

    def start_companion(self, profile: Path, log: Path) -> tuple[subprocess.Popen[bytes], int]:
        env = {
            **self.env,
            "QT_QPA_PLATFORM": "xcb",
            "CS_COMPANION_HOME": str(profile / "home"),
            "CS_COMPANION_SYSTEM_CONFIG": str(profile / "system" / "config.json"),
            "PYTHONPATH": str(REPO),
        }
        with log.open("wb") as handle:
            proc = self.spawn([sys.executable, "-m", "cs_companion"], env=env, stdout=handle, stderr=handle)
        wid = wait_for("our window", lambda: proc.poll() is None and self.window_of(proc.pid), timeout=30, step=0.1)
        if proc.poll() is not None:
            raise RuntimeError("cs_companion exited: " + log.read_text(errors="replace"))
        return proc, wid

    def activate(self, wid: int) -> None:
        self.run("xdotool", "windowactivate", "--sync", str(wid), timeout=5)
        wait_for(f"window {wid} to be active", lambda: self.active_window() == wid, timeout=5, step=0.02)

    def close(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    continue
        for proc in reversed(self.procs):
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)
        self.procs.clear()
