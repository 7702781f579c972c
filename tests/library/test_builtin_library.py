"""The built-in library keeps the trainer's rules (issue 15, items 5 and 7) mechanically.

New agents copy these replies as they are, so a reply must never promise money, a gift,
an agent's name or a shop fact (courier, ship time, answer time) the agent did not see in
the form; Chinese text uses full-width ～ and “”; openings vary; payment reminders stay
one per stage without invented scarcity.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import pytest
from conftest import BUILTIN_LIBRARY

from cs_companion.core.compliance import check_library
from cs_companion.core.loader import load_path
from cs_companion.core.models import FieldType, Library, Script
from cs_companion.core.template import field_names_used

CJK = re.compile(r"[\u4e00-\u9fff]")
# Shop-decided times written into a body instead of a field: 48小时, 1–3个工作日, 24 小时 …
HARD_CODED_TIME = re.compile(r"\d+\s*(?:[–\-~～到至]\s*\d+\s*)?个?\s*(?:小时|工作日)|今天|明天")
# Defaults must be neutral phrases: no numbers, no day the shop has not decided.
NON_NEUTRAL_DEFAULT = re.compile(r"[0-9０-９]|今天|明天|今晚|本周|这周")
NAME_OR_GIFT = re.compile(r"(?:^|_)(?:name|gift)$")
COURIER = re.compile(r"(?:^|_)courier$")
SCARCITY = re.compile(r"库存(?:紧|不多|有限|变动)|仅剩|只剩|名额|保留|留\s*\d+\s*分钟|最后机会|马上就没")
NUDGE_STAGES = ("10min", "1h", "3h", "12h", "24h")


@pytest.fixture(scope="module")
def library() -> Library:
    result = load_path(BUILTIN_LIBRARY)
    assert result.library is not None
    return result.library


def offenders(library: Library, bad: Callable[[Script], object]) -> list[str]:
    """Ids of scripts for which ``bad(script)`` is truthy, for readable failures."""
    return [s.id for s in library.scripts if bad(s)]


def test_money_fields_are_required_and_have_no_default(library: Library) -> None:
    bad = [
        f"{s.id}:{f.name}"
        for s in library.scripts
        for f in s.fields
        if f.type is FieldType.MONEY and (not f.required or f.default)
    ]
    assert bad == []


def test_names_and_gifts_are_required_and_have_no_default(library: Library) -> None:
    bad = [
        f"{s.id}:{f.name}"
        for s in library.scripts
        for f in s.fields
        if NAME_OR_GIFT.search(f.name) and (not f.required or f.default)
    ]
    assert bad == []


def test_couriers_have_no_default(library: Library) -> None:
    bad = [f"{s.id}:{f.name}" for s in library.scripts for f in s.fields if COURIER.search(f.name) and f.default]
    assert bad == []


def test_defaults_are_neutral_phrases(library: Library) -> None:
    """A default renders when the agent leaves the field empty, so it may not state a time or number."""
    bad = [
        f"{s.id}:{f.name}={f.default}"
        for s in library.scripts
        for f in s.fields
        if f.default and f.type is not FieldType.CHOICE and NON_NEUTRAL_DEFAULT.search(f.default)
    ]
    assert bad == []


def test_choice_defaults_are_one_of_the_options(library: Library) -> None:
    bad = [
        f"{s.id}:{f.name}"
        for s in library.scripts
        for f in s.fields
        if f.type is FieldType.CHOICE and f.default and f.default not in f.options
    ]
    assert bad == []


def test_every_placeholder_is_declared_and_every_field_is_used(library: Library) -> None:
    def mismatch(script: Script) -> bool:
        return set(field_names_used(script.body)) != {f.name for f in script.fields}

    assert offenders(library, mismatch) == []


def test_money_is_not_followed_by_yuan(library: Library) -> None:
    def doubled_unit(script: Script) -> bool:
        return any(
            re.search(rf"\{{\{{\s*{f.name}\s*\}}\}}\s*元|[¥￥]\s*\{{\{{\s*{f.name}\s*\}}\}}", script.body)
            for f in script.fields
            if f.type is FieldType.MONEY
        )

    assert offenders(library, doubled_unit) == []


def test_chinese_text_uses_full_width_tilde_and_quotes(library: Library) -> None:
    def ascii_marks(script: Script) -> bool:
        return any(CJK.search(text) and re.search(r'[~"]', text) for text in (script.body, script.title, script.notes))

    assert offenders(library, ascii_marks) == []


def test_openings_vary(library: Library) -> None:
    bodies = [s.body for s in library.scripts]
    share = sum(b.startswith("亲") for b in bodies) / len(bodies)
    assert share <= 0.5, f"{share:.0%} of bodies open with 亲"
    most_common, count = Counter(b[:2] for b in bodies).most_common(1)[0]
    assert count / len(bodies) <= 0.25, f"{count} bodies open with {most_common!r}"


def test_shop_decided_times_are_fields_not_text(library: Library) -> None:
    bad = [f"{s.id}: {m.group(0)}" for s in library.scripts for m in HARD_CODED_TIME.finditer(s.body)]
    assert bad == []


def test_payment_wording_is_platform_neutral(library: Library) -> None:
    assert offenders(library, lambda s: re.search("支付宝|花呗", s.body)) == []


def test_one_payment_nudge_per_stage_without_scarcity(library: Library) -> None:
    nudges = [s for s in library.scripts if s.scenario == "payment.nudge"]
    assert sorted(s.meta.get("stage", "") for s in nudges) == sorted(NUDGE_STAGES)
    assert [s.id for s in nudges if SCARCITY.search(s.body)] == []


def test_scripts_carry_keywords_and_four_to_eight_examples(library: Library) -> None:
    bad = [s.id for s in library.scripts if not s.keywords or not 4 <= len(s.examples) <= 8]
    assert bad == []


def test_no_compliance_findings(library: Library) -> None:
    assert [str(p) for p in check_library(library)] == []


def test_fixed_scripts_keep_their_public_ids(library: Library) -> None:
    """Ids are public: the scripts the review asked to fix are still there under their old ids."""
    ids = {s.id for s in library.scripts}
    fixed = {
        "aftersales.return_policy.explain",
        "aftersales.return_policy.not_eligible",
        "aftersales.refund_progress.overdue",
        "aftersales.refund_progress.timeline",
        "aftersales.return_shipping.quality_seller_pays",
        "aftersales.cross_border.policy",
        "complaint.service.improvement",
        "complaint.service.follow_up",
        "complaint.responsibility.usage_cause",
        "presale.bundle.confirm_list",
        "presale.spec.not_clear",
        "logistics.wrong_item.first_reply",
        "logistics.delay.first_reply",
        "order.cancel.before_ship",
        "order.cancel.after_ship",
        "payment.nudge.stage_10min",
        "payment.nudge.stage_3h",
        "product.usage.troubleshoot",
    }
    assert fixed <= ids
    assert "aftersales.refund_progress.in_progress" in ids


CORRECTIONS = [
    ("aftersales.return_policy.explain", "不影响退货", "外包装完好"),
    ("aftersales.return_policy.not_eligible", "商品页上标注", "按平台规则不适用"),
    ("aftersales.refund_progress.timeline", "退款成功", "已经处理好了"),
    ("aftersales.return_shipping.quality_seller_pays", "小额打款", "和退款一起退"),
    ("aftersales.cross_border.policy", "不需要您准备", "附上报关单"),
    ("complaint.service.improvement", "通过平台发放", "已经发到您的账户"),
    ("complaint.responsibility.usage_cause", "第三方检测", "说明书"),
    ("order.cancel.before_ship", "实际情况", "不想要了"),
    ("order.cancel.after_ship", "拒收不会自动退款", "24小时"),
    ("product.usage.troubleshoot", "备份", "长按电源键"),
    ("logistics.wrong_item.first_reply", "核实", "是我们的失误"),
    ("logistics.delay.first_reply", "去查", "我查过了"),
    ("presale.spec.not_clear", "核对详情页", "是我们的疏忽"),
]


@pytest.mark.parametrize(("script_id", "must", "must_not"), CORRECTIONS, ids=[c[0] for c in CORRECTIONS])
def test_reviewed_scripts_say_the_corrected_thing(library: Library, script_id: str, must: str, must_not: str) -> None:
    script = library.script(script_id)
    assert script is not None
    assert must in script.body and must_not not in script.body
