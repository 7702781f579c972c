"""Layering: team overrides built-in, personal overrides team, by id and in place; a broken layer is skipped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cs_companion.core.layers import load_stack, merge_layers
from cs_companion.core.models import Category, Layer, Library, LibraryInfo, Scenario, Script

WriteYaml = Callable[[str, str], Path]


def script(script_id: str, body: str, layer: Layer) -> Script:
    return Script(id=script_id, scenario="x.case", title=script_id, body=body, layer=layer)


BUILTIN = Library(
    info=LibraryInfo(name="官方话术库", version="1"),
    categories=(Category("x", "类别"),),
    scenarios=(Scenario("x.case", "场景"),),
    scripts=tuple(script(i, f"官方{i.upper()}", Layer.BUILTIN) for i in "abc"),
    forbidden_phrases=("别讲价",),
)
TEAM = Library(
    scenarios=(Scenario("x.case", "团队场景名"), Scenario("x.team", "团队场景")),
    scripts=(script("t1", "团队新增", Layer.TEAM), script("b", "团队B", Layer.TEAM), script("c", "团队C", Layer.TEAM)),
    forbidden_phrases=("不知道", "别讲价"),
)
PERSONAL = Library(
    scripts=(script("c", "我的C", Layer.PERSONAL), script("p1", "我的新增", Layer.PERSONAL)),
)


def bodies(library: Library) -> list[tuple[str, str]]:
    return [(s.id, s.body) for s in library.scripts]


def test_team_overrides_builtin_by_id_keeping_position() -> None:
    merged = merge_layers([BUILTIN, TEAM])
    assert bodies(merged) == [("a", "官方A"), ("b", "团队B"), ("c", "团队C"), ("t1", "团队新增")]
    assert merged.script("b").layer is Layer.TEAM
    assert merged.script("a").layer is Layer.BUILTIN


def test_personal_overrides_team_and_builtin() -> None:
    merged = merge_layers([BUILTIN, TEAM, PERSONAL])
    assert bodies(merged) == [
        ("a", "官方A"),
        ("b", "团队B"),
        ("c", "我的C"),
        ("t1", "团队新增"),
        ("p1", "我的新增"),
    ]
    assert merged.script("c").layer is Layer.PERSONAL


def test_personal_overrides_builtin_without_team() -> None:
    merged = merge_layers([BUILTIN, None, PERSONAL])
    assert bodies(merged) == [("a", "官方A"), ("b", "官方B"), ("c", "我的C"), ("p1", "我的新增")]


def test_catalogue_and_forbidden_phrases_are_combined() -> None:
    merged = merge_layers([BUILTIN, TEAM, PERSONAL])
    assert merged.scenario_name("x.case") == "团队场景名"
    assert merged.scenario("x.team") is not None
    assert merged.category_name("x") == "类别"
    assert merged.forbidden_phrases == ("别讲价", "不知道")
    assert merged.info.name == "官方话术库"


def test_merging_nothing_gives_an_empty_library() -> None:
    assert merge_layers([None, None]).scripts == ()


# ----------------------------------------------------------------------------- load_stack from disk

BUILTIN_YAML = """\
schema: 1
library: {name: 官方, version: "1"}
scenarios:
  - {id: x.case, name: 场景}
scripts:
  - {id: a, scenario: x.case, title: A, body: 官方A}
  - {id: b, scenario: x.case, title: B, body: 官方B}
"""

TEAM_YAML = """\
schema: 1
scripts:
  - {id: b, scenario: x.case, title: B, body: 团队B}
  - {id: t1, scenario: x.case, title: T1, body: 团队新增}
"""

PERSONAL_YAML = """\
schema: 1
scripts:
  - {id: a, scenario: x.case, title: A, body: 我的A}
"""


def test_load_stack_merges_three_layers(write_yaml: WriteYaml) -> None:
    builtin = write_yaml("builtin/00.yaml", BUILTIN_YAML)
    team = write_yaml("team/10.yaml", TEAM_YAML)
    personal = write_yaml("my.yaml", PERSONAL_YAML)
    stack = load_stack(builtin.parent, team.parent, personal)
    assert stack.problems == []
    assert set(stack.layers) == {Layer.BUILTIN, Layer.TEAM, Layer.PERSONAL}
    assert bodies(stack.library) == [("a", "我的A"), ("b", "团队B"), ("t1", "团队新增")]
    assert stack.library.script("t1").layer is Layer.TEAM


def test_load_stack_skips_a_broken_team_layer_but_reports_it(write_yaml: WriteYaml) -> None:
    builtin = write_yaml("builtin/00.yaml", BUILTIN_YAML)
    team = write_yaml("team/10.yaml", TEAM_YAML + "  - {id: t2, scenario: x.case, title: T2}\n")
    personal = write_yaml("my.yaml", PERSONAL_YAML)
    stack = load_stack(builtin.parent, team.parent, personal)
    assert Layer.TEAM not in stack.layers
    assert bodies(stack.library) == [("a", "我的A"), ("b", "官方B")]
    errors = [p for p in stack.problems if p.is_error]
    assert [(p.file, p.line) for p in errors] == [(str(team), 5)]
    assert "'body'" in errors[0].message


def test_load_stack_skips_unparseable_personal_layer(write_yaml: WriteYaml) -> None:
    builtin = write_yaml("builtin/00.yaml", BUILTIN_YAML)
    personal = write_yaml("my.yaml", "schema: 1\nscripts: [\n")
    stack = load_stack(builtin.parent, None, personal)
    assert set(stack.layers) == {Layer.BUILTIN}
    assert bodies(stack.library) == [("a", "官方A"), ("b", "官方B")]
    assert [p.file for p in stack.problems] == [str(personal)]


def test_load_stack_ignores_missing_optional_layers(write_yaml: WriteYaml, tmp_path: Path) -> None:
    builtin = write_yaml("builtin/00.yaml", BUILTIN_YAML)
    stack = load_stack(builtin.parent, tmp_path / "no-team", tmp_path / "no-personal.yaml")
    assert stack.problems == []
    assert set(stack.layers) == {Layer.BUILTIN}


def test_team_scripts_are_checked_against_the_builtin_catalogue(write_yaml: WriteYaml) -> None:
    builtin = write_yaml("builtin/00.yaml", BUILTIN_YAML)
    team = write_yaml("team/10.yaml", "schema: 1\nscripts:\n  - {id: t, scenario: x.unknown, title: T, body: b}\n")
    stack = load_stack(builtin.parent, team.parent)
    assert Layer.TEAM in stack.layers
    (warning,) = stack.problems
    assert not warning.is_error
    assert "x.unknown" in warning.message


def test_broken_builtin_gives_problems_and_no_builtin_layer(write_yaml: WriteYaml) -> None:
    builtin = write_yaml("builtin/00.yaml", "schema: 1\nscripts: [\n")
    team = write_yaml("team/10.yaml", TEAM_YAML)
    stack = load_stack(builtin.parent, team.parent)
    assert Layer.BUILTIN not in stack.layers
    assert any(p.is_error and p.file == str(builtin) for p in stack.problems)
