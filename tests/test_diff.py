"""What-changed lists between two libraries."""

from __future__ import annotations

from dataclasses import replace

from cs_companion.core.diff import LibraryDiff, ScriptChange, diff_libraries
from cs_companion.core.models import Field, FieldType, Layer, Library, Script


def script(sid: str, title: str = "标题", body: str = "正文", **kw: object) -> Script:
    return Script(id=sid, scenario="general.greeting", title=title, body=body, **kw)  # type: ignore[arg-type]


OLD = Library(scripts=(script("a", "欢迎"), script("b", "催付"), script("c", "结束语")))


def test_added_changed_removed_by_id() -> None:
    new = Library(scripts=(script("a", "欢迎"), script("b", "催付", "新的正文"), script("d", "新话术")))
    diff = diff_libraries(OLD, new)
    assert diff.added == (ScriptChange("d", "新话术"),)
    assert diff.changed == (ScriptChange("b", "催付", "催付", ("body",)),)
    assert diff.removed == (ScriptChange("c", "结束语"),)
    assert diff.summary() == "1 added, 1 changed, 1 removed"
    assert diff.lines() == ["+ 新话术 [d]", "~ 催付 [b]: body", "- 结束语 [c]"]


def test_every_agent_visible_part_counts() -> None:
    base = script("a", keywords=("k",), examples=("e",), notes="n", fields=(Field("x", "X"),), body="{{x}}")
    cases = {
        "title": replace(base, title="新标题"),
        "keywords": replace(base, keywords=("k", "k2")),
        "examples": replace(base, examples=()),
        "notes": replace(base, notes="m"),
        "fields": replace(base, fields=(Field("x", "X", FieldType.MONEY),)),
        "scenario": replace(base, scenario="general.closing"),
    }
    for part, changed in cases.items():
        diff = diff_libraries(Library(scripts=(base,)), Library(scripts=(changed,)))
        assert [c.parts for c in diff.changed] == [(part,)], part


def test_renamed_script_shows_old_title() -> None:
    diff = diff_libraries(OLD, Library(scripts=(script("a", "新欢迎"), OLD.scripts[1], OLD.scripts[2])))
    assert diff.lines() == ["~ 新欢迎 (was 欢迎) [a]: title"]


def test_origin_layer_and_line_are_not_changes() -> None:
    moved = Library(scripts=tuple(replace(s, origin="x.yaml", line=99, layer=Layer.TEAM) for s in OLD.scripts))
    diff = diff_libraries(OLD, moved)
    assert diff.empty and diff.summary() == "no script changes" and diff.lines() == []


def test_none_means_no_library() -> None:
    assert [c.id for c in diff_libraries(None, OLD).added] == ["a", "b", "c"]
    assert [c.id for c in diff_libraries(OLD, None).removed] == ["a", "b", "c"]
    assert diff_libraries(None, None) == LibraryDiff()
