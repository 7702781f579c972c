"""Structural rules: the shape of a violation (assurance + outcome, not buying + loss, other shop + judgement).

These are phrasings no word list of the first tuning round covered; each
case failed before the structural rules existed. The near-misses next to
them are what the shapes must leave alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cs_companion.core.compliance import ComplianceChecker

BUILTIN = Path(__file__).resolve().parents[2] / "scripts_library"


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("理赔肯定能批下来", "guarantee"),
        ("快递员一定会送货上门的", "guarantee"),
        ("平台介入的话肯定判您赢", "guarantee"),
        ("这台电脑保证一点都不卡", "guarantee"),
        ("您今天不付，这个赠品就没有了", "payment_pressure"),
        ("全场最后一波，抢完就下架", "payment_pressure"),
        ("马上断货了，快拍", "payment_pressure"),
        ("对面那家店的东西一碰就坏", "disparage"),
        ("友商那款纯属割韭菜", "disparage"),
        ("X牌那个就是垃圾", "disparage"),
        ("收到货打五星，下次来打八折", "review_manipulation"),
        ("给个好评吧，我私下补您5块", "review_manipulation"),
        ("评价里不要提色差的事", "review_manipulation"),
        ("差评不改的话，退款就一直拖着", "review_manipulation"),
        ("要不是你乱按，根本不会坏", "blame_threat"),
        ("你是不是故意来找茬的", "blame_threat"),
        ("你一直这样我们就不给你发货了", "blame_threat"),
        ("您把钱转我支付宝", "off_platform"),
        ("拍下别付，线下转给我", "off_platform"),
    ],
)
def test_structural_violation_is_found(builtin_checker: ComplianceChecker, text: str, family: str) -> None:
    assert family in {f.family for f in builtin_checker.check(text)}


@pytest.mark.parametrize(
    "text",
    [
        "我保证会把您的情况反馈给主管",
        "我们一定会认真处理这件事",
        "肯定可以开发票的，您提供一下抬头",
        "千万不能用热水洗，会缩水",
        "这个是活动价，活动结束后会恢复日常价，您按需购买就好",
        "错过了也没关系，后续还会有活动的",
        "我们会抓紧给您处理",
        "别家的情况我不太了解，只能给您介绍我们的产品",
        "您在别家买的商品我们这边没办法售后",
        "同行业常用的检测标准是国标",
        "您删不删评价都不影响退款",
        "买家秀可以帮其他顾客参考尺码",
        "这款手机支持把骚扰电话拉黑",
        "黑名单功能在设置-隐私里可以打开",
        "我们不会拉黑您，请放心",
        "如果您担心是假货，可以扫码验证防伪码",
        "说明书上有安装视频的二维码，扫一下就能看",
        "这款路由器支持QQ音乐和微信视频通话",
        "不怪您，详情页确实写得不够清楚",
        "理解您等着用的心情，让您久等了",
    ],
)
def test_structural_near_miss_is_clean(builtin_checker: ComplianceChecker, text: str) -> None:
    assert builtin_checker.check(text) == []
