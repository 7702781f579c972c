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


def test_changed_script_shows_old_and_new_text() -> None:
    new = Library(scripts=(script("a", "欢迎"), script("b", "催付", "新的正文"), OLD.scripts[2]))
    diff = diff_libraries(OLD, new)
    assert diff.changed[0].details == ("- body: 正文", "+ body: 新的正文")
    assert diff.lines(details=True) == ["~ 催付 [b]: body", "    - body: 正文", "    + body: 新的正文"]
    assert diff.lines() == ["~ 催付 [b]: body"]  # the window's one-line-per-script list is unchanged


def test_long_body_is_trimmed_to_the_changed_words() -> None:
    body = "亲，" + "这是一段很长的说明文字，" * 50 + "请您放心。"
    old = script("a", body=body)
    new = replace(old, body=body.replace("请您放心", "请您耐心等待"))
    details = diff_libraries(Library(scripts=(old,)), Library(scripts=(new,))).changed[0].details
    assert details == (
        "- body: …字，这是一段很长的说明文字，请您放心。",
        "+ body: …字，这是一段很长的说明文字，请您耐心等待。",
    )

    middle = replace(old, body=body[:300] + "【新增一句】" + body[300:])
    details = diff_libraries(Library(scripts=(old,)), Library(scripts=(middle,))).changed[0].details
    assert len(details) == 2 and all(len(line) < 60 for line in details)
    assert details[0].startswith("- body: …") and details[0].endswith("…")
    assert "【新增一句】" in details[1] and "【新增一句】" not in details[0]


def test_multi_line_body_lists_and_fields() -> None:
    old = script("a", body="第一行\n第二行\n第三行", keywords=("发货", "快递"), fields=(Field("x", "金额"),))
    new = replace(
        old,
        body="第一行\n第二行改\n第三行\n第四行",
        keywords=("快递", "物流"),
        fields=(Field("x", "金额", FieldType.MONEY, required=True),),
        notes="只在大促期间使用",
        scenario="general.closing",
    )
    details = diff_libraries(Library(scripts=(old,)), Library(scripts=(new,))).changed[0].details
    assert details == (
        "- body: 第二行",
        "+ body: 第二行改",
        "+ body: 第四行",
        "- scenario: general.greeting",
        "+ scenario: general.closing",
        "- fields: x (金额; text)",
        "+ fields: x (金额; money, required)",
        "- keywords: 发货",
        "+ keywords: 物流",
        "- notes: (empty)",
        "+ notes: 只在大促期间使用",
    )
    reordered = replace(old, keywords=("快递", "发货"))
    details = diff_libraries(Library(scripts=(old,)), Library(scripts=(reordered,))).changed[0].details
    assert details == ("~ keywords: same items, new order",)


def test_title_change_is_not_repeated_and_many_lines_are_counted() -> None:
    old = script("a", body="\n".join(f"第{i}行" for i in range(30)))
    new = replace(old, title="新标题", body="\n".join(f"第{i}行改" for i in range(30)))
    details = diff_libraries(Library(scripts=(old,)), Library(scripts=(new,))).changed[0].details
    assert not any(line.startswith(("- title", "+ title")) for line in details)
    assert len(details) == 9 and details[-1] == "  body: … 52 more changed lines"
