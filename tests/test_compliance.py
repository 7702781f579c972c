"""Compliance: 禁忌语 and platform red lines on reviews are caught, polite wording is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from cs_companion.core.compliance import ComplianceChecker, Finding, check_library, check_scripts
from cs_companion.core.loader import load_path
from cs_companion.core.models import Layer, Library, Script
from cs_companion.core.problems import Severity

BUILTIN = Path(__file__).resolve().parent.parent / "scripts_library"
FORBIDDEN = ("别讲价", "不知道", "我不知道", "你找快递去")


@pytest.fixture
def checker() -> ComplianceChecker:
    return ComplianceChecker(FORBIDDEN)


def rules(findings: list[Finding]) -> set[str]:
    return {f.rule for f in findings}


# ----------------------------------------------------------------------------- forbidden phrases


def test_each_forbidden_phrase_is_found_with_offsets(checker: ComplianceChecker) -> None:
    text = "亲，别讲价了，你找快递去吧"
    findings = checker.check(text)
    assert [(f.rule, f.words, f.start, f.end) for f in findings] == [
        ("forbidden_phrase", "别讲价", 2, 5),
        ("forbidden_phrase", "你找快递去", 7, 12),
    ]
    for f in findings:
        assert text[f.start : f.end] == f.words


def test_repeated_phrase_is_found_each_time(checker: ComplianceChecker) -> None:
    findings = checker.check("别讲价。别讲价。")
    assert [(f.start, f.end) for f in findings] == [(0, 3), (4, 7)]


def test_longest_forbidden_phrase_wins(checker: ComplianceChecker) -> None:
    (finding,) = checker.check("这个我不知道")
    assert (finding.words, finding.start, finding.end) == ("我不知道", 2, 6)


def test_findings_are_sorted_by_position(checker: ComplianceChecker) -> None:
    findings = checker.check("好评返现，别讲价")
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    assert [f.rule for f in findings] == ["review_reward", "forbidden_phrase"]


def test_blank_phrases_are_ignored() -> None:
    assert ComplianceChecker(["", "  "]).check("任何内容都可以") == []
    assert ComplianceChecker().check("亲，您好") == []


def test_finding_prints_rule_and_words(checker: ComplianceChecker) -> None:
    (finding,) = checker.check("别讲价")
    assert str(finding) == "禁忌语：「别讲价」"


def test_phrases_are_matched_literally() -> None:
    checker = ComplianceChecker(["a.b", "(x)"])
    assert checker.check("axb x") == []
    assert [f.words for f in checker.check("a.b (x)")] == ["a.b", "(x)"]


# ----------------------------------------------------------------------------- 诱导好评


@pytest.mark.parametrize(
    "text",
    [
        "好评返现",
        "亲，五星好评送小礼品哦",
        "给好评就返5元红包",
        "给个好评，联系客服领红包",
        "晒图五星好评，赠送优惠券一张",
        "返现5元，条件是给五星",
        "满分好评可获得积分奖励",
    ],
)
def test_reward_for_positive_review_is_flagged(checker: ComplianceChecker, text: str) -> None:
    findings = checker.check(text)
    assert "review_reward" in rules(findings)
    hit = next(f for f in findings if f.rule == "review_reward")
    assert text[hit.start : hit.end] == hit.words


@pytest.mark.parametrize(
    "text",
    [
        "晒图评价送小礼品",
        "真实的带图评价，不论您打几分，都可以联系我领取优惠券",
        "欢迎写下真实的使用感受",
        "给您补偿5元红包，与评价无关",
        "亲，收到后有问题随时找我",
    ],
)
def test_reward_without_positive_condition_is_not_flagged(checker: ComplianceChecker, text: str) -> None:
    assert checker.check(text) == []


def test_reward_and_review_in_separate_sentences_are_not_linked(checker: ComplianceChecker) -> None:
    assert checker.check("感谢您的好评！\n本店新品上架，关注店铺有优惠券。") == []


# ----------------------------------------------------------------------------- deleting or changing reviews


@pytest.mark.parametrize(
    "text",
    [
        "请您务必删除差评",
        "您必须把差评删掉",
        "麻烦您把差评删掉，不然我们会很麻烦",
        "请立即修改评价",
        "您赶紧把评价改一下",
        "删掉这个差评，否则我们不处理售后",
    ],
)
def test_pressure_to_delete_or_change_a_review_is_flagged(checker: ComplianceChecker, text: str) -> None:
    assert "review_change_pressure" in rules(checker.check(text))


@pytest.mark.parametrize(
    "text",
    [
        "您删除差评的话我们给您补偿20元红包",
        "删差评送优惠券",
        "改成好评就返您10元",
        "您把差评改成好评，我们补偿您20元",
        "把中评撤回，送您一张无门槛券",
    ],
)
def test_bribe_to_change_a_review_is_flagged(checker: ComplianceChecker, text: str) -> None:
    assert rules(checker.check(text)) & {"review_change_bribe", "review_reward"}


@pytest.mark.parametrize(
    "text",
    [
        "问问您是否愿意更新一下评价",
        "方便的时候能否把最新的情况补充到评价里，让其他买家也了解？",
        "问题解决后，如果您愿意，可以追加评价说明一下处理结果。",
        "您的差评我们认真看了，非常抱歉给您带来不好的体验。",
    ],
)
def test_polite_review_update_request_is_not_flagged(checker: ComplianceChecker, text: str) -> None:
    assert checker.check(text) == []


# ----------------------------------------------------------------------------- other platform rules


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("别家卖的都是假货", "disparage_competitor"),
        ("你有病吧", "insult"),
        ("爱买不买", "insult"),
        ("再不付款就没了", "payment_pressure"),
        ("这是最后机会", "payment_pressure"),
    ],
)
def test_other_red_lines(checker: ComplianceChecker, text: str, rule: str) -> None:
    assert rule in rules(checker.check(text))


# ----------------------------------------------------------------------------- libraries


def make_script(script_id: str, body: str) -> Script:
    return Script(id=script_id, scenario="review.x", title="t", body=body, origin="team.yaml", line=7)


def test_check_scripts_locates_problems_at_the_script() -> None:
    problems = check_scripts([make_script("a", "好评返现"), make_script("b", "您好")], ComplianceChecker())
    (problem,) = problems
    assert (problem.file, problem.line) == ("team.yaml", 7)
    assert "script 'a'" in problem.message
    assert "[review_reward]" in problem.message
    assert problem.is_error


def test_check_library_uses_its_own_and_extra_phrases() -> None:
    library = Library(scripts=(make_script("a", "别讲价"), make_script("b", "随便你")), forbidden_phrases=("别讲价",))
    assert [p.message.split(":")[0] for p in check_library(library)] == ["script 'a'"]
    problems = check_library(library, extra_phrases=["随便你"], severity=Severity.WARNING)
    assert len(problems) == 2
    assert all(p.severity is Severity.WARNING for p in problems)


def test_whole_builtin_library_passes() -> None:
    result = load_path(BUILTIN, Layer.BUILTIN)
    assert result.library is not None
    assert [str(p) for p in check_library(result.library)] == []


def test_builtin_forbidden_phrases_are_enforced() -> None:
    library = load_path(BUILTIN, Layer.BUILTIN).library
    assert library is not None
    checker = ComplianceChecker(library.forbidden_phrases)
    for phrase in library.forbidden_phrases:
        assert [f.words for f in checker.check(f"亲，{phrase}。")] == [phrase]
