"""Finds the data shipped with the app (built-in library, icons, translations) one way everywhere.

The repository keeps ``scripts_library/`` and ``resources/`` at its top level,
where team leads and translators look for them. Every build maps them into the
package as ``cs_companion/_data/``: the wheel (hatchling ``force-include``,
so sdists, pip and pipx installs) and the PyInstaller bundle (``companion.spec``).
At run time they are found with ``importlib.resources``; only a source
checkout or an editable install, where ``_data`` does not exist, falls back to
the repository root.
"""

from __future__ import annotations

import sys
from importlib import resources as importlib_resources
from pathlib import Path

DATA_PACKAGE_FOLDER = "_data"


def base_dir() -> Path:
    """Folder holding ``resources/`` and ``scripts_library/``."""
    packaged = importlib_resources.files("cs_companion") / DATA_PACKAGE_FOLDER
    if packaged.is_dir():
        # Installed packages and PyInstaller bundles live on disk, so this is a real path.
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2]


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/``, e.g. ``resource_path("icons", "app.png")``."""
    return base_dir().joinpath("resources", *parts)


def builtin_library_dir() -> Path:
    """The built-in script library shipped with the app."""
    return base_dir() / "scripts_library"
