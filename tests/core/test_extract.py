"""Values picked out of pasted customer messages, and the message stripped of them for search."""

from __future__ import annotations

import json

import pytest

from cs_companion.cli.dispatch import main
from cs_companion.core.extract import extract_values, strip_message


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # Taobao / Tmall / Douyin: 18-19 digits
        ("订单号4512987736102 怎么还没发货", {"order_no": "4512987736102"}),
        ("你好 我的订单 3861234567890123456 什么时候发", {"order_no": "3861234567890123456"}),
        ("2087654321098765432这个单退款到哪了", {"order_no": "2087654321098765432"}),
        ("订单编号：187654321234567890，东西坏了", {"order_no": "187654321234567890"}),
        ("抖音下的单 4934567812345678901 还没到😭", {"order_no": "4934567812345678901"}),
        ("订单号是 3861234567890123456", {"order_no": "3861234567890123456"}),
        # full-width digits from some input methods
        ("订单号：３８６１２３４５６７８９０１２３４５６", {"order_no": "3861234567890123456"}),
        # JD: 11-12 digits
        ("京东订单 289876543210 能开发票吗", {"order_no": "289876543210"}),
        ("单号29876543210怎么显示已取消", {"order_no": "29876543210"}),
        # Pinduoduo
        ("拼多多的单 231105-123456789012345 还没发", {"order_no": "231105-123456789012345"}),
        ("订单号:240618-58912345678901 退款", {"order_no": "240618-58912345678901"}),
        # tracking numbers by prefix
        ("顺丰单号SF1234567890123 一直不动", {"tracking_no": "SF1234567890123", "courier": "顺丰速运"}),
        ("SF1402345678901到哪了", {"tracking_no": "SF1402345678901", "courier": "顺丰速运"}),
        ("圆通 YT7512345678901 显示签收了", {"tracking_no": "YT7512345678901", "courier": "圆通速递"}),
        ("JT0001234567890 极兔的", {"tracking_no": "JT0001234567890", "courier": "极兔速递"}),
        ("邮政EMS EA123456789CN 查不到", {"tracking_no": "EA123456789CN", "courier": "中国邮政"}),
        ("运单号JDVA12345678901", {"tracking_no": "JDVA12345678901", "courier": "京东快递"}),
        # numeric tracking numbers by context
        ("中通快递 75123456789012 三天没更新", {"tracking_no": "75123456789012", "courier": "中通快递"}),
        ("快递单号：432109876543210 麻烦查下", {"tracking_no": "432109876543210"}),
        ("运单 4312345678901 怎么还在深圳", {"tracking_no": "4312345678901"}),
        ("韵达 4312345678901", {"tracking_no": "4312345678901", "courier": "韵达快递"}),
        # both in one message
        (
            "订单号3861234567890123456，快递单号YT7512345678901，圆通的，一直不动",
            {"order_no": "3861234567890123456", "tracking_no": "YT7512345678901", "courier": "圆通速递"},
        ),
        # amounts
        ("少退了25元", {"amount": "25"}),
        ("说好的补偿5块钱呢", {"amount": "5"}),
        ("实付¥199.9 怎么只退了100", {"amount": "199.9"}),
        ("付了 ￥ 68 结果没生成订单", {"amount": "68"}),
        ("降价了30块能补差价吗", {"amount": "30"}),
        # mobile numbers are never order numbers
        ("我电话13812345678 有事打我", {}),
        ("订单号13812345678", {}),
        ("收货电话改成 15900001111 谢谢", {}),
        # nothing to find
        ("衣服穿着太小了，想换大一码", {}),
        ("身高165体重110穿什么码", {}),
        ("三天了还没到", {}),
        ("", {}),
    ],
)
def test_extract_values(message: str, expected: dict[str, str]) -> None:
    assert extract_values(message) == expected


def test_first_order_number_wins() -> None:
    found = extract_values("订单号3861234567890123456 还有一单 3861234567890999999")
    assert found["order_no"] == "3861234567890123456"


@pytest.mark.parametrize(
    ("message", "kept", "removed"),
    [
        ("订单号4512987736102 怎么还没发货", "怎么还没发货", ["4512987736102", "订单号"]),
        ("申请退款好几天了😡😡订单3861234567890123456", "申请退款好几天了", ["3861234567890123456", "😡"]),
        ("顺丰单号SF1234567890123 一直不动", "一直不动", ["SF1234567890123", "顺丰"]),
        ("11月3号下的单 说好48小时发货", "下的单", ["11月3号"]),
        ("少退了25元", "少退了", ["25元"]),
        ("我电话13812345678 有事打我", "有事打我", ["13812345678"]),
        ("[微笑]在吗", "在吗", ["[微笑]"]),
    ],
)
def test_strip_message(message: str, kept: str, removed: list[str]) -> None:
    stripped = strip_message(message)
    assert kept in stripped
    for part in removed:
        assert part not in stripped


def test_strip_leaves_plain_text_alone() -> None:
    assert strip_message("衣服穿着太小了") == "衣服穿着太小了"


def test_courier_names_become_the_generic_word() -> None:
    assert strip_message("能发顺丰吗") == "能发快递吗"


def test_cli_extract_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "订单号4512987736102 顺丰 SF1234567890123 退我25元", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == {
        "order_no": "4512987736102",
        "tracking_no": "SF1234567890123",
        "courier": "顺丰速运",
        "amount": "25",
    }


def test_cli_extract_json_nothing_found(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "在吗", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == {"order_no": None, "tracking_no": None, "courier": None, "amount": None}


def test_cli_extract_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "订单号4512987736102 怎么还没发货"]) == 0
    out = capsys.readouterr().out
    assert "order_no" in out and "4512987736102" in out
    assert "tracking_no" not in out
