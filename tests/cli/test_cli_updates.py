"""``cs-companion update``, ``diff`` and ``token`` through the real command-line entry point."""

from __future__ import annotations

import http.server
import io
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.errors
import pytest
from fake_keyring import MemoryKeyring

from cs_companion.cli import main
from cs_companion.storage.paths import AppPaths

TOKEN = "cli-Secret-Token-1234"

TEAM_V1 = """\
schema: 1
library: {name: 团队话术, version: "1"}
scripts:
  - id: team.greeting
    scenario: general.greeting
    title: 团队 · 欢迎
    body: 亲，您好！这里是官方旗舰店～
  - id: team.closing
    scenario: general.closing
    title: 团队 · 结束语
    body: 感谢您的耐心～
"""

TEAM_V2 = TEAM_V1.replace("这里是官方旗舰店～", "欢迎光临～").replace(
    "  - id: team.closing\n    scenario: general.closing\n    title: 团队 · 结束语\n    body: 感谢您的耐心～\n",
    "  - id: team.new\n    scenario: general.closing\n    title: 团队 · 新话术\n    body: 祝您生活愉快～\n",
)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(keyring.backends.fail.Keyring())


@pytest.fixture
def paths(isolated_profile: Path) -> AppPaths:
    return AppPaths.under(isolated_profile)


@pytest.fixture
def share(tmp_path: Path) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    (folder / "team.yaml").write_text(TEAM_V1, encoding="utf-8")
    return folder


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        state = self.server.state  # type: ignore[attr-defined]
        state["auth"].append(self.headers.get("Authorization"))
        if state["status"] != 200:
            self.send_response(state["status"])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
            return
        body = state["bodies"].get(self.path, state["body"])
        self.send_response(200)
        self.send_header("ETag", '"v1"')
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def feed() -> Iterator[dict]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    state = {
        "status": 200,
        "body": TEAM_V1.encode(),
        "bodies": {},  # path -> body, for a second library on the same server
        "auth": [],
        "url": f"http://127.0.0.1:{httpd.server_address[1]}/t.yaml",
    }
    httpd.state = state  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


# ----- update --------------------------------------------------------------------------------


