"""Field declarations for scripts agents write themselves.

Agents write ``{{order_no}}`` in a reply; they should not have to write YAML
field specs. Standard names get their standard label and type; other names
become required text fields, and fields that already exist are kept.
"""

from __future__ import annotations

from cs_companion.core.models import Field, FieldType
from cs_companion.core.template import field_names_used

STANDARD_FIELDS: dict[str, tuple[str, FieldType]] = {
    "order_no": ("订单号", FieldType.ORDER_NO),
    "amount": ("金额", FieldType.MONEY),
    "eta": ("预计时间", FieldType.ETA),
    "courier": ("快递公司", FieldType.TEXT),
    "tracking_no": ("运单号", FieldType.TEXT),
    "days": ("天数", FieldType.NUMBER),
    "product": ("商品名", FieldType.TEXT),
    "price": ("到手价", FieldType.MONEY),
    "coupon": ("优惠券面额", FieldType.MONEY),
    "warranty_months": ("延保月数", FieldType.NUMBER),
}


def fields_for_body(body: str, existing: tuple[Field, ...] = ()) -> tuple[Field, ...]:
    """One field per placeholder in ``body``, in order of use, reusing ``existing`` specs by name."""
    known = {f.name: f for f in existing}
    result = []
    for name in field_names_used(body):
        if name in known:
            result.append(known[name])
        elif name in STANDARD_FIELDS:
            label, ftype = STANDARD_FIELDS[name]
            result.append(Field(name, label, ftype, required=True))
        else:
            result.append(Field(name, name, FieldType.TEXT, required=True))
    return tuple(result)
