"""Fill-in marks of other tools (【订单号】, [订单号], {订单号}, ｛金额｝, XX元, $order$) -> typed ``{{name}}`` fields.

Quick-phrase tools have no real placeholders, so teams mark the spots an agent
must change in whatever brackets they like. Square and lenticular brackets
are also used for emphasis (【温馨提示】) and for 千牛 emoji codes ([微笑]), so
those become fields only when the label names something to fill in; curly
braces and ``$name$`` are always fields. A money field renders its own unit
(``15元``), so a 元/块/¥ written next to it is dropped: the validator refuses
``{{amount}}元`` because the customer would read ``15元元``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from cs_companion.core.models import Field, FieldType
from cs_companion.core.template import FIELD_NAME
from cs_companion.core.text import pinyin_forms

# Label words -> (field name, type). Checked in order, by substring, so 订单号 wins over 单号 and
# 快递单号 is a tracking number, not a courier.
_SYNONYMS: tuple[tuple[tuple[str, ...], str, FieldType], ...] = (
    (("订单", "order"), "order_no", FieldType.ORDER_NO),
    (("运单", "单号", "tracking", "waybill"), "tracking_no", FieldType.TEXT),
    (("快递", "物流公司", "courier", "express", "carrier"), "courier", FieldType.TEXT),
    (("优惠券", "券", "coupon"), "coupon", FieldType.MONEY),
    (("到手价", "价格", "price"), "price", FieldType.MONEY),
    (("金额", "补偿", "退款", "差价", "红包", "运费", "钱", "amount", "money", "refund"), "amount", FieldType.MONEY),
    (("天数", "days"), "days", FieldType.NUMBER),
    (("时间", "到货", "日期", "几号", "eta", "time", "date"), "eta", FieldType.ETA),
    (("商品", "产品", "宝贝", "型号", "product", "item"), "product", FieldType.TEXT),
    (("昵称", "客户名", "买家", "姓名", "名字", "name"), "buyer", FieldType.TEXT),
    (("地址", "address"), "address", FieldType.TEXT),
    (("电话", "手机", "phone"), "phone", FieldType.TEXT),
)
_FILL_MARKS = ("XX", "xx", "××", "ＸＸ", "＿＿", "__", "填写", "输入")

_MONEY_UNIT_AFTER = re.compile(r"[ \t]*(?:块钱|元|块|圆|(?i:rmb|cny))")
_MONEY_UNIT_BEFORE = re.compile(r"(?:[¥￥]|(?i:rmb|cny))[ \t]*$")
_MARK = re.compile(
    r"\{\{\s*(?P<double>[^{}\n]{1,40}?)\s*\}\}"
    r"|[{｛]\s*(?P<brace>[^{}｛｝\n]{1,20}?)\s*[}｝]"
    r"|【(?P<lenticular>[^【】\n]{1,20})】"
    r"|\[(?P<square>[^\[\]\n]{1,20})\]"
    r"|\$(?P<dollar>[A-Za-z_][A-Za-z0-9_]{0,30})\$"
    r"|(?P<xx>(?:[¥￥][ \t]*)?(?:XX|xx|××|ＸＸ)(?=[ \t]*(?:块钱|元|块)))"
)
_ALWAYS = ("double", "brace", "dollar", "xx")


@dataclass
class Converted:
    """A body with ``{{name}}`` placeholders, its fields and notes for the lead."""

    body: str
    fields: list[Field] = field(default_factory=list)
    review: dict[str, str] = field(default_factory=dict)
    """Field name -> why to check it (a guessed type, a field the source did not name)."""


def standard_field(label: str) -> tuple[str, FieldType] | None:
    """The standard field a label stands for (``退款金额`` -> amount, money), or None."""
    folded = label.strip().lower()
    for words, name, ftype in _SYNONYMS:
        if any(word in folded for word in words):
            return name, ftype
    return None


def _is_fill_label(label: str) -> bool:
    return standard_field(label) is not None or any(mark in label for mark in _FILL_MARKS)


def _name_for(label: str) -> str:
    """An ASCII field name for a label without a standard field: its pinyin, else a generic name."""
    folded = label.strip().lower()
    if FIELD_NAME.match(folded) and len(folded) <= 40:
        return folded
    spelled = re.sub(r"[^a-z0-9_]", "", pinyin_forms(re.sub(r"[^\w]", "", folded))[0] or folded)[:30]
    return spelled if spelled and FIELD_NAME.match(spelled) else "field"


def convert_placeholders(
    text: str, known: Sequence[Field] = (), vocabulary: Mapping[str, Field] | None = None
) -> Converted:
    """Rewrite every fill-in mark of ``text`` as ``{{name}}``.

    ``known`` fields (Espanso forms) keep their names. ``vocabulary`` maps labels to the fields that
    already carry them (the built-in library's), so 【修改后的信息】 written by our own export comes
    back as the same field, name, type and options.
    """
    declared = {f.name: f for f in known}
    by_label: dict[str, Field] = {}
    vocabulary = vocabulary or {}
    result = Converted(body="")
    out: list[str] = []
    pos = 0
    for match in _MARK.finditer(text):
        kind = match.lastgroup or ""
        raw = match.group(kind).strip()
        if kind not in _ALWAYS and raw not in vocabulary and not _is_fill_label(raw):
            continue  # 【温馨提示】, [微笑]: text, not a field
        if kind == "double" and raw in declared:
            fld = declared[raw]
        else:
            label = "金额" if kind == "xx" else raw
            found = by_label.get(label) or _from_vocabulary(vocabulary.get(label), declared)
            fld = found or _new_field(label, kind, declared, result)
            by_label[label] = fld
        start, end = match.start(), match.end()
        piece = text[pos:start]
        if fld.type is FieldType.MONEY:
            piece = _MONEY_UNIT_BEFORE.sub("", piece)
            unit = _MONEY_UNIT_AFTER.match(text, end)
            if unit:
                end = unit.end()
        out.append(piece)
        out.append("{{" + fld.name + "}}")
        pos = end
        if fld.name not in {f.name for f in result.fields}:
            result.fields.append(fld)
    out.append(text[pos:])
    result.body = "".join(out)
    return result


def _from_vocabulary(fld: Field | None, declared: dict[str, Field]) -> Field | None:
    """The library's field for a label; renamed ``name_2`` when this phrase already uses that name."""
    if fld is None:
        return None
    name, counter = fld.name, 2
    while name in declared:
        name, counter = f"{fld.name}_{counter}", counter + 1
    fld = Field(name, fld.label, fld.type, fld.required, fld.default, fld.options, fld.hint)
    declared[name] = fld
    return fld


def _new_field(label: str, kind: str, declared: dict[str, Field], result: Converted) -> Field:
    """A field for a label seen for the first time; a second label for the same standard name gets ``_2``."""
    standard = standard_field(label)
    name, ftype = standard if standard else (_name_for(label), FieldType.TEXT)
    base, counter = name, 2
    while name in declared:
        name, counter = f"{base}_{counter}", counter + 1
    fld = Field(name=name, label=label[:100], type=ftype, required=True)
    declared[name] = fld
    if kind == "xx":
        result.review[name] = "XX元 换成了金额字段，请核对"
    elif standard is None:
        result.review[name] = f"“{label}”不是标准字段，按文字填写"
    return fld
