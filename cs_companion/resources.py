"""Finds bundled files the same way from a source checkout and a PyInstaller bundle.

PyInstaller unpacks data next to the executable (``sys._MEIPASS``); from
source the folders sit at the repository root. Every lookup of ``resources/``
or ``scripts_library/`` goes through here.
"""

from __future__ import annotations

import sys
from pathlib import Path


def base_dir() -> Path:
    """Folder holding ``resources/`` and ``scripts_library/``."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/``, e.g. ``resource_path("icons", "app.png")``."""
    return base_dir().joinpath("resources", *parts)


def builtin_library_dir() -> Path:
    """The built-in script library shipped with the app."""
    return base_dir() / "scripts_library"
