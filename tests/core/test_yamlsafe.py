"""Safe YAML parsing: untrusted library files must fail with a located, one-line problem, never run code."""

from __future__ import annotations

import codecs
import itertools
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cs_companion.core import yamlsafe
from cs_companion.core.problems import Problem
from cs_companion.core.yamlsafe import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    YamlList,
    YamlMap,
    YamlParseError,
    decode_library_bytes,
    parse_yaml,
)


def parse_error(text: str, filename: str = "lib.yaml") -> Problem:
    """The problem ``parse_yaml`` reports for ``text`` (the test fails if it parses)."""
    with pytest.raises(YamlParseError) as info:
        parse_yaml(text, filename)
    problem = info.value.problem
    assert "\n" not in str(problem), "a problem must print as one line"
    return problem


def decode_error(data: bytes, filename: str = "lib.yaml") -> Problem:
    with pytest.raises(YamlParseError) as info:
        decode_library_bytes(data, filename)
    return info.value.problem


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    """The classic alias bomb: each anchor is a list of ``width`` aliases to the previous one."""
    names = [f"l{i}" for i in range(levels)]
    lines = [f"{names[0]}: &{names[0]} [" + ", ".join(['"lol"'] * width) + "]"]
    for prev, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * width) + "]")
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- plain documents


def test_values_and_locations_are_kept() -> None:
    data = parse_yaml("schema: 1\nscripts:\n  - id: a\n    title: 你好\n", "lib.yaml")
    assert data == {"schema": 1, "scripts": [{"id": "a", "title": "你好"}]}
    assert isinstance(data, YamlMap)
    assert isinstance(data["scripts"], YamlList)
    assert (data.loc("scripts").line, data.loc("scripts").col) == (3, 3)
    item_loc = data["scripts"].item_locations[0]
    assert (item_loc.file, item_loc.line, item_loc.col) == ("lib.yaml", 3, 5)
    title_loc = data["scripts"][0].loc("title")
    assert (title_loc.line, title_loc.col) == (4, 12)


def test_empty_document_is_none() -> None:
    assert parse_yaml("", "lib.yaml") is None
    assert parse_yaml("# only a comment\n", "lib.yaml") is None


# ----------------------------------------------------------------------------- syntax errors


def test_syntax_error_reports_file_line_and_column() -> None:
    problem = parse_error("schema: 1\nscripts: [a, b\nother: 1\n", "team/10_x.yaml")
    assert problem.file == "team/10_x.yaml"
    assert problem.line == 3
    assert problem.col >= 1
    assert problem.is_error
    assert str(problem).startswith(f"team/10_x.yaml:3:{problem.col}: YAML syntax error")


def test_bad_indentation_points_at_the_offending_line() -> None:
    problem = parse_error("scripts:\n  - id: a\n    title: t\n   body: b\n")
    assert problem.line == 4
    assert "syntax error" in problem.message


def test_tab_indentation_is_a_located_error() -> None:
    problem = parse_error("scripts:\n\t- id: a\n")
    assert (problem.line, problem.col) == (2, 1)
    assert "syntax error" in problem.message


def test_several_documents_in_one_file_are_refused() -> None:
    problem = parse_error("a: 1\n---\nb: 2\n")
    assert problem.line == 2


def test_control_character_is_located_on_one_line() -> None:
    problem = parse_error("a: 1\nbb: x\x07y\n")
    assert (problem.line, problem.col) == (2, 6)
    assert "#x0007" in problem.message


# ----------------------------------------------------------------------------- duplicate keys


def test_duplicate_key_names_the_line_of_the_first() -> None:
    problem = parse_error("title: one\nbody: b\ntitle: two\n")
    assert (problem.line, problem.col) == (3, 1)
    assert "duplicate key 'title'" in problem.message
    assert "line 1" in problem.message


