"""Compliance: 禁忌语 and platform red lines on reviews are caught, polite wording is not."""

from __future__ import annotations

import random
import statistics
import time
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from cs_companion.core.compliance import (
    MAX_CHECKER_PHRASES,
    MAX_LIBRARY_PHRASES,
    MAX_PHRASE_CHARS,
    ComplianceChecker,
    Finding,
    PhraseLimitError,
    check_library,
    check_scripts,
)
from cs_companion.core.loader import load_path
from cs_companion.core.models import Field, FieldType, Layer, Library, Script
from cs_companion.core.problems import Severity

BUILTIN = Path(__file__).resolve().parents[2] / "scripts_library"
TUNING = Path(__file__).resolve().parents[1] / "data" / "compliance_tuning.yaml"
TUNING2 = Path(__file__).resolve().parents[1] / "data" / "compliance_tuning2.yaml"
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
    checker = ComplianceChecker(["少.废话", "[急]"])
    assert checker.check("少x废话 急") == []
    assert [f.words for f in checker.check("少.废话 [急]")] == ["少.废话", "[急]"]


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
        "真实的带图评价，不论您打几分，都可以联系我领取优惠券",
        "欢迎写下真实的使用感受",
        "给您补偿5元红包，与评价无关",
        "亲，收到后有问题随时找我",
    ],
)
def test_reward_without_positive_condition_is_not_flagged(checker: ComplianceChecker, text: str) -> None:
    assert checker.check(text) == []


def test_reward_for_a_photo_review_is_flagged(checker: ComplianceChecker) -> None:
    # Platforms count a reward for any review (追评, 晒图, 带图) as 诱导评价, not only for a good one;
    # a reward stated to be independent of the rating ("不论您打几分") stays clean above.
    assert {f.family for f in checker.check("晒图评价送小礼品")} == {"review_manipulation"}


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


# ============================================================================= rules version 2


def words_of(findings: list[Finding]) -> list[str]:
    return [f.words for f in findings]


def builtin_checker() -> ComplianceChecker:
    library = load_path(BUILTIN, Layer.BUILTIN).library
    assert library is not None
    return ComplianceChecker.for_library(library)


# ----------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("您自己看呢", "您自己看"),  # the phrase is written with 你
        ("你找快递去", "你找快递去"),
        ("爱要\u200b不要", "爱要\u200b不要"),  # zero-width space inside
        ("别 讲 价", "别 讲 价"),
        ("别　讲　价", "别　讲　价"),  # ideographic spaces
        ("不.知.道", "不.知.道"),  # padding between single characters
        ("不-知-道", "不-知-道"),
    ],
)
def test_forbidden_phrases_survive_spelling_tricks(text: str, words: str) -> None:
    (finding,) = builtin_checker().check(text)
    assert finding.words == words
    assert text[finding.start : finding.end] == words


@pytest.mark.parametrize(
    "text",
    [
        "加我微信",
        "加.微.信",
        "加 威 信",
        "加ＶＸ：abc123",
        "加V领券",
        "我的QQ是123",
        "Ｑ Ｑ联系",
        "扣扣联系我",
        "加V信",
    ],
)
def test_off_platform_contact_in_any_spelling_is_blocking(text: str) -> None:
    findings = ComplianceChecker().check(text)
    assert [f.family for f in findings] == ["off_platform"], findings
    assert findings[0].blocking
    assert text[findings[0].start : findings[0].end] == findings[0].words


def test_offsets_point_into_the_original_text() -> None:
    text = "亲～\u200b您好！\n五 星 好 评 返 现哦"
    (finding,) = ComplianceChecker().check(text)
    assert finding.rule == "review_reward"
    assert finding.words == "五 星 好 评 返 现"
    assert text[finding.start : finding.end] == finding.words


def test_findings_of_one_family_that_overlap_are_one_finding() -> None:
    (finding,) = ComplianceChecker().check("加我微信")
    assert finding.words == "加我微信"


# ----------------------------------------------------------------------------- negation and everyday words


@pytest.mark.parametrize(
    "text",
    [
        "好评返现是违规的，我们不做",
        "我们不会让您加微信",
        "官方客服不会要求您添加QQ或微信",
        "请勿私下转账，所有付款都在平台完成",
        "有人冒充客服让您扫二维码的话，那是骗子",
        "这不是您的问题，是我们没检查好",
        "我们不会拉黑您，请放心",
        "如遇到冒充客服的诈骗，请及时报警",
        "我们不能保证明天一定到，但会尽快催件",
        "我们不评价别家的商品",
        "退款会原路退回到您的微信零钱",
        "我们不会让您加微信或QQ办理退款",  # the negation runs through 或
        "亲 我们不能要求您修改评价，问题解决了就好",  # a disowned demand
        "有人打电话让您加QQ？那是骗子，千万别转账",  # a question answered by a warning
        "付款请在平台内完成，私下转账出了问题平台没法保障您",
    ],
)
def test_negated_or_warning_sentences_are_clean(text: str) -> None:
    assert ComplianceChecker().check(text) == []


