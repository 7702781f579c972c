"""The agent's own scripts: validated, atomic, round-tripping edits, export and import."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import BUILTIN_LIBRARY

from cs_companion.core.loader import load_path
from cs_companion.core.models import Field, FieldType, Layer, Library, Script
from cs_companion.storage import personal
from cs_companion.storage.paths import AppPaths
from cs_companion.storage.personal import PersonalError, PersonalStore


@pytest.fixture(scope="module")
def builtin() -> Library:
    library = load_path(BUILTIN_LIBRARY, Layer.BUILTIN).library
    assert library is not None
    return library


@pytest.fixture
def store(isolated_profile: Path, builtin: Library) -> PersonalStore:
    return PersonalStore(AppPaths.under(isolated_profile).personal_library_file, builtin)


def mine(sid: str = "my.hello", body: str = "亲，您好～", **kw: object) -> Script:
    values: dict[str, object] = {"scenario": "general.greeting", "title": "我的欢迎语", "layer": Layer.PERSONAL}
    values.update(kw)
    return Script(id=sid, body=body, **values)  # type: ignore[arg-type]


def test_missing_file_is_an_empty_library(store: PersonalStore) -> None:
    assert store.scripts() == []
    assert store.load().ok and not store.path.exists()


def test_add_writes_readable_yaml_and_round_trips(store: PersonalStore) -> None:
    script = mine(
        body='亲，您的订单{{order_no}}已退款{{amount}}。\n  缩进的一行: 含冒号 # 和井号\n"引号"',
        fields=(
            Field("order_no", "订单号", FieldType.ORDER_NO, required=True),
            Field("amount", "金额", FieldType.MONEY, default="15"),
            Field("speed", "时效", FieldType.CHOICE, options=("快", "慢"), hint="选一个"),
        ),
        keywords=("退款", "到账"),
        examples=("钱退了吗",),
        notes="第一行\n第二行",
        meta={"owner": "小王"},
    )
    saved = store.add(script)

    text = store.path.read_text(encoding="utf-8")
    assert "schema: 1\nscripts:\n" in text
    assert "body: |" in text and "退款" in text and "\\u" not in text  # block style, real characters
    assert saved.layer is Layer.PERSONAL and saved.origin == str(store.path)
    assert [s.id for s in store.scripts()] == ["my.hello"]
    again = store.get("my.hello")
    assert again is not None
    for attr in ("id", "scenario", "title", "body", "fields", "keywords", "examples", "notes", "layer"):
        assert getattr(again, attr) == getattr(script, attr), attr
    assert dict(again.meta) == {"owner": "小王"}
    assert not [p for p in store.path.parent.iterdir() if p.name.endswith(".tmp")]


def test_add_refuses_duplicates_invalid_and_non_compliant(store: PersonalStore) -> None:
    store.add(mine())
    before = store.path.read_bytes()
    with pytest.raises(PersonalError, match=r"already have a script with id 'my\.hello'"):
        store.add(mine())
    with pytest.raises(PersonalError, match=r"placeholder '\{\{name\}\}' in script 'my.x' has no field"):
        store.add(mine("my.x", body="亲爱的{{name}}"))
    with pytest.raises(PersonalError, match="title"):
        store.add(mine("my.y", title="  "))
    with pytest.raises(PersonalError, match=r"review_reward"):
        store.add(mine("my.z", body="给个好评返现5元"))
    with pytest.raises(PersonalError, match="禁忌语"):
        store.add(mine("my.w", body="这个我也不知道"))
    assert store.path.read_bytes() == before


def test_update_delete_and_rename(store: PersonalStore) -> None:
    store.add(mine("my.a"))
    store.add(mine("my.b", title="第二条"))
    store.add(mine("my.c", title="第三条"))

    updated = store.update("my.b", replace(store.get("my.b"), body="新的正文"))  # type: ignore[type-var]
    assert updated.body == "新的正文"
    assert [s.id for s in store.scripts()] == ["my.a", "my.b", "my.c"]

    store.update("my.b", replace(updated, id="my.renamed"))
    assert [s.id for s in store.scripts()] == ["my.a", "my.renamed", "my.c"]
    with pytest.raises(PersonalError, match=r"already have a script with id 'my\.a'"):
        store.update("my.c", replace(updated, id="my.a"))
    with pytest.raises(PersonalError, match=r"no script with id 'my\.nope'"):
        store.update("my.nope", updated)

    assert store.delete("my.a") is True
    assert store.delete("my.a") is False
    assert [s.id for s in store.scripts()] == ["my.renamed", "my.c"]


def test_copy_to_mine_from_any_layer(store: PersonalStore, builtin: Library) -> None:
    original = builtin.script("general.greeting.after_hours")
    assert original is not None and original.fields

    first = store.copy_to_mine(original)
    second = store.copy_to_mine(original)
    own_copy = store.copy_to_mine(first, title="我的版本")

    assert (first.id, second.id, own_copy.id) == (
        "my.general.greeting.after_hours",
        "my.general.greeting.after_hours-2",
        "my.general.greeting.after_hours-3",
    )
    assert first.layer is Layer.PERSONAL and first.body == original.body and first.fields == original.fields
    assert own_copy.title == "我的版本"
    assert store.unique_id("my.general.greeting.after_hours") == "my.general.greeting.after_hours-4"


def test_create_assigns_a_fresh_id(store: PersonalStore) -> None:
    a = store.create("欢迎", "亲，您好", "general.greeting", keywords=["你好"])
    b = store.create("欢迎2", "亲，您好呀", "general.greeting")
    assert (a.id, b.id) == ("my.general.greeting", "my.general.greeting-2")
    assert a.keywords == ("你好",)


def test_export_and_import_merge_by_id(store: PersonalStore, tmp_path: Path, builtin: Library) -> None:
    store.add(mine("my.a", title="甲"))
    store.add(mine("my.b", title="乙"))
    exported = tmp_path / "share" / "mine.yaml"
    assert store.export_to(exported) == 2
    assert store.export_to(tmp_path / "only_b.yaml", ["my.b"]) == 1
    with pytest.raises(PersonalError, match=r"my\.zzz"):
        store.export_to(tmp_path / "x.yaml", ["my.zzz"])

    colleague = PersonalStore(tmp_path / "colleague" / "my_scripts.yaml", builtin)
    colleague.add(mine("my.b", title="同事的乙"))
    colleague.add(mine("my.c", title="丙"))
    result = colleague.import_from(exported)

    assert (result.added, result.replaced) == (("my.a",), ("my.b",))
    assert result.summary() == "1 added, 1 replaced"
    assert [(s.id, s.title) for s in colleague.scripts()] == [("my.b", "乙"), ("my.c", "丙"), ("my.a", "甲")]
    assert all(s.layer is Layer.PERSONAL for s in colleague.scripts())


def test_import_refuses_invalid_and_non_compliant_files(store: PersonalStore, write_yaml) -> None:  # type: ignore[no-untyped-def]
    store.add(mine())
    before = store.path.read_bytes()
    broken = write_yaml("broken.yaml", "schema: 1\nscripts:\n  - id: my.x\n    title: [oops\n")
    with pytest.raises(PersonalError, match=r"^cannot import: .*broken\.yaml:\d+:\d+: YAML syntax error"):
        store.import_from(broken)
    bad_text = "schema: 1\nscripts:\n  - id: my.bad\n    scenario: review.invite\n    title: t\n"
    bad_text += "    body: 五星好评送红包\n"
    bad = write_yaml("bad.yaml", bad_text)
    with pytest.raises(PersonalError, match=r"bad\.yaml:3:1: script 'my.bad'"):
        store.import_from(bad)
    with pytest.raises(PersonalError, match="no such file"):
        store.import_from(Path("/nonexistent/file.yaml"))
    assert store.path.read_bytes() == before


def test_hand_broken_file_is_never_overwritten(store: PersonalStore) -> None:
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text("schema: 1\nscripts:\n  - id: my.a\n    title: [\n", encoding="utf-8")
    before = store.path.read_bytes()
    with pytest.raises(PersonalError, match=r"your scripts file has errors, fix it first: .*my_scripts\.yaml:\d+:\d+"):
        store.add(mine())
    with pytest.raises(PersonalError):
        store.scripts()
    assert store.path.read_bytes() == before


def test_failed_write_keeps_the_old_file(store: PersonalStore, monkeypatch: pytest.MonkeyPatch) -> None:
    store.add(mine())
    before = store.path.read_bytes()

    def disk_full(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(personal, "write_bytes_atomic", disk_full)
    with pytest.raises(PersonalError, match=r"cannot save your scripts to .*No space left on device"):
        store.add(mine("my.other"))
    assert store.path.read_bytes() == before


def test_profile_that_cannot_be_locked_refuses_changes_but_still_reads(
    store: PersonalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cs_companion.storage import locking

    store.add(mine())

    def read_only(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(locking, "FileLock", read_only)
    with pytest.raises(PersonalError, match="read-only"):
        store.add(mine("my.other"))
    assert [s.id for s in store.scripts()] == ["my.hello"]


def test_each_change_rereads_the_file_under_the_lock(store: PersonalStore, builtin: Library) -> None:
    """A second store (as in another process) adds in between: the first store's next add keeps it."""
    other = PersonalStore(store.path, builtin)
    store.add(mine("my.a"))
    other.add(mine("my.b"))
    store.add(mine("my.c"))
    assert [s.id for s in PersonalStore(store.path, builtin).scripts()] == ["my.a", "my.b", "my.c"]
