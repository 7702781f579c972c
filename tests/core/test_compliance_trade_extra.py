"""Trade shapes added on tuning sets 8 and 9, checked on wordings neither set holds.

Bad: a rank on one attribute or in digits ("风力第一", "全国第1"), the best of a price
band or "so far", an effect after use, a failed effect made the agent's problem
("瘦不了找我", "粘了算我的"), "even if ... never", never again any fault, no harm to a
baby; money settled straight with a person, the buyer's wallet asked for, an id glued
to a channel name, another platform to search, the agent's own code to scan; a
restriction on the account after not paying, an ultimatum, a rhetorical hurry, a
queue with a countdown, the order handed to the next buyer.

Clean: mottos ("安全第一"), gears ("第一档"), the fastest way to ship, hedged effects,
after-sales and transit-damage policies, queues of the agent's own, gentle notes,
per-account purchase limits, warnings against paying outside the platform.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cs_companion.core.compliance import ComplianceChecker

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("这款吹风机风力第一，别家都比不了", "absolute_claim"),
        ("我们家面料全国第1，放心买", "absolute_claim"),
        ("同价位段里续航最长的就是这台", "absolute_claim"),
        ("目前市面上最省电的空调就是这款", "absolute_claim"),
        ("用了能长高，孩子个子蹭蹭涨", "guarantee"),
        ("吃了以后能降血糖，不用再吃药", "guarantee"),
        ("一个月一定瘦十斤，瘦不了找我", "guarantee"),
        ("这锅用十年都不会粘，粘了算我的", "guarantee"),
        ("就算台风天也不会延误，明天准到", "guarantee"),
        ("换了新主板以后绝不会再出现任何故障", "guarantee"),
        ("宝宝用了也不会有任何副作用", "guarantee"),
        ("尾款直接跟我结就行", "off_platform"),
        ("你留个支付宝，我把差价退你", "off_platform"),
        ("加薇 abc12345 领优惠", "off_platform"),
        ("你去淘宝搜我们店名，那边买便宜10块", "off_platform"),
        ("扫一下我这个码，加我好友", "off_platform"),
        ("后面还有两个人排队，只给你留十分钟", "payment_pressure"),
        ("再不付款，你的账号以后购买会受限", "payment_pressure"),
        ("到底付不付？", "payment_pressure"),
        ("您就不能早点付吗？", "payment_pressure"),
        ("一直不下单是什么意思？", "payment_pressure"),
        ("不想要就说，我给下一位了", "payment_pressure"),
    ],
)
def test_round8_violation_is_found(builtin_checker: ComplianceChecker, text: str, family: str) -> None:
    assert family in {f.family for f in builtin_checker.check(text)}


TRADE_FAMILIES = {"absolute_claim", "off_platform", "guarantee", "payment_pressure"}


@pytest.mark.parametrize(
    "text",
    [
        "安全第一，收到货请先检查再签收哦",
        "我们一直坚持顾客第一，有问题随时找我",
        "第一次购买的话可以领新人券",
        "这款吸力第一档比较小，第二档适中",
        "同价位里这款最适合小户型，您可以参考",
        "目前最快的发货方式是顺丰，明天能发",
        "目前最早能约到的安装时间是周三",
        "喝了以后如果有不舒服请停用并咨询医生",
        "一般用一个月左右会有淡斑效果，因人而异",
        "坏了的话联系我们售后，按三包政策处理",
        "运输途中破损我们包赔，您放心",
        "就算下雨我们也会正常发货",
        "孕妇可以使用吗？建议先咨询医生哦",
        "取消订单不会有任何影响，您放心",
        "安装费用按官方标准收取，请在平台支付",
        "请不要走平台以外的渠道付款，谨防诈骗",
        "您在闲鱼上搜到的低价商品不是我们的，谨防上当",
        "扫一下包装上的防伪码就能验证真伪",
        "最后问一下，您需要开发票吗",
        "前面还有三个人在排队，请稍等",
        "订单30分钟内未付款会自动关闭，关闭后可以重新下单",
        "每个账号限购两件，您的账号已经买过了",
        "新人券每个账号只能用一次，您已经用过了，无法再参加新人活动",
        "买不买都没关系，最后一台了，需要的话说一声",
        "都快一个小时了，快递还没到吗？我帮您催一下",
        "我们不承诺全网第一，只保证正品",
        "您发来的收款码我们不能使用，退款只能原路返回",
        "这个颜色是全系列里最浅的，和木地板挺搭",
    ],
)
def test_round8_near_miss_is_clean(builtin_checker: ComplianceChecker, text: str) -> None:
    assert {f.family for f in builtin_checker.check(text)} & TRADE_FAMILIES == set()


@pytest.mark.parametrize(
    "text",
    [
        # A promise taken back in the same sentence is a caveat.
        "后天一定能到这个真没法保证，要看快递那边",
        # What arrives, not when: the goods are described, nothing is promised about the carrier.
        "保证你收到的都是当季新货",
        # A price held until a date is the shop's own decision.
        "这个优惠保证到年底，之后看厂家",
        # What suits the child is the best: no market claim.
        "每个孩子口味不同，适合孩子的就是最好的",
        # Claim words played down or refused.
        "我们的面料没有世界级那么夸张，但检测报告都有",
        "说“极品”“顶尖”这种字眼我们不能写",
        # Warnings against private deals, in the same or the next sentence.
        "私下转账出了问题平台无法保障你的权益",
        "有人私信让你加微信退款？那是骗子，别理",
        "你是在QQ上看到我们的链接吗？提醒下我们只在店铺内交易",
        # A schedule of when the balance opens is a reminder.
        "定金已付，尾款12月1号20点开始付，别错过哦",
    ],
)
def test_round10_near_miss_is_clean(builtin_checker: ComplianceChecker, text: str) -> None:
    assert {f.family for f in builtin_checker.check(text)} & TRADE_FAMILIES == set()


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("这款路由器永不掉线，一辈子不用换", "guarantee"),
        ("用了这个除螨仪，螨虫永远不会再有", "guarantee"),
        ("这款保温杯绝对不漏，放包里随便甩", "guarantee"),
        ("这款枕头能治颈椎病，睡一晚就知道", "guarantee"),
        ("吃了这个钙片包长高", "guarantee"),
        ("准时送达这块我包了", "guarantee"),
        ("退款的事我跟小二打个招呼就能通过", "guarantee"),
        ("就差你一个人了，赶紧的", "payment_pressure"),
        ("半小时内付款，要不然这个券就失效了，再也领不到", "payment_pressure"),
        ("你不付款我这个月要扣工资的", "payment_pressure"),
        ("我们有店外渠道，价格低一半", "off_platform"),
        ("点这个外部链接付款就行", "off_platform"),
        ("方便的话加个wei xin聊", "off_platform"),
        ("这个面料是军工级的", "absolute_claim"),
        ("我们是品牌最高级别的经销商", "absolute_claim"),
        ("这价格是最底价了", "absolute_claim"),
        ("这款是精品中的精品", "absolute_claim"),
    ],
)
def test_round10_violation_is_found(builtin_checker: ComplianceChecker, text: str, family: str) -> None:
    assert family in {f.family for f in builtin_checker.check(text)}


@pytest.mark.parametrize(
    "text",
    [
        "我们不会再打扰你了",
        "运费我们包了，放心退",
        "这个不能治病，只是日常保健",
        "这个硅胶是食品级的，可以放心",
        "请在今天付款，不需要的话可以取消",
        "小二那边我已经打过招呼了，会尽快处理",
        "我在等你回复哦",
    ],
)
def test_round10_promise_near_miss_is_clean(builtin_checker: ComplianceChecker, text: str) -> None:
    assert {f.family for f in builtin_checker.check(text)} & TRADE_FAMILIES == set()
