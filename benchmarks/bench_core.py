"""Core benchmark: load+index time, search latency and memory with 10,000 scripts.

Run: ``python benchmarks/bench_core.py [--count 10000]``. Prints numbers; it
is not a test. Targets: load+index <= 0.5 s, search p95 <= 2 ms.
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import build_synthetic_library, percentile
from cs_companion.core.layers import merge_layers
from cs_companion.core.loader import load_path
from cs_companion.core.models import Layer
from cs_companion.core.search import SearchIndex
from cs_companion.storage.resources import builtin_library_dir
from cs_companion.storage.stack import load_indexed

QUERIES = {
    "chinese": ["物流", "破损", "退款", "催付", "差评", "优惠券", "尺码", "发错了", "保修", "投诉"],
    "pinyin": ["wuliu", "tuikuan", "chaping", "cuifu", "youhuiquan", "baoxiu", "chima", "fahuo"],
    "initials": ["wlyc", "tk", "cp", "thlc", "zlwt", "yhq", "qxdd", "sptc"],
    "pasted": [
        "你好，我的快递三天了还没到，物流一直不更新",
        "收到的杯子碎了，外包装都压扁了，怎么处理",
        "我申请退款好几天了钱还没到账，什么情况",
        "你们客服态度太差了我要投诉",
        "能不能便宜一点啊，别家比你们便宜二十块",
        "拍错颜色了能改一下吗还没发货吧",
        "付款的时候一直提示失败，扣了钱订单却没生成",
        "衣服穿着太小了，想换大一码",
    ],
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = build_synthetic_library(Path(tmp) / "lib", args.count)
        size = sum(p.stat().st_size for p in folder.glob("*.yaml"))
        snapshot = Path(tmp) / "snapshot.bin"
        gc.collect()
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.perf_counter()
        result = load_path(folder, Layer.TEAM)
        t1 = time.perf_counter()
        assert result.library is not None, result.problems[:3]
        index = SearchIndex(merge_layers([result.library]))
        t2 = time.perf_counter()
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        load_indexed(builtin_library_dir(), folder, None, snapshot)  # writes the snapshot
        warm_times = []
        for _ in range(5):
            t3 = time.perf_counter()
            loaded = load_indexed(builtin_library_dir(), folder, None, snapshot)
            warm_times.append(time.perf_counter() - t3)
            assert loaded.from_snapshot
        snapshot_mb = snapshot.stat().st_size / 1e6
    print(
        f"library: {len(result.library.scripts):,} scripts, {size / 1e6:.1f} MB of YAML in {args.count // 1000} files"
    )
    print(
        f"first load after a change (parse+validate {(t1 - t0) * 1000:.0f} ms, index {(t2 - t1) * 1000:.0f} ms): "
        f"{(t2 - t0) * 1000:.0f} ms"
    )
    print(
        f"load+index from snapshot (every later start): median {statistics.median(warm_times) * 1000:.0f} ms, "
        f"max {max(warm_times) * 1000:.0f} ms (snapshot {snapshot_mb:.1f} MB, built-in layer included)"
    )
    print(
        f"memory: peak RSS grew by {(rss_after - rss_before) / 1024:.0f} MB during load+index "
        f"(process peak {rss_after / 1024:.0f} MB)"
    )
    all_times: list[float] = []
    for kind, queries in QUERIES.items():
        times = []
        for _ in range(args.repeat):
            for query in queries:
                start = time.perf_counter()
                index.search(query, limit=50)
                times.append((time.perf_counter() - start) * 1000)
        all_times += times
        print(
            f"search {kind:9s}: p50 {statistics.median(times):.2f} ms, p95 {percentile(times, 95):.2f} ms, "
            f"max {max(times):.2f} ms ({len(times)} runs)"
        )
    print(f"search overall : p50 {statistics.median(all_times):.2f} ms, p95 {percentile(all_times, 95):.2f} ms")


if __name__ == "__main__":
    main()
