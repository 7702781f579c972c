"""The command line: scriptable output, one-line errors, documented exit codes, never a traceback."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pyperclip
import pytest

from cs_companion import APP_NAME, __version__
from cs_companion.cli import main

WriteYaml = Callable[[str, str], Path]
BUILTIN = Path(__file__).resolve().parents[2] / "scripts_library"
PROBLEM_LINE = re.compile(r"^.+:\d+:\d+: ")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the CLI in-process: (exit code, stdout, stderr). ``--version``/``--help`` exit via SystemExit."""
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's own --version / --help
        code = exc.code if isinstance(exc.code, int) else 0
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str, *fragments: str) -> None:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"{APP_NAME}: ")
    for fragment in fragments:
        assert fragment in lines[0]


CUSTOM = """\
schema: 1
scenarios:
  - {id: shop.hello, name: 自定义问候}
scripts:
  - id: shop.hello.one
    scenario: shop.hello
    title: 自定义 · 问候
    keywords: [自定义问候]
    fields:
      - {name: name, label: 顾客称呼, required: true}
    body: "{{name}}您好，这是自定义话术。"
"""


# ----------------------------------------------------------------------------- search


def test_search_json_returns_ranked_objects(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", "wlyc", "--json")
    assert code == 0, err
    hits = json.loads(out)
    assert isinstance(hits, list)
    assert hits
    for hit in hits:
        assert {"id", "scenario", "title", "score"} <= set(hit)
        assert isinstance(hit["score"], (int, float))
    assert hits[0]["scenario"] == "logistics.delay"
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_search_limit_is_respected(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "订单", "--json", "--limit", "2")
    assert code == 0
    assert len(json.loads(out)) == 2


def test_search_plain_output_lists_ids(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "物流延迟")
    assert code == 0
    assert "logistics.delay." in out.splitlines()[0]


@pytest.mark.parametrize("limit", ["0", "-3"])
def test_search_limit_below_one_is_a_usage_error(capsys: pytest.CaptureFixture[str], limit: str) -> None:
    code, out, err = run(capsys, "search", "wlyc", "--limit", limit)
    assert code == 2
    assert out == ""
    assert_one_line_error(err, "--limit")


def test_search_limit_must_be_a_number(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "search", "wlyc", "--limit", "many")
    assert code == 2
    assert_one_line_error(err)


# ----------------------------------------------------------------------------- render


def test_render_prints_the_filled_reply(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "render", "logistics.delay.first_reply", "--set", "order_no=AB12345678", "--set", "eta=明天"
    )
    assert code == 0, err
    assert "AB12345678" in out
    assert "明天" in out
    assert "{{" not in out
    assert "【" not in out


def test_render_value_may_contain_equals_sign(capsys: pytest.CaptureFixture[str], write_yaml: WriteYaml) -> None:
    path = write_yaml("custom.yaml", CUSTOM)
    code, out, _ = run(capsys, "--library", str(path), "render", "shop.hello.one", "--set", "name=a=b")
    assert code == 0
    assert out.strip() == "a=b您好，这是自定义话术。"


def test_render_missing_value_names_the_field(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "render", "logistics.delay.first_reply")
    assert code == 1
    assert out == ""
    assert_one_line_error(err, "order_no", "订单号")


def test_render_invalid_value_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "render", "logistics.delay.first_reply", "--set", "order_no=12")
    assert code == 1
    assert out == ""
    assert_one_line_error(err, "order_no")


def test_render_unknown_id(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "render", "no.such.script")
    assert code == 1
    assert out == ""
    assert_one_line_error(err, "no.such.script")


@pytest.mark.parametrize("pair", ["order_no", "=AB1234", " =x"])
def test_render_bad_set_syntax_is_a_usage_error(capsys: pytest.CaptureFixture[str], pair: str) -> None:
    code, out, err = run(capsys, "render", "logistics.delay.first_reply", "--set", pair)
    assert code == 2
    assert out == ""
    assert_one_line_error(err, "NAME=VALUE")


def test_render_unknown_field_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "render", "logistics.delay.first_reply", "--set", "order_no=AB1234", "--set", "x=1")
    assert code == 2
    assert_one_line_error(err, "x")


# ----------------------------------------------------------------------------- render --copy


def test_render_copy_puts_text_on_the_clipboard(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    copied: list[str] = []
    monkeypatch.setattr(pyperclip, "copy", copied.append)
    code, out, err = run(capsys, "render", "logistics.delay.first_reply", "--set", "order_no=AB1234", "--copy")
    assert code == 0, err
    assert copied == [out.rstrip("\n")]
    assert "AB1234" in copied[0]
    assert "Traceback" not in err


def test_render_copy_without_clipboard_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_clipboard(text: str) -> None:
        raise pyperclip.PyperclipException("Pyperclip could not find a copy/paste mechanism for your system.\nMore")

    monkeypatch.setattr(pyperclip, "copy", no_clipboard)
    code, out, err = run(capsys, "render", "logistics.delay.first_reply", "--set", "order_no=AB1234", "--copy")
    assert code == 1
    assert "AB1234" in out  # the text is still printed, so it can be copied by hand
    assert_one_line_error(err, "clipboard")


# ----------------------------------------------------------------------------- validate


def test_validate_builtin_library_passes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", str(BUILTIN))
    assert code == 0, out + err
    assert out == ""
    assert "ok" in err


def test_validate_broken_file_lists_each_problem_as_file_line_col(
    capsys: pytest.CaptureFixture[str], write_yaml: WriteYaml
) -> None:
    path = write_yaml(
        "broken.yaml",
        "schema: 1\n"
        "scripts:\n"
        "  - id: a.one\n"
        "    scenario: x.a\n"
        "    title: [T]\n"
        "    body: '{{nope}}'\n"
        '    "bad\\nkey": 1\n'
        "  - id: a.two\n"
        "    scenario: x.a\n"
        "    title: T\n",
    )
    code, out, err = run(capsys, "validate", str(path))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) >= 4
    for line in lines:
        assert PROBLEM_LINE.match(line), line
        assert line.startswith(f"{path}:")
    assert {int(line.split(":")[1]) for line in lines} == {5, 6, 7, 8}
    assert "Traceback" not in err


