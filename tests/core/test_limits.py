"""Hostile and sloppy libraries: bounded text, located scalar errors, exact positions, money units.

Each of these once either hung the app (a library that expands to billions of
characters for the search index), escaped as a raw exception (``2026-02-30``),
or pointed a team lead at the wrong line.
"""

from __future__ import annotations

import time

import pytest
from hostile_libraries import hostile_library

from cs_companion.core import budget
from cs_companion.core.budget import MAX_SEARCH_PHRASE_CHARS, budget_problem, indexed_chars
from cs_companion.core.library_limits import (
    MAX_BODY_CHARS,
    MAX_DEFAULT_CHARS,
    MAX_EXAMPLE_CHARS,
    MAX_FIELDS,
    MAX_LIST_ITEMS,
    MAX_NOTES_CHARS,
    MAX_PHRASE_CHARS,
    MAX_TITLE_CHARS,
)
from cs_companion.core.loader import LoadResult, load_sources
from cs_companion.core.models import Layer, Library, Script
from cs_companion.core.problems import Location, Problem
from cs_companion.core.yamlsafe import MAX_EXPANDED_CHARS

HEADER = "schema: 1\nscripts:\n"


def load_text(text: str, filename: str = "lib.yaml") -> LoadResult:
    return load_sources([(filename, text.encode("utf-8"))], Layer.TEAM)


def errors(result: LoadResult) -> list[Problem]:
    return [p for p in result.problems if p.is_error]


def only_error(result: LoadResult) -> Problem:
    found = errors(result)
    assert len(found) == 1, [str(p) for p in result.problems]
    assert result.library is None
    return found[0]


# ----------------------------------------------------------------------------- expanded text


def test_aliases_repeating_a_huge_string_are_refused_quickly() -> None:
    data = hostile_library()
    assert len(data) < 1_000_000  # small on disk: 20 billion characters only once expanded
    started = time.perf_counter()
    result = load_sources([("hostile.yaml", data)], Layer.TEAM)
    elapsed = time.perf_counter() - started
    assert elapsed < 1.5, f"took {elapsed:.2f} s"
    problem = only_error(result)
    assert (problem.file, problem.line) == ("hostile.yaml", 3)
    assert f"{MAX_EXPANDED_CHARS:,} characters" in problem.message


def test_ordinary_anchors_within_the_text_limit_still_load() -> None:
    text = HEADER + "  - {id: a.one, scenario: x.a, title: T, body: B, keywords: &k [退款, 到账]}\n"
    text += "".join(f"  - {{id: a.n{i}, scenario: x.a, title: T, body: B, keywords: *k}}\n" for i in range(200))
    result = load_text(text)
    assert result.ok, [str(p) for p in result.problems]
    assert result.library is not None and result.library.scripts[-1].keywords == ("退款", "到账")


# ----------------------------------------------------------------------------- field lengths


def script_with(extra: str, body: str = "B") -> str:
    return HEADER + f"  - id: a.one\n    scenario: x.a\n    title: T\n    body: {body}\n" + extra


@pytest.mark.parametrize(
    ("extra", "line", "fragment"),
    [
        (f"    notes: {'n' * (MAX_NOTES_CHARS + 1)}\n", 7, f"'notes' in script 'a.one' is {MAX_NOTES_CHARS + 1:,}"),
        (f"    keywords: [ok, {'k' * (MAX_PHRASE_CHARS + 1)}]\n", 7, "an item of 'keywords'"),
        (f"    keywords: {'k' * (MAX_PHRASE_CHARS + 1)}\n", 7, "'keywords' in script 'a.one' is 101"),
        (f"    keywords: [{', '.join(['k'] * (MAX_LIST_ITEMS + 1))}]\n", 7, "has 51 items; the limit is 50"),
        (f"    examples: [{'e' * (MAX_EXAMPLE_CHARS + 1)}]\n", 7, "an item of 'examples'"),
        (f"    fields:\n      - {{name: x, label: {'l' * (MAX_PHRASE_CHARS + 1)}}}\n", 8, "'label' in field 'x'"),
        (f"    fields:\n      - {{name: x, default: {'d' * (MAX_DEFAULT_CHARS + 1)}}}\n", 8, "'default' in field"),
        (f"    fields:\n      - {{name: x, hint: {'h' * 201}}}\n", 8, "'hint' in field 'x'"),
        (f"    fields:\n      - {{name: x, options: [{'o' * 101}]}}\n", 8, "an item of 'options'"),
        (f"    meta: {{stage: {'m' * 501}}}\n", 7, "'stage' in 'meta'"),
    ],
)
def test_every_field_has_a_length_limit(extra: str, line: int, fragment: str) -> None:
    body = "'{{x}}'" if "name: x" in extra else "B"
    problem = only_error(load_text(script_with(extra, body)))
    assert problem.line == line, str(problem)
    assert fragment in problem.message
    assert "limit" in problem.message


