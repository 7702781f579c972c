"""Search quality on a query set: top-1 / top-3 scenario accuracy and empty results, by kind.

    python benchmarks/eval_search.py [SET.yaml ...] [--show-misses]

The default set is ``tests/data/blind/search_blind.yaml``, written from
``shared/scenarios.md`` alone by someone who never saw the scripts or the
search code. Report numbers on it; never tune on it (``--show-misses`` is for
tuning sets such as ``tests/data/search_tuning.yaml``).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cs_companion.core.loader import load_path  # noqa: E402
from cs_companion.core.models import Layer  # noqa: E402
from cs_companion.core.search import SearchIndex  # noqa: E402

DEFAULT_SET = ROOT / "tests" / "data" / "blind" / "search_blind.yaml"


def evaluate(index: SearchIndex, cases: list[dict[str, object]]) -> tuple[Counter[str], list[str]]:
    counts: Counter[str] = Counter()
    misses = []
    for case in cases:
        query = str(case["query"])
        kind = str(case.get("kind", "query"))
        wanted = case["expect"]
        expect = {wanted} if isinstance(wanted, str) else set(wanted)  # type: ignore[arg-type]
        hits = index.search(query, limit=10)
        scenarios = [h.scenario for h in hits]
        counts[f"{kind}.total"] += 1
        counts[f"{kind}.top1"] += bool(scenarios[:1] and scenarios[0] in expect)
        top3 = bool(expect & set(scenarios[:3]))
        counts[f"{kind}.top3"] += top3
        counts[f"{kind}.empty"] += not hits
        if not top3:
            misses.append(f"[{kind}] {query!r} expected {sorted(expect)} got {scenarios[:3]}")
    return counts, misses


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="*", type=Path, default=[DEFAULT_SET])
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    library = load_path(ROOT / "scripts_library", Layer.BUILTIN).library
    assert library is not None, "built-in library does not load"
    index = SearchIndex(library)
    for path in args.sets:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        cases = data["cases"] if isinstance(data, dict) else data  # the case files are plain lists
        counts, misses = evaluate(index, cases)
        print(f"== {path.name}: {len(cases)} cases, {len(library.scripts)} scripts")
        total = {k: sum(v for key, v in counts.items() if key.endswith(k)) for k in ("total", "top1", "top3", "empty")}
        for kind in [*sorted({key.split(".")[0] for key in counts}), "all"]:
            c = total if kind == "all" else {k: counts[f"{kind}.{k}"] for k in ("total", "top1", "top3", "empty")}
            print(
                f"{kind:8} n={c['total']:4}  top1 {c['top1'] / c['total']:6.1%}  "
                f"top3 {c['top3'] / c['total']:6.1%}  empty {c['empty']}"
            )
        if args.show_misses:
            print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
