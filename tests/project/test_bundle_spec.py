"""The bundle's exclusions stay consistent with what the app imports, and the ICU trim keeps what Qt needs.

No build here: companion.spec and the hooks are read as source; build/icu_trim.py is
exercised on a made-up ICU package and, when binutils and PySide6's ICU are present,
on the real data (about a second).
"""

from __future__ import annotations

import ast
import importlib.util
import shutil
import struct
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "companion.spec"
HOOKS = ROOT / "build" / "pyinstaller_hooks"


def load_build_module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "build" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assigned(tree: ast.Module, name: str) -> ast.expr:
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return node.value
    raise AssertionError(f"no assignment to {name}")


def strings(node: ast.expr) -> list[str]:
    """The string constants directly in a list/tuple literal (generators and starred parts skipped)."""
    assert isinstance(node, ast.List | ast.Tuple)
    return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]


def app_imports() -> set[str]:
    """Every module name cs_companion imports anywhere (top level or inside functions)."""
    names: set[str] = set()
    for path in (ROOT / "cs_companion").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def covered(module: str, excluded: str) -> bool:
    return module == excluded or module.startswith(excluded + ".")


def test_excluded_modules_are_never_imported_by_the_app() -> None:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    unused_qt = [f"PySide6.{m}" for m in strings(assigned(tree, "UNUSED_QT"))]
    excluded = unused_qt + strings(assigned(tree, "excludes"))
    assert "PIL" in excluded and "PySide6.QtQml" in excluded  # the parse found the lists
    imported = app_imports()
    clashes = sorted((m, e) for m in imported for e in excluded if covered(m, e))
    assert not clashes, f"companion.spec excludes modules the app imports: {clashes}"
    # rapidfuzz.distance would still import, but as slow pure Python: its compiled module is left out.
    assert not [m for m in imported if covered(m, "rapidfuzz.distance")], (
        "the bundle lacks rapidfuzz's compiled distance"
    )
    for needed in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtNetwork"):
        assert needed in imported, f"{needed} no longer imported: drop it from the bundle too"


