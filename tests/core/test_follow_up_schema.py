"""``follow_up:`` in the library format: read into the model, mistakes reported at file:line:col."""

from __future__ import annotations

import pytest

from cs_companion.core.loader import load_sources
from cs_companion.core.models import FollowUp, Layer
from cs_companion.core.problems import Problem

SCRIPT = """schema: 1
scripts:
  - id: a.callback
    scenario: followup.callback
    title: 回电
    fields:
      - {{name: eta, label: 回复时间, type: eta}}
    body: "{{{{eta}}}}给您回复"
{follow_up}
"""


def load(follow_up: str) -> tuple[FollowUp | None, list[Problem]]:
    text = SCRIPT.format(follow_up=follow_up)
    result = load_sources([("lib.yaml", text.encode("utf-8"))], Layer.TEAM, ("followup.callback",))
    script = result.library.script("a.callback") if result.library is not None else None
    return (script.follow_up if script is not None else None), [p for p in result.problems if p.is_error]


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        ("    follow_up: {after: 2h, note: 回电}", FollowUp("2h", "回电")),
        ("    follow_up: {after: 30m}", FollowUp("30m", "")),
        ("    follow_up:\n      after: eta\n      note: 按约定回复", FollowUp("eta", "按约定回复")),
        ("", None),
    ],
)
def test_follow_up_is_read(yaml: str, expected: FollowUp | None) -> None:
    follow_up, problems = load(yaml)
    assert problems == [] and follow_up == expected


@pytest.mark.parametrize(
    ("yaml", "line", "col", "words"),
    [
        ("    follow_up: {after: soon}", 9, 24, "must be a time like 30m, 2h or 1d"),
        ("    follow_up:\n      note: x", 10, 7, "missing required key 'after'"),
        ("    follow_up: 2h", 9, 16, "must be a mapping"),
        ("    follow_up: {after: 400d}", 9, 24, "at most a year"),
    ],
)
def test_follow_up_mistakes_point_at_file_line_col(yaml: str, line: int, col: int, words: str) -> None:
    follow_up, problems = load(yaml)
    assert follow_up is None
    assert len(problems) == 1, [str(p) for p in problems]
    assert (problems[0].file, problems[0].line, problems[0].col) == ("lib.yaml", line, col)
    assert words in problems[0].message


def test_after_eta_needs_an_eta_field() -> None:
    text = SCRIPT.replace("type: eta", "type: text").format(follow_up="    follow_up: {after: eta}")
    result = load_sources([("lib.yaml", text.encode("utf-8"))], Layer.TEAM, ("followup.callback",))
    messages = [p.message for p in result.problems if p.is_error]
    assert any("has no field of type eta" in m for m in messages), messages
