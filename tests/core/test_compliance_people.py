"""Shapes of the people rules (blame and threats, disparagement, review trades) on phrasings no corpus has.

Each violation below was written for these tests, in styles the tuning
corpora do not use, and failed before the structural people rules; the
near-misses next to them are what the shapes must leave alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cs_companion.core.compliance import ComplianceChecker

BUILTIN = Path(__file__).resolve().parents[2] / "scripts_library"


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # the buyer's fault, then a reproach
        ("您自己选的颜色，现在又说不喜欢，怪谁", "blame_threat"),
        ("是你没在家，快递才退回的，怪不了别人", "blame_threat"),
        ("快递丢件了你还好意思来找我们？", "blame_threat"),
        # wits, scorn and brush-offs
        ("这么多人买都没问题，就您事多", "blame_threat"),
        ("能不能动动脑子", "blame_threat"),
        ("不想等就别买", "blame_threat"),
        ("你要是不满意可以不买啊，又没人逼你", "blame_threat"),
        ("这么点事也值得投诉", "blame_threat"),
        ("您这么懂怎么不自己做一个", "blame_threat"),
        ("退不了就是退不了，说破天也没用", "blame_threat"),
        # threats
        ("你再这样我就不客气了", "blame_threat"),
        ("您要闹就闹，我们奉陪到底", "blame_threat"),
        ("再催就最后一个给你发", "blame_threat"),
        # formal register, terse speech
        ("尊敬的顾客您好，经核实，该问题系您本人使用不当所致，请您知悉。", "blame_threat"),
        ("亲，麻烦您以后不要再来我们店了，我们服务不了您。", "blame_threat"),
        ("我们是卖东西的，不是做慈善的", "blame_threat"),
        ("切，那又怎样", "blame_threat"),
        ("你也配", "blame_threat"),
        ("我们会把你的信息发到商家群里", "blame_threat"),
        # disparagement: a pointed-at other party and a judgement
        ("别家的衣服洗一次就缩水", "disparage"),
        ("其他店铺的评价都是买的", "disparage"),
        ("那些低价的您也敢给孩子用？", "disparage"),
        ("XX家的奶粉都是代工的", "disparage"),
        ("那个网红品牌就是营销堆出来的", "disparage"),
        ("亲，部分网店卖的是仿制品，包装很像，但效果差很多。", "disparage"),
        ("同样的东西别家卖得便宜，是因为他们偷偷换了配件。", "disparage"),
        # review trades: a condition on a review and something of value, or a refusal
        ("差评删掉之后，我们再给您补发一件新的", "review_manipulation"),
        ("只要评价给满分，售后这边就给您延保一年", "review_manipulation"),
        ("您如果坚持差评，那么退货申请我们只能拒绝了", "review_manipulation"),
        ("评价的时候写“质量很好”，我们返您2元", "review_manipulation"),
    ],
)
def test_people_shape_is_found(builtin_checker: ComplianceChecker, text: str, family: str) -> None:
    assert family in {f.family for f in builtin_checker.check(text)}


@pytest.mark.parametrize(
    "text",
    [
        "有问题您随时来找我们，我们一定处理",
        "这个不是您的问题，是我们发错了",
        "亲，如果是您个人原因退货，需要承担运费哦",
        "几块钱的运费我们来出",
        "这点小问题我们马上给您解决",
        "您可以去12315投诉，这是您的权利",
        "您提到要报警的事我们理解，我们也愿意配合调查",
        "如果您需要律师函或者走法律途径，这是您的权利",
        "请您放心，我们不会追究",
        "您提到的“智商税”说法我们理解，检测报告在详情页",
        "颜色随便您挑",
        "别家的价格我们不清楚，我们这款是活动价",
        "如果您在其他店买到了疑似假货，建议保留证据向平台投诉",
        "您说别人家客服说我们是假货？我们可以提供品牌授权",
        "市面上有些仿冒我们品牌的店铺，请认准官方旗舰店",
        "晒图评价的买家可以参加抽奖，好评差评都能参加，只要是真实晒图就行",
        "我们不会要求您删评的，您有不满意的地方我们改进就是了",
        "有顾客收到短信说‘好评返现加微信’，那不是我们发的，请注意防骗",
        "过敏的话先停用，我们给您退",
        "签收前记得检查一下外包装哦",
        "我们没门店，只有网店",
        "衣服上的墨迹可以用酒精擦",
        "手残党也能轻松上手",
        "像您这样的老顾客我们都会优先处理",
        "正常使用不会有问题的，您放心",
        "人为损坏不在保修范围内哦",
        "可以上传验光单配眼镜",
        "我这边再催一下快递，我们有消息马上告诉您",
        "这款不适合您的肤质，建议选温和款",
        "为了几块钱的运费跑一趟不划算，直接给您退",
        "几块钱的差价我们也要给您补上",
        "我们不会瞎说的，都有检测报告",
        "不好意思，这点小问题也要麻烦您跑一趟",
        "很多品牌都支持以旧换新回收",
        "这款吹风机吹的风很柔和",
    ],
)
def test_people_near_miss_is_clean(builtin_checker: ComplianceChecker, text: str) -> None:
    assert not [
        f for f in builtin_checker.check(text) if f.family in {"blame_threat", "disparage", "review_manipulation"}
    ]


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("你这奶粉结块是自己冲调方式不对，是您自己步骤错了", "blame_threat"),
        ("这是您自己的问题，问题自己扛", "blame_threat"),
        ("连尿不湿都穿不好，还当妈呢？", "blame_threat"),
        ("嫌贵就别买，穷还挑", "blame_threat"),
        ("我们请律师告到你倾家荡产", "blame_threat"),
        ("别的牌子的奶瓶就是一堆废物", "disparage"),
        ("某东上那些钙片都是糖豆，根本没效果", "disparage"),
        ("那家的耳机音质渣得很，还是买我们的", "disparage"),
        ("别买那牌子了 老掉牙还死贵", "disparage"),
        ("评价时多夸夸客服，我再送您一包湿巾", "review_manipulation"),
        ("评价里别提发货慢，给您补5元", "review_manipulation"),
        ("把2星改成5星，运费我们出", "review_manipulation"),
        ("差评删掉之后我给您退20块", "review_manipulation"),
    ],
)
def test_round4_people_shape_is_found(builtin_checker: ComplianceChecker, text: str, family: str) -> None:
    assert family in {f.family for f in builtin_checker.check(text)}


@pytest.mark.parametrize(
    "text",
    [
        "亲，报警是您的权利，我们也会全力配合提供订单信息",
        "起诉属于您的合法权利，我们尊重您的选择",
        "别的店买的奶粉我们无法鉴定真假，建议联系原店铺",
        "其他平台的商品我们没法判断真伪，您可以找品牌方核实",
        "亲，评价里提到的色差问题，我们给您补偿5元",
        "非质量问题运费自己承担哦",
        "评价里写上您的建议就好，我们会认真改进",
        "别买大号了，中号更合适",
        "差评改完后我们也会继续跟进您的问题",
        "冲泡方法不对可能会结块，您可以参考说明书",
        "我们请律师审核过合同条款，请放心",
    ],
)
def test_round4_people_near_miss_is_clean(builtin_checker: ComplianceChecker, text: str) -> None:
    assert not [
        f for f in builtin_checker.check(text) if f.family in {"blame_threat", "disparage", "review_manipulation"}
    ]
