"""Rendering replies: substitution only, nothing in library text or agent input is ever evaluated."""

from __future__ import annotations

import pytest

from cs_companion.core.models import Field, FieldType, Script
from cs_companion.core.template import (
    MissingValuesError,
    field_names_used,
    placeholders,
    render,
    render_strict,
    unclosed_brace_offset,
)

ORDER = Field("order_no", "订单号", FieldType.ORDER_NO, required=True)
ETA = Field("eta", "答复时间", FieldType.ETA, required=False, default="2小时内")
CAUSE = Field("cause", "延迟原因", FieldType.TEXT)
AMOUNT = Field("amount", "补偿金额", FieldType.MONEY, required=True)


def make_script(body: str, *fields: Field) -> Script:
    return Script(id="t.script", scenario="t.case", title="测试", body=body, fields=fields)


DELAY = make_script("订单{{order_no}}已加急，{{eta}}给您回复。", ORDER, ETA)


# ----------------------------------------------------------------------------- substitution


def test_values_are_substituted() -> None:
    result = render(DELAY, {"order_no": "AB12345678", "eta": "明天"})
    assert result.text == "订单AB12345678已加急，明天给您回复。"
    assert result.complete
    assert result.missing == ()
    assert dict(result.invalid) == {}


def test_spaces_inside_braces_are_allowed() -> None:
    script = make_script("订单{{ order_no }}。", ORDER)
    assert render(script, {"order_no": "AB12345678"}).text == "订单AB12345678。"


def test_repeated_placeholder_is_filled_everywhere() -> None:
    script = make_script("{{order_no}} / {{order_no}}", ORDER)
    assert render(script, {"order_no": "1234"}).text == "1234 / 1234"


def test_values_are_stripped() -> None:
    assert render(DELAY, {"order_no": "  AB1234 \n", "eta": " 明天 "}).text == "订单AB1234已加急，明天给您回复。"


def test_extra_values_are_ignored() -> None:
    result = render(DELAY, {"order_no": "AB1234", "eta": "明天", "customer": "张三"})
    assert result.complete
    assert "张三" not in result.text


# ----------------------------------------------------------------------------- nothing is evaluated


@pytest.mark.parametrize(
    "literal", ["{0}", "{__class__}", "%s", "%(order_no)s", "{order_no}", "${order_no}", "{", "}}"]
)
def test_format_syntax_in_the_body_stays_literal(literal: str) -> None:
    script = make_script(f"前{literal}后{{{{order_no}}}}", ORDER)
    result = render(script, {"order_no": "AB1234"})
    assert result.text == f"前{literal}后AB1234"


def test_attribute_access_in_a_placeholder_is_never_evaluated() -> None:
    script = make_script("A{{order_no.__class__}}B{{order_no}}", ORDER)
    result = render(script, {"order_no": "AB1234"})
    assert "class" not in result.text.replace("order_no.__class__", "")
    assert "str" not in result.text
    assert result.text == "A【order_no.__class__】BAB1234"
    assert not result.complete


@pytest.mark.parametrize("inner", ["order_no[0]", "order_no|upper", "a+b", "__import__('os')", "0"])
def test_expressions_in_placeholders_are_never_evaluated(inner: str) -> None:
    script = make_script(f"X{{{{{inner}}}}}Y", ORDER)
    result = render(script, {"order_no": "AB1234"})
    assert result.text == f"X【{inner}】Y"
    assert inner in result.missing
    assert "AB1234" not in result.text


def test_values_are_not_re_expanded() -> None:
    script = make_script("原因：{{cause}}；时间：{{eta}}", CAUSE, ETA)
    result = render(script, {"cause": "{{eta}}", "eta": "明天"})
    assert result.text == "原因：{{eta}}；时间：明天"


def test_values_are_not_treated_as_regex_replacements() -> None:
    script = make_script("原因：{{cause}}", CAUSE)
    value = r"C:\1\g<0>\n$1"
    assert render(script, {"cause": value}).text == f"原因：{value}"


def test_values_with_format_syntax_stay_literal() -> None:
    script = make_script("原因：{{cause}}", CAUSE)
    assert render(script, {"cause": "{0} {__class__} %s"}).text == "原因：{0} {__class__} %s"


