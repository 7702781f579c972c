"""Shortcut codes: a whole keyword typed exactly ranks its script first (千牛 快捷编码 become keywords)."""

from __future__ import annotations

import pytest
from conftest import BUILTIN_LIBRARY

from cs_companion.core.loader import load_path
from cs_companion.core.models import Library, Script
from cs_companion.core.search import SearchIndex
from cs_companion.core.search_build import Corpus


def _with_codes(codes: dict[str, str]) -> Library:
    builtin = load_path(BUILTIN_LIBRARY).library
    assert builtin is not None
    extra = tuple(
        Script(sid, "general.closing", f"导入短语{sid}", "感谢您的耐心，祝您生活愉快", keywords=(code,))
        for sid, code in codes.items()
    )
    return Library(builtin.info, builtin.categories, builtin.scenarios, builtin.scripts + extra)


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(_with_codes({"imp.hello": "开场欢迎", "imp.hp": "hp", "imp.digit": "01"}))


def test_code_that_is_also_a_scenario_name_ranks_its_script_first(index: SearchIndex) -> None:
    # Four Chinese characters are read as a pasted message; the greeting scripts used to win on the blend.
    assert index.search("开场欢迎")[0].id == "imp.hello"


def test_a_favourites_boost_does_not_push_past_an_exact_code(index: SearchIndex) -> None:
    # review.invite.* match "hp" by initials (好评); a favourite + frequent use adds up to 14 points.
    hits = index.search("hp", boost={"review.invite.receipt_thanks": 14.0, "review.invite.photo_tips": 30.0})
    assert hits[0].id == "imp.hp"
    assert hits[0].matched == "keyword"


def test_codes_fold_width_and_case(index: SearchIndex) -> None:
    assert index.search("ＨＰ")[0].id == "imp.hp"
    assert index.search("01")[0].id == "imp.digit"


def test_part_of_a_code_is_an_ordinary_query(index: SearchIndex) -> None:
    # "开场" is only part of the code: no exact-code rule, the built-in greeting keeps its place.
    assert index.search("开场")[0].id != "imp.hello"


@pytest.mark.parametrize(
    ("text", "owners"),
    [("ab", [0]), ("cd", [1]), ("ef", [2, 3]), ("c", []), ("abcd", []), ("", []), ("a\x00b", [])],
)
def test_corpus_exact_finds_whole_phrases_only(text: str, owners: list[int]) -> None:
    corpus = Corpus([(0, "ab"), (1, "cd"), (2, "ef"), (3, "ef")])
    assert corpus.exact(text) == owners
