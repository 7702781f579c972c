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


def test_no_match_falls_back_to_closest_scenarios_marked_as_guesses() -> None:
    """Formerly an empty list; now never empty for 3+ letters, and every guess says it is one."""
    hits = SearchIndex(small_library()).search("zzzzqqq")
    assert hits and all(h.fallback for h in hits)
    assert hits[0].as_dict()["fallback"] is True


def test_exact_matches_are_not_marked_fallback() -> None:
    assert not any(h.fallback for h in SearchIndex(small_library()).search("物流"))


@pytest.mark.parametrize(
    ("query", "scenario"),
    [
        ("退宽", {"aftersales.refund_progress", "order.cancel"}),  # homophone typed with the pinyin input method
        ("换获", {"aftersales.return_steps"}),
        ("保休", {"aftersales.warranty_repair", "presale.warranty"}),
        ("tuikaun", {"aftersales.refund_progress", "order.cancel"}),  # full pinyin, one slip
        ("wuliuu", {"logistics.delay", "logistics.tracking"}),
    ],
)
def test_typo_fallbacks_find_the_scenario(index: SearchIndex, query: str, scenario: set[str]) -> None:
    hits = index.search(query, limit=10)
    assert scenario & {h.scenario for h in hits[:3]}, [h.scenario for h in hits[:5]]


@pytest.mark.parametrize(
    ("query", "scenario"),
    [
        ("催件", "logistics.delay"),
        ("截单", "order.modify"),
        ("秒退", "aftersales.refund_progress"),
        ("返图", "review.invite"),
        ("错件", "logistics.wrong_item"),
        ("空包", "logistics.lost"),
    ],
)
def test_agent_slang_finds_the_scenario(index: SearchIndex, query: str, scenario: str) -> None:
    hits = index.search(query, limit=10)
    assert hits and not hits[0].fallback
    assert scenario in [h.scenario for h in hits[:3]]


def test_order_number_does_not_steer_a_message(index: SearchIndex) -> None:
    hits = index.search("订单号4512987736102 怎么还没发货", limit=5)
    assert hits[0].scenario != "general.ask_order"
    assert "general.ask_order" not in [h.scenario for h in hits[:3]]


def test_refund_question_with_order_number_stays_a_refund_question(index: SearchIndex) -> None:
    hits = index.search("东西都寄回去一个星期了钱还没退😠 订单号3861234567890123456", limit=3)
    assert hits[0].scenario == "aftersales.refund_progress"


def test_message_intent_without_shared_words(index: SearchIndex) -> None:
    hits = index.search("水壶才用了两次底下就漏水", limit=3)
    assert hits[0].scenario == "product.quality"


def test_greeting_scripts_only_for_greetings(index: SearchIndex) -> None:
    hits = index.search("你好在吗，我的快递三天了还没到", limit=3)
    assert not {"general.greeting", "general.please_wait"} & {h.scenario for h in hits}
    assert index.search("亲 在吗", limit=1)[0].scenario == "general.greeting"


def test_team_library_adds_aliases_to_a_builtin_scenario(tmp_path: Path, builtin: Library) -> None:
    from cs_companion.core.layers import merge_layers
    from cs_companion.core.models import Layer

    (tmp_path / "team.yaml").write_text(
        "schema: 1\nscenarios:\n  - {id: logistics.delay, aliases: [压仓件]}\n", encoding="utf-8"
    )
    team = load_path(tmp_path, Layer.TEAM, [s.id for s in builtin.scenarios])
    assert team.library is not None, team.problems
    merged = merge_layers([builtin, team.library])
    scenario = merged.scenario("logistics.delay")
    assert scenario is not None
    assert scenario.name == "物流延迟"
    assert "压仓件" in scenario.aliases and "催件" in scenario.aliases
    hits = SearchIndex(merged).search("压仓件", limit=3)
    assert hits and hits[0].scenario == "logistics.delay" and not hits[0].fallback


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
    for query in ("wlyc", "破损", "我的快递三天了还没到，怎么回事", "退宽", "tuikaun", "zzzzqqq"):
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
