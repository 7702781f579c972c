"""Platforms in the library format: loading, validation, layering, render, search and browsing."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from cs_companion.core.browse import TAB_ALL, Usage, scripts_for
from cs_companion.core.conversation import Conversation
from cs_companion.core.layers import load_stack, merge_layers
from cs_companion.core.loader import LoadResult, load_sources
from cs_companion.core.models import Layer, Library, Platform
from cs_companion.core.platforms import current_platform, find_platform, next_platform
from cs_companion.core.search import SearchIndex
from cs_companion.core.template import render

CATALOGUE = """\
schema: 1
platforms:
  - {id: taobao, name: 淘宝/天猫, values: {greeting: 亲, price_protect_days: "15"}}
  - {id: jd, name: 京东, values: {greeting: 您好, price_protect_days: "30"}}
  - {id: pdd, name: 拼多多, values: {greeting: 亲, price_protect_days: "15"}}
"""

SCRIPTS = """\
schema: 1
scripts:
  - id: hi
    scenario: general.greeting
    title: 欢迎
    keywords: [欢迎]
    body: "{{platform.greeting}}，欢迎光临！"
  - id: protect
    scenario: presale.price_protect
    title: 价保说明
    keywords: [价保]
    fields:
      - {name: order_no, label: 订单号, type: order_no, required: true}
    body: "订单{{order_no}}按{{platform.name}}规则价保{{platform.price_protect_days}}天"
    variants:
      jd: "您好，京东价保{{platform.price_protect_days}}天，在价格保护页自助申请"
  - id: jd_only
    scenario: presale.price_protect
    title: 京东自助价保
    keywords: [价保, 价格保护]
    platforms: [jd]
    body: 价格保护在“我的—客户服务”里
