"""The X11 back end against a real X server (Xvfb + openbox): grabs, a taken key, windows, activation."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from xsession import Unavailable, XSession, wait_for

from cs_companion.desktop import HotkeyError

pytestmark = pytest.mark.desktop


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[XSession]:
    try:
        x = XSession(tmp_path_factory.mktemp("x11"))
    except Unavailable as exc:
        pytest.skip(str(exc))
    with x:
        yield x


def connect(session: XSession):  # type: ignore[no-untyped-def]
    from cs_companion.desktop.x11 import X11Desktop

    return X11Desktop.connect(session.display)


def test_a_hotkey_taken_by_another_client_is_a_hotkey_error(session: XSession) -> None:
    first, second = connect(session), connect(session)
    try:
        registration = first.register_hotkey("Ctrl+Alt+J", lambda: None)
        with pytest.raises(HotkeyError, match="占用"):
            second.register_hotkey("Ctrl+Alt+J", lambda: None)
        registration.unregister()
        second.register_hotkey("Ctrl+Alt+J", lambda: None).unregister()  # free again once released
    finally:
        first.close()
        second.close()


def test_hotkey_fires_with_numlock_on(session: XSession) -> None:
    desktop = connect(session)
    pressed: list[str] = []
    try:
        desktop.register_hotkey("Ctrl+Alt+K", lambda: pressed.append("k"))
        session.key("Num_Lock")
        session.key("ctrl+alt+k")
        session.key("Num_Lock")

        def fired() -> bool:
            desktop.process_events()
            return bool(pressed)

        wait_for("the hotkey callback", fired, timeout=3, step=0.01)
        assert pressed == ["k"]
    finally:
        desktop.close()


def test_activate_and_window_exists(session: XSession, tmp_path) -> None:  # type: ignore[no-untyped-def]
    desktop = connect(session)
    try:
        proc, wid = session.start_chat(tmp_path / "c.txt", title="x11-activate")
        _other, other_wid = session.start_chat(tmp_path / "d.txt", title="x11-other")
        assert desktop.window_exists(wid) and desktop.activate(wid)
        wait_for("activation", lambda: desktop.active_window() == wid, timeout=3, step=0.01)
        assert desktop.activate(other_wid)
        wait_for("activation", lambda: desktop.active_window() == other_wid, timeout=3, step=0.01)
        proc.terminate()
        proc.wait(timeout=5)
        wait_for("the window to go", lambda: not desktop.window_exists(wid), timeout=3, step=0.01)
        assert desktop.activate(wid) is False
    finally:
        desktop.close()


def test_close_twice_is_harmless(session: XSession) -> None:
    desktop = connect(session)
    desktop.register_hotkey("Ctrl+Alt+L", lambda: None)
    desktop.close()
    desktop.close()
    again = connect(session)
    again.register_hotkey("Ctrl+Alt+L", lambda: None)  # the grab went with the first close
    again.close()
