"""Checking and normalising the values an agent types into a script's fields.

Messages here are shown inline next to the field, so they are in Chinese.
Money is normalised once so that ``15``, ``15.00`` and ``¥15`` all render as
``15元`` and ``15.5`` as ``15.50元``: the customer sees one consistent format.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from cs_companion.core.models import Field, FieldType

MONEY_UNIT = "元"
MAX_MONEY = Decimal("10000000")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９－＿", "0123456789-_")
_ORDER_NO = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{3,39}$")
_MONEY_NOISE = re.compile(r"[\s,，¥￥元]")


class FieldValueError(ValueError):
    """A value that does not fit its field; the message is shown to the agent."""


def normalise_value(field: Field, raw: str) -> str:
    """Return the text to put into the reply for ``raw``, or raise FieldValueError.

    An empty value returns ``""``; deciding whether empty is allowed is the
    renderer's job, because it depends on ``required`` and ``default``.
    """
    value = raw.strip()
    if not value:
        return ""
    if field.type in (FieldType.ORDER_NO, FieldType.NUMBER):
        # Chinese input methods often type full-width digits (１２３); fold them.
        value = value.translate(_FULL_WIDTH)
    if field.type is FieldType.ORDER_NO:
        if not _ORDER_NO.match(value):
            raise FieldValueError("订单号应为4-40位数字或字母，可含 - 和 _")
        return value
    if field.type is FieldType.MONEY:
        return format_money(parse_money(value))
    if field.type is FieldType.NUMBER:
        if not value.isdigit() or not value.isascii():
            raise FieldValueError("请输入不小于0的整数")
        return value.lstrip("0") or "0"  # not int(): it raises ValueError beyond 4300 digits
    if field.type is FieldType.CHOICE and field.options and value not in field.options:
        raise FieldValueError("请从选项中选择：" + " / ".join(field.options))
    return value


def parse_money(text: str) -> Decimal:
    """Parse a yuan amount: non-negative, at most 2 decimals, below ten million."""
    cleaned = _MONEY_NOISE.sub("", text)
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise FieldValueError("金额只能是数字，例如 15 或 15.50") from None
    if not amount.is_finite():  # "NaN", "Infinity": Decimal parses them, but they are not amounts
        raise FieldValueError("金额只能是数字，例如 15 或 15.50")
    if amount < 0:
        raise FieldValueError("金额不能为负数")
    if amount >= MAX_MONEY:  # before quantize(), which raises InvalidOperation for e.g. "1e30"
        raise FieldValueError("金额过大，请核对")
    if amount != amount.quantize(Decimal("0.01")):
        raise FieldValueError("金额最多保留两位小数")
    return amount


def format_money(amount: Decimal) -> str:
    """``15`` -> ``15元``; ``15.5`` -> ``15.50元``; never scientific notation."""
    if amount == amount.to_integral_value():
        return f"{int(amount)}{MONEY_UNIT}"
    return f"{amount.quantize(Decimal('0.01')):f}{MONEY_UNIT}"