def test_update_from_folder_then_unchanged(share: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["update", "--source", str(share)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "team library updated (团队话术 · v1): 2 added"
    assert "  + 团队 · 欢迎 [team.greeting]" in out
    assert (paths.team_cache_dir / "team.yaml").read_text(encoding="utf-8") == TEAM_V1

    (share / "team.yaml").write_text(TEAM_V2, encoding="utf-8")
    assert main(["update", "--source", str(share)]) == 0
    out = capsys.readouterr().out
    assert "1 added, 1 changed, 1 removed" in out
    assert "  ~ 团队 · 欢迎 [team.greeting]: body" in out and "  - 团队 · 结束语 [team.closing]" in out

    assert main(["update", "--source", str(share)]) == 0
    assert capsys.readouterr().out.startswith("team library unchanged")


def test_update_uses_the_settings_source_and_304(
    feed: dict, paths: AppPaths, memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    paths.config.mkdir(parents=True)
    paths.settings_file.write_text(json.dumps({"team_source": feed["url"]}), encoding="utf-8")
    memory_keyring.set_password("cs-companion", "team-feed-token", TOKEN)

    assert main(["update"]) == 0
    assert "2 added" in capsys.readouterr().out
    assert main(["update"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("team library unchanged")
    assert feed["auth"] == [f"Bearer {TOKEN}"] * 2
    assert TOKEN not in captured.out + captured.err


def test_update_failure_is_one_line_and_replaces_nothing(
    feed: dict, share: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["update", "--source", str(share)]) == 0
    capsys.readouterr()
    before = (paths.team_cache_dir / "team.yaml").read_bytes()

    feed["status"] = 500
    assert main(["update", "--source", feed["url"]]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert one_line(captured.err) == (
        f"cs-companion: update failed, nothing was replaced: HTTP 500 Internal Server Error from {feed['url']}"
    )

    (share / "team.yaml").write_text(TEAM_V1.replace("title: 团队 · 欢迎", "title: [团队"), encoding="utf-8")
    assert main(["update", "--source", str(share)]) == 1
    err = one_line(capsys.readouterr().err)
    assert f"{share / 'team.yaml'}:" in err and "YAML syntax error" in err
    assert (paths.team_cache_dir / "team.yaml").read_bytes() == before


def test_update_failure_in_a_real_process_prints_exactly_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "CS_COMPANION_HOME": str(tmp_path / "p")}
    env["CS_COMPANION_SYSTEM_CONFIG"] = str(tmp_path / "s.json")
    proc = subprocess.run(
        [sys.executable, "-m", "cs_companion", "update", "--source", str(tmp_path / "missing")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert one_line(proc.stderr).startswith("cs-companion: update failed, nothing was replaced: ")
    assert "Traceback" not in proc.stderr


def test_update_refuses_bad_or_missing_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["update"]) == 1
    assert "no team source is set" in one_line(capsys.readouterr().err)
    assert main(["update", "--source", "http://example.com/t.yaml"]) == 1
    assert "only allowed for this computer" in one_line(capsys.readouterr().err)


def test_locked_source_cannot_be_overridden(
    tmp_path: Path, share: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    system = tmp_path / "system" / "config.json"
    system.parent.mkdir(parents=True)
    system.write_text(json.dumps({"team_source": str(share), "lock_team_source": True}), encoding="utf-8")
    assert main(["update", "--source", str(tmp_path / "elsewhere")]) == 1
    assert "set by your administrator" in one_line(capsys.readouterr().err)
    assert not paths.team_cache_dir.exists()
    assert main(["update"]) == 0


# ----- diff ----------------------------------------------------------------------------------


def test_diff_shows_what_a_push_would_change(write_yaml, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    old = write_yaml("old.yaml", TEAM_V1)
    new = write_yaml("new.yaml", TEAM_V2)
    assert main(["diff", str(old), str(new)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "+ 团队 · 新话术 [team.new]",
        "~ 团队 · 欢迎 [team.greeting]: body",
        "    - body: 亲，您好！这里是官方旗舰店～",
        "    + body: 亲，您好！欢迎光临～",
        "- 团队 · 结束语 [team.closing]",
        "1 added, 1 changed, 1 removed",
    ]


def test_diff_fetches_https_and_http_sources_like_update(
    feed: dict, write_yaml, memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    memory_keyring.set_password("cs-companion", "team-feed-token", TOKEN)
    feed["bodies"]["/v2.yaml"] = TEAM_V2.encode()
    v2_url = feed["url"].replace("/t.yaml", "/v2.yaml")
    expected = [
        "+ 团队 · 新话术 [team.new]",
        "~ 团队 · 欢迎 [team.greeting]: body",
        "    - body: 亲，您好！这里是官方旗舰店～",
        "    + body: 亲，您好！欢迎光临～",
        "- 团队 · 结束语 [team.closing]",
        "1 added, 1 changed, 1 removed",
    ]

    assert main(["diff", feed["url"], v2_url]) == 0  # both fetched, no "http:/127.0.0.1" path
    captured = capsys.readouterr()
    assert captured.out.splitlines() == expected and captured.err == ""
    assert feed["auth"] == [f"Bearer {TOKEN}"] * 2  # the stored token, as update sends it

    new = write_yaml("new.yaml", TEAM_V2)
    assert main(["diff", feed["url"], str(new)]) == 0  # feed against a local draft
    assert capsys.readouterr().out.splitlines() == expected


def test_diff_with_a_failing_or_refused_address_is_one_line(feed: dict, write_yaml, capsys) -> None:  # type: ignore[no-untyped-def]
    new = write_yaml("new.yaml", TEAM_V2)
    feed["status"] = 404
    assert main(["diff", feed["url"], str(new)]) == 1
    assert one_line(capsys.readouterr().err) == (
        f"cs-companion: OLD library cannot be loaded: HTTP 404 Not Found from {feed['url']} (check the team address)"
    )
    assert main(["diff", str(new), "http://example.com/team.yaml"]) == 1
    err = one_line(capsys.readouterr().err)
    assert err.startswith("cs-companion: NEW library cannot be loaded: plain http:// is only allowed")


def test_diff_of_invalid_new_prints_problems(write_yaml, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    old = write_yaml("old.yaml", TEAM_V1)
    new = write_yaml("new.yaml", TEAM_V1.replace("body: 感谢您的耐心～", "body: 感谢{{who}}的耐心～\n    notes: [x"))
    assert main(["diff", str(old), str(new)]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith(f"{new}:")
    assert all(line.startswith(f"{new}:") for line in captured.out.splitlines())
    assert "would be refused" in one_line(captured.err)

    non_compliant = write_yaml("bad.yaml", TEAM_V1.replace("感谢您的耐心～", "好评返现5元～"))
    assert main(["diff", str(old), str(non_compliant)]) == 1
    assert "[review_reward]" in capsys.readouterr().out


def test_diff_with_unloadable_old(write_yaml, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    new = write_yaml("new.yaml", TEAM_V1)
    assert main(["diff", str(tmp_path / "missing.yaml"), str(new)]) == 1
    assert "cannot be loaded" in one_line(capsys.readouterr().err)


# ----- token ---------------------------------------------------------------------------------


def test_token_set_from_stdin_status_and_clear(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(f"  {TOKEN}\n"))
    assert main(["token", "set"]) == 0
    assert memory_keyring.values == {("cs-companion", "team-feed-token"): TOKEN}

    assert main(["token", "status"]) == 0
    assert main(["token", "clear"]) == 0
    assert main(["token", "clear"]) == 0
    assert main(["token", "status"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "access token stored in the system keyring",
        "an access token is stored in the system keyring",
        "access token removed",
        "no access token was stored",
        "no access token is stored",
    ]
    assert TOKEN not in captured.out + captured.err


def test_token_set_prompts_on_a_terminal(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    prompts: list[str] = []
    monkeypatch.setattr("sys.stdin", Terminal("never read\n"))
    monkeypatch.setattr("getpass.getpass", lambda prompt="": prompts.append(prompt) or TOKEN)
    assert main(["token", "set"]) == 0
    assert prompts == ["Access token (input hidden): "]
    assert memory_keyring.values[("cs-companion", "team-feed-token")] == TOKEN
    assert TOKEN not in capsys.readouterr().out


def test_token_set_rejects_empty_and_arguments(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["token", "set"]) == 1
    assert "empty" in one_line(capsys.readouterr().err)
    assert main(["token", "set", TOKEN]) == 2  # never accepted on the command line
    assert main(["token"]) == 2
    assert memory_keyring.values == {}


def test_token_without_keyring_backend(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    monkeypatch.setattr("sys.stdin", io.StringIO(TOKEN + "\n"))
    assert main(["token", "set"]) == 1
    captured = capsys.readouterr()
    assert one_line(captured.err) == (
        "cs-companion: cannot store the access token: no system keyring is available on this computer"
    )
    assert TOKEN not in captured.err
    assert main(["token", "status"]) == 1
    assert "no system keyring" in capsys.readouterr().out
    assert main(["token", "clear"]) == 1
