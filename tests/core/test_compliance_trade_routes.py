"""Trade shapes added on tuning sets 6 and 7, checked on wordings neither set holds.

Bad: a channel spelled with a heart ("薇❤"), an id with an underscore, talk moved
to a channel ("去V聊"), the chat said to be watched, the shop's own other front
with a better deal, a shop on another platform, the buyer's account asked for,
a phone call promised, a code to scan and pay; a repeated hurry word, clearing
unpaid orders, the agent's trouble; a guaranteed cure, never falling ill
again, a guaranteed delivery time or appeal, "N次都不变形"; the top of a town
or of a platform, "独一份".

Clean: the near-misses of each shape (past facts, tests already done, the
shop's own range, claims the agent refuses to make, buttons called 扣扣).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cs_companion.core.compliance import ComplianceChecker

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("有事找店长的薇❤，回复更快", "off_platform"),
        ("加v：shop_lily，给你看实拍", "off_platform"),
        ("这个价不方便细说，咱们去微信聊", "off_platform"),
        ("平台这边消息会被监控的，换个地方说", "off_platform"),
        ("咱们自己有个官方商城，那边买能打八折", "off_platform"),
        ("京东我们也有个店，你到那边下单能便宜二十", "off_platform"),
        ("你发我一下你的支付宝账号，差价我退给你", "off_platform"),
        ("你留个电话，我一会儿给你打过去细说", "off_platform"),
        ("扫我发的这个码付款就行", "off_platform"),
        ("快手上的小号也可以找我", "off_platform"),
        ("亲，快点！快点！库存不等人", "payment_pressure"),
        ("不付款的订单我待会统一清掉", "payment_pressure"),
        ("你拍了又不付，我们真的很难做", "payment_pressure"),
        ("这个艾灸贴贴上，腰疼就不犯了", "guarantee"),
        ("用了这个护膝，关节炎保证好", "guarantee"),
        ("喝我们的水，以后再也不会得胆结石", "guarantee"),
        ("坚持吃，白发会慢慢变黑回来", "guarantee"),
        ("偏远地区也包72小时到货", "guarantee"),
        ("这单审核包过，你放心等", "guarantee"),
        ("这双鞋穿五十次都不开胶", "guarantee"),
        ("我们是全市第一的烘焙店", "absolute_claim"),
        ("这个口味独此一份", "absolute_claim"),
        ("我们是抖音最大的茶叶工厂", "absolute_claim"),
    ],
)
def test_round6_shapes_are_caught(builtin_checker: ComplianceChecker, text: str, family: str) -> None:
    assert family in {f.family for f in builtin_checker.check(text)}, text


@pytest.mark.parametrize(
    "text",
    [
        "纽扣是扣扣子那种，不是拉链",
        "活动已经结束，现在恢复原价了",
        "这三款里面，这款噪音是最小的",
        "最划算的是两件装那款，单件的贵一点",
        "我们不敢说是全网最低，但保证正品",
        "顶尖的谈不上，做工还是挺扎实的",
        "正常使用五年没问题，具体看使用频率",
        "我们实验室洗了二十次都没变形，供您参考",
        "我们会把枕头包好再寄出",
        "我们再也不会犯这样的错误了，抱歉",
        "系统会自动清除超时未付款的订单",
        "这个工艺比较难做，所以贵一些",
        "聊天会被监控吗？不会的，请放心",
        "退款会原路退回到您的支付宝",
        "抖音最近很火的那款我们也有",
        "安全第一，使用时请看说明书",
    ],
)
def test_round6_near_misses_stay_clean(builtin_checker: ComplianceChecker, text: str) -> None:
    assert builtin_checker.check(text) == [], text