def test_duplicate_key_inside_a_list_item() -> None:
    problem = parse_error("scripts:\n  - id: a\n    body: x\n    id: b\n")
    assert problem.line == 4
    assert "duplicate key 'id'" in problem.message
    assert "line 2" in problem.message


def test_keys_that_are_equal_as_text_are_duplicates() -> None:
    problem = parse_error("1: a\n'1': b\n")
    assert "duplicate key '1'" in problem.message


# ----------------------------------------------------------------------------- tags


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['echo pwned']\n",
        "a: !!python/object/apply:os.system\n  args: ['echo pwned']\n",
        "a: !!python/name:os.system\n",
        "a: !!python/object/new:subprocess.Popen [['echo', 'pwned']]\n",
        "a: !foo bar\n",
        "a: !foo {x: 1}\n",
        "a: !foo [1, 2]\n",
        "a: !!binary aGVsbG8=\n",
        "a: !!set {x, y}\n",
        "a: !!omap [x: 1]\n",
    ],
)
def test_non_standard_tags_are_rejected(text: str) -> None:
    problem = parse_error(text)
    assert (problem.line, problem.col) == (1, 4)
    assert "unsupported YAML tag" in problem.message


def test_rejected_tag_runs_no_code(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    parse_error(f"a: !!python/object/apply:os.system ['touch {marker}']\n")
    assert not marker.exists()


def test_standard_tags_are_allowed() -> None:
    assert parse_yaml("a: !!str 15\nb: !!int '3'\n", "lib.yaml") == {"a": "15", "b": 3}


# ----------------------------------------------------------------------------- aliases


def test_billion_laughs_is_rejected_quickly() -> None:
    started = time.monotonic()
    problem = parse_error(billion_laughs())
    elapsed = time.monotonic() - started
    assert "too many values" in problem.message
    assert elapsed < 2.0, f"an alias bomb must be refused before it is expanded (took {elapsed:.1f}s)"


def test_small_alias_expansion_is_fine() -> None:
    data = parse_yaml(billion_laughs(levels=3, width=3), "lib.yaml")
    assert data["l2"] == [[["lol"] * 3] * 3] * 3


def test_recursive_alias_is_rejected() -> None:
    problem = parse_error("a: &a [1, *a]\n")
    assert "recursive alias" in problem.message
    assert problem.line == 1


def test_recursive_alias_through_a_mapping_is_rejected() -> None:
    problem = parse_error("a: &a\n  b:\n    c: *a\n")
    assert "recursive alias" in problem.message


def test_merge_keys_work_and_explicit_keys_win() -> None:
    text = (
        "base: &base\n"
        "  scenario: logistics.delay\n"
        "  title: 默认标题\n"
        "scripts:\n"
        "  - <<: *base\n"
        "    id: a\n"
        "    title: 自己的标题\n"
    )
    data = parse_yaml(text, "lib.yaml")
    script = data["scripts"][0]
    assert script == {"id": "a", "title": "自己的标题", "scenario": "logistics.delay"}
    assert script.loc("title").line == 7
    assert script.loc("scenario").line == 2


def test_merge_of_a_list_of_mappings() -> None:
    data = parse_yaml("a: &a {x: 1}\nb: &b {y: 2}\nc:\n  <<: [*a, *b]\n  z: 3\n", "lib.yaml")
    assert data["c"] == {"x": 1, "y": 2, "z": 3}


def test_merge_of_a_scalar_is_an_error() -> None:
    problem = parse_error("a: &a 1\nc:\n  <<: *a\n")
    assert "'<<'" in problem.message


# ----------------------------------------------------------------------------- nesting depth


def test_reasonable_nesting_is_fine() -> None:
    assert parse_yaml("a: " + "[" * 20 + "]" * 20, "lib.yaml") is not None


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 2_000])
def test_deep_nesting_is_a_problem_not_a_crash(depth: int) -> None:
    problem = parse_error("a: " + "[" * depth + "]" * depth + "\n")
    assert "nested" in problem.message


