"""The start-up snapshot and layer stack: keyed on content, untrusted, and never the reason a start fails."""

from __future__ import annotations

import hashlib
import marshal
import os
from pathlib import Path

import pytest
from conftest import BUILTIN_LIBRARY

from cs_companion.core import budget
from cs_companion.core.models import Layer
from cs_companion.storage import snapshot as snapshot_module
from cs_companion.storage.snapshot import MAGIC
from cs_companion.storage.stack import load_indexed

TEAM = """\
schema: 1
scripts:
  - id: team.alpha
    scenario: general.greeting
    title: 团队问候
    body: "{text}"
"""


def write_team(path: Path, text: str) -> None:
    path.write_text(TEAM.format(text=text), encoding="utf-8")


def team_body(loaded_library: object) -> str:
    script = loaded_library.script("team.alpha")  # type: ignore[attr-defined]
    assert script is not None
    return str(script.body)


def test_same_size_edit_with_restored_mtime_is_not_stale(tmp_path: Path) -> None:
    team, snap = tmp_path / "team.yaml", tmp_path / "cache" / "lib.snapshot"
    write_team(team, "第一版本")
    first = load_indexed(BUILTIN_LIBRARY, team, None, snap)
    assert team_body(first.library) == "第一版本" and not first.from_snapshot
    assert load_indexed(BUILTIN_LIBRARY, team, None, snap).from_snapshot

    stat = team.stat()
    write_team(team, "第二版本")  # same byte length
    os.utime(team, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert team.stat().st_size == stat.st_size and team.stat().st_mtime_ns == stat.st_mtime_ns

    again = load_indexed(BUILTIN_LIBRARY, team, None, snap)
    assert not again.from_snapshot
    assert team_body(again.library) == "第二版本"


def resign(path: Path, change: object) -> None:
    """Rewrite a snapshot's payload with ``change`` applied and a valid digest (a crafted file)."""
    raw = path.read_bytes()
    fields = list(marshal.loads(raw[len(MAGIC) + 32 :]))
    change(fields)  # type: ignore[operator]
    payload = marshal.dumps(tuple(fields))
    path.write_bytes(MAGIC + hashlib.sha256(payload).digest() + payload)


@pytest.mark.parametrize(
    "bad_layers",
    [
        {"nonsense": ("a", "b", "c", "d")},  # not a layer
        {"builtin": ("a", "b", "c", "d", "e")},  # wrong number of values
        {"builtin": (1, 2, 3, 4)},  # not text
        ["builtin"],  # not a mapping
    ],
)
def test_crafted_snapshot_with_bad_layer_info_means_a_rebuild(tmp_path: Path, bad_layers: object) -> None:
    snap = tmp_path / "lib.snapshot"
    load_indexed(BUILTIN_LIBRARY, None, None, snap)
    resign(snap, lambda fields: fields.__setitem__(5, {"layers": bad_layers}))

    loaded = load_indexed(BUILTIN_LIBRARY, None, None, snap)
    assert not loaded.from_snapshot
    assert loaded.builtin_ok and len(loaded.library.scripts) > 100
    assert load_indexed(BUILTIN_LIBRARY, None, None, snap).from_snapshot  # rewritten, good again


def test_crafted_snapshot_with_bad_library_state_means_a_rebuild(tmp_path: Path) -> None:
    snap = tmp_path / "lib.snapshot"
    load_indexed(BUILTIN_LIBRARY, None, None, snap)
    resign(snap, lambda fields: fields.__setitem__(2, ("info", "cats")))
    assert not load_indexed(BUILTIN_LIBRARY, None, None, snap).from_snapshot


def test_key_changes_with_content_not_only_stats(tmp_path: Path) -> None:
    a = tmp_path / "a.yaml"
    a.write_bytes(b"abc")
    first = snapshot_module.sources_key([("team", [(str(a), 3, snapshot_module.file_digest(a))])])
    a.write_bytes(b"abd")
    second = snapshot_module.sources_key([("team", [(str(a), 3, snapshot_module.file_digest(a))])])
    assert first != second


def test_damaged_own_scripts_are_set_aside_and_the_rest_loads(tmp_path: Path) -> None:
    personal = tmp_path / "my_scripts.yaml"
    damaged = "schema: 1\nlibrary:\n  updated: 2026-02-30\nscripts: []\n"
    personal.write_text(damaged, encoding="utf-8")

    loaded = load_indexed(BUILTIN_LIBRARY, None, personal, tmp_path / "lib.snapshot")

    assert loaded.builtin_ok and Layer.PERSONAL not in loaded.layer_info
    assert not personal.exists()
    kept = tmp_path / "my_scripts.yaml.corrupt"
    assert kept.read_text(encoding="utf-8") == damaged  # nothing lost
    (problem,) = [p for p in loaded.problems if p.is_error]
    assert (problem.file, problem.line, problem.col) == (str(personal), 3, 12)
    assert "2026-02-30" in problem.message and "my_scripts.yaml.corrupt" in problem.message
    # The next start is clean and can use the snapshot written under the new key.
    again = load_indexed(BUILTIN_LIBRARY, None, personal, tmp_path / "lib.snapshot")
    assert again.from_snapshot and not [p for p in again.problems if p.is_error]


def test_unreadable_own_scripts_are_not_set_aside(tmp_path: Path) -> None:
    personal = tmp_path / "my_scripts.yaml"
    personal.mkdir()  # a folder where the file should be: not damage we may move
    (personal / "x.yaml").write_text("schema: 1\nscripts: [\n", encoding="utf-8")
    loaded = load_indexed(BUILTIN_LIBRARY, None, personal, None)
    assert personal.is_dir() and loaded.builtin_ok


def test_layers_too_big_together_leave_the_team_layer_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    team, personal = tmp_path / "team.yaml", tmp_path / "my_scripts.yaml"
    write_team(team, "团" * 300)
    personal.write_text(
        "schema: 1\nscripts:\n  - {id: my.a, scenario: general.greeting, title: 我的, body: 你好}\n", "utf-8"
    )
    builtin_only = load_indexed(BUILTIN_LIBRARY, None, None, None)
    monkeypatch.setattr(budget, "MAX_INDEXED_CHARS", budget.indexed_chars(builtin_only.library)[1] + 100)

    loaded = load_indexed(BUILTIN_LIBRARY, team, personal, None)

    assert loaded.library.script("team.alpha") is None
    assert loaded.library.script("my.a") is not None
    assert any("team library is left out" in p.message for p in loaded.problems)
