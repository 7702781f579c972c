"""Import speed: a 5,000-row 千牛-style sheet (XLSX and GBK CSV) to a checked library file, and the export back.

    python benchmarks/bench_import.py [--rows N]

Target: a 5,000-row sheet imports in at most 2 s (reading, placeholders, scenario
suggestions, near-duplicates, compliance notes, writing and reading back the
library). Phrases are built from the built-in bodies with varied products and
shops, so they are distinct like a real team's list.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import PRODUCTS  # noqa: E402
from cs_companion.core.interchange import export  # noqa: E402
from cs_companion.core.interchange.pipeline import import_files  # noqa: E402
from cs_companion.core.loader import load_path  # noqa: E402
from cs_companion.core.models import Library, Script  # noqa: E402
from cs_companion.storage.resources import builtin_library_dir  # noqa: E402

TARGET_SECONDS = 2.0


def sheet_library(builtin: Library, rows: int) -> Library:
    """``rows`` distinct scripts: built-in bodies with a product and a shop line, each with a shortcut code."""
    scripts = []
    for n in range(rows):
        base = builtin.scripts[n % len(builtin.scripts)]
        product = PRODUCTS[(n // len(builtin.scripts)) % len(PRODUCTS)]
        body = f"{base.body}\n（{product} · 第{n}号店铺）"
        meta = {"group": builtin.category_name(base.category), "code": f"k{n}"}
        scripts.append(Script(f"s{n}", base.scenario, base.title, body, fields=base.fields, meta=meta))
    return Library(builtin.info, builtin.categories, builtin.scenarios, tuple(scripts))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()
    builtin = load_path(builtin_library_dir()).library
    assert builtin is not None
    source = sheet_library(builtin, args.rows)
    worst = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for suffix, writer in ((".xlsx", export.to_xlsx), (".csv", export.to_csv)):
            start = time.perf_counter()
            data = writer(source.scripts, source)
            written = time.perf_counter() - start
            path = Path(folder) / f"sheet{suffix}"
            if suffix == ".csv":  # as Chinese Excel saves CSV
                data = data.decode("utf-8-sig").encode("gb18030")
            path.write_bytes(data)
            start, cpu_start = time.perf_counter(), time.process_time()
            run = import_files([path], builtin)
            took, cpu = time.perf_counter() - start, time.process_time() - cpu_start
            worst = max(worst, took)
            flagged = run.conversion.flagged
            print(
                f"{suffix[1:]:>4}: {args.rows:,} rows, {len(data) / 1e6:.1f} MB; export {written:.2f} s; "
                f"import {took:.2f} s wall, {cpu:.2f} s CPU ({took / args.rows * 1e3:.2f} ms/row); "
                f"{len(run.library.scripts):,} scripts, {flagged:,} marked for review"
            )
    verdict = "ok" if worst <= TARGET_SECONDS else "OVER TARGET"
    print(f"slowest import {worst:.2f} s; target {TARGET_SECONDS:.1f} s: {verdict}")
    if os.getloadavg()[0] > (os.cpu_count() or 1):
        print(f"note: load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; wall times are inflated")
    return 0 if worst <= TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
