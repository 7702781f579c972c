"""The fast YAML path must give exactly what the careful path gives, or step aside.

``yamlfast`` (yaml-rs) reads large, valid library files about ten times
faster than libyaml plus our converter; every guarantee of ``yamlsafe`` stays
because it refuses (returns None) whatever it cannot vouch for. These tests
compare it with the careful path on real library files, on each known way
YAML 1.1 and 1.2 (or libyaml and yaml-rs) disagree, and on seeded random
documents; and check that problems in fast-read files keep exact positions.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from cs_companion.core import yamlfast
from cs_companion.core.loader import load_sources, read_library_file
from cs_companion.core.models import Layer
from cs_companion.core.yamlfast import fast_parse
from cs_companion.core.yamlsafe import YamlList, YamlMap, YamlParseError, parse_library_yaml, parse_yaml
from cs_companion.storage.resources import builtin_library_dir
from tests.hostile_libraries import hostile_library


def same(a: Any, b: Any) -> bool:
    """Equal values of equal types all the way down (True == 1 does not count)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def check_agrees(text: str) -> bool:
    """Fail if the fast path accepts what the careful path refuses, or reads it differently; True if fast."""
    try:
        careful: Any = parse_yaml(text, "lib.yaml")
    except YamlParseError:
        careful = YamlParseError
    fast = fast_parse(text, "lib.yaml")
    if fast is None:
        return False
    assert careful is not YamlParseError, f"fast path accepted {text!r}, which the careful path refuses"
    assert same(fast[0], careful), f"{text!r}: careful {careful!r}, fast {fast[0]!r}"
    return True


def library_texts() -> list[tuple[str, str]]:
    files = sorted(builtin_library_dir().rglob("*.y*ml"))
    assert files
    return [(str(f), f.read_text("utf-8")) for f in files]


def test_library_files_take_the_fast_path_with_the_same_values_and_kept_positions() -> None:
    for name, text in library_texts():
        fast = fast_parse(text, name)
        assert fast is not None, f"{name} should be read by the fast path"
        careful = parse_yaml(text, name)
        assert same(fast[0], careful)
        assert fast[0].key_locations == careful.key_locations
        for key in ("categories", "scenarios", "scripts"):
            if careful.get(key):
                assert fast[0][key].item_locations == careful[key].item_locations, (name, key)


def test_loaded_scripts_keep_their_exact_lines() -> None:
    sources = [(name, text.encode()) for name, text in library_texts()]
    fast = load_sources(sources, Layer.BUILTIN)
    assert fast.library is not None
    careful_lines = {}
    for name, text in library_texts():
        scripts = parse_yaml(text, name).get("scripts")
        if isinstance(scripts, YamlList):
            for item, loc in zip(scripts, scripts.item_locations, strict=True):
                careful_lines[item["id"]] = (loc.file, loc.line)
    assert {s.id: (s.origin, s.line) for s in fast.library.scripts} == careful_lines


@pytest.mark.parametrize(
    "text",
    [
        "k: yes\n",  # YAML 1.1 true, 1.2 text
        "k: off\n",
        "k: 017\n",  # 1.1 octal 15, 1.2 decimal 17
        "k: 09\n",
        "k: 0o17\n",
        "k: 1e5\n",  # 1.1 text, 1.2 float
        "k: _9\n",
        "k: +.5\n",
        "k: -.5\n",
        "k: 1:20\n",  # 1.1 sexagesimal 80
        "k: 2026-1-5 10:00:00\n",  # 1.1 a date and time, 1.2 text
        "k: 2026-02-30\n",  # an invalid date: an error on the careful path
        "k: .nan\n",
        "k: =\n",
        "yes: 1\n",
        "1: a\n",
        "k: |\n\n",  # a block scalar of blank lines: "" vs "\n"
        "k: |\n  a",  # no final line break
        "k:\n  -\tx\n",  # tabs libyaml refuses
        "k: [:x]\n",
        "k: [a:]\n",
        "a: &x 1\nb: *x\n",
        "k: !!str 5\n",
        "k: !custom 5\n",
        "<<: {a: 1}\n",
        "%YAML 1.1\n---\nk: 1\n",
        "a: 1\n---\nb: 2\n",
        "k: v\n...\n",
        "a: 1\na: 2\n",
        "k: [" * 150 + "]" * 150 + "\n",
        "k: x\rv\n",
        "k: \x07\n",
        "k: " + "9" * 200 + "\n",
    ],
)
def test_where_the_parsers_disagree_the_fast_path_steps_aside(text: str) -> None:
    assert not check_agrees(text)


