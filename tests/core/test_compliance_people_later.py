"""Shapes added for corpora 8 and 9 (installers, snack and fashion shops), on phrasings written for these tests.

Every violation below was missed before: a competitor named after a place
("日本那个牌子" used to read as the shop's own "本"), sellers "cheaper than
us", a latin brand pointed at, gutter oil and casual labour, a reward once the
five stars take effect, a homophone for 好评, a withdrawal with "不然", the
buyer's manner or body blamed. The near-misses are the legit sentences the
same words appear in: a doubt rather than a verdict, a refused reward, a real
question about the shop's part.
"""

from __future__ import annotations

import pytest

from cs_companion.core.compliance import ComplianceChecker

PEOPLE = {"blame_threat", "disparage", "review_manipulation"}


@pytest.fixture(scope="module")
def checker() -> ComplianceChecker:
    return ComplianceChecker()


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("韩国那个牌子早就是代工货了，买了就是冤大头。", "disparage"),
        ("比咱家便宜的那些，基本都是翻新机。", "disparage"),
        ("abc那种网红零食都是地沟油炸的。", "disparage"),
        ("咱家比不上某宝那些店，那边货啥质量你心里清楚。", "disparage"),
        ("他们家的售后全是临时工，出了事人都找不到。", "disparage"),
        ("五星评价提交成功后，截图发我给您返10元。", "review_manipulation"),
        ("打了好评的宝贝，我们下次发货都多放一包。", "review_manipulation"),
        ("好pin晒图找客服，立减3元。", "review_manipulation"),
        ("那个中评您改一下，不然退款我这边没法走。", "review_manipulation"),
        ("退您30，条件是撤回这条差评。", "review_manipulation"),
        ("您对师傅态度那么凶，人家当然不愿意。", "blame_threat"),
        ("你自己体质敏感，和我们的面霜有啥关系。", "blame_threat"),
        ("穿不惯就别穿，挑来挑去的。", "blame_threat"),
    ],
)
def test_new_shape_is_caught(checker: ComplianceChecker, text: str, family: str) -> None:
    assert family in {f.family for f in checker.check(text)}


@pytest.mark.parametrize(
    "text",
    [
        "日本进口的原料，品质很稳定，不会差的。",
        "比我们便宜的不一定是假货，您可以多对比看看。",
        "咱家比不了大牌的名气，但是品质我们有信心。",
        "另一家快递今天不收件，明天给您换一家发出。",
        "好评不好评都随心哈，我们不返现也不送东西。",
        "您给了好评的话我们也很开心，不过不送东西哦。",
        "五星评价不是必须的，评价生效后我们也不会有任何奖励。",
        "这个问题跟我们的物流有什么关系呢，我帮您查一下。",
        "您态度这么好，我们一定尽快给您处理。",
        "用不惯的话可以七天无理由退货哦。",
        "拆机的时候请小心，别伤到手。",
        "三只松鼠的坚果我们也爱吃，我们家的是另一种口味。",
    ],
)
def test_near_miss_stays_clean(checker: ComplianceChecker, text: str) -> None:
    assert not [f for f in checker.check(text) if f.family in PEOPLE]
