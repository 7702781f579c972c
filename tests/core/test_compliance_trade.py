"""Trade families (absolute claims, off-platform, guarantees, payment pressure) on phrasings no corpus holds.

Each bad case is a shape the v3 structural rules catch (a threat after not
paying, guilt, nagging, a race with other buyers; an account id, another
shop front, a money route; a dose and a cure, a defect that never happens;
a superlative as the verdict) and none of them is in a tuning corpus. The
clean cases are the near-misses each shape must leave alone: gentle
reminders, softened scarcity facts, anti-fraud warnings, the buyer's own
duties, hedged effects and superlatives within the shop's own range.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from cs_companion.core.compliance import ComplianceChecker
from cs_companion.core.compliance_grammar import rule
from cs_companion.core.compliance_rules_trade import STRUCTURAL_TRADE_RULES, TRADE_RULES
from cs_companion.core.compliance_speed import GUARD_PREFIX, first_chars, guarded
from cs_companion.core.normalise import normalise

ROOT = Path(__file__).resolve().parents[2]
TRADE_FAMILIES = {"absolute_claim", "off_platform", "guarantee", "payment_pressure"}


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("亲，再拖下去这个价就没了", "payment_pressure"),
        ("还要考虑多久啊亲", "payment_pressure"),
        ("给你十分钟考虑，超时不候", "payment_pressure"),
        ("别让我一直催你好吗", "payment_pressure"),
        ("您今天再不付就只能原价买了哦", "payment_pressure"),
        ("这个价格是我向领导申请的特价，今天不付款领导会骂我的", "payment_pressure"),
        ("付款吧付款吧，求你了", "payment_pressure"),
        ("给您留的货今天不付就放出去了", "payment_pressure"),
        ("亲，都过去两个小时了，还没付？", "payment_pressure"),
        ("您到底什么时候付款？", "payment_pressure"),
        ("好多人在排队等这个货呢", "payment_pressure"),
        ("我都帮你申请好了，你不买对不起我的努力啊", "payment_pressure"),
        ("加我个人vx，以后直接找我买", "off_platform"),
        ("我的v是abc12345，加一下", "off_platform"),
        ("下载我们的APP，新人立减20", "off_platform"),
        ("去我们官方商城下单更便宜", "off_platform"),
        ("把支付宝账号发我，我转给你", "off_platform"),
        ("以后别在淘宝拍了，直接找我", "off_platform"),
        ("有问题加我企鹅", "off_platform"),
        ("亲，给你个链接，在浏览器打开下单", "off_platform"),
        ("这件衣服洗多少次都不会变形", "guarantee"),
        ("这个鞋垫矫正O型腿，穿一个月就直了", "guarantee"),
        ("亲，买了这个保险，出了任何问题都能全额理赔", "guarantee"),
        ("宝宝喝这个奶粉长得快，不生病", "guarantee"),
        ("用了就不会再长痘了", "guarantee"),
        ("这款防晒全方位无死角", "absolute_claim"),
        ("效果秒杀所有同类产品", "absolute_claim"),
        ("我们这个质量是行业天花板", "absolute_claim"),
        ("没有比我们更便宜的了", "absolute_claim"),
        ("您再不拍，以后我们也不接待您了", "payment_pressure"),
        ("现在不付，晚点我也保不住这个价", "payment_pressure"),
        ("错过这次就是永远错过", "payment_pressure"),
        ("活动价今晚结束，明天价格翻倍", "payment_pressure"),
        ("不付的话这运费谁来出", "payment_pressure"),
        ("加一下我们售后的薇，发图方便", "off_platform"),
        ("我们线下跟您对接退款，平台上别申请了", "off_platform"),
    ],
)
def test_trade_violation_is_found(builtin_checker: ComplianceChecker, text: str, family: str) -> None:
    assert family in {f.family for f in builtin_checker.check(text)}


@pytest.mark.parametrize(
    "text",
    [
        "亲，这款目前只剩最后2件了，如果需要可以尽早下单，不需要也没关系",
        "活动名额有限，先到先得，您看需要吗",
        "亲，活动马上结束了，提醒您一下哦",
        "明天恢复原价，您看看需不需要",
        "这款已经卖断货了，下一批月底到",
        "亲 错过这次活动也没关系，我们每个月都有会员日",
        "您的订单即将超时，如仍需要请及时付款",
        "如果您不想要了，直接不付款就行，订单会自动关闭",
        "今天的快递来不及了，明天一早给您发",
        "稍等，我马上帮您改价",
        "亲，私下交易没有保障，建议您在平台下单",
        "请勿相信任何让您添加微信的陌生消息",
        "快递员会打电话联系您，请保持手机畅通",
        "您可以在淘宝app的订单详情里申请退款",
        "您可以到品牌官网查询真伪",
        "有问题直接找我就行",
        "效果因人而异，一般坚持使用一个月左右会看到改善",
        "过敏的话请立即停用，一般停用几天就会好转",
        "红包会在24小时内到账",
        "这个方法是最简单的",
        "这款是店里性价比最高的一款",
        "我们保证按照描述发货，颜色和图片一致",
        "平台规定退货要保证吊牌完整",
        "每瓶都有溯源码，扫码可以查到生产批次",
        "秒杀价要在15分钟内付款，超时会恢复原价",
        "这是最后一次提醒，之后就不再打扰您了",
        "“销量第一”这种话我们不能说，广告法不允许",
        "适合自己的才是最好的选择",
        "请不要添加任何自称客服的微信，所有交易都在平台完成",
    ],
)
def test_trade_near_miss_is_clean(builtin_checker: ComplianceChecker, text: str) -> None:
    assert {f.family for f in builtin_checker.check(text)} & TRADE_FAMILIES == set()


def test_first_chars_reads_the_pattern() -> None:
    assert first_chars(r"加(?:微信|v)|扫码") == {"加", "扫"}
    assert first_chars(r"(?<!不)(?:最|顶)级") == {"最", "顶"}
    assert first_chars(r"(?:亲)?好") == {"亲", "好"}
    assert first_chars(r"\w+好") is None  # could start anywhere
    assert first_chars(r"[^,]好") is None
    assert first_chars(r"(?:好)?") is None  # could match nothing


def test_guard_keeps_a_pattern_that_could_start_anywhere() -> None:
    bare = rule("x", "guarantee", "好", r"\w{0,3}好")
    assert guarded((bare,)) == (bare,)


def _texts() -> list[str]:
    texts: list[str] = []
    for path in sorted((ROOT / "tests" / "data").glob("compliance_tuning*.yaml")):
        corpus = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts += [str(case["text"]) for case in [*corpus["bad"], *corpus["legit"]]]
    return [normalise(t).text for t in texts]


def test_guard_never_changes_a_match() -> None:
    """The first-character guard is a speed-up only: the bare pattern finds exactly the same spans."""
    texts = _texts()
    guarded_rules = [r for r in (*TRADE_RULES, *STRUCTURAL_TRADE_RULES) if r.pattern.pattern.startswith(GUARD_PREFIX)]
    assert len(guarded_rules) >= 20
    for r in guarded_rules:
        bare = re.compile(r.pattern.pattern.split("])", 1)[1])
        for text in texts:
            assert [m.span() for m in r.pattern.finditer(text)] == [m.span() for m in bare.finditer(text)], r.id


def _family_scores(builtin_checker: ComplianceChecker, name: str) -> tuple[dict[str, float], float]:
    """Recall of each trade family on a corpus, and the share of its legit texts a trade family flags."""
    corpus = yaml.safe_load((ROOT / "tests" / "data" / name).read_text(encoding="utf-8"))
    found: dict[str, list[bool]] = {f: [] for f in TRADE_FAMILIES}
    for case in corpus["bad"]:
        if case["family"] in TRADE_FAMILIES:
            found[case["family"]].append(bool(builtin_checker.check(str(case["text"]))))
    legit = [str(case["text"]) for case in corpus["legit"]]
    flagged = sum(bool({f.family for f in builtin_checker.check(t)} & TRADE_FAMILIES) for t in legit)
    return {f: sum(hits) / len(hits) for f, hits in found.items()}, flagged / len(legit)


@pytest.mark.parametrize(
    ("name", "floor", "false_alarms"),
    [
        # Tuned on: every trade family at target, no trade false alarm.
        ("compliance_tuning.yaml", 0.95, 0.0),
        ("compliance_tuning3.yaml", 0.95, 0.0),
        ("compliance_tuning4.yaml", 0.95, 0.0),
        # Validation sets: 2 was never tuned on; 5 was looked at only in the last round (see the report).
        ("compliance_tuning2.yaml", 0.95, 0.0),
        ("compliance_tuning5.yaml", 0.95, 0.0),
    ],
)
def test_trade_families_on_the_corpora(
    builtin_checker: ComplianceChecker, name: str, floor: float, false_alarms: float
) -> None:
    recall, flagged = _family_scores(builtin_checker, name)
    assert min(recall.values()) >= floor, recall
    assert flagged <= false_alarms, f"{flagged:.1%} of legit texts get a trade finding"