@pytest.mark.parametrize(
    "text",
    ["我第一时间帮您处理", "最近单量大", "最快明天发出", "最好您先拍张照片", "最晚周五回复", "最好的办法是联系快递"],
)
def test_everyday_words_are_not_absolute_claims(text: str) -> None:
    assert ComplianceChecker().check(text) == []


def test_dont_know_inside_gratitude_is_not_the_forbidden_phrase() -> None:
    checker = builtin_checker()
    assert checker.check("我也不知道怎么感谢您") == []
    assert checker.check("不知道您方便什么时候收货？") == []
    assert words_of(checker.check("这个我不知道")) == ["我不知道"]  # the phrase and the brush-off, merged


@pytest.mark.parametrize(
    "text",
    ["不加微信的话，售后没法处理", "不删评就不给您退款", "您要是不改评价，这个售后我们就不处理了", "不给好评就不发货"],
)
def test_a_negation_that_is_a_condition_is_still_a_violation(text: str) -> None:
    findings = ComplianceChecker().check(text)
    assert findings and all(f.blocking for f in findings)


# ----------------------------------------------------------------------------- families


@pytest.mark.parametrize(
    ("text", "family", "blocking"),
    [
        ("我们家是全网最低价", "absolute_claim", True),
        ("行业第一品牌", "absolute_claim", True),
        ("国家级工艺", "absolute_claim", True),
        ("差价我私下转账给您", "off_platform", True),
        ("这笔钱我直接转给您", "off_platform", True),
        ("您用支付宝直接转给我就行", "off_platform", True),
        ("进群领券", "off_platform", True),
        ("关注我们的公众号", "off_platform", True),
        ("我的手机号是13812345678", "off_platform", True),
        ("好评有惊喜哦", "review_manipulation", True),
        ("您把差评删了，我给您补偿20元", "review_manipulation", True),
        ("改成好评就给您退款", "review_manipulation", True),
        ("是您自己操作不当造成的", "blame_threat", True),
        ("再闹就把您拉黑", "blame_threat", True),
        ("恶意差评我们会起诉您", "blame_threat", True),
        ("保证明天一定到", "guarantee", False),
        ("百分百不会过敏", "guarantee", False),
        ("别家卖的都是假货", "disparage", True),
        ("他们家的评价都是刷的", "disparage", True),
        ("再不付款就没货了", "payment_pressure", False),
        ("手慢无", "payment_pressure", False),
    ],
)
def test_each_family_and_its_severity(text: str, family: str, blocking: bool) -> None:
    findings = ComplianceChecker().check(text)
    assert family in {f.family for f in findings}, findings
    assert all(f.blocking is blocking for f in findings if f.family == family)


def test_forbidden_phrase_findings_block() -> None:
    (finding,) = ComplianceChecker(["随便你"]).check("随便您吧")
    assert (finding.family, finding.blocking, finding.offsets) == ("forbidden_phrase", True, (0, 3))


# ----------------------------------------------------------------------------- team phrases and allow-list


def test_team_allow_list_silences_a_word_and_team_phrases_are_added() -> None:
    library = Library(forbidden_phrases=("亲爱的",), compliance_allow=("王牌",))
    checker = ComplianceChecker.for_library(library)
    assert checker.check("王牌客服为您服务") == []
    assert ComplianceChecker().check("王牌客服为您服务")
    assert words_of(checker.check("亲爱的，您好")) == ["亲爱的"]


def test_allow_entry_only_covers_findings_inside_it() -> None:
    checker = ComplianceChecker(allow=["最佳拍档"])
    assert checker.check("我们是最佳拍档") == []
    assert checker.check("这是最佳选择")


def test_compliance_section_of_a_library_file(tmp_path: Path) -> None:
    path = tmp_path / "team.yaml"
    path.write_text(
        "schema: 1\n"
        "forbidden_phrases: [别讲价]\n"
        "compliance:\n  forbidden: [亲爱的]\n  allow: [王牌]\n"
        "scripts:\n"
        "  - {id: t.a, scenario: general.greeting, title: T, body: 王牌客服为您服务}\n"
        "  - {id: t.b, scenario: general.greeting, title: T, body: 亲爱的您好}\n",
        encoding="utf-8",
    )
    result = load_path(path, Layer.TEAM)
    assert result.library is not None, result.problems
    assert result.library.forbidden_phrases == ("别讲价", "亲爱的")
    assert result.library.compliance_allow == ("王牌",)
    problems = check_library(result.library)
    assert [p.message.split(":")[0] for p in problems] == ["script 't.b'"]


