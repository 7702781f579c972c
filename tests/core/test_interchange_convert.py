"""Converting imported phrases: the library file validates, nothing is lost, and export -> import round-trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BUILTIN_LIBRARY
from interchange_files import ESPANSO_FORMS, QIANNIU_ROWS, excel_gbk_csv, merged_header_xlsx

from cs_companion.core.interchange import export
from cs_companion.core.interchange.library_yaml import _literal_ok, quote
from cs_companion.core.interchange.pipeline import ImportRun, import_files
from cs_companion.core.interchange.suggest import REVIEW_BELOW, ScenarioSuggester
from cs_companion.core.loader import load_path, load_sources
from cs_companion.core.models import FieldType, Library, Script
from cs_companion.core.search import SearchIndex
from cs_companion.core.template import PLACEHOLDER, render
from cs_companion.core.yamlsafe import parse_yaml


@pytest.fixture(scope="module")
def builtin() -> Library:
    library = load_path(BUILTIN_LIBRARY).library
    assert library is not None
    return library


def _import(builtin: Library, *paths: Path) -> ImportRun:
    return import_files(list(paths), builtin, verify=True)


def _shape(script: Script) -> tuple[object, ...]:
    return (script.body, script.fields, script.keywords, dict(script.meta))


def _espanso_shape(script: Script) -> tuple[object, ...]:
    return (script.body, [(f.name, f.type, f.options) for f in script.fields], script.keywords)


def test_imported_sheet_is_a_valid_library_with_review_comments(tmp_path: Path, builtin: Library) -> None:
    run = _import(builtin, excel_gbk_csv(tmp_path / "千牛.csv"))
    assert len(run.library.scripts) == len(QIANNIU_ROWS)
    assert not [p for p in run.warnings if "catalogue" in p.message]
    by_code = {s.meta["code"]: s for s in run.library.scripts}
    wl = by_code["wl"]
    assert wl.body == "亲，订单{{order_no}}已经发出啦，快递是{{courier}}，单号{{tracking_no}}，请注意查收～"
    assert wl.keywords == ("wl",)
    assert wl.meta["group"] == "物流"
    assert [f.type for f in by_code["bc"].fields] == [FieldType.MONEY]
    assert "{{amount}}，已经" in by_code["bc"].body  # 元 after the money field is dropped: it renders 15元
    assert render(by_code["bc"], {"amount": "15"}).text == "给您带来不便非常抱歉，给您补偿15元，已经打到您的账户。"
    review_lines = [line for line in run.text.splitlines() if "# 复核" in line]
    assert any("XX元" in line for line in review_lines)
    assert any("等号" in line for line in review_lines)


def test_every_phrase_keeps_its_text(tmp_path: Path, builtin: Library) -> None:
    run = _import(builtin, merged_header_xlsx(tmp_path / "a.xlsx"))
    bodies = {s.meta["code"]: s for s in run.library.scripts}
    for _group, code, text in QIANNIU_ROWS:
        script = bodies[code]
        shown = render(script, {}).text  # missing values show as 【label】, a money field as 【label】 + nothing
        for fragment in ("亲", "请", "抱歉", "退款", "温馨提示", "多行内容也要完整保留"):
            if fragment in text:
                assert fragment in shown


def test_identical_phrases_are_merged_keeping_both_codes(tmp_path: Path, builtin: Library) -> None:
    rows = [("物流", "a1", "亲，已经帮您催促快递了"), ("物流", "a2", "亲，已经帮您催促快递了")]
    run = _import(builtin, excel_gbk_csv(tmp_path / "dup.csv", rows))
    (script,) = run.library.scripts
    assert script.keywords == ("a1", "a2")
    assert run.conversion.merged


def test_near_duplicates_of_builtin_and_of_each_other_are_reported(tmp_path: Path, builtin: Library) -> None:
    copied = builtin.scripts[0]
    rows = [
        ("通用", "c1", copied.body.replace("{{", "【").replace("}}", "】")),
        ("物流", "n1", "亲，您的包裹已经在路上了，请耐心等待，有问题随时联系我们客服哦"),
        ("物流", "n2", "亲，您的包裹已经在路上啦，请耐心等待，有问题随时联系我们客服哦"),
    ]
    run = _import(builtin, excel_gbk_csv(tmp_path / "near.csv", rows))
    lines = run.conversion.duplicate_lines
    assert any(copied.id in line for line in lines)
    assert any("near.csv:5" in line and "near.csv:4" in line for line in lines)  # line 2 spans two lines


def test_scenarios_are_suggested_with_confidence(builtin: Library) -> None:
    suggester = ScenarioSuggester(builtin)
    confident = suggester.suggest("亲，非常抱歉物流延迟了，已经帮您催促快递加急派送")
    assert confident.scenario.startswith("logistics.")
    assert confident.confidence >= REVIEW_BELOW
    unknown = suggester.suggest("Lorem ipsum dolor sit amet")
    assert unknown.confidence < REVIEW_BELOW
    searched = ScenarioSuggester(builtin, SearchIndex(builtin)).suggest("亲，我们马上为您处理，请放心")
    assert searched.scenario != "general.imported"  # no vocabulary word: the search index answers
    only = ScenarioSuggester(builtin, category="aftersales").suggest("亲，非常抱歉物流延迟了")
    assert only.scenario.startswith("aftersales.")
    with pytest.raises(ValueError, match="known categories"):
        ScenarioSuggester(builtin, category="nope")


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "espanso"])
def test_export_then_import_gives_the_same_scripts(tmp_path: Path, builtin: Library, fmt: str) -> None:
    first = _import(builtin, excel_gbk_csv(tmp_path / "src.csv"))
    writer = {"csv": export.to_csv, "xlsx": export.to_xlsx, "espanso": export.to_espanso}[fmt]
    suffix = {"csv": ".csv", "xlsx": ".xlsx", "espanso": ".yml"}[fmt]
    out = tmp_path / f"out{suffix}"
    out.write_bytes(writer(first.library.scripts, first.library))
    second = _import(builtin, out)
    before = sorted(map(_shape, first.library.scripts))
    after = sorted(map(_shape, second.library.scripts))
    if fmt == "espanso":  # Espanso has no groups or field labels; bodies, field names, types and codes come back
        before = [_espanso_shape(s) for s in first.library.scripts]
        after = [_espanso_shape(s) for s in second.library.scripts]
    assert after == before
    assert [s.id for s in second.library.scripts] == [s.id for s in first.library.scripts]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "espanso"])
def test_builtin_library_round_trip_keeps_every_text_and_field(tmp_path: Path, builtin: Library, fmt: str) -> None:
    """Every body comes back; each field with its label and type, unless the library gives that label two types.

    A sheet carries only 【label】: names may differ (eta vs ship_eta), and a label the built-in library uses
    for a choice in one script and for text in another (处理方案) can come back as either.
    """
    writer = {"csv": export.to_csv, "xlsx": export.to_xlsx, "espanso": export.to_espanso}[fmt]
    out = tmp_path / {"csv": "b.csv", "xlsx": "b.xlsx", "espanso": "b.yml"}[fmt]
    out.write_bytes(writer(builtin.scripts, builtin))
    back = _import(builtin, out).library.scripts
    assert len(back) == len(builtin.scripts)
    types_of_label: dict[str, set[FieldType]] = {}
    for script in builtin.scripts:
        for fld in script.fields:
            types_of_label.setdefault(fld.label, set()).add(fld.type)

    def shape(script: Script, key: str) -> tuple[str, tuple[tuple[str, FieldType | None], ...]]:
        labels = {f.name: getattr(f, key) for f in script.fields}
        text = PLACEHOLDER.sub(lambda m: f"【{labels[m.group(1).strip()]}】", script.body)
        kinds = tuple(
            (getattr(f, key), None if len(types_of_label.get(f.label, ())) > 1 else f.type) for f in script.fields
        )
        return text, tuple(sorted(kinds, key=lambda k: (k[0], str(k[1]))))

    key = "name" if fmt == "espanso" else "label"  # Espanso forms carry names; sheets carry labels
    original = sorted(shape(s, key) for s in builtin.scripts)
    returned = sorted(shape(s, key) for s in back)
    if fmt == "espanso":
        original = [(text, ()) for text, _kinds in original]
        returned = [(text, ()) for text, _kinds in returned]
    assert returned == original


def test_espanso_forms_import_as_fields(tmp_path: Path, builtin: Library) -> None:
    path = tmp_path / "base.yml"
    path.write_text(ESPANSO_FORMS, encoding="utf-8")
    run = _import(builtin, path)
    by_code = {s.meta["code"]: s for s in run.library.scripts}
    assert by_code[":wl"].field("courier").options == ("顺丰速运", "中通快递", "圆通速递")  # type: ignore[union-attr]
    assert by_code[":bc，:补偿"].keywords == (":bc", ":补偿")
    assert "不会执行" in run.text


def test_exported_cells_never_start_a_formula(builtin: Library) -> None:
    script = Script("x.1", "general.greeting", "t", '=HYPERLINK("http://evil")', meta={"group": "+cmd", "code": "@a"})
    text = export.to_csv([script], builtin).decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'+cmd" in text and "'@a" in text


@pytest.mark.parametrize(
    "text",
    ["plain", 'a "quote" and \\ back', "tab\there", "line\u2028sep", "emoji 😀 and \x85 nel", "\ufeffbom", "ctl\x07"],
)
def test_yaml_scalars_read_back_exactly(text: str) -> None:
    assert parse_yaml(f"v: {quote(text)}\n", "t.yaml")["v"] == text


def test_literal_blocks_only_when_exact() -> None:
    assert _literal_ok("第一行\n第二行")
    assert not _literal_ok(" leading\nx") and not _literal_ok("trailing \nx") and not _literal_ok("a\n\u2028b")


def test_generated_text_loads_with_the_library_loader(tmp_path: Path, builtin: Library) -> None:
    run = _import(builtin, excel_gbk_csv(tmp_path / "a.csv"))
    result = load_sources([("a.yaml", run.text.encode())], known_scenarios=[s.id for s in builtin.scenarios])
    assert result.library is not None and not result.errors