def test_title_and_body_limits_point_at_the_value() -> None:
    text = HEADER + f"  - id: a.one\n    scenario: x.a\n    title: {'标' * (MAX_TITLE_CHARS + 1)}\n"
    text += f"    body: {'正' * (MAX_BODY_CHARS + 1)}\n"
    problems = errors(load_text(text))
    assert [(p.line, p.col) for p in problems] == [(5, 12), (6, 11)]
    assert f"{MAX_TITLE_CHARS + 1:,} characters long; the limit is {MAX_TITLE_CHARS:,}" in problems[0].message
    assert f"the limit is {MAX_BODY_CHARS:,}" in problems[1].message


def test_catalogue_and_forbidden_phrase_limits() -> None:
    long = "长" * (MAX_PHRASE_CHARS + 1)
    text = (
        "schema: 1\n"
        f"categories:\n  - {{id: x, name: {long}}}\n"
        f"scenarios:\n  - {{id: x.a, name: 名字, aliases: [{long}]}}\n"
        f"forbidden_phrases: [{long}]\n"
    )
    problems = errors(load_text(text))
    assert [p.line for p in problems] == [3, 5, 6]


def test_too_many_fields_is_an_error() -> None:
    specs = "".join(f"      - {{name: f{i}}}\n" for i in range(MAX_FIELDS + 1))
    body = "'" + "".join(f"{{{{f{i}}}}}" for i in range(MAX_FIELDS + 1)) + "'"
    problem = only_error(load_text(script_with("    fields:\n" + specs, body)))
    assert f"has {MAX_FIELDS + 1} fields; the limit is {MAX_FIELDS}" in problem.message


def test_one_long_anchor_repeated_by_aliases_is_one_problem_per_list() -> None:
    text = f'schema: 1\nlong: &l "{"k" * 150}"\nscripts:\n'
    text += "  - {id: a.one, scenario: x.a, title: T, body: B, keywords: [*l, *l, *l, ok]}\n"
    problem = only_error(load_text(text))
    assert "(and 2 more)" in problem.message


def test_a_huge_id_is_cut_short_in_messages() -> None:
    problems = errors(load_text(HEADER + f"  - {{id: {'i' * 5000}, scenario: x.a, title: T, body: B}}\n"))
    assert problems
    assert all(len(str(p)) < 400 for p in problems), [str(p)[:200] for p in problems]


# ----------------------------------------------------------------------------- index budget


def test_budget_counts_titles_and_keywords_apart_from_other_text() -> None:
    library = Library(scripts=(Script("a", "x.a", "标题", "正文正文", keywords=("关键",), examples=("例子",)),))
    assert indexed_chars(library) == (4, 10)
    assert budget_problem(library, Location("lib.yaml")) is None


def test_library_over_the_index_budget_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budget, "MAX_SEARCH_PHRASE_CHARS", 1000)
    text = HEADER + "".join(f"  - {{id: a.n{i}, scenario: x.a, title: {'标' * 150}, body: B}}\n" for i in range(7))
    problem = only_error(load_text(text))
    assert (problem.file, problem.line) == ("lib.yaml", 1)
    assert "1,050 characters in all; the limit is 1,000" in problem.message
    assert problem.message.startswith("the library is too big to search quickly")


def test_many_different_titles_are_refused_before_pinyin_work() -> None:
    """1,100 titles of 200 different characters: within every total, but ~4 s of pinyin past the budget."""
    titles = [
        "".join(chr(0x4E00 + (i * 7919 + k * 104729) % 20000) for k in range(MAX_TITLE_CHARS)) for i in range(1100)
    ]
    text = HEADER + "".join(f"  - {{id: a.n{i}, scenario: x.a, title: {t}, body: B}}\n" for i, t in enumerate(titles))
    problem = only_error(load_text(text))
    assert f"more than {budget.MAX_PINYIN_CHARS:,} characters of different text" in problem.message


def test_many_different_character_pairs_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budget, "MAX_DISTINCT_BIGRAMS", 50)
    examples = ", ".join("".join(chr(0x4E00 + i * 13 + k) for k in range(12)) for i in range(10))
    problem = only_error(
        load_text(HEADER + f"  - {{id: a.one, scenario: x.a, title: T, body: B, examples: [{examples}]}}\n")
    )
    assert "more than 50 different pairs" in problem.message


def test_real_budget_refuses_a_library_of_maximal_titles_in_little_time() -> None:
    """7,000 titles of 200 characters pass every per-field check but would take ~40 s to index."""
    count = MAX_SEARCH_PHRASE_CHARS // MAX_TITLE_CHARS + 1000
    title = "".join(chr(0x4E00 + i % 2000) for i in range(MAX_TITLE_CHARS))
    text = HEADER + "".join(f"  - {{id: a.n{i}, scenario: x.a, title: {title}, body: B}}\n" for i in range(count))
    started = time.perf_counter()
    problem = only_error(load_text(text))
    assert time.perf_counter() - started < 10
    assert "titles and keywords have 1,400,000 characters in all" in problem.message