def test_deep_nesting_through_aliases_is_a_problem_not_a_crash() -> None:
    half = MAX_DEPTH - 10
    lines = ["a0: &a0 " + "[" * half + "]" * half]
    for i in range(1, 30):
        lines.append(f"a{i}: &a{i} " + "[" * half + f"*a{i - 1}" + "]" * half)
    problem = parse_error("\n".join(lines) + "\n")
    assert "nested" in problem.message


def test_very_deep_nesting_does_not_kill_the_interpreter() -> None:
    code = (
        "from cs_companion.core.yamlsafe import parse_yaml, YamlParseError\n"
        "try:\n"
        "    parse_yaml('a: ' + '[' * 200000 + ']' * 200000, 'x.yaml')\n"
        "except YamlParseError as exc:\n"
        "    print(exc.problem)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert "x.yaml:1:" in proc.stdout


# ----------------------------------------------------------------------------- bytes and encodings


def test_utf8_bom_is_accepted() -> None:
    text = decode_library_bytes(codecs.BOM_UTF8 + "schema: 1\ntitle: 你好\n".encode(), "lib.yaml")
    assert not text.startswith("\ufeff")
    assert parse_yaml(text, "lib.yaml") == {"schema": 1, "title": "你好"}


def test_non_utf8_byte_is_reported_with_line_and_column() -> None:
    problem = decode_error(b"schema: 1\ntitle: caf\xe9\n")
    assert (problem.file, problem.line, problem.col) == ("lib.yaml", 2, 11)
    assert "UTF-8" in problem.message
    assert "0xe9" in problem.message


def test_non_utf8_column_counts_characters_not_bytes() -> None:
    # "标题: 你好" is 6 characters but 14 bytes: editors and YAML errors count characters.
    problem = decode_error("schema: 1\n标题: 你好".encode() + b"\xff\n")
    assert (problem.line, problem.col) == (2, 7)


def test_non_utf8_after_a_bom_is_located_correctly() -> None:
    problem = decode_error(codecs.BOM_UTF8 + b"schema: 1\nab: c\xff\n")
    assert (problem.line, problem.col) == (2, 6)
    assert "0xff" in problem.message


def test_gbk_file_is_refused_with_a_hint() -> None:
    problem = decode_error("标题: 你好\n".encode("gbk"))
    assert (problem.line, problem.col) == (1, 1)
    assert "save it as UTF-8" in problem.message


def test_oversize_bytes_are_refused_before_decoding() -> None:
    problem = decode_error(b"#" * (MAX_FILE_BYTES + 1))
    assert (problem.line, problem.col) == (1, 1)
    assert "limit" in problem.message


def test_oversize_text_is_refused_before_parsing() -> None:
    problem = parse_error("a: " + "x" * MAX_FILE_BYTES)
    assert "limit" in problem.message


def test_file_just_under_the_limit_is_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsafe, "MAX_FILE_BYTES", 64)
    data = b"a: " + b"x" * 60
    assert decode_library_bytes(data, "lib.yaml") == data.decode()
    with pytest.raises(YamlParseError):
        decode_library_bytes(data + b"xx", "lib.yaml")


# ----------------------------------------------------------------------------- scalar values


def test_dates_become_iso_text() -> None:
    data = parse_yaml("updated: 2026-11-23\nat: 2026-11-23 09:30:00\n", "lib.yaml")
    assert data == {"updated": "2026-11-23", "at": "2026-11-23 09:30:00"}
    assert all(isinstance(v, str) for v in data.values())


def test_plain_scalars_keep_their_yaml_types() -> None:
    data = parse_yaml("a: 1\nb: 1.5\nc: true\nd: ~\ne: '001'\n", "lib.yaml")
    assert data == {"a": 1, "b": 1.5, "c": True, "d": None, "e": "001"}


def test_complex_key_is_refused() -> None:
    problem = parse_error("? [a, b]\n: 1\n")
    assert "key" in problem.message
