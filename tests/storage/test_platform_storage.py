"""Platforms survive the start-up snapshot, and the platform setting takes IT's preset like the others."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import BUILTIN_LIBRARY

from cs_companion.storage.settings import Settings, SettingsStore, load_system_config
from cs_companion.storage.snapshot import FORMAT
from cs_companion.storage.stack import load_indexed

TEAM = """\
schema: 1
platforms:
  - {id: kuaishou, name: 快手, values: {greeting: 您好, price_protect_days: "7", credit_pay: 先用后付}}
  - {id: jd, values: {price_protect_days: "7"}}
scripts:
  - id: team.ks
    scenario: general.greeting
    title: 快手问候
    platforms: [kuaishou, jd]
    body: "{{platform.greeting}}，欢迎～"
    variants: {jd: "您好，京东的朋友～"}
"""


def test_the_snapshot_round_trips_platforms_filters_and_variants(tmp_path: Path) -> None:
    assert FORMAT >= 4
    team = tmp_path / "team.yaml"
    team.write_text(TEAM, encoding="utf-8")
    snap = tmp_path / "lib.snapshot"
    fresh = load_indexed(BUILTIN_LIBRARY, team, None, snap)
    cached = load_indexed(BUILTIN_LIBRARY, team, None, snap)
    assert not fresh.from_snapshot and cached.from_snapshot
    assert cached.library.platforms == fresh.library.platforms
    assert [p.id for p in cached.library.platforms] == ["taobao", "jd", "pdd", "douyin", "kuaishou"]
    assert cached.library.platform("jd").values["price_protect_days"] == "7"  # type: ignore[union-attr]
    for before, after in zip(fresh.library.scripts, cached.library.scripts, strict=True):
        assert (after.platforms, dict(after.variants)) == (before.platforms, dict(before.variants))
    script = cached.library.script("team.ks")
    assert script is not None and script.platforms == ("kuaishou", "jd") and script.variants["jd"].startswith("您好")
    assert [h.id for h in cached.index.search("快手问候", platform="pdd")] != ["team.ks"]
    assert cached.index.search("快手问候", platform="kuaishou")[0].id == "team.ks"


def test_platform_defaults_to_taobao_and_it_can_preset_it(tmp_path: Path) -> None:
    assert Settings().platform == "taobao"
    system = tmp_path / "config.json"
    system.write_text(json.dumps({"platform": "jd"}), encoding="utf-8")
    store = SettingsStore(tmp_path / "settings.json", load_system_config(system))
    assert store.load().platform == "jd"
    store.save(Settings(platform="douyin"))
    assert store.load().platform == "douyin"  # the agent's own choice wins over the preset


def test_a_blank_or_wrongly_typed_platform_falls_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    for value in ("  ", 7, None):
        path.write_text(json.dumps({"platform": value}), encoding="utf-8")
        assert SettingsStore(path).load().platform == "taobao"


def test_a_copy_to_my_scripts_keeps_the_filter_and_the_variants(tmp_path: Path) -> None:
    from cs_companion.core.loader import load_path
    from cs_companion.storage.personal import PersonalStore

    builtin = load_path(BUILTIN_LIBRARY).library
    assert builtin is not None
    store = PersonalStore(tmp_path / "mine.yaml", builtin)
    for script_id in ("general.closing.anything_else", "presale.price_protect.jd_self_service"):
        original = builtin.script(script_id)
        assert original is not None
        copy = store.copy_to_mine(original)
        reloaded = store.get(copy.id)
        assert reloaded is not None
        assert (reloaded.platforms, dict(reloaded.variants)) == (original.platforms, dict(original.variants))
