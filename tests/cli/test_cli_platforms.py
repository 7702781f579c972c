"""``--platform`` on search, list and render; render without it follows the agent's setting."""

from __future__ import annotations

import json

import pytest

from cs_companion.storage.paths import AppPaths
from tests.cli.test_cli import assert_one_line_error, run

JD_ONLY = "presale.price_protect.jd_self_service"


def test_search_with_a_platform_lists_only_its_scripts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "价格保护", "--platform", "京东", "--json", "--limit", "50")
    assert code == 0 and JD_ONLY in [h["id"] for h in json.loads(out)]
    code, out, _ = run(capsys, "search", "价格保护", "--platform", "taobao", "--json", "--limit", "50")
    assert code == 0 and JD_ONLY not in [h["id"] for h in json.loads(out)]
    code, out, _ = run(capsys, "search", "价格保护", "--json", "--limit", "50")
    assert JD_ONLY in [h["id"] for h in json.loads(out)]  # no --platform: every script


def test_list_with_a_platform_and_the_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--json", "--platform", "pdd")
    scripts = json.loads(out)
    assert code == 0 and JD_ONLY not in [s["id"] for s in scripts]
    closing = next(s for s in scripts if s["id"] == "general.closing.anything_else")
    assert closing["platforms"] == [] and set(closing["variants"]) == {"jd", "douyin"}
    code, out, _ = run(capsys, "list", "--platform", "JD")
    assert code == 0 and JD_ONLY in out


def test_render_uses_the_platform_variant_and_values(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "render", "general.greeting.welcome", "--platform", "jd")
    assert code == 0 and out.startswith("您好，欢迎光临本店")
    code, out, _ = run(capsys, "render", "presale.price_protect.explain", "--platform", "天猫")
    assert code == 0 and "按淘宝/天猫的规则" in out and "下单后15天" in out


def test_render_without_platform_follows_the_setting(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "render", "general.greeting.welcome")
    assert code == 0 and out.startswith("亲，")  # the default platform is taobao
    settings = AppPaths.default().settings_file
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"platform": "douyin"}), encoding="utf-8")
    code, out, _ = run(capsys, "render", "general.greeting.welcome")
    assert code == 0 and out.startswith("您好，")


def test_unknown_platform_is_a_one_line_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "search", "退款", "--platform", "kuaishou")
    assert code == 2
    assert_one_line_error(err, "unknown platform 'kuaishou'", "jd (京东)")


def test_rendering_a_script_for_another_platform_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "render", JD_ONLY, "--platform", "pdd", "--set", "order_no=4512987736102")
    assert code == 1
    assert_one_line_error(err, "is not for platform pdd", "jd")
