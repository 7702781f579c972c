"""Search: Chinese, pinyin, initials, pasted messages, ranking rules, and quality on a test set."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import BUILTIN_LIBRARY, DATA_DIR

from cs_companion.core.loader import load_path
from cs_companion.core.models import Library, Scenario, Script
from cs_companion.core.search import SearchIndex
from cs_companion.core.text import normalise, pinyin_forms, pinyin_of_text
from cs_companion.storage.snapshot import library_from_state, library_state

MIN_TOP3_ACCURACY = 0.95


@pytest.fixture(scope="module")
def builtin() -> Library:
    result = load_path(BUILTIN_LIBRARY)
    assert result.library is not None
    return result.library


@pytest.fixture(scope="module")
def index(builtin: Library) -> SearchIndex:
    return SearchIndex(builtin)


def small_library() -> Library:
    scripts = (
        Script(
            "a.one",
            "logistics.delay",
            "物流延迟 · 首次回复",
            "亲，抱歉让您久等了",
            keywords=("催件",),
            examples=("怎么还没到",),
        ),
        Script("b.two", "aftersales.refund", "退款进度", "退款会原路返回", keywords=("退款到账",)),
        Script("c.three", "general.greeting", "开场欢迎", "亲，您好，请问有什么可以帮您", keywords=("你好",)),
    )
    scenarios = (Scenario("logistics.delay", "物流延迟", ("物流慢",)),)
    return Library(scripts=scripts, scenarios=scenarios)


def test_text_folding_and_pinyin() -> None:
    assert normalise("ＷＵ Liu！") == "wuliu"
    assert pinyin_forms("物流延迟") == ("wuliuyanchi", "wlyc")
    assert pinyin_of_text("物流延迟 · 首次回复") == ("wuliuyanchishoucihuifu", "wlycschf")
    assert pinyin_forms("abc") == ("", "")


@pytest.mark.parametrize(
    ("query", "expected"),
    [("物流", "a.one"), ("wuliu", "a.one"), ("wlyc", "a.one"), ("tkdz", "b.two"), ("退款", "b.two"), ("催件", "a.one")],
)
def test_small_library_queries(query: str, expected: str) -> None:
    hits = SearchIndex(small_library()).search(query)
    assert hits and hits[0].id == expected
    assert hits[0].score > 0


def test_exact_keyword_beats_body_mention() -> None:
    hits = SearchIndex(small_library()).search("亲")
    assert {h.id for h in hits} == {"a.one", "c.three"}
    assert all(h.matched == "body" for h in hits)


def test_no_match_returns_nothing() -> None:
    assert SearchIndex(small_library()).search("zzzzqqq") == []


def test_empty_query_lists_everything_in_category_order(builtin: Library, index: SearchIndex) -> None:
    hits = index.search("", limit=10_000)
    assert len(hits) == len(builtin.scripts)
    order = builtin.category_order()
    positions = [order.index(h.scenario.split(".")[0]) for h in hits]
    assert positions == sorted(positions)


def test_boost_reorders_only_matches() -> None:
    index = SearchIndex(small_library())
    plain = index.search("亲")
    boosted = index.search("亲", boost={plain[-1].id: 50.0, "b.two": 50.0})
    assert boosted[0].id == plain[-1].id
    assert "b.two" not in {h.id for h in boosted}


def test_limit_and_result_fields(index: SearchIndex) -> None:
    hits = index.search("物流", limit=3)
    assert len(hits) == 3
    data = hits[0].as_dict()
    assert set(data) >= {"id", "scenario", "title", "score"}


def test_index_survives_snapshot_round_trip(builtin: Library, index: SearchIndex) -> None:
    restored_library = library_from_state(library_state(builtin))
    restored = SearchIndex.from_state(restored_library, index.state())
    for query in ("wlyc", "破损", "我的快递三天了还没到，怎么回事"):
        assert [h.id for h in restored.search(query)] == [h.id for h in index.search(query)]


def load_cases() -> list[dict[str, str]]:
    cases: list[dict[str, str]] = []
    for file in sorted(Path(DATA_DIR).glob("search_cases_*.yaml")):
        cases += yaml.safe_load(file.read_text(encoding="utf-8"))
    return cases


def test_search_quality_top3(builtin: Library, index: SearchIndex) -> None:
    """Customer messages, agent queries, pinyin and initials find the right scenario in the top 3."""
    cases = load_cases()
    assert len(cases) >= 60
    known = {s.id for s in builtin.scenarios}
    misses = []
    for case in cases:
        assert case["expect"] in known, case
        top = [h.scenario for h in index.search(str(case["query"]), limit=3)]
        if case["expect"] not in top:
            misses.append((case["query"], case["expect"], top))
    accuracy = 1 - len(misses) / len(cases)
    assert accuracy >= MIN_TOP3_ACCURACY, f"top-3 accuracy {accuracy:.1%}; misses: {misses}"
