"""What agents type into fields: normalised to one format, or refused with a Chinese message."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cs_companion.core.fieldtypes import FieldValueError, format_money, normalise_value, parse_money
from cs_companion.core.models import Field, FieldType


def field(kind: FieldType, **kwargs: object) -> Field:
    return Field("x", "X", kind, **kwargs)  # type: ignore[arg-type]


MONEY = field(FieldType.MONEY)
ORDER = field(FieldType.ORDER_NO)
NUMBER = field(FieldType.NUMBER)
CHOICE = field(FieldType.CHOICE, options=("顺丰", "中通", "圆通"))


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def refused(fld: Field, raw: str) -> str:
    """The message shown for ``raw`` (the test fails if it is accepted)."""
    with pytest.raises(FieldValueError) as info:
        normalise_value(fld, raw)
    message = str(info.value)
    assert has_chinese(message), f"agents see this message inline: {message!r}"
    return message


# ----------------------------------------------------------------------------- common


@pytest.mark.parametrize("kind", list(FieldType))
def test_empty_value_is_empty_for_every_type(kind: FieldType) -> None:
    fld = field(kind, options=("a",)) if kind is FieldType.CHOICE else field(kind)
    assert normalise_value(fld, "") == ""
    assert normalise_value(fld, "  \t\n") == ""


def test_text_and_eta_are_kept_as_typed_but_trimmed() -> None:
    assert normalise_value(field(FieldType.TEXT), "  中转站包裹积压 ") == "中转站包裹积压"
    assert normalise_value(field(FieldType.ETA), " 明天下午 ") == "明天下午"
    assert normalise_value(field(FieldType.TEXT), "{0} %s {{x}}") == "{0} %s {{x}}"


# ----------------------------------------------------------------------------- money


@pytest.mark.parametrize("raw", ["15", "15.00", "15.0", "¥15", "￥15", "15元", "¥ 15 元", " 15 ", "+15"])
def test_money_forms_of_fifteen_all_render_15_yuan(raw: str) -> None:
    assert normalise_value(MONEY, raw) == "15元"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("15.5", "15.50元"),
        ("15.50", "15.50元"),
        ("0.5", "0.50元"),
        ("0", "0元"),
        ("1,234.5", "1234.50元"),
        ("1，234", "1234元"),
        ("9999999.99", "9999999.99元"),
        ("１５", "15元"),
    ],
)
def test_money_is_normalised(raw: str, expected: str) -> None:
    assert normalise_value(MONEY, raw) == expected


def test_money_never_uses_scientific_notation() -> None:
    assert normalise_value(MONEY, "1E+3") == "1000元"
    assert format_money(Decimal("1E+3")) == "1000元"
    assert format_money(Decimal("0.1")) == "0.10元"


def test_negative_money_is_refused() -> None:
    assert "负数" in refused(MONEY, "-1")
    assert "负数" in refused(MONEY, "-0.01")


def test_more_than_two_decimals_is_refused() -> None:
    assert "两位小数" in refused(MONEY, "1.234")
    assert "两位小数" in refused(MONEY, "0.001")


@pytest.mark.parametrize("raw", ["abc", "十五", "15块5", "1.2.3", "0x10", "¥", "元"])
def test_money_that_is_not_a_number_is_refused(raw: str) -> None:
    assert "数字" in refused(MONEY, raw)


@pytest.mark.parametrize("raw", ["NaN", "nan", "Infinity", "-Infinity", "sNaN"])
def test_money_special_values_are_refused_as_not_numbers(raw: str) -> None:
    assert "数字" in refused(MONEY, raw)


@pytest.mark.parametrize("raw", ["10000000", "1e30", "1e100", "99999999999999999999999999999999"])
def test_huge_money_is_refused_not_crashing(raw: str) -> None:
    assert "过大" in refused(MONEY, raw)


def test_parse_money_returns_decimal() -> None:
    assert parse_money("¥15.5") == Decimal("15.5")


# ----------------------------------------------------------------------------- order numbers


@pytest.mark.parametrize("raw", ["1234", "AB12345678", "2024-0101_77", "a" * 40, " 202411230001 "])
def test_valid_order_numbers_are_kept(raw: str) -> None:
    assert normalise_value(ORDER, raw) == raw.strip()


@pytest.mark.parametrize("raw", ["123", "a" * 41, "AB 1234", "-12345", "订单12345", "1234#", "12345\n678"])
def test_invalid_order_numbers_are_refused(raw: str) -> None:
    assert "订单号" in refused(ORDER, raw)


# ----------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(("raw", "expected"), [("3", "3"), ("007", "7"), ("0", "0"), ("000", "0"), (" 12 ", "12")])
def test_numbers_are_normalised(raw: str, expected: str) -> None:
    assert normalise_value(NUMBER, raw) == expected


@pytest.mark.parametrize("raw", ["-1", "1.5", "abc", "三", "1e3", "+3", "3 4", "²"])
def test_invalid_numbers_are_refused(raw: str) -> None:
    assert "整数" in refused(NUMBER, raw)


def test_very_long_number_does_not_crash() -> None:
    assert normalise_value(NUMBER, "9" * 5000) == "9" * 5000


# ----------------------------------------------------------------------------- choices


def test_choice_accepts_an_option() -> None:
    assert normalise_value(CHOICE, "中通") == "中通"
    assert normalise_value(CHOICE, " 中通 ") == "中通"


def test_choice_refuses_anything_else_and_lists_the_options() -> None:
    message = refused(CHOICE, "韵达")
    assert "顺丰 / 中通 / 圆通" in message


def test_choice_without_options_accepts_free_text() -> None:
    assert normalise_value(field(FieldType.CHOICE), "随便") == "随便"
