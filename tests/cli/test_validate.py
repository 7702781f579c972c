"""``validate``: one label per finding saying what agents' apps do with it, honest counts, did-you-mean."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from test_cli import run

WriteYaml = Callable[[str, str], Path]
LABELLED = re.compile(r"^.+:\d+:\d+: (error|warning): ")

BLOCKING = "  - {id: r.one, scenario: review.invite, title: T, body: 好评返现}\n"  # review_reward: the app refuses
NON_BLOCKING = "  - {id: r.two, scenario: logistics.delay, title: T, body: 保证明天一定到}\n"  # guarantee: accepted


def labels(out: str) -> list[str]:
    found = []
    for line in out.splitlines():
        match = LABELLED.match(line)
        assert match, f"unlabelled finding: {line}"
        found.append(match.group(1))
    return found


def test_blocking_compliance_in_a_team_file_is_an_error_and_fails(
    capsys: pytest.CaptureFixture[str], write_yaml: WriteYaml
) -> None:
    """A team update refuses a blocking finding, so validate calls it an error (it said "warning" and failed)."""
    path = write_yaml("team.yaml", "schema: 1\nscripts:\n" + BLOCKING)
    code, out, err = run(capsys, "validate", str(path))
    assert code == 1
    assert labels(out) == ["error"]
    assert "[review_reward]" in out
    assert err.strip() == f"{path}: invalid, agents' apps refuse this library (1 error)"


def test_a_non_blocking_finding_is_a_warning_the_app_accepts(
    capsys: pytest.CaptureFixture[str], write_yaml: WriteYaml
) -> None:
    path = write_yaml("team.yaml", "schema: 1\nscripts:\n" + NON_BLOCKING)
    code, out, err = run(capsys, "validate", str(path))
    assert code == 0
    assert labels(out) == ["warning"]
    assert "refuse" not in err and "refused" not in err
    assert err.strip() == f"{path}: ok, 1 script, 1 warning"


def test_strict_fails_on_warnings_without_counting_anything_twice(
    capsys: pytest.CaptureFixture[str], write_yaml: WriteYaml
) -> None:
    path = write_yaml("team.yaml", "schema: 1\nscripts:\n" + NON_BLOCKING)
    code, out, err = run(capsys, "validate", "--strict", str(path))
    assert code == 1
    assert labels(out) == ["warning"]
    assert err.strip() == f"{path}: 1 script, 1 warning: fails --strict"

    path = write_yaml("both.yaml", "schema: 1\nscripts:\n" + BLOCKING + NON_BLOCKING)
    code, out, err = run(capsys, "validate", "--strict", str(path))
    assert code == 1
    assert sorted(labels(out)) == ["error", "warning"]
    assert err.strip() == f"{path}: invalid, agents' apps refuse this library (1 error, 1 warning)"


def test_counts_are_plural_only_when_more_than_one(capsys: pytest.CaptureFixture[str], write_yaml: WriteYaml) -> None:
    two = NON_BLOCKING + NON_BLOCKING.replace("r.two", "r.three")
    path = write_yaml("team.yaml", "schema: 1\nscripts:\n" + two)
    code, _, err = run(capsys, "validate", str(path))
    assert code == 0
    assert err.strip() == f"{path}: ok, 2 scripts, 2 warnings"


def test_every_loader_finding_is_labelled(capsys: pytest.CaptureFixture[str], write_yaml: WriteYaml) -> None:
    path = write_yaml("broken.yaml", "schema: 1\nscripts:\n  - {id: a.one, scenario: x.a, title: [T], body: B}\n")
    code, out, err = run(capsys, "validate", str(path))
    assert code == 1
    assert "error" in labels(out)
    assert "1 error" in err and "1 errors" not in err


# ----------------------------------------------------------------------------- did you mean


def test_a_category_one_letter_off_a_builtin_one_is_reported_with_the_fix(
    capsys: pytest.CaptureFixture[str], write_yaml: WriteYaml
) -> None:
    """A team ``aftersale`` next to the built-in ``aftersales`` made a second 售后 tab, silently."""
    path = write_yaml(
        "team.yaml",
        "schema: 1\n"
        "categories:\n"
        "  - {id: aftersale, name: 售后}\n"
        "  - {id: vip, name: 大客户}\n"
        "scripts:\n"
        "  - id: t.one\n"
        "    scenario: logistic.delay\n"
        "    title: T\n"
        "    body: 您好\n",
    )
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0  # the app accepts new categories: a warning, not an error
    lines = out.splitlines()
    assert lines[0].startswith(f"{path}:3:10: warning: category 'aftersale'")
    assert lines[0].endswith("did you mean 'aftersales'?")
    assert lines[1].startswith(f"{path}:7:15: warning: script 't.one' uses scenario 'logistic.delay'")
    assert lines[1].endswith("did you mean 'logistics.delay'?")
    assert not any("'vip'" in line for line in lines)  # a genuinely new category is fine


def test_a_declared_scenario_close_to_a_builtin_one_is_reported(
    capsys: pytest.CaptureFixture[str], write_yaml: WriteYaml
) -> None:
    path = write_yaml(
        "team.yaml",
        "schema: 1\n"
        "scenarios:\n"
        "  - {id: aftersales.refund_progres, name: 退款进度}\n"
        "  - {id: aftersales.gift_wrap, name: 礼品包装}\n"
        "scripts:\n"
        "  - {id: t.one, scenario: aftersales.gift_wrap, title: T, body: 您好}\n",
    )
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0
    (line,) = out.splitlines()
    assert line.startswith(f"{path}:3:5: warning: scenario 'aftersales.refund_progres'")
    assert line.endswith("did you mean 'aftersales.refund_progress'?")


# ----------------------------------------------------------------------------- list --scenarios


def test_list_scenarios_prints_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--scenarios")
    assert code == 0
    lines = out.splitlines()
    assert "aftersales\t售后" in lines
    (delay,) = [line for line in lines if line.startswith("  logistics.delay\t")]
    assert "催件" in delay.split("\t")[2]  # its aliases


def test_list_scenarios_json_includes_a_team_category(
    capsys: pytest.CaptureFixture[str], write_yaml: WriteYaml
) -> None:
    import json

    team = "schema: 1\ncategories:\n  - {id: vip, name: 大客户}\nscenarios:\n  - {id: vip.hello, name: 大客户问候}\n"
    team += "scripts:\n  - {id: t.one, scenario: vip.hello, title: T, body: 您好}\n"
    path = write_yaml("team.yaml", team)
    code, out, _ = run(capsys, "--library", str(path), "list", "--scenarios", "--json")
    assert code == 0
    groups = {g["id"]: g for g in json.loads(out)}
    assert groups["vip"] == {
        "id": "vip",
        "name": "大客户",
        "scenarios": [{"id": "vip.hello", "name": "大客户问候", "aliases": []}],
    }
    assert {"id", "name", "aliases"} <= set(groups["logistics"]["scenarios"][0])