@pytest.mark.parametrize(
    "text",
    [
        "k: '12315'\n",  # quoted digits stay text on both paths
        "k: '" + "9" * 200 + "'\n",
        "k: '2026-11-23'\nu: 2026-11-23\n",  # a date becomes its ISO text
        "k: [a, b, {c: 1}]\nempty: []\nnone: {}\n",
        "---\nk: 1\n",
        "# comment\n---\nk: 1\n",
        "k: |-\n  line\n    more\n\n  end\n",
        'k: "tab\\there \\u4e2d"\n',
        "k: true\nm: null\nf: 1.5\ni: -3\nx: 0x1F\n",
        "",
    ],
)
def test_ordinary_documents_take_the_fast_path(text: str) -> None:
    assert check_agrees(text) or text == ""


def test_seeded_random_documents_agree() -> None:
    rng = random.Random(7)
    alphabet = "0123456789._-+eEoxbXOB:yYnNtTfF~=<, [{#&*!'\"\\abl%\t"
    templates = ["k: {}\n", "- {}\n", "[{}]\n", "{{a: {}}}\n", "{}: v\n", "k: [1, {}]\n", "k: |\n  {}\n", "? {}\n: v\n"]
    fast = 0
    for _ in range(1500):
        token = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6)))
        for template in templates:
            fast += check_agrees(template.format(token))
    assert fast > 3000, "most random documents should still take the fast path"


def test_hostile_library_is_left_to_the_careful_path() -> None:
    text = hostile_library(scripts=10, copies=5, length=100).decode()
    assert fast_parse(text, "lib.yaml") is None
    assert parse_library_yaml(text, "lib.yaml")[1] is True


SCRIPT = """schema: 1
scripts:
  - id: a.one
    scenario: a.b
    title: 第一个
    body: 好的
  - id: a.two
    scenario: a.b
    title: 第二个
    body: |-
      您好
      订单 {{order_no}} 已发货
"""


def test_a_problem_in_a_fast_read_file_is_reported_at_its_exact_place() -> None:
    assert parse_library_yaml(SCRIPT, "lib.yaml")[1] is False  # fast, positions not all exact
    result = read_library_file(SCRIPT, "lib.yaml", Layer.TEAM)
    problem = next(p for p in result.problems if "order_no" in p.message)
    assert (problem.file, problem.line, problem.col) == ("lib.yaml", 12, 10)
    assert [line for _, loc in result.scripts for line in [loc.line]] == [3, 7]


def test_without_yaml_rs_everything_is_careful(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlfast, "yaml_rs", None)
    value, exact = parse_library_yaml(SCRIPT, "lib.yaml")
    assert exact and isinstance(value, YamlMap)


def test_script_in_a_second_file_with_a_duplicate_id_names_both_exact_places(tmp_path: Path) -> None:
    other = SCRIPT.replace("a.one", "a.three")
    result = load_sources([("one.yaml", SCRIPT.encode()), ("two.yaml", ("\n" + other).encode())], Layer.TEAM)
    problem = next(p for p in result.problems if "used twice" in p.message)
    assert (problem.file, problem.line, problem.col) == ("two.yaml", 8, 5)
    assert "one.yaml:7" in problem.message