# ----------------------------------------------------------------------------- missing and default values


def test_missing_required_value_is_reported_and_shown_as_label() -> None:
    result = render(DELAY, {})
    assert result.missing == ("order_no",)
    assert not result.complete
    assert result.text == "订单【订单号】已加急，2小时内给您回复。"
    assert "{{" not in result.text


def test_blank_required_value_counts_as_missing() -> None:
    assert render(DELAY, {"order_no": "   "}).missing == ("order_no",)


def test_default_is_used_for_an_empty_optional_field() -> None:
    assert render(DELAY, {"order_no": "AB1234"}).text == "订单AB1234已加急，2小时内给您回复。"
    assert render(DELAY, {"order_no": "AB1234", "eta": ""}).text == "订单AB1234已加急，2小时内给您回复。"


def test_default_is_used_for_a_required_field_with_a_default() -> None:
    script = make_script("{{eta}}", Field("eta", "时间", FieldType.ETA, required=True, default="明天"))
    result = render(script, {})
    assert result.complete
    assert result.text == "明天"


def test_optional_field_without_default_renders_empty() -> None:
    script = make_script("延迟原因：{{cause}}。", CAUSE)
    result = render(script, {})
    assert result.complete
    assert result.text == "延迟原因：。"


def test_undeclared_placeholder_is_missing_not_raw_braces() -> None:
    script = make_script("订单{{order_no}}，{{surprise}}")
    result = render(script, {"order_no": "AB1234", "surprise": "x"})
    assert result.text == "订单【order_no】，【surprise】"
    assert set(result.missing) == {"order_no", "surprise"}


def test_label_falls_back_to_name() -> None:
    script = make_script("{{x}}", Field("x", "", required=True))
    assert render(script, {}).text == "【x】"


# ----------------------------------------------------------------------------- invalid values


def test_invalid_value_is_reported_and_not_inserted() -> None:
    result = render(DELAY, {"order_no": "订单号是12", "eta": "明天"})
    assert set(result.invalid) == {"order_no"}
    assert "订单号" in result.invalid["order_no"]
    assert result.missing == ()
    assert not result.complete
    assert "订单号是12" not in result.text
    assert result.text == "订单【订单号】已加急，明天给您回复。"


def test_money_is_normalised_in_the_text() -> None:
    script = make_script("补偿{{amount}}", AMOUNT)
    assert render(script, {"amount": "¥15"}).text == "补偿15元"
    assert render(script, {"amount": "15.5"}).text == "补偿15.50元"


def test_invalid_optional_value_does_not_fall_back_to_default() -> None:
    script = make_script("补偿{{amount}}", Field("amount", "金额", FieldType.MONEY, default="5"))
    result = render(script, {"amount": "abc"})
    assert "amount" in result.invalid
    assert "5元" not in result.text


# ----------------------------------------------------------------------------- render_strict


def test_render_strict_returns_text_when_complete() -> None:
    assert render_strict(DELAY, {"order_no": "AB1234", "eta": "明天"}) == "订单AB1234已加急，明天给您回复。"


def test_render_strict_raises_with_every_problem() -> None:
    script = make_script("{{order_no}} {{amount}}", ORDER, AMOUNT)
    with pytest.raises(MissingValuesError) as info:
        render_strict(script, {"amount": "-1"})
    message = str(info.value)
    assert "order_no" in message
    assert "amount" in message
    assert info.value.rendered.missing == ("order_no",)


# ----------------------------------------------------------------------------- parsing helpers


def test_placeholders_mark_invalid_names() -> None:
    found = placeholders("{{a}} {{ b }} {{a.b}} {{1x}}")
    assert [(p.name, p.valid) for p in found] == [("a", True), ("b", True), ("a.b", False), ("1x", False)]
    assert (found[0].start, found[0].end) == (0, 5)


def test_field_names_used_in_order_without_repeats() -> None:
    assert field_names_used("{{b}}{{a}}{{b}}{{a.x}}") == ["b", "a"]


@pytest.mark.parametrize(("body", "offset"), [("ok {{a}}", None), ("x {{a", 2), ("{{a}} {{b", 6), ("a }} b", None)])
def test_unclosed_brace_offset(body: str, offset: int | None) -> None:
    assert unclosed_brace_offset(body) == offset
