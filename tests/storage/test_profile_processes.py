"""Two real processes on one profile (issue 9 item 6): no lost own scripts, favourites or counts,
and never two windows. Every child is bounded by a timeout and killed if it overstays."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from cs_companion.core.loader import load_path
from cs_companion.core.models import Layer
from cs_companion.storage.userstate import UserStateStore

REPO_ROOT = Path(__file__).resolve().parents[2]
CHILD_TIMEOUT = 60
PER_PROCESS = 100


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("CS_COMPANION_EXIT_AFTER_SHOW", None)
    return {**env, **extra}


def _run_together(code: str, argvs: list[list[str]]) -> None:
    """Run ``code`` in one process per argv, released at the same moment; each must exit 0 in time."""
    start_at = str(time.time() + 1.5)  # after imports, every child starts its loop at this instant
    children = [
        subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(code), start_at, *argv],
            env=_env(),
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for argv in argvs
    ]
    try:
        for child in children:
            out, err = child.communicate(timeout=CHILD_TIMEOUT)
            assert child.returncode == 0, out + err
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()


PERSONAL_CHILD = """
    import sys, time
    from pathlib import Path
    from cs_companion.core.models import Layer, Script
    from cs_companion.storage.personal import PersonalStore

    start_at, path, who, count = float(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    store = PersonalStore(path)
    while time.time() < start_at:
        time.sleep(0.002)
    for i in range(count):
        script = Script(id=f"my.{who}.{i}", scenario="x.case", title=f"{who} {i}", body=f"亲，{who}{i}",
                        layer=Layer.PERSONAL)
        store.add(script)
"""


def test_two_processes_adding_own_scripts_keep_every_one(tmp_path: Path) -> None:
    path = tmp_path / "my_scripts.yaml"
    _run_together(PERSONAL_CHILD, [[str(path), who, str(PER_PROCESS)] for who in "ab"])
    loaded = load_path(path, Layer.PERSONAL)
    assert loaded.library is not None, loaded.errors
    ids = [s.id for s in loaded.library.scripts]
    assert len(ids) == 2 * PER_PROCESS
    assert set(ids) == {f"my.{who}.{i}" for who in "ab" for i in range(PER_PROCESS)}


STATE_CHILD = """
    import sys, time
    from pathlib import Path
    from cs_companion.storage.userstate import UserStateStore

    start_at, path, who, count = float(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    store = UserStateStore(path)
    state = store.load()
    while time.time() < start_at:
        time.sleep(0.002)
    for i in range(count):
        state.toggle_favourite(f"{who}.{i}")
        store.save(state)
        state.record_use("shared")
        store.save(state)
"""


def test_two_processes_saving_favourites_and_counts_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    _run_together(STATE_CHILD, [[str(path), who, str(PER_PROCESS)] for who in "ab"])
    state = UserStateStore(path).load()
    assert sorted(state.favourites) == sorted(f"{who}.{i}" for who in "ab" for i in range(PER_PROCESS))
    assert state.usage == {"shared": 2 * PER_PROCESS}


# ----------------------------------------------------------------------------- one window per profile


INSTANCE_CHILD = """
    import sys, time
    from PySide6.QtCore import QCoreApplication
    from cs_companion.ui.single_instance import SingleInstance

    start_at, base, rounds, period = float(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    app = QCoreApplication([])
    for r in range(rounds):
        begin = start_at + r * period
        while time.time() < begin:
            time.sleep(0.0005)
        instance = SingleInstance(f"{base}-{r}")
        claim = instance.claim(reach_seconds=period / 2)
        while time.time() < begin + period * 0.8:  # stay "running" (and answering) for most of the round
            app.processEvents()
            time.sleep(0.002)
        instance.close()
        print(r, claim, flush=True)
"""


def test_launches_racing_for_one_profile_never_both_run(tmp_path: Path) -> None:
    """The decision run_app makes, raced by two processes released at the same instant, many times."""
    rounds, period = 40, 0.25
    base = f"cs-companion-race-{os.getpid()}-{tmp_path.name}"[:80]
    start_at = str(time.time() + 2.0)
    children = [
        subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(INSTANCE_CHILD), start_at, base, str(rounds), str(period)],
            env=_env(),
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = []
    try:
        for child in children:
            out, err = child.communicate(timeout=CHILD_TIMEOUT)
            assert child.returncode == 0, out + err
            outputs.append(dict(line.split() for line in out.splitlines()))
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()
    both = [r for r in map(str, range(rounds)) if outputs[0][r] == outputs[1][r] == "primary"]
    assert not both, f"both launches kept running in rounds {both}"
    for r in map(str, range(rounds)):
        assert sorted((outputs[0][r], outputs[1][r])) == ["notified", "primary"], (r, outputs[0][r], outputs[1][r])


def _start_window(profile: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "cs_companion", "--profile", str(profile)],
        env=_env(),
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _stop(child: subprocess.Popen[str]) -> str:
    if child.poll() is None:
        child.kill()
    _out, err = child.communicate(timeout=30)
    return err


@pytest.mark.gui
def test_windows_started_at_the_same_moment_leave_exactly_one_running(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    warm = subprocess.run(
        [sys.executable, "-m", "cs_companion", "--profile", str(profile)],
        env=_env(CS_COMPANION_EXIT_AFTER_SHOW="1"),
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
    )
    assert warm.returncode == 0, warm.stderr  # builds the snapshot so rounds start fast and close together
    rounds = 4
    for round_no in range(rounds):
        pair = [_start_window(profile), _start_window(profile)]
        try:
            deadline = time.monotonic() + 30
            while all(c.poll() is None for c in pair) and time.monotonic() < deadline:
                time.sleep(0.05)
            exited = [c for c in pair if c.poll() is not None]
            assert len(exited) == 1, f"round {round_no}: {len(exited)} of 2 windows exited"
            time.sleep(0.5)
            assert sum(c.poll() is None for c in pair) == 1, f"round {round_no}: not exactly one window left"
            second = exited[0]
            err = _stop(second)
            assert second.returncode == 0 and "already running" in err, err
        finally:
            for child in pair:
                _stop(child)  # killed (kill -9): the next round must take over its lock and socket


@pytest.mark.gui
def test_a_killed_window_does_not_block_the_next_start(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    first = _start_window(profile)
    try:
        deadline = time.monotonic() + 30
        lock = _lock_file(profile)
        while not lock.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert lock.exists()
    finally:
        _stop(first)  # kill -9 leaves the lock file and socket behind
    again = subprocess.run(
        [sys.executable, "-m", "cs_companion", "--profile", str(profile)],
        env=_env(CS_COMPANION_EXIT_AFTER_SHOW="1"),
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
    )
    assert again.returncode == 0 and again.stdout.startswith("shown "), again.stdout + again.stderr


def _lock_file(profile: Path) -> Path:
    import tempfile

    from cs_companion.storage.paths import AppPaths

    return Path(tempfile.gettempdir()) / f"{AppPaths.under(profile).lock_name}.lock"


def test_start_sweeps_temp_files_left_by_a_killed_save(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    config = profile / "config"
    config.mkdir(parents=True)
    stale, fresh = config / ".settings.json.q1w2e3r4.tmp", config / ".settings.json.z9x8c7v6.tmp"
    stale.write_text("{", encoding="utf-8")
    fresh.write_text("{", encoding="utf-8")
    old = time.time() - 600
    os.utime(stale, (old, old))
    result = subprocess.run(
        [sys.executable, "-m", "cs_companion", "--profile", str(profile)],
        env=_env(CS_COMPANION_EXIT_AFTER_SHOW="1"),
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
    )
    assert result.returncode == 0, result.stderr
    assert not stale.exists()
    assert fresh.exists()  # it may belong to a save running right now