"""


def load(*texts: str, layer: Layer = Layer.BUILTIN, known: Mapping[str, Mapping[str, str]] | None = None) -> LoadResult:
    sources = [(f"{i:02d}.yaml", text.encode()) for i, text in enumerate(texts)]
    return load_sources(sources, layer, known_platforms=known)


def library() -> Library:
    result = load(CATALOGUE, SCRIPTS)
    assert result.library is not None, [str(p) for p in result.problems]
    assert not result.problems
    return result.library


def messages(result: LoadResult) -> list[str]:
    return [str(p) for p in result.problems]


# ----------------------------------------------------------------------------- format


def test_platforms_scripts_filters_and_variants_are_read() -> None:
    lib = library()
    assert [p.id for p in lib.platforms] == ["taobao", "jd", "pdd"]
    assert lib.platform("jd") == Platform("jd", "京东", {"greeting": "您好", "price_protect_days": "30"})
    protect = lib.script("protect")
    assert protect is not None and dict(protect.variants) == {"jd": protect.variants["jd"]}
    assert lib.script("jd_only") is not None and lib.script("jd_only").platforms == ("jd",)  # type: ignore[union-attr]


def test_unknown_platform_in_a_filter_is_an_error_with_did_you_mean() -> None:
    result = load(CATALOGUE, SCRIPTS.replace("platforms: [jd]", "platforms: [jdd]"))
    assert result.library is None
    assert any(
        m.startswith("01.yaml:21:17:") and "unknown platform 'jdd' (did you mean 'jd'?)" in m for m in messages(result)
    )


def test_unknown_platform_as_a_variant_key_is_located_at_its_variant() -> None:
    result = load(CATALOGUE, SCRIPTS.replace('      jd: "您好，', '      jdx: "您好，'))
    assert result.library is None
    assert any(m.startswith("01.yaml:16:12:") and "unknown platform 'jdx'" in m for m in messages(result))


def test_a_variant_with_an_undeclared_placeholder_is_an_error_at_its_column() -> None:
    result = load(CATALOGUE, SCRIPTS.replace("京东价保{{platform", "订单{{amount}}京东价保{{platform"))
    assert result.library is None
    found = [m for m in messages(result) if "'{{amount}}' in variant 'jd' of script 'protect' has no field" in m]
    assert found and found[0].startswith("01.yaml:16:17:")


def test_a_platform_value_no_platform_has_gets_a_did_you_mean() -> None:
    result = load(CATALOGUE, SCRIPTS.replace("{{platform.greeting}}", "{{platform.greting}}"))
    assert result.library is None
    assert any("no platform has a value 'greting' (did you mean 'greeting'?)" in m for m in messages(result))


def test_a_platform_lacking_a_value_its_scripts_use_is_an_error() -> None:
    catalogue = CATALOGUE.replace('{greeting: 亲, price_protect_days: "15"}}\n', "{greeting: 亲}}\n", 1)
    result = load(catalogue, SCRIPTS)
    assert result.library is None
    assert any("has no value on platform 'taobao'" in m for m in messages(result))


def test_a_body_only_used_by_platforms_with_variants_needs_no_value_there() -> None:
    # jd has its own variant, so the body's value need not exist on jd; it must on the others.
    catalogue = CATALOGUE.replace('{greeting: 您好, price_protect_days: "30"}', "{greeting: 您好}")
    scripts = SCRIPTS.replace("京东价保{{platform.price_protect_days}}天", "京东价保请看商品页")
    assert load(catalogue, scripts).library is not None


def test_invalid_platform_placeholders_and_ids_are_errors() -> None:
    result = load(CATALOGUE.replace("id: pdd", "id: PDD!"), SCRIPTS.replace("{{platform.name}}", "{{platform.a.b}}"))
    text = "\n".join(messages(result))
    assert "platform id 'PDD!' must be lower-case" in text
    assert "'{{platform.a.b}}' in script 'protect' must be a plain field name" in text


def test_a_platform_listed_twice_is_an_error_with_the_first_location() -> None:
    result = load(CATALOGUE, "schema: 1\nplatforms:\n  - {id: jd, name: 京东}\n" + SCRIPTS.split("\n", 1)[1])
    assert any("platform 'jd' is listed twice (first at 00.yaml:" in m for m in messages(result))


def test_a_variant_the_filter_never_uses_is_a_warning() -> None:
    scripts = SCRIPTS + '    variants: {taobao: "淘宝的说法"}\n'
    result = load(CATALOGUE, scripts)
    assert result.library is not None
    assert any("warning: variant 'taobao' of script 'jd_only' is never used" in m for m in messages(result))


def test_an_own_script_naming_a_platform_that_is_gone_only_warns() -> None:
    own = "schema: 1\nscripts:\n  - {id: mine, scenario: general.greeting, title: 我的, body: 你好, platforms: [ks]}\n"
    assert load(own, layer=Layer.TEAM).library is None
    personal = load(own, layer=Layer.PERSONAL)
    assert personal.library is not None
    assert any("warning: unknown platform 'ks'" in m for m in messages(personal))


def test_a_team_file_alone_knows_the_builtin_platform_ids() -> None:
    team = "schema: 1\nscripts:\n  - {id: t, scenario: general.greeting, title: 京, body: 好, platforms: [jd, pdd]}\n"
    assert load(team, layer=Layer.TEAM).library is not None


def test_a_new_team_platform_without_the_values_below_is_warned_about() -> None:
    team = "schema: 1\nplatforms:\n  - {id: kuaishou, name: 快手, values: {greeting: 老铁}}\nscripts: []\n"
    known = {p.id: p.values for p in library().platforms}
    result = load(team, layer=Layer.TEAM, known=known)
    assert any("platform 'kuaishou' has no value for price_protect_days" in m for m in messages(result))


# ----------------------------------------------------------------------------- layers


def test_a_team_layer_adds_platforms_and_overrides_values() -> None:
    team = load(
        "schema: 1\nplatforms:\n  - {id: jd, values: {price_protect_days: '7'}}\n"
        "  - {id: kuaishou, name: 快手, values: {greeting: 您好, price_protect_days: '7'}}\nscripts: []\n",
        layer=Layer.TEAM,
        known={p.id: p.values for p in library().platforms},
    )
    assert team.library is not None, messages(team)
    merged = merge_layers([library(), team.library])
    assert [p.id for p in merged.platforms] == ["taobao", "jd", "pdd", "kuaishou"]
    jd = merged.platform("jd")
    assert jd is not None and jd.name == "京东" and dict(jd.values) == {"greeting": "您好", "price_protect_days": "7"}


def test_load_stack_lets_own_scripts_use_team_platforms(tmp_path: Path) -> None:
    (tmp_path / "builtin").mkdir()
    (tmp_path / "builtin" / "00.yaml").write_text(CATALOGUE + SCRIPTS.split("\n", 1)[1], encoding="utf-8")
    team = tmp_path / "team.yaml"
    team.write_text("schema: 1\nplatforms:\n  - {id: ks, name: 快手, values: {greeting: 哈喽}}\nscripts: []\n")
    own = tmp_path / "mine.yaml"
    own.write_text(
        "schema: 1\nscripts:\n  - {id: m, scenario: general.greeting, title: 快手, body: 哈喽, platforms: [ks]}\n"
    )
    stack = load_stack(tmp_path / "builtin", team, own)
    assert Layer.PERSONAL in stack.layers and not [p for p in stack.problems if "unknown platform" in p.message]


# ----------------------------------------------------------------------------- render


def test_render_picks_the_variant_and_the_platform_values() -> None:
    lib = library()
    protect = lib.script("protect")
    assert protect is not None
    values = {"order_no": "123456"}
    assert render(protect, values, lib.platform("taobao")).text == "订单123456按淘宝/天猫规则价保15天"
    assert render(protect, values, lib.platform("jd")).text == "您好，京东价保30天，在价格保护页自助申请"


def test_a_required_field_the_variant_does_not_use_is_not_missing() -> None:
    lib = library()
    protect = lib.script("protect")
    assert protect is not None
    assert render(protect, {}, lib.platform("jd")).complete
    assert render(protect, {}, lib.platform("taobao")).missing == ("order_no",)


def test_without_a_platform_values_show_as_labels_never_braces() -> None:
    hi = library().script("hi")
    assert hi is not None
    rendered = render(hi, {})
    assert rendered.text == "【greeting】，欢迎光临！" and rendered.missing == ("platform.greeting",)


def test_platform_values_are_substituted_never_evaluated() -> None:
    hi = library().script("hi")
    assert hi is not None
    tricky = Platform("x", "X", {"greeting": "{{platform.greeting}} {0} \\1"})
    assert render(hi, {}, tricky).text == "{{platform.greeting}} {0} \\1，欢迎光临！"


def test_conversation_renders_for_its_platform_and_keeps_it_for_a_new_chat() -> None:
    lib = library()
    hi = lib.script("hi")
    assert hi is not None
    chat = Conversation(lib.platform("jd"))
    assert chat.render(hi).text.startswith("您好")
    chat.clear()
    assert chat.platform is not None and chat.platform.id == "jd"


# ----------------------------------------------------------------------------- search and browsing


@pytest.mark.parametrize(("platform", "listed"), [(None, True), ("jd", True), ("taobao", False), ("pdd", False)])
def test_search_drops_scripts_not_for_the_platform(platform: str | None, listed: bool) -> None:
    lib = library()
    index = SearchIndex(lib)
    ids = [h.id for h in index.search("价保", platform=platform)]
    assert ("jd_only" in ids) is listed and "protect" in ids
    assert ("jd_only" in [h.id for h in index.search("", platform=platform)]) is listed


def test_the_limit_counts_only_scripts_of_the_platform() -> None:
    lib = library()
    hits = SearchIndex(lib).search("价保", limit=1, platform="taobao")
    assert [h.id for h in hits] == ["protect"]


def test_browsing_lists_follow_the_platform_favourites_included() -> None:
    lib = library()
    index = SearchIndex(lib)
    usage = Usage(favourites=("jd_only", "hi"))
    for tab in (TAB_ALL, "__favourites__", "presale"):
        assert "jd_only" not in [s.id for s in scripts_for(index, lib, usage, "", tab, "taobao").scripts]
        assert "jd_only" in [s.id for s in scripts_for(index, lib, usage, "", tab, "jd").scripts]


# ----------------------------------------------------------------------------- choosing


def test_platforms_are_found_by_id_name_or_part_of_the_name() -> None:
    lib = library()
    for name in ("jd", "JD", "京东", " 京东 "):
        assert find_platform(lib, name) == lib.platform("jd")
    for name in ("淘宝", "天猫", "淘宝/天猫", "TAOBAO"):
        assert find_platform(lib, name) == lib.platform("taobao")
    assert find_platform(lib, "快手") is None and find_platform(lib, "") is None


def test_current_platform_falls_back_to_taobao_then_the_first() -> None:
    lib = library()
    assert current_platform(lib, "kuaishou") == lib.platform("taobao")
    only_jd = Library(platforms=(Platform("jd", "京东"),))
    assert current_platform(only_jd, "taobao") == only_jd.platform("jd")
    assert current_platform(Library(), "taobao") is None


def test_next_platform_wraps_around() -> None:
    lib = library()
    assert [next_platform(lib, p).id for p in ("taobao", "jd", "pdd", "gone")] == ["jd", "pdd", "taobao", "taobao"]  # type: ignore[union-attr]
    assert next_platform(Library(), "jd") is None
