"""Shapes added for corpora 6–9 (livestream, appliance, snack and fashion shops), on phrasings written for these tests.

Every violation below was missed before these shapes: a competitor brand
pointed at ("奥克斯那个空调"), stale or drugged goods, a bad review withdrawn
for a favour, words dictated for a review, shame and exposure threats. The
near-misses are the legit sentences the same words appear in: the shop's own
brands, a review left free, a topic rather than a request.
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
        ("奥克斯那个空调噪音大得睡不着。", "disparage"),
        ("别的水果店的橙子都是打了蜡催熟的。", "disparage"),
        ("海尔那款？用半年就塌了，谁还买。", "disparage"),
        ("评价里帮忙写上“发货快”三个字，下单再送小样。", "review_manipulation"),
        ("把那条差评撤了吧，撤了给您补一包湿巾。", "review_manipulation"),
        ("差评不撤的话，售后我们很难处理。", "review_manipulation"),
        ("中评挂着没法给你退，删了才能处理。", "review_manipulation"),
        ("给个五星，下次来你懂的😉", "review_manipulation"),
        ("你这脸皮也太厚了，用了一个月还要退。", "blame_threat"),
        ("连尺码表都不看，还好意思说我们发错。", "blame_threat"),
        ("再闹我就把你的订单截图发到朋友圈。", "blame_threat"),
        ("你是来找事的吧。", "blame_threat"),
        ("友商的苹果都是打了蜡的。", "disparage"),
        ("评论区夸一句好看的，下单送袜子一双。", "review_manipulation"),
        ("你脸呢？穿过了还要退。", "blame_threat"),
        ("苏泊尔那个锅？一炒就粘。", "disparage"),
        ("那些网红零食都是科技与狠活。", "disparage"),
        ("你差评还挂着，换货就别想了。", "review_manipulation"),
        ("你要是再胡说，我让你出名。", "blame_threat"),
        ("我们律师会找你的。", "blame_threat"),
        # corpora 8 and 9: a place name is not the shop's own 本, cheaper sellers, a reward once five stars take
        # effect, 好pin, withdrawal with 不然, the buyer's manner or body blamed
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
        "海尔那个型号我们也有卖，您可以对比一下参数。",
        "格力那款是定频的，我们这款是变频的，按需选择就好。",
        "颜色很美的那个款已经没货了，我帮您看看别的。",
        "便宜的款都是现货，今天下单今天发。",
        "差评不用删，有问题我们先给您解决，运费我们出。",
        "您满意就好，写评价的事不着急，赠品明天一起发。",
        "评价里说好的赠品没收到，我们马上给您补发。",
        "我们一定给您一个满意的答复，优惠券已经发您了。",
        "有问题随时找我们，好评差评您随意，我们都会负责到底。",
        "晒单有礼：好评差评都可以领，不限星级。",
        "连周末我们都不休息，您的订单今天一定发出。",
        "这个参数我们都看不懂，我去问下技术。",
        "您可以找律师咨询，也可以走平台投诉通道。",
        "我把聊天记录截图发给仓库同事核实一下。",
        "您别想太多，买了不合适可以七天无理由退。",
        "洗完脸呢，再用这款精华。",
        "这个说法挺搞笑的哈哈，不过我们确实是正品。",
        "其他店卖的是不是正品我们没法判断，我们可以提供授权书。",
        "您说的格力那款我们店没有，没法比较。",
        "您自己量个尺寸都量不准的话，可以让我们师傅上门量。",
        "我们不会把您的信息发到网上，请放心。",
        "大家评价都说好，您可以看看评论区。",
        "差评删不删随您，补偿照样给。",
        "评价里写的尺码问题我们已经改了详情页，感谢反馈，送您一张券表示感谢。",
        "律师函我们没有发过，那个短信不是我们发的，请注意防骗。",
        "大家评评理这种话我们不会说，有问题我们一起解决。",
        "美的家的电饭煲没有这个功能，我们这款有预约。",
        # corpora 8 and 9: a doubt rather than a verdict, a refused reward, a real question about the shop's part
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