def test_a_library_file_over_the_phrase_limit_is_an_error_at_the_key(tmp_path: Path) -> None:
    phrases = "\n".join(f"    - 词{i}" for i in range(MAX_LIBRARY_PHRASES + 1))
    path = tmp_path / "team.yaml"
    path.write_text(f"schema: 1\ncompliance:\n  forbidden:\n{phrases}\nscripts: []\n", encoding="utf-8")
    result = load_path(path, Layer.TEAM)
    assert result.library is None
    (error,) = [e for e in result.errors if f"at most {MAX_LIBRARY_PHRASES}" in e.message]
    assert error.file.endswith("team.yaml") and error.line == 3


def test_too_long_a_phrase_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "team.yaml"
    path.write_text(f"schema: 1\nforbidden_phrases: [{'长' * (MAX_PHRASE_CHARS + 1)}]\nscripts: []\n", encoding="utf-8")
    result = load_path(path, Layer.TEAM)
    assert result.library is None
    assert "the limit is" in result.errors[0].message


def test_300000_phrases_are_refused_at_once() -> None:
    phrases = [f"词{i}" for i in range(300_000)]
    started = time.perf_counter()
    with pytest.raises(PhraseLimitError, match="more than"):
        ComplianceChecker(phrases)
    assert time.perf_counter() - started < 1.0


def test_checker_accepts_the_limit_for_three_layers() -> None:
    ComplianceChecker([f"词{i}" for i in range(MAX_CHECKER_PHRASES)])
    with pytest.raises(PhraseLimitError):
        ComplianceChecker([f"词{i}" for i in range(MAX_CHECKER_PHRASES + 1)])


# ----------------------------------------------------------------------------- libraries: every finding


def test_eight_violations_give_eight_findings() -> None:
    option_field = Field("gift", "礼物", FieldType.CHOICE, options=("无", "好评返现5元"))
    default_field = Field("contact", "联系", default="加我微信")
    scripts = (
        make_script("a", "全网最低价"),
        make_script("b", "我的QQ是123456"),
        make_script("c", "好评有惊喜"),
        make_script("d", "都怪您自己没看清楚"),
        make_script("e", "别家卖的都是假货"),
        make_script("f", "别讲价"),
        replace(make_script("g", "您好{{gift}}"), fields=(option_field,)),
        replace(make_script("h", "您好{{contact}}"), fields=(default_field,)),
    )
    library = Library(scripts=scripts, forbidden_phrases=("别讲价",))
    problems = check_library(library)
    assert len(problems) == 8
    assert sorted(p.message.split("'")[1] for p in problems) == list("abcdefgh")
    assert "(option of field 'gift')" in next(p.message for p in problems if "'g'" in p.message)


def test_buyer_words_are_not_checked() -> None:
    script = replace(make_script("a", "您好"), keywords=("加微信",), examples=("能加个微信吗",))
    assert check_scripts([script], ComplianceChecker()) == []


def test_warnings_stay_warnings_in_library_checks() -> None:
    (problem,) = check_scripts([make_script("a", "保证明天一定到")], ComplianceChecker())
    assert problem.severity is Severity.WARNING


# ----------------------------------------------------------------------------- speed


def test_trigger_gate_never_changes_a_result() -> None:
    texts = []
    for path in (TUNING, TUNING2):
        corpus = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts += [c["text"] for c in corpus["bad"] + corpus["legit"]]
    library = load_path(BUILTIN, Layer.BUILTIN).library
    assert library is not None
    texts += [s.body for s in library.scripts]
    gated = builtin_checker()
    ungated = builtin_checker()
    ungated._gated = False
    for text in texts:
        assert gated.check(text) == ungated.check(text), text


def _median_check_seconds(checker: ComplianceChecker, texts: list[str]) -> float:
    times = []
    for text in texts:
        started = time.perf_counter()
        for _ in range(5):
            checker.check(text)
        times.append((time.perf_counter() - started) / 5)
    return statistics.median(times)


def test_live_check_of_a_reply_stays_well_under_a_millisecond() -> None:
    library = load_path(BUILTIN, Layer.BUILTIN).library
    assert library is not None
    rng = random.Random(7)
    bodies = [s.body for s in library.scripts]
    texts = []
    for _ in range(60):
        text = ""
        while len(text) < 300:
            text += rng.choice(bodies)
        texts.append(text[:300])
    alphabet = "".join(sorted(set("".join(bodies)) - set("{}_ \n")))
    phrases = {"".join(rng.choice(alphabet) for _ in range(rng.randint(2, 6))) for _ in range(MAX_LIBRARY_PHRASES)}
    big = ComplianceChecker.for_library(library, extra_phrases=list(phrases)[: MAX_LIBRARY_PHRASES - 20])
    # Measured about 0.2 ms on a laptop; the bound leaves room for slow CI machines.
    assert _median_check_seconds(builtin_checker(), texts) < 0.002
    assert _median_check_seconds(big, texts) < 0.002
