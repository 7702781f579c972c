"""Bundled files resolve the same way from a source checkout and from a PyInstaller bundle."""

from __future__ import annotations

import shutil
import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cs_companion import cli
from cs_companion.core.loader import load_path
from cs_companion.core.models import Layer
from cs_companion.storage import resources

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILTIN_LIBRARY = REPO_ROOT / "scripts_library"


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_from_source_everything_is_under_the_repository() -> None:
    assert not resources.is_frozen()
    assert resources.base_dir() == REPO_ROOT
    assert resources.builtin_library_dir() == BUILTIN_LIBRARY
    assert resources.resource_path("icons", "app.png") == REPO_ROOT / "resources" / "icons" / "app.png"


def test_committed_app_icon_is_a_256px_png_drawn_from_the_svg() -> None:
    assert png_size(resources.resource_path("icons", "app.png")) == (256, 256)
    svg = ET.parse(resources.resource_path("icons", "app.svg")).getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.get("viewBox") == "0 0 256 256"


@pytest.fixture
def fake_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A package laid out like PyInstaller's ``_internal/cs_companion/`` (and a wheel's), data under ``_data/``."""
    package = tmp_path / "cs-companion" / "_internal" / "cs_companion"
    data = package / "_data"
    (data / "resources" / "icons").mkdir(parents=True)
    shutil.copy2(REPO_ROOT / "resources" / "icons" / "app.png", data / "resources" / "icons" / "app.png")
    shutil.copytree(BUILTIN_LIBRARY, data / "scripts_library")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(resources.importlib_resources, "files", lambda name: package)
    return data


def test_frozen_lookups_go_to_the_bundle(fake_bundle: Path) -> None:
    assert resources.is_frozen()
    assert resources.base_dir() == fake_bundle
    icon = resources.resource_path("icons", "app.png")
    assert icon == fake_bundle / "resources" / "icons" / "app.png"
    assert icon.is_file()
    assert resources.builtin_library_dir() == fake_bundle / "scripts_library"


def test_frozen_builtin_library_loads_from_the_bundle(fake_bundle: Path) -> None:
    from_bundle = load_path(resources.builtin_library_dir(), Layer.BUILTIN)
    from_source = load_path(BUILTIN_LIBRARY, Layer.BUILTIN)
    assert from_bundle.library is not None and from_source.library is not None
    assert [s.id for s in from_bundle.library.scripts] == [s.id for s in from_source.library.scripts]
    assert all(str(fake_bundle) in s.origin for s in from_bundle.library.scripts)


def test_frozen_cli_reads_the_bundled_library(fake_bundle: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (fake_bundle / "scripts_library" / "20_order_logistics_product.yaml").unlink()
    assert cli.main(["list"]) == 0
    listed = capsys.readouterr().out
    assert "logistics.delay.first_reply" not in listed  # proves the bundle copy was read, not the repository
    assert listed.count("\n") > 10
