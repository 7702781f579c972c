"""Golden search results: top-10 hits for a few hundred queries, to prove an index change ranks nothing differently.

    python benchmarks/search_golden.py record OUT.json [--count 10000] [--full]
    python benchmarks/search_golden.py check OUT.json [--count 10000]

Speed work on the index build (``search_build``, pinyin, normalising) must
leave every result as it was. The queries are the tuning and case sets
(never the blind set) plus what an agent types on the way to them: the first
one, two and three characters, and some pinyin, initials and typos. Results
are recorded over the built-in library and over the synthetic team library of
``--count`` scripts (``benchmarks/synthetic.py``); the regression test
``tests/core/test_search_golden.py`` checks a small synthetic library with the
same code, this script the full 10,000.

Results do not depend on ``PYTHONHASHSEED``: pasted-message scoring walks
the bigrams in sorted order, so equal weights tie the same way in every
process (they once followed set order, and 6 of 861 queries reordered
between processes). A file holds each query's hits in full (``--full``) or
a short digest of them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import build_synthetic_library  # noqa: E402
from cs_companion.core.loader import load_path  # noqa: E402
from cs_companion.core.models import Layer, Library  # noqa: E402
from cs_companion.core.search import SearchIndex  # noqa: E402
from cs_companion.storage.resources import builtin_library_dir  # noqa: E402

DATA = ROOT / "tests" / "data"
SETS = ("search_tuning.yaml", "search_cases_*.yaml")
EXTRA = (
    "tuikuan",
    "tk",
    "wl",
    "wuliu",
    "tuikaun",
    "wuliuu",
    "shaodeng",
    "kcb",
    "fp",
    "fapiao",
    "ipad",
    "退宽",
    "物刘",
    "蓝牙耳机",
    "空气炸锅退款",
    "旗舰店",
    "v12",
    "general.greeting",
    "qxdd",
    "xyz",
)


def golden_queries() -> list[str]:
    """Every tuning/case query (not the blind set), its 1-3 character prefixes and a few pinyin and typos."""
    queries: dict[str, None] = {}
    for pattern in SETS:
        for path in sorted(DATA.glob(pattern)):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            cases = data["cases"] if isinstance(data, dict) else data
            for case in cases:
                query = str(case["query"])
                queries.update(dict.fromkeys([query, query[:1], query[:2], query[:3]]))
    queries.update(dict.fromkeys(EXTRA))
    return list(queries)


def top_hits(library: Library, queries: list[str], limit: int = 10) -> dict[str, list[list[object]]]:
    """query -> [id, score, matched kind, fallback] of each of the top ``limit`` hits."""
    index = SearchIndex(library)
    return {q: [[h.id, h.score, h.matched, h.fallback] for h in index.search(q, limit=limit)] for q in queries}


def load(folder: Path, layer: Layer) -> Library:
    library = load_path(folder, layer).library
    assert library is not None, f"{folder} must load"
    return library


def results(count: int, queries: list[str] | None = None) -> dict[str, dict[str, list[list[object]]]]:
    """Golden results over the built-in library and a synthetic library of ``count`` scripts."""
    queries = golden_queries() if queries is None else queries
    with tempfile.TemporaryDirectory() as tmp:
        team = build_synthetic_library(Path(tmp) / "team", count, files=4)
        return {
            "builtin": top_hits(load(builtin_library_dir(), Layer.BUILTIN), queries),
            f"synthetic{count}": top_hits(load(team, Layer.TEAM), queries),
        }


def digest(hits: list[list[object]]) -> str:
    """A short fingerprint of one query's hits (the test's fixture stays small)."""
    return hashlib.sha1(json.dumps(hits, ensure_ascii=False).encode()).hexdigest()[:12]


def differences(expected: dict[str, dict[str, object]], found: dict[str, dict[str, list[list[object]]]]) -> list[str]:
    """One line per query whose hits differ from ``expected`` (hits in full or digests)."""
    lines = []
    for lib, by_query in expected.items():
        for query, hits in by_query.items():
            now = found[lib][query]
            if hits != (digest(now) if isinstance(hits, str) else now):
                lines.append(f"{lib} {query!r}: expected {hits if isinstance(hits, str) else hits[:3]} got {now[:3]}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=("record", "check"))
    parser.add_argument("file", type=Path)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--full", action="store_true", help="record every hit, not digests")
    args = parser.parse_args()
    found = results(args.count)
    if args.action == "record":
        kept = found if args.full else {lib: {q: digest(h) for q, h in by_q.items()} for lib, by_q in found.items()}
        args.file.write_text(json.dumps(kept, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        print(f"recorded {sum(map(len, found.values()))} queries to {args.file}")
        return 0
    differ = differences(json.loads(args.file.read_text(encoding="utf-8")), found)
    print("\n".join(differ[:20]))
    print(f"{len(differ)} of {sum(map(len, found.values()))} queries differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
