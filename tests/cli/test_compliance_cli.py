"""``cs-companion check``: findings with rule, words and position; exit 1 only on a blocking one."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from cs_companion.cli import main


@pytest.fixture(autouse=True)
def isolated_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    profile = tmp_path / "profile"
    monkeypatch.setenv("CS_COMPANION_HOME", str(profile))
    return profile


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_blocking_finding_prints_rule_words_and_position(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "亲，加我微信吧")
    assert code == 1
    assert out == "text:1:3: 不能引导顾客到平台外联系：「加我微信」 [off_platform_contact]\n"
    assert "1 blocking" in err


def test_clean_text_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "亲，您好，已经帮您催过快递了")
    assert (code, out) == (0, "")
    assert "clean" in err


def test_warnings_only_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "保证明天一定到")
    assert code == 0
    assert out.startswith("text:1:1: warning: ") and "[guarantee]" in out  # the whole assurance, 保证…一定到


def test_dash_reads_stdin_and_positions_are_line_and_column(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", _Stdin("您好\n请加.微.信，全网最低价".encode()))
    code, out, _ = run(capsys, "check", "-")
    assert code == 1
    assert out.splitlines() == [
        "<stdin>:2:2: 不能引导顾客到平台外联系：「加.微.信」 [off_platform_contact]",
        "<stdin>:2:8: 广告法禁用的最高级用语：「全网最低价」 [ad_superlative]",
    ]


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--json", "这个我不知道")
    assert code == 1
    (row,) = json.loads(out)
    assert (row["rule"], row["words"], row["start"], row["end"], row["blocking"]) == (
        "forbidden_phrase",
        "我不知道",  # the team phrase and the built-in brush-off rule, merged under the team's name
        2,
        6,
        True,
    )


def test_team_library_phrases_are_used(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    team = tmp_path / "team.yaml"
    team.write_text(
        "schema: 1\ncompliance: {forbidden: [亲爱的]}\nscripts:\n"
        "  - {id: t.a, scenario: general.greeting, title: T, body: 您好}\n",
        encoding="utf-8",
    )
    assert run(capsys, "check", "亲爱的您好")[0] == 0
    code, out, _ = run(capsys, "check", "亲爱的您好", "--library", str(team))
    assert code == 1 and "「亲爱的」" in out


def test_non_utf8_stdin_is_one_line_error(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", _Stdin(b"\xff\xfe\x00"))
    code, out, err = run(capsys, "check")
    assert code == 1 and out == ""
    assert err.startswith("cs-companion: stdin is not UTF-8") and len(err.strip().splitlines()) == 1
