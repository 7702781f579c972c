"""Start time side by side with an empty PySide6 window, in one run, alternating A B A B.

    python benchmarks/bench_start.py [--runs 15]

Measures wall time from process spawn to the "shown" line (both programs
print it once the window is shown, then quit) for: our window with a warm
profile (snapshot present), an empty PySide6 window, and our window with a
fresh profile (no snapshot: the built-in library is parsed and indexed).
Uses the X server in DISPLAY (e.g. Xvfb) if set, else offscreen. Prints
medians and the ratio pair by pair; not a test. Targets: warm <= 1.4x empty,
fresh <= 0.8 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
if not os.environ.get("DISPLAY"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"


def time_to_shown(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as proc:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        elapsed = time.perf_counter() - start
        proc.wait(timeout=60)
    if not line.startswith("shown"):
        raise SystemExit(f"{command[0]} did not show its window (printed {line!r})")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    ours = [shutil.which("cs-companion", path=str(Path(sys.executable).parent)) or "cs-companion"]
    empty = [sys.executable, str(HERE / "empty_window.py")]
    with tempfile.TemporaryDirectory() as tmp:
        base = dict(os.environ, CS_COMPANION_EXIT_AFTER_SHOW="1", CS_COMPANION_SYSTEM_CONFIG=f"{tmp}/none.json")
        # Real installs start from compiled bytecode (pip writes it); a development shell may forbid it.
        base.pop("PYTHONDONTWRITEBYTECODE", None)
        warm_env = dict(base, CS_COMPANION_HOME=f"{tmp}/warm")
        time_to_shown(ours, warm_env)  # builds the snapshot
        time_to_shown(empty, base)
        warm, bare, fresh, ratios = [], [], [], []
        for run in range(args.runs):
            a = time_to_shown(ours, warm_env)
            b = time_to_shown(empty, base)
            warm.append(a)
            bare.append(b)
            ratios.append(a / b)
            fresh.append(time_to_shown(ours, dict(base, CS_COMPANION_HOME=f"{tmp}/fresh{run}")))
    where = (os.environ.get("DISPLAY") and f"X display {os.environ['DISPLAY']}") or "offscreen"
    print(f"start to window shown, {args.runs} runs each, {where}, Python {sys.version.split()[0]}")
    for name, values in (("ours, warm profile", warm), ("empty PySide6 window", bare), ("ours, fresh profile", fresh)):
        print(f"  {name:22} median {statistics.median(values):.3f} s  (min {min(values):.3f}, max {max(values):.3f})")
    print(f"  ratio warm/empty, pair by pair: median {statistics.median(ratios):.2f}x  (target <= 1.4x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