def test_icu_swap_is_linux_only() -> None:
    """Windows and macOS wheels have no libicudata; the swap must never run there."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    guarded = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "IS_LINUX"
        and "swap_icudata" in ast.unparse(node)
    ]
    assert guarded, "companion.spec must call swap_icudata only under `if IS_LINUX:`"
    outside = ast.unparse(tree).count("swap_icudata(") - sum(ast.unparse(n).count("swap_icudata(") for n in guarded)
    assert outside == 0


def test_hooks_keep_the_platforms_and_input_methods_agents_need() -> None:
    drop = ast.literal_eval(assigned(ast.parse((HOOKS / "hook-PySide6.QtGui.py").read_text(encoding="utf-8")), "DROP"))
    for platform in ("xcb", "wayland", "offscreen", "windows", "cocoa"):
        assert not any(name and name in platform for name in drop["platforms"]), platform
    assert "platforminputcontexts" not in drop  # ibus/fcitx/compose: agents type Chinese
    assert not any(name in ("svg", "ico", "png") for name in drop["imageformats"])
    languages = ast.literal_eval(
        assigned(ast.parse((HOOKS / "hook-PySide6.QtCore.py").read_text(encoding="utf-8")), "LANGUAGES")
    )
    assert {"zh_CN", "en"} <= set(languages)


@pytest.mark.parametrize(
    ("name", "size", "kept"),
    [
        ("icudt73l/coll/zh.res", 700_000, True),  # QCollator for Chinese (file dialogs sort with it)
        ("icudt73l/coll/root.res", 300_000, True),
        ("icudt73l/coll/ucadata.icu", 550_000, True),
        ("icudt73l/coll/zh_Hant_TW.res", 100, True),
        ("icudt73l/coll/de.res", 5_000, False),
        ("icudt73l/coll/de_.res", 100, False),
        ("icudt73l/coll/res_index.res", 2_000, True),
        ("icudt73l/zone/en_GB.res", 3_000, True),
        ("icudt73l/zone/pool.res", 90_000, True),
        ("icudt73l/zone/fr.res", 3_000, False),
        ("icudt73l/zh.res", 30_000, True),
        ("icudt73l/ja.res", 30_000, False),
        ("icudt73l/supplementalData.res", 240_000, True),  # not a locale although lowercase
        ("icudt73l/zoneinfo64.res", 150_000, True),
        ("icudt73l/cnvalias.icu", 60_000, True),
        ("icudt73l/gb18030.cnv", 227_000, True),
        ("icudt73l/ibm-1375_P100-2008.cnv", 180_000, True),  # Big5-HKSCS
        ("icudt73l/ibm-1252_P100-2000.cnv", 3_000, True),  # small single-byte code page
        ("icudt73l/ibm-943_P15A-2003.cnv", 88_000, False),  # Shift-JIS
        ("icudt73l/brkitr/cjdict.dict", 2_000_000, False),  # Qt never calls ICU's break iterators
        ("icudt73l/translit/root.res", 1_000_000, False),
        ("icudt73l/unames.icu", 290_000, False),
        ("icudt73l/rfc3491.spp", 20_000, False),
    ],
)
def test_icu_items_kept_and_dropped(name: str, size: int, kept: bool) -> None:
    assert load_build_module("icu_trim").keep_item(name, size) is kept


def make_package(items: list[tuple[str, bytes]]) -> bytes:
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + bytes(28)
    return load_build_module("icu_trim").write_package(header, items)


def test_icu_package_round_trip_keeps_order_and_alignment() -> None:
    icu_trim = load_build_module("icu_trim")
    items = [("icudt73l/a.cnv", b"x" * 5), ("icudt73l/b.res", b"yy"), ("icudt73l/coll/zh.res", b"z" * 40)]
    data = make_package(items)
    header, read = icu_trim.read_package(data)
    assert len(header) == 32
    assert [(n, b.rstrip(b"\0")) for n, b in read] == items
    count = struct.unpack_from("<I", data, 32)[0]
    offsets = [struct.unpack_from("<II", data, 36 + 8 * i)[1] for i in range(count)]
    assert all(o % 16 == 0 for o in offsets)
    with pytest.raises(ValueError, match="not an ICU data package"):
        icu_trim.read_package(b"\x20\x00\x00\x00" + bytes(40))


def test_converters_extending_a_dropped_table_go_with_it() -> None:
    icu_trim = load_build_module("icu_trim")
    items = [
        ("icudt73l/ibm-1363_P11B-1998.cnv", b"k" * 130_000),  # Korean base table: dropped
        ("icudt73l/windows-949-2000.cnv", b"ext of ibm-1363_P11B-1998\0 diffs"),  # small, but extends it
        ("icudt73l/ibm-1252_P100-2000.cnv", b"sbcs"),
    ]
    assert [n for n, _ in icu_trim.select_items(items)] == ["icudt73l/ibm-1252_P100-2000.cnv"]


def wheel_icudata() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    found = sorted((Path(spec.origin).parent / "Qt" / "lib").glob("libicudata.so.*"))
    return found[0] if found else None


@pytest.mark.skipif(
    wheel_icudata() is None or shutil.which("nm") is None or shutil.which("readelf") is None,
    reason="needs PySide6's Linux ICU and binutils",
)
def test_real_icu_data_trims_to_what_qt_uses() -> None:
    icu_trim = load_build_module("icu_trim")
    library = wheel_icudata()
    assert library is not None
    _symbol, data = icu_trim.library_data(library)
    _header, items = icu_trim.read_package(data)
    kept = icu_trim.select_items(items)
    names = [name.split("/", 1)[1] for name, _ in kept]
    assert names == sorted(names)  # ICU finds items by binary search
    for needed in ("coll/zh.res", "coll/root.res", "coll/ucadata.icu", "cnvalias.icu", "gb18030.cnv", "zoneinfo64.res"):
        assert needed in names, needed
    total = sum(len(blob) for _, blob in kept)
    assert total < 8 * 2**20 < sum(len(blob) for _, blob in items)
