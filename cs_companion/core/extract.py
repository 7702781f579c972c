"""Values picked out of a pasted customer message: order number, tracking number, courier, amount.

Agents paste the customer's whole message; the order number in it should
fill the 订单号 field instead of being typed again, and the same numbers,
dates and emoji must not steer the search (a refund question that carries
an order number is still a refund question). One scanner serves both:
``extract_values`` keeps what it finds, ``strip_message`` removes it.

Recognition rules (platform formats as agents see them):

- Taobao/Tmall/Douyin order numbers have 18-19 digits, JD 11-12 digits,
  Pinduoduo ``YYMMDD-`` followed by 12-15 digits;
- tracking numbers are SF/YT/JT/JD/EMS-style letter prefixes with 10-15
  digits, or digit runs of 10-15 digits next to a context word (单号, 运单,
  快递, a courier name);
- an 11-digit mobile number (1[3-9]...) is never an order number;
- amounts are numbers with 元/块/¥/RMB.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

COURIERS: dict[str, str] = {
    "顺丰": "顺丰速运",
    "中通": "中通快递",
    "圆通": "圆通速递",
    "申通": "申通快递",
    "韵达": "韵达快递",
    "极兔": "极兔速递",
    "百世": "百世快递",
    "汇通": "百世快递",
    "德邦": "德邦快递",
    "邮政": "中国邮政",
    "ems": "EMS",
    "京东快递": "京东快递",
    "京东物流": "京东快递",
    "菜鸟": "菜鸟",
    "丰网": "丰网速运",
    "宅急送": "宅急送",
    "天天快递": "天天快递",
    "安能": "安能物流",
    "跨越": "跨越速运",
}
"""Courier names as customers write them -> the name put in the 快递公司 field."""

_TRACKING_PREFIX = {"SF": "顺丰速运", "YT": "圆通速递", "JT": "极兔速递", "JD": "京东快递"}
_COURIER_RE = "|".join(sorted((re.escape(k) for k in COURIERS), key=len, reverse=True))
_COURIER = re.compile(rf"({_COURIER_RE})(?:速运|速递|快递|物流)?", re.IGNORECASE)

_ORDER_WORDS = r"(?:订单编号|订单号码|订单号|订单|单号是|编号)"
_TRACKING_WORDS = r"(?:快递单号|物流单号|运单号|运单|快递号)"
_WEAK_TRACKING_WORDS = r"(?:单号)"
"""Customers say 单号 for both numbers: it means a tracking number only when the message is about a delivery."""
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_PDD_ORDER = re.compile(r"(?<![\d-])(\d{6}-\d{12,15})(?![\d-])")
_PREFIXED_TRACKING = re.compile(r"(?<![A-Za-z0-9])(SF|YT|JT|JDVA|JDV|JD|E[A-Z])(\d{9,15})([A-Z]{0,2})(?![A-Za-z0-9])")
_DIGITS = re.compile(r"(?<![\d.])\d{10,20}(?![\d.])")
_AMOUNT = re.compile(
    r"(?:[¥￥]\s*(\d+(?:\.\d{1,2})?))"
    r"|(?:(\d+(?:\.\d{1,2})?)\s*(?:元|块钱|块|rmb|RMB|人民币))"
    r"|(?:(?:RMB|rmb)\s*(\d+(?:\.\d{1,2})?))"
)
_DATE = re.compile(
    r"(?:\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}[日号]?)|(?:\d{1,2}月\d{1,2}[日号]?)|(?:\d{1,2}[日号](?!码))"
    r"|(?:\d{1,2}[:：]\d{2}(?::\d{2})?)|(?:\d{1,2}点(?:\d{1,2}分?)?)"
)
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\U0001f1e6-\U0001f1ff]|\\[[\u4e00-\u9fff]{1,4}\\]"
)
_CONTEXT_WINDOW = 8
_TAIL = r"[是为:\s]*$"
"""What may sit between a label and its number: 单号是 / 单号: / 单号 ."""


@dataclass(frozen=True, slots=True)
class _Found:
    """One recognised value and where it sits in the text (to strip it, label and all)."""

    kind: str
    value: str
    start: int
    end: int


def _fold(text: str) -> str:
    """NFKC only (full-width digits and letters become ASCII); positions are kept 1:1 per character."""
    return "".join(
        unicodedata.normalize("NFKC", ch) if len(unicodedata.normalize("NFKC", ch)) == 1 else ch for ch in text
    )


def _before(text: str, start: int) -> str:
    return text[max(0, start - _CONTEXT_WINDOW) : start]


def _scan(text: str) -> list[_Found]:
    """Every value in ``text`` (already folded), longest and most specific rules first, no overlaps."""
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(kind: str, value: str, start: int, end: int) -> None:
        found.append(_Found(kind, value, start, end))
        taken.append((start, end))

    for m in _PDD_ORDER.finditer(text):
        add("order_no", m.group(1), m.start(1), m.end(1))
    for m in _PREFIXED_TRACKING.finditer(text):
        if free(m.start(), m.end()):
            add("tracking_no", m.group(0), m.start(), m.end())
    for m in _MOBILE.finditer(text):
        if free(m.start(), m.end()):
            add("phone", m.group(0), m.start(), m.end())
    for m in _DIGITS.finditer(text):
        if not free(m.start(), m.end()):
            continue
        digits, before = m.group(0), _before(text, m.start())
        after = text[m.end() : m.end() + 4]
        delivery = re.search(r"快递|物流|包裹", text) or _COURIER.search(text)
        tracking_context = not re.search(r"订单号?" + _TAIL, before) and (
            re.search(_TRACKING_WORDS + _TAIL, before) or (delivery and re.search(_WEAK_TRACKING_WORDS + _TAIL, before))
        )
        courier_context = _COURIER.search(before) or _COURIER.match(after)
        if (tracking_context or (courier_context and not re.search(r"订单", before))) and 10 <= len(digits) <= 15:
            add("tracking_no", digits, m.start(), m.end())
            continue
        if len(digits) in (11, 12, 18, 19) or (re.search(_ORDER_WORDS + _TAIL, before) and len(digits) >= 10):
            add("order_no", digits, m.start(), m.end())
        elif 12 <= len(digits) <= 15 and re.search(r"快递|物流", text):
            add("tracking_no", digits, m.start(), m.end())
        else:
            add("number", digits, m.start(), m.end())
    for m in _AMOUNT.finditer(text):
        if free(m.start(), m.end()):
            add("amount", next(g for g in m.groups() if g), m.start(), m.end())
    for m in _DATE.finditer(text):
        if free(m.start(), m.end()):
            add("date", m.group(0), m.start(), m.end())
    for m in _COURIER.finditer(text):
        if free(m.start(), m.end()):
            add("courier", COURIERS[m.group(1).lower()] if m.group(1).lower() in COURIERS else m.group(1), *m.span())
    return sorted(found, key=lambda f: f.start)


def extract_values(text: str) -> dict[str, str]:
    """The order number, tracking number, courier and amount in a message; absent keys were not found.

    The first of each kind wins (customers name the order before anything
    else). A tracking number with a courier prefix also names the courier.
    """
    folded = _fold(text)
    values: dict[str, str] = {}
    for item in _scan(folded):
        if item.kind in ("order_no", "tracking_no", "courier", "amount"):
            values.setdefault(item.kind, item.value)
    if "courier" not in values and "tracking_no" in values:
        prefix = re.match(r"[A-Z]+", values["tracking_no"])
        if prefix:
            letters = prefix.group(0)
            name = _TRACKING_PREFIX.get(letters[:2]) or ("中国邮政" if letters.startswith("E") else None)
            if name:
                values["courier"] = name
    return values


_LABELS = re.compile(
    r"(?:订单编号|订单号码|订单号|快递单号|物流单号|运单号|快递号|单号|手机号码?|电话号码?|电话|手机)[是为:：\s]*$"
)


def strip_message(text: str) -> str:
    """The message without numbers, amounts, dates, emoji, phone numbers and courier names.

    What remains is what the customer wants, which is what search should
    rank on. A label that introduced a removed number (``订单号``,
    ``运单号``, ``电话``) goes with it, so "订单号4512... 怎么还没发货"
    reads as "怎么还没发货", not as a request to give an order number.
    Courier names become 快递 (a message about 顺丰 is a message about a
    delivery). Text with nothing to remove comes back unchanged.
    """
    folded = _fold(text)
    items = _scan(folded)
    emoji = [(m.start(), m.end()) for m in _EMOJI.finditer(folded)]
    if not items and not emoji:
        return text
    spans = sorted([(f.start, f.end, f.kind) for f in items] + [(s, e, "emoji") for s, e in emoji])
    out: list[str] = []
    pos = 0
    for start, end, kind in spans:
        if start < pos:
            continue
        chunk = folded[pos:start]
        if kind in ("order_no", "tracking_no", "phone", "number"):
            chunk = _LABELS.sub("", chunk)
        out.append(chunk)
        out.append("快递" if kind == "courier" else " ")
        pos = end
    out.append(folded[pos:])
    return "".join(out)
