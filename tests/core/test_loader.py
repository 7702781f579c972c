"""Loading libraries: every mistake located at file:line, all of them in one run, the built-in library clean."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from cs_companion.core.loader import LoadResult, library_files, load_path, load_sources
from cs_companion.core.models import FieldType, Layer
from cs_companion.core.problems import Problem, Severity
from cs_companion.core.schema import SCHEMA_VERSION

BUILTIN = Path(__file__).resolve().parents[2] / "scripts_library"

WriteYaml = Callable[[str, str], Path]

HEADER = "schema: 1\nscripts:\n"


def load_text(text: str, filename: str = "lib.yaml", known_scenarios: tuple[str, ...] = ()) -> LoadResult:
    return load_sources([(filename, text.encode("utf-8"))], Layer.TEAM, known_scenarios)


def errors(result: LoadResult) -> list[Problem]:
    return [p for p in result.problems if p.is_error]


def warnings(result: LoadResult) -> list[Problem]:
    return [p for p in result.problems if not p.is_error]


def only_error(result: LoadResult) -> Problem:
    found = errors(result)
    assert len(found) == 1, [str(p) for p in result.problems]
    assert result.library is None
    return found[0]


def where(problem: Problem) -> tuple[str, int]:
    return problem.file, problem.line


GOOD_SCRIPT = """\
  - id: logistics.delay.a
    scenario: logistics.delay
    title: 物流延迟 · A
    keywords: [物流慢]
    fields:
      - {name: order_no, label: 订单号, type: order_no, required: true}
    body: 订单{{order_no}}已加急。