# ----------------------------------------------------------------------------- invalid scalars


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("2026-02-30", "'2026-02-30' is not a valid date or time"),
        ("2026-01-01 10:00:00+25:00", "is not a valid date or time"),
        ("9" * 5000, "number is 5,000 characters long"),
        ("0b" + "1" * 50_000, "number is 50,002 characters long"),
        ("!!int abc", "'abc' is not a valid whole number"),
        ("!!float abc", "'abc' is not a valid number"),
        ("!!bool maybe", "'maybe' is not a valid true/false value"),
        ("!!timestamp soon", "'soon' is not a valid date or time"),
    ],
)
def test_invalid_scalars_are_located_problems(value: str, fragment: str) -> None:
    problem = only_error(load_text(f"schema: 1\nlibrary:\n  name: 团队\n  updated: {value}\n"))
    assert (problem.line, problem.col) == (4, 12)
    assert fragment in problem.message
    assert "quotes" in problem.message


# ----------------------------------------------------------------------------- exact positions


def test_undeclared_placeholder_in_a_block_scalar_points_at_its_line() -> None:
    text = HEADER + (
        "  - id: a.one\n"
        "    scenario: x.a\n"
        "    title: T\n"
        "    body: |-\n"
        "      亲，您好\n"
        "      订单已发出\n"
        "      预计{{eta}}送达\n"
    )
    problem = only_error(load_text(text))
    assert (problem.line, problem.col) == (9, 9)
    assert "{{eta}}" in problem.message


def test_unclosed_brace_reports_its_position_and_no_unused_fields() -> None:
    text = HEADER + (
        "  - id: a.one\n"
        "    scenario: x.a\n"
        "    title: T\n"
        "    fields:\n"
        "      - {name: order_no}\n"
        "      - {name: amount, type: money}\n"
        "    body: |-\n"
        "      订单{{order_no 已退款\n"
        "      {{amount}}，请查收\n"
    )
    result = load_text(text)
    problem = only_error(result)
    assert (problem.line, problem.col) == (10, 9)
    assert "without a closing" in problem.message
    assert "order_no 已退款" not in problem.message
    assert not [p for p in result.problems if "never used" in p.message], [str(p) for p in result.problems]


def test_escaped_text_falls_back_to_the_value_position() -> None:
    text = HEADER + '  - {id: a.one, scenario: x.a, title: T, body: "\\u4eb2{{x}} {{\\x78}}"}\n'
    problems = errors(load_text(text))
    assert len(problems) == 2  # {{x}} without a field, twice: the source has it once, so no guessing
    assert {(p.line, p.col) for p in problems} == {(3, 48)}  # the opening quote


# ----------------------------------------------------------------------------- money units


@pytest.mark.parametrize(
    ("body", "unit", "col"),
    [
        ("退款{{amount}}元", "元", 24),
        ("退款{{amount}} 元", "元", 25),
        ("退款{{amount}}块", "块", 24),
        ("退款{{amount}}块钱", "块钱", 24),
        ("退款{{amount}}RMB", "RMB", 24),
        ("退款¥{{amount}}", "¥", 14),
        ("退款￥ {{amount}}", "￥", 14),
        ("退款rmb{{amount}}", "rmb", 14),
    ],
)
def test_unit_next_to_a_money_placeholder_is_an_error(body: str, unit: str, col: int) -> None:
    text = HEADER + f"  - id: a.one\n    scenario: x.a\n    title: T\n    body: '{body}'\n"
    text += "    fields:\n      - {name: amount, type: money}\n"
    problem = only_error(load_text(text))
    assert (problem.line, problem.col) == (6, col)
    assert f"'{unit}' next to money field '{{{{amount}}}}'" in problem.message


def test_units_next_to_other_fields_are_fine() -> None:
    text = HEADER + "  - id: a.one\n    scenario: x.a\n    title: T\n    body: '{{days}}天内退{{amount}}，共{{n}}元'\n"
    text += "    fields:\n      - {name: days, type: number}\n      - {name: amount, type: money}\n"
    text += "      - {name: n, type: number}\n"
    result = load_text(text)
    assert result.ok, [str(p) for p in result.problems]


def test_positions_count_windows_line_breaks() -> None:
    text = HEADER + "  - id: a.one\n    scenario: x.a\n    title: T\n    body: |-\n      第一行\n      再见{{x}}\n"
    problem = only_error(load_text(text.replace("\n", "\r\n")))
    assert (problem.line, problem.col) == (8, 9)
