"""Bundle size, and cold start until the window is shown: frozen binary vs source.

Usage: python benchmarks/bench_bundle.py [--bundle build/dist/cs-companion] [--runs 5]

Build the bundle first (bash build/build.sh). Start-up is measured from process
start until the app prints ``shown <seconds>``: with CS_COMPANION_EXIT_AFTER_SHOW=1
``run_app`` (cs_companion/ui/app.py) prints that once the main window is shown,
then quits. Runs happen under Xvfb when it is installed (real xcb windows), else
on Qt's offscreen platform. Every run gets a fresh temp profile and no
machine-wide config; the first run of each variant is the coldest (file cache),
the median covers all runs.
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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024
TIMEOUT = 60.0


def tree_size(path: Path) -> tuple[int, int]:
    """Total bytes and number of files under ``path`` (symlinks not followed)."""
    total = count = 0
    for item in path.rglob("*"):
        if item.is_file() and not item.is_symlink():
            total += item.stat().st_size
            count += 1
    return total, count


def largest_files(bundle: Path, top: int = 8) -> list[tuple[str, int]]:
    """The biggest files in the bundle (symlinks PyInstaller adds for libraries not counted)."""
    files = [
        (str(f.relative_to(bundle)), f.stat().st_size) for f in bundle.rglob("*") if f.is_file() and not f.is_symlink()
    ]
    return sorted(files, key=lambda item: -item[1])[:top]


@contextmanager
def display() -> Iterator[dict[str, str]]:
    """Environment for a shown window: a private Xvfb if available, else Qt offscreen."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield {"DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"}
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def time_to_shown(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds from spawn to the ``shown`` line, seconds the app itself reported)."""
    with tempfile.TemporaryDirectory(prefix="cs-bench-") as home:
        run_env = {
            **os.environ,
            **env,
            "CS_COMPANION_HOME": home,
            "CS_COMPANION_SYSTEM_CONFIG": str(Path(home) / "no-system-config.json"),
            "CS_COMPANION_EXIT_AFTER_SHOW": "1",
        }
        started = time.perf_counter()
        proc = subprocess.Popen(
            command, cwd=ROOT, env=run_env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                if line.startswith("shown "):
                    wall = time.perf_counter() - started
                    proc.wait(timeout=TIMEOUT)
                    return wall, float(line.split()[1])
                if time.perf_counter() - started > TIMEOUT:
                    break
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    raise RuntimeError(
        f"{command[0]} exited {proc.returncode} without printing 'shown <seconds>' "
        "(does run_app honour CS_COMPANION_EXIT_AFTER_SHOW?)"
    )


def bench(label: str, command: list[str], env: dict[str, str], runs: int) -> None:
    try:
        results = [time_to_shown(command, env) for _ in range(runs)]
    except (OSError, RuntimeError) as exc:
        print(f"{label:<7} failed: {exc}")
        return
    walls = [w for w, _ in results]
    reported = statistics.median(r for _, r in results)
    print(
        f"{label:<7} first {walls[0]:.2f} s, median {statistics.median(walls):.2f} s, "
        f"best {min(walls):.2f} s over {runs} runs (inside run_app: median {reported:.2f} s)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "build" / "dist" / "cs-companion")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    binary = args.bundle / ("cs-companion.exe" if sys.platform == "win32" else "cs-companion")
    if not binary.is_file():
        print(f"no bundle at {args.bundle}; build it first: bash build/build.sh", file=sys.stderr)
        return 1

    size, files = tree_size(args.bundle)
    print(f"bundle: {args.bundle} {size / MIB:.1f} MB ({files} files)")
    for name, part in largest_files(args.bundle):
        print(f"  {part / MIB:6.1f} MB  {name}")

    with display() as env:
        where = f"Xvfb {env['DISPLAY']}" if "DISPLAY" in env else "offscreen (no Xvfb)"
        print(f"start until the window is shown, {where}:")
        bench("frozen", [str(binary)], env, args.runs)
        bench("source", [sys.executable, "-m", "cs_companion"], env, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
