"""The README's table of built-in category and scenario ids is the library's, not a hand-typed copy."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def scenario_table() -> ModuleType:
    spec = importlib.util.spec_from_file_location("scenario_table", ROOT / "tools" / "scenario_table.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_lists_exactly_the_builtin_ids() -> None:
    tool = scenario_table()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert tool.readme_table(readme) == tool.render_table(), "run: python tools/scenario_table.py --update"


def test_the_table_names_every_builtin_category_and_scenario() -> None:
    from cs_companion.core.loader import load_path

    library = load_path(ROOT / "scripts_library").library
    assert library is not None
    table = scenario_table().render_table()
    for category in library.categories:
        assert f"| `{category.id}` {category.name} |" in table
    for scenario in library.scenarios:
        assert f"`{scenario.id.partition('.')[2]}` {scenario.name}" in table