def test_validate_unparseable_file(capsys: pytest.CaptureFixture[str], write_yaml: WriteYaml) -> None:
    path = write_yaml("broken.yaml", "schema: 1\nscripts: [\n")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    (line,) = out.splitlines()
    assert PROBLEM_LINE.match(line)


def test_validate_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "validate", str(tmp_path / "nope.yaml"))
    assert code == 1
    assert PROBLEM_LINE.match(out)
    assert "Traceback" not in err


# ----------------------------------------------------------------------------- list


def test_list_json_describes_every_script(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    scripts = json.loads(out)
    assert len(scripts) >= 100
    for item in scripts:
        assert {"id", "scenario", "title", "fields", "body"} <= set(item)
        assert isinstance(item["fields"], list)
        for fld in item["fields"]:
            assert {"name", "label", "type", "required"} <= set(fld)
    assert len({item["id"] for item in scripts}) == len(scripts)


def test_list_plain_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert "logistics.delay.first_reply\t物流\t" in out


# ----------------------------------------------------------------------------- --library


def test_library_option_is_the_team_layer_over_the_builtin_one(
    capsys: pytest.CaptureFixture[str], write_yaml: WriteYaml
) -> None:
    """``--library`` means the same in every command and in the window: the team library."""
    path = write_yaml("custom.yaml", CUSTOM)
    code, out, _ = run(capsys, "--library", str(path), "list", "--json")
    assert code == 0
    listed = json.loads(out)
    (item,) = [i for i in listed if i["layer"] == "team"]
    assert any(i["layer"] == "builtin" for i in listed)
    assert item["id"] == "shop.hello.one"
    assert item["scenario_name"] == "自定义问候"
    assert item["fields"][0]["name"] == "name"
    code, out, _ = run(capsys, "--library", str(path), "render", "shop.hello.one", "--set", "name=王女士")
    assert code == 0
    assert out.strip() == "王女士您好，这是自定义话术。"
    code, out, _ = run(capsys, "--library", str(path), "search", "自定义问候", "--json")
    assert code == 0
    assert json.loads(out)[0]["id"] == "shop.hello.one"


def test_broken_custom_library_is_one_line_error(capsys: pytest.CaptureFixture[str], write_yaml: WriteYaml) -> None:
    path = write_yaml("custom.yaml", "schema: 1\nscripts: [\n")
    code, out, err = run(capsys, "--library", str(path), "list")
    assert code == 1
    assert out == ""
    assert_one_line_error(err, str(path))


def test_missing_custom_library(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "--library", str(tmp_path / "nope"), "list")
    assert code == 1
    assert_one_line_error(err)


# ----------------------------------------------------------------------------- usage


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"{APP_NAME} {__version__}"


@pytest.mark.parametrize("args", [["frobnicate"], ["--bogus"], ["search"], ["render"], ["list", "--yaml"]])
def test_usage_errors_exit_2_without_traceback(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert_one_line_error(err)


def test_validate_fails_on_a_library_without_scripts(capsys: pytest.CaptureFixture[str], write_yaml: WriteYaml) -> None:
    for name, text in (("empty.yaml", ""), ("catalogue.yaml", "schema: 1\ncategories:\n  - {id: x, name: X}\n")):
        path = write_yaml(name, text)
        code, out, err = run(capsys, "validate", str(path))
        assert code == 1, out + err
        assert f"{path}:1:1: error: the library has no scripts" in out
        assert "ok" not in err and "invalid" in err


@pytest.mark.parametrize("value", ["2026-02-30", "2026-01-01 10:00:00+25:00", "9" * 5000, "!!int abc"])
def test_validate_reports_an_invalid_scalar_with_exit_1(
    capsys: pytest.CaptureFixture[str], write_yaml: WriteYaml, value: str
) -> None:
    path = write_yaml("bad.yaml", f"schema: 1\nlibrary:\n  updated: {value}\n" + CUSTOM.split("\n", 1)[1])
    code, out, err = run(capsys, "validate", str(path))
    assert code == 1, out + err
    assert out.startswith(f"{path}:3:12: error: ")
    assert "unexpected" not in err and "Traceback" not in err


def test_validate_refuses_the_alias_text_bomb_quickly(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import time

    from hostile_libraries import hostile_library

    path = tmp_path / "hostile.yaml"
    path.write_bytes(hostile_library())
    started = time.perf_counter()
    code, out, _ = run(capsys, "validate", str(path))
    assert time.perf_counter() - started < 2
    assert code == 1
    assert out.startswith(f"{path}:3:5: error: document expands to more than")
