"""kill -9 in the middle of saving never loses or corrupts the agent's data (bounded loop).

A child process saves settings, favourites/usage and own scripts as fast as it
can; the test kills it with SIGKILL after a random short time, then checks that
every file still loads cleanly (the old or the new version, never a torn one)
and that nothing was set aside as damaged. Repeated ``ROUNDS`` times.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from cs_companion.core.loader import load_path
from cs_companion.core.models import Layer
from cs_companion.storage.paths import AppPaths
from cs_companion.storage.settings import SettingsStore
from cs_companion.storage.userstate import UserStateStore

REPO_ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 25

SAVER = """
    import sys
    from dataclasses import replace
    from pathlib import Path
    from cs_companion.core.models import Layer, Script
    from cs_companion.storage.paths import AppPaths
    from cs_companion.storage.personal import PersonalStore
    from cs_companion.storage.settings import SettingsStore
    from cs_companion.storage.userstate import UserStateStore

    import uuid

    paths = AppPaths.under(Path(sys.argv[1]))
    run = uuid.uuid4().hex[:8]
    settings_store = SettingsStore(paths.settings_file)
    state_store = UserStateStore(paths.user_state_file)
    personal = PersonalStore(paths.personal_library_file)
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        settings_store.save(replace(settings_store.load(), font_size=10 + i % 10))
        state = state_store.load()
        state.record_use(f"general.greeting.s{i % 7}")
        state_store.save(state)
        if i % 5 == 0:
            script = Script(id=f"my.{run}.{i}", scenario="x.case", title=f"k{i}", body=f"亲，{i}", layer=Layer.PERSONAL)
            personal.add(script)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_kill_9_while_saving_never_corrupts_anything(tmp_path: Path) -> None:
    rng = random.Random(1123)
    root = tmp_path / "profile"
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    killed_mid_save = 0
    for _ in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(SAVER), str(root)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0.01, 0.25))
            child.send_signal(signal.SIGKILL)
            _, err = child.communicate(timeout=30)
            assert child.returncode == -signal.SIGKILL, err[-2000:]  # it was still saving when killed
            killed_mid_save += 1
        finally:
            if child.poll() is None:
                child.kill()
                child.communicate()
        paths = AppPaths.under(root)
        settings = SettingsStore(paths.settings_file)
        settings.load()
        state = UserStateStore(paths.user_state_file)
        state.load()
        assert settings.message == "" and state.message == "", (settings.message, state.message)
        if paths.personal_library_file.exists():
            loaded = load_path(paths.personal_library_file, Layer.PERSONAL)
            assert loaded.library is not None, loaded.errors
        damaged = [p.name for p in root.rglob("*") if "corrupt" in p.name or "damaged" in p.name]
        assert damaged == []
    assert killed_mid_save == ROUNDS
