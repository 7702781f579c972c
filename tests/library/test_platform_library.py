"""The built-in library speaks each platform's language: 亲 on 淘宝, 您好 on 京东, no Alipay words elsewhere."""

from __future__ import annotations

import re

import pytest
from conftest import BUILTIN_LIBRARY

from cs_companion.core.loader import load_path
from cs_companion.core.models import Library
from cs_companion.core.template import render

# Words that belong to one platform's payment or chat tools and must not reach another platform's buyer.
FOREIGN_WORDS = {
    "taobao": re.compile(r"京东|京豆|白条|拼多多|多多|抖音|月付"),
    "jd": re.compile(r"支付宝|花呗|余额宝|淘宝|天猫|旺旺|千牛|拼多多|抖音"),
    "pdd": re.compile(r"支付宝|花呗|余额宝|淘宝|天猫|旺旺|千牛|京东|京豆|白条|抖音"),
    "douyin": re.compile(r"支付宝|花呗|余额宝|淘宝|天猫|旺旺|千牛|京东|京豆|白条|拼多多"),
}


@pytest.fixture(scope="module")
def library() -> Library:
    result = load_path(BUILTIN_LIBRARY)
    assert result.library is not None
    return result.library


def test_the_builtin_platforms_are_declared_with_their_values(library: Library) -> None:
    assert [p.id for p in library.platforms] == ["taobao", "jd", "pdd", "douyin"]
    names = {frozenset(p.values) for p in library.platforms}
    assert len(names) == 1, "every platform declares the same values"
    assert {p.id: p.values["greeting"] for p in library.platforms} == {
        "taobao": "亲",
        "jd": "您好",
        "pdd": "亲",
        "douyin": "您好",
    }


@pytest.mark.parametrize("platform_id", list(FOREIGN_WORDS))
def test_every_reply_renders_cleanly_in_the_platforms_words(library: Library, platform_id: str) -> None:
    platform = library.platform(platform_id)
    wrong = []
    for script in library.scripts:
        if not script.applies_to(platform_id):
            continue
        rendered = render(script, {}, platform)
        assert not [m for m in rendered.missing if m.startswith("platform.")], script.id
        assert "{{" not in rendered.text, script.id
        if FOREIGN_WORDS[platform_id].search(rendered.text):
            wrong.append(f"{script.id}: {FOREIGN_WORDS[platform_id].search(rendered.text).group()}")  # type: ignore[union-attr]
    assert not wrong


def test_greetings_and_closings_differ_between_taobao_and_jd(library: Library) -> None:
    welcome = library.script("general.greeting.welcome")
    assert welcome is not None
    assert render(welcome, {}, library.platform("taobao")).text.startswith("亲，")
    assert render(welcome, {}, library.platform("jd")).text.startswith("您好，")
    for script_id in ("general.closing.anything_else", "general.closing.solved"):
        closing = library.script(script_id)
        assert closing is not None
        assert render(closing, {}, library.platform("taobao")).text != render(closing, {}, library.platform("jd")).text


def test_price_protection_and_credit_pay_follow_the_platform(library: Library) -> None:
    explain = library.script("presale.price_protect.explain")
    refund = library.script("aftersales.refund_progress.not_received")
    assert explain is not None and refund is not None
    for platform in library.platforms:
        assert f"{platform.values['price_protect_days']}天" in render(explain, {}, platform).text
        assert platform.values["credit_pay"] in render(refund, {}, platform).text


def test_variants_keep_the_punctuation_rules(library: Library) -> None:
    for script in library.scripts:
        for platform_id, text in script.variants.items():
            assert "~" not in text and '"' not in text, f"{script.id} ({platform_id})"
