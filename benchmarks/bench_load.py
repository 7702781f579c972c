"""Big-library benchmark: first load, repeated CLI calls and window memory with 10,000 team scripts.

Run: ``python benchmarks/bench_load.py [--count 10000] [--files 4] [--runs 5]``.
Prints medians; not a test. Every measurement runs in a fresh process, so no
cache of an earlier run (pinyin, parsed tokens) makes it look faster than a
real first load. Targets (issue 11, item 8): first load of the team folder
<= 2 s; a repeated CLI call with ``--library`` <= 0.5 s more than with the
built-in library; window RSS with 10,000 scripts <= 160 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    """Resident memory now (Linux /proc), else the peak (resource), in MB."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError, IndexError, AttributeError):
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 1e6 if sys.platform == "darwin" else peak / 1e3


def child_first_load(folder: str) -> dict[str, float]:
    """One first load of the team folder: parse, validate and index timed separately."""
    from cs_companion.core import yamlsafe
    from cs_companion.core.layers import merge_layers
    from cs_companion.core.libtree import library_files
    from cs_companion.core.loader import load_path
    from cs_companion.core.models import Layer
    from cs_companion.core.search import SearchIndex

    def parse(text: str, name: str) -> bool:
        """True if the fast parser read it (``parse_yaml`` alone in versions before it)."""
        if hasattr(yamlsafe, "parse_library_yaml"):
            return not yamlsafe.parse_library_yaml(text, name)[1]
        yamlsafe.parse_yaml(text, name)
        return False

    files = library_files(Path(folder))
    start = time.perf_counter()
    fast = sum(parse(yamlsafe.decode_library_bytes(f.read_bytes(), str(f)), str(f)) for f in files)
    parse = time.perf_counter() - start
    start = time.perf_counter()
    result = load_path(Path(folder), Layer.TEAM)  # parses again, then validates
    load = time.perf_counter() - start
    assert result.library is not None, result.problems[:3]
    start, cpu = time.perf_counter(), time.process_time()
    SearchIndex(merge_layers([result.library]))
    index, index_cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "parse": parse,
        "validate": load - parse,
        "index": index,
        "cpu": time.process_time(),  # CPU seconds of the whole child: steadier than wall time on a busy machine
        "index_cpu": index_cpu,
        "fast_files": fast,
        "files": len(files),
    }


def child_window(profile: str) -> dict[str, float]:
    """RSS of the window after it opened on the profile's library (from its snapshot)."""
    os.environ["CS_COMPANION_HOME"] = profile
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import gc

    from PySide6.QtTest import QTest

    from cs_companion.storage.paths import AppPaths
    from cs_companion.ui.app import build_main_window, create_application

    app = create_application()
    window = build_main_window(AppPaths.default())
    window.show()
    QTest.qWaitForWindowExposed(window)
    for _ in range(20):
        app.processEvents()
        QTest.qWait(50)
    gc.collect()
    result = {"rss": rss_mb(), "scripts": float(len(window.loaded.library.scripts))}
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    os._exit(0)  # skip the Qt teardown: the numbers are out


def run_child(*args: str, env: dict[str, str] | None = None) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, env=env, check=False
    )
    if proc.returncode != 0:
        raise SystemExit(f"child {args} failed: {proc.stderr[-2000:]}")
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def cli_times(profile: Path, runs: int, library: Path | None) -> list[float]:
    """Whole-process wall time of ``cs-companion search 退款`` (after one call that writes the snapshot)."""
    env = dict(os.environ, CS_COMPANION_HOME=str(profile), PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "cs_companion", "search", "退款"]
    if library is not None:
        command += ["--library", str(library)]
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return times[1:]


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--files", type=int, default=4, help="the issue's team folder: four 2.5 MB files")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, target = args.child
        if kind == "first":
            print(json.dumps(child_first_load(target)))
        else:
            child_window(target)
        return
    from benchmarks.synthetic import build_synthetic_library
    from cs_companion.storage.agent_library import load_agent_library
    from cs_companion.storage.paths import AppPaths

    with tempfile.TemporaryDirectory() as tmp:
        folder = build_synthetic_library(Path(tmp) / "team", args.count, files=args.files)
        size = sum(p.stat().st_size for p in folder.glob("*.yaml"))
        print(f"team folder: {args.count:,} scripts, {size / 1e6:.1f} MB of YAML in {args.files} files + catalogue")
        first = [run_child("first", str(folder)) for _ in range(args.runs)]
        parts = {key: median([r[key] for r in first]) for key in ("parse", "validate", "index")}
        print(
            f"first load (median of {args.runs} fresh processes): parse {parts['parse']:.2f} s, "
            f"validate {parts['validate']:.2f} s, index {parts['index']:.2f} s = {sum(parts.values()):.2f} s "
            f"({first[0]['fast_files']:.0f} of {first[0]['files']:.0f} files on the fast parser)"
        )
        cli_profile = Path(tmp) / "cli-profile"
        builtin = cli_times(cli_profile, args.runs, None)
        with_library = cli_times(cli_profile, args.runs, folder)
        print(
            f"CLI 'search' whole process (median of {args.runs}): built-in {median(builtin):.2f} s, "
            f"--library {median(with_library):.2f} s (+{median(with_library) - median(builtin):.2f} s)"
        )
        small, big = Path(tmp) / "win-builtin", Path(tmp) / "win-team"
        team = big / "cache" / "team_library"
        build_synthetic_library(team, args.count, files=args.files)
        (team / "00_library.yaml").unlink()  # the catalogue comes from the built-in layer
        for profile in (small, big):
            os.environ["CS_COMPANION_HOME"] = str(profile)
            assert not load_agent_library(AppPaths.default()).partial  # writes the snapshot the window opens from
        rss = {
            name: [run_child("window", str(p)) for _ in range(max(3, args.runs // 2))]
            for name, p in (("built-in", small), ("team", big))
        }
        shown = ", ".join(
            f"{name} {median([r['rss'] for r in found]):.0f} MB ({found[0]['scripts']:,.0f} scripts)"
            for name, found in rss.items()
        )
        print(f"window RSS after opening (median): {shown}")


if __name__ == "__main__":
    main()