"""


# ----------------------------------------------------------------------------- a good file


def test_good_file_loads_into_models() -> None:
    result = load_text(HEADER + GOOD_SCRIPT)
    assert result.ok, [str(p) for p in result.problems]
    assert result.problems == []
    script = result.library.script("logistics.delay.a")
    assert script is not None
    assert script.title == "物流延迟 · A"
    assert script.keywords == ("物流慢",)
    assert script.fields[0].type is FieldType.ORDER_NO
    assert script.fields[0].required is True
    assert script.layer is Layer.TEAM
    assert (script.origin, script.line) == ("lib.yaml", 3)


# ----------------------------------------------------------------------------- folders


def test_folder_files_load_in_name_order(write_yaml: WriteYaml, tmp_path: Path) -> None:
    write_yaml("lib/20_b.yaml", HEADER + "  - {id: b.one, scenario: x.b, title: B, body: b}\n")
    write_yaml("lib/10_a.yaml", HEADER + "  - {id: a.one, scenario: x.a, title: A, body: a}\n")
    write_yaml("lib/sub/30_c.yml", HEADER + "  - {id: c.one, scenario: x.c, title: C, body: c}\n")
    result = load_path(tmp_path / "lib")
    assert result.ok, [str(p) for p in result.problems]
    assert [s.id for s in result.library.scripts] == ["a.one", "b.one", "c.one"]
    assert [Path(f).name for f in result.files] == ["10_a.yaml", "20_b.yaml", "30_c.yml"]


def test_first_file_in_name_order_wins_a_duplicate_id(write_yaml: WriteYaml, tmp_path: Path) -> None:
    b = write_yaml("lib/b.yaml", HEADER + "  - {id: dup, scenario: x.b, title: B, body: b}\n")
    a = write_yaml("lib/a.yaml", HEADER + "\n  - {id: dup, scenario: x.a, title: A, body: a}\n")
    result = load_path(tmp_path / "lib")
    problem = only_error(result)
    assert where(problem) == (str(b), 3)
    assert f"first at {a}:4" in problem.message


@pytest.mark.parametrize(
    "leftover",
    [".hidden.yaml", ".#draft.yaml", "draft.yaml~", ".draft.yaml.swp", "~$draft.yaml", "#draft.yaml#", "a.yaml.bak"],
)
def test_hidden_and_editor_temp_files_are_skipped(write_yaml: WriteYaml, tmp_path: Path, leftover: str) -> None:
    write_yaml("lib/10_a.yaml", HEADER + "  - {id: a.one, scenario: x.a, title: A, body: a}\n")
    write_yaml(f"lib/{leftover}", "this: [is: not, valid\n")
    result = load_path(tmp_path / "lib")
    assert result.ok, [str(p) for p in result.problems]
    assert [Path(f).name for f in result.files] == ["10_a.yaml"]


def test_files_in_hidden_folders_are_skipped(write_yaml: WriteYaml, tmp_path: Path) -> None:
    write_yaml("lib/10_a.yaml", HEADER + "  - {id: a.one, scenario: x.a, title: A, body: a}\n")
    write_yaml("lib/.git/20_b.yaml", "broken: [\n")
    assert library_files(tmp_path / "lib") == [tmp_path / "lib" / "10_a.yaml"]


def test_missing_path_and_empty_folder_are_problems(tmp_path: Path) -> None:
    missing = load_path(tmp_path / "nope")
    assert missing.library is None
    assert "no such file" in missing.problems[0].message
    (tmp_path / "empty").mkdir()
    empty = load_path(tmp_path / "empty")
    assert empty.library is None
    assert "no .yaml" in empty.problems[0].message


def test_single_file_path(write_yaml: WriteYaml) -> None:
    path = write_yaml("one.yaml", HEADER + GOOD_SCRIPT)
    result = load_path(path)
    assert result.ok
    assert result.library.script("logistics.delay.a").origin == str(path)


# ----------------------------------------------------------------------------- schema problems


def test_missing_required_keys_point_at_the_script() -> None:
    result = load_text(HEADER + "  - id: a.one\n    scenario: x.a\n  - id: a.two\n    title: T\n    body: b\n")
    found = errors(result)
    assert result.library is None
    assert sorted((p.line, p.col, p.message) for p in found) == [
        (3, 5, "script 'a.one' is missing required key 'body'"),
        (3, 5, "script 'a.one' is missing required key 'title'"),
        (5, 5, "script 'a.two' is missing required key 'scenario'"),
    ]


def test_missing_id_is_reported() -> None:
    problem = only_error(load_text(HEADER + "  - {scenario: x.a, title: T, body: b}\n"))
    assert problem.line == 3
    assert "'id'" in problem.message


def test_list_where_text_expected() -> None:
    text = HEADER + "  - id: a.one\n    scenario: x.a\n    title: [一, 二]\n    body: b\n"
    problem = only_error(load_text(text))
    assert (problem.line, problem.col) == (5, 12)
    assert "'title'" in problem.message
    assert "must be text, not a list" in problem.message


def test_mapping_where_list_expected() -> None:
    text = HEADER + "  - id: a.one\n    scenario: x.a\n    title: T\n    body: b\n    keywords: {a: 1}\n"
    problem = only_error(load_text(text))
    assert problem.line == 7
    assert "'keywords'" in problem.message
    assert "list" in problem.message and "mapping" in problem.message


def test_fields_must_be_a_list() -> None:
    text = HEADER + "  - id: a.one\n    scenario: x.a\n    title: T\n    body: b\n    fields: {name: x}\n"
    problem = only_error(load_text(text))
    assert problem.line == 7
    assert "'fields' must be a list" in problem.message


def test_scripts_must_be_a_list() -> None:
    problem = only_error(load_text("schema: 1\nscripts:\n  id: a\n"))
    assert problem.line == 3
    assert "'scripts' must be a list" in problem.message


def test_top_level_must_be_a_mapping() -> None:
    problem = only_error(load_text("- schema: 1\n"))
    assert problem.line == 1
    assert "mapping" in problem.message


def test_required_must_be_true_or_false() -> None:
    text = HEADER + (
        "  - id: a.one\n    scenario: x.a\n    title: T\n    body: '{{x}}'\n"
        "    fields:\n      - {name: x, required: 'yes'}\n"
    )
    problem = only_error(load_text(text))
    assert problem.line == 8
    assert "'required'" in problem.message


def test_duplicate_script_ids_across_two_files_name_the_first_location() -> None:
    first = HEADER + "  - {id: dup.id, scenario: x.a, title: A, body: a}\n"
    second = HEADER + (
        "  - {id: other, scenario: x.a, title: O, body: o}\n  - {id: dup.id, scenario: x.a, title: B, body: b}\n"
    )
    result = load_sources([("team/10_a.yaml", first.encode()), ("team/20_b.yaml", second.encode())])
    problem = only_error(result)
    assert where(problem) == ("team/20_b.yaml", 4)
    assert "dup.id" in problem.message
    assert "team/10_a.yaml:3" in problem.message


def test_duplicate_scenario_ids_are_errors() -> None:
    text = "schema: 1\nscenarios:\n  - {id: x.a, name: A}\n  - {id: x.a, name: A2}\n"
    problem = only_error(load_text(text))
    assert problem.line == 4
    assert "lib.yaml:3" in problem.message


def test_duplicate_field_names_are_errors() -> None:
    text = HEADER + (
        "  - id: a.one\n    scenario: x.a\n    title: T\n    body: '{{x}}'\n"
        "    fields:\n      - {name: x}\n      - {name: x}\n"
    )
    problem = only_error(load_text(text))
    assert problem.line == 9
    assert "twice" in problem.message


def body_script(body: str, fields: str = "") -> str:
    """A script whose ``body`` is on line 6 of the file."""
    return HEADER + f"  - id: a.one\n    scenario: x.a\n    title: T\n    body: '{body}'\n" + fields


def test_placeholder_without_field_is_an_error() -> None:
    problem = only_error(load_text(body_script("您好，{{order_no}}")))
    assert (problem.line, problem.col) == (6, 15)  # the placeholder itself, not the start of the value
    assert "{{order_no}}" in problem.message
    assert "no field" in problem.message


@pytest.mark.parametrize("placeholder", ["{{ order.no }}", "{{a+b}}", "{{order_no.__class__}}", "{{0}}", "{{}}"])
def test_placeholder_that_is_not_a_plain_name_is_an_error(placeholder: str) -> None:
    fields = "    fields:\n      - {name: order_no}\n      - {name: a}\n      - {name: b}\n"
    result = load_text(body_script(f"{placeholder} {{{{order_no}}}} {{{{a}}}} {{{{b}}}}", fields))
    problem = only_error(result)
    assert problem.line == 6
    assert "plain field name" in problem.message


def test_unclosed_placeholder_is_an_error() -> None:
    fields = "    fields:\n      - {name: order_no}\n"
    problem = only_error(load_text(body_script("订单{{order_no}}，预计{{eta 送达", fields)))
    assert problem.line == 6
    assert "without a closing" in problem.message


def test_unknown_field_type_is_an_error() -> None:
    fields = "    fields:\n      - {name: x, type: phone}\n"
    problem = only_error(load_text(body_script("{{x}}", fields)))
    assert (problem.line, problem.col) == (8, 25)
    assert "unknown type 'phone'" in problem.message


def test_choice_without_options_is_an_error() -> None:
    fields = "    fields:\n      - {name: x, type: choice}\n"
    problem = only_error(load_text(body_script("{{x}}", fields)))
    assert problem.line == 8
    assert "no 'options'" in problem.message


def test_choice_with_options_is_fine() -> None:
    fields = "    fields:\n      - {name: x, type: choice, options: [顺丰, 中通], default: 顺丰}\n"
    result = load_text(body_script("{{x}}", fields))
    assert result.ok, [str(p) for p in result.problems]
    assert result.library.scripts[0].fields[0].options == ("顺丰", "中通")


def test_choice_default_must_be_an_option() -> None:
    fields = "    fields:\n      - {name: x, type: choice, options: [顺丰, 中通], default: 圆通}\n"
    problem = only_error(load_text(body_script("{{x}}", fields)))
    assert problem.line == 8
    assert "圆通" in problem.message


@pytest.mark.parametrize("default", ["abc", "-1", "1.234", "1e30", "NaN"])
def test_invalid_default_for_money_is_an_error(default: str) -> None:
    fields = f"    fields:\n      - {{name: amount, type: money, default: '{default}'}}\n"
    problem = only_error(load_text(body_script("补偿{{amount}}", fields)))
    assert problem.line == 8
    assert f"default '{default}'" in problem.message


def test_valid_money_default_is_fine() -> None:
    fields = "    fields:\n      - {name: amount, type: money, default: '5'}\n"
    result = load_text(body_script("补偿{{amount}}", fields))
    assert result.ok, [str(p) for p in result.problems]


def test_unknown_keys_are_warnings_not_errors() -> None:
    text = "schema: 1\ncolour: red\nscripts:\n  - {id: a.one, scenario: x.a, title: T, body: b, tilte: oops}\n"
    result = load_text(text)
    assert result.ok
    assert errors(result) == []
    found = warnings(result)
    assert sorted((p.line, p.severity) for p in found) == [(2, Severity.WARNING), (4, Severity.WARNING)]
    assert any("'colour'" in p.message for p in found)
    assert any("'tilte'" in p.message for p in found)
    assert all(str(p).split(": ", 1)[1].startswith("warning: ") for p in found)


def test_unused_field_is_a_warning() -> None:
    fields = "    fields:\n      - {name: x}\n"
    result = load_text(body_script("no placeholder", fields))
    assert result.ok
    assert [p.line for p in warnings(result)] == [6]


def test_unknown_scenario_is_a_warning() -> None:
    text = (
        "schema: 1\nscenarios:\n  - {id: logistics.delay, name: 物流延迟}\nscripts:\n"
        "  - {id: a.one, scenario: logistics.delay, title: T, body: b}\n"
        "  - {id: a.two, scenario: logistics.typo, title: T, body: b}\n"
    )
    result = load_text(text)
    assert result.ok
    assert errors(result) == []
    (problem,) = warnings(result)
    assert where(problem) == ("lib.yaml", 6)
    assert "logistics.typo" in problem.message


def test_scenario_known_from_another_layer_is_not_a_warning() -> None:
    text = HEADER + "  - {id: a.one, scenario: logistics.delay, title: T, body: b}\n"
    result = load_text(text, known_scenarios=("logistics.delay",))
    assert result.problems == []
    result = load_text(text, known_scenarios=("logistics.tracking",))
    assert result.ok
    assert len(warnings(result)) == 1


def test_schema_newer_than_supported_is_an_error() -> None:
    problem = only_error(load_text(f"schema: {SCHEMA_VERSION + 1}\nscripts: []\n"))
    assert (problem.line, problem.col) == (1, 9)
    assert "newer" in problem.message


@pytest.mark.parametrize("schema", ["'1'", "0", "true"])
def test_schema_must_be_the_supported_number(schema: str) -> None:
    problem = only_error(load_text(f"schema: {schema}\nscripts: []\n"))
    assert problem.line == 1


def test_missing_schema_is_an_error() -> None:
    problem = only_error(load_text("scripts: []\n"))
    assert problem.line == 1
    assert "schema" in problem.message


def test_empty_file_is_a_warning() -> None:
    result = load_text("")
    assert errors(result) == []
    assert len(warnings(result)) == 1


# ----------------------------------------------------------------------------- all problems in one run


def test_all_mistakes_of_a_file_are_reported_at_once() -> None:
    text = HEADER + (
        "  - id: a.one\n"  # 3
        "    scenario: x.a\n"  # 4
        "    title: [T]\n"  # 5: wrong type
        "    body: '{{nope}}'\n"  # 6: undeclared placeholder
        "  - id: a.two\n"  # 7
        "    scenario: x.a\n"  # 8
        "    title: T\n"  # 9: missing body
    )
    result = load_text(text)
    assert result.library is None
    assert sorted(p.line for p in errors(result)) == [5, 6, 7]


def test_problems_of_every_file_are_reported_at_once() -> None:
    broken_yaml = "schema: 1\nscripts: [\n"
    bad_schema = HEADER + "  - {id: b.one, scenario: x.b, title: B}\n"
    bad_bytes = b"schema: 1\ntitle: \xff\n"
    result = load_sources(
        [("a.yaml", broken_yaml.encode()), ("b.yaml", bad_schema.encode()), ("c.yaml", bad_bytes)], Layer.TEAM
    )
    assert result.library is None
    assert sorted(p.file for p in errors(result)) == ["a.yaml", "b.yaml", "c.yaml"]
    assert result.files == ["a.yaml", "b.yaml", "c.yaml"]


def test_library_is_none_when_any_error_even_with_good_scripts() -> None:
    text = HEADER + GOOD_SCRIPT + "  - {id: bad id!, scenario: x.a, title: T, body: b}\n"
    result = load_text(text)
    assert result.library is None
    assert not result.ok
    assert len(result.errors) == 1


def test_bad_yaml_in_a_file_names_that_file_and_line(write_yaml: WriteYaml, tmp_path: Path) -> None:
    write_yaml("lib/10_a.yaml", HEADER + GOOD_SCRIPT)
    bad = write_yaml("lib/20_b.yaml", HEADER + "  - id: x\n    title: a\n    title: b\n")
    problem = only_error(load_path(tmp_path / "lib"))
    assert where(problem) == (str(bad), 5)
    assert "duplicate key" in problem.message


# ----------------------------------------------------------------------------- the built-in library


@pytest.fixture(scope="module")
def builtin() -> LoadResult:
    return load_path(BUILTIN, Layer.BUILTIN)


def test_builtin_library_loads_without_errors_or_warnings(builtin: LoadResult) -> None:
    assert [str(p) for p in builtin.problems] == []
    assert builtin.library is not None


def test_builtin_library_is_big_enough(builtin: LoadResult) -> None:
    assert len(builtin.library.scripts) >= 100


def test_builtin_library_has_its_catalogue(builtin: LoadResult) -> None:
    library = builtin.library
    assert library.info.name
    assert library.info.updated == "2026-11-23"
    assert library.categories
    assert library.forbidden_phrases
    declared = {s.id for s in library.scenarios}
    assert {s.scenario for s in library.scripts} <= declared
    assert {s.category for s in library.scenarios} <= {c.id for c in library.categories}


def test_every_builtin_scenario_has_at_least_two_scripts(builtin: LoadResult) -> None:
    counts = Counter(s.scenario for s in builtin.library.scripts)
    thin = {s.id: counts[s.id] for s in builtin.library.scenarios if counts[s.id] < 2}
    assert thin == {}


def test_payment_nudge_has_one_script_per_stage(builtin: LoadResult) -> None:
    stages = [s.meta.get("stage") for s in builtin.library.scripts if s.scenario == "payment.nudge"]
    assert sorted(stages, key=str) == sorted(["10min", "1h", "3h", "12h", "24h"])
    assert len(stages) == 5


def test_builtin_script_ids_are_unique_and_located(builtin: LoadResult) -> None:
    ids = [s.id for s in builtin.library.scripts]
    assert len(ids) == len(set(ids))
    for script in builtin.library.scripts:
        assert Path(script.origin).parent == BUILTIN
        assert script.line > 0
