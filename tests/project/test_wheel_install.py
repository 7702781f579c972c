"""A normal (non-editable) install finds the built-in library and translations: wheel -> fresh venv -> run.

``pip install .`` used to ship no ``scripts_library/``; the installed CLI then
failed. This builds the wheel, installs it into a new virtualenv outside the
checkout (dependencies borrowed from the test environment), and runs
``list`` and ``--self-test`` from a folder that is not the repository.
"""

from __future__ import annotations

import os
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The venv's python, with only our wheel installed in it."""
    root = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(root / "dist"), str(REPO_ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (root / "dist").glob("cs_companion-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "cs_companion/_data/scripts_library/00_library.yaml" in names
    assert "cs_companion/_data/resources/translations/cs_companion_en.qm" in names
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    venv_site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    # Dependencies come from the test environment; only the package itself is the wheel's.
    (venv_site / "borrowed_dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    done = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return python


def run_installed(python: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [str(python.parent / "cs-companion"), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_installed_package_is_the_wheel_not_the_checkout(installed: Path, tmp_path: Path) -> None:
    where = subprocess.run(
        [str(installed), "-c", "import cs_companion; print(cs_companion.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(REPO_ROOT) not in where and "site-packages" in where


def test_installed_cli_lists_the_builtin_library(installed: Path, tmp_path: Path) -> None:
    done = run_installed(installed, "list", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "logistics.delay" in done.stdout and done.stdout.count("\n") > 100


def test_installed_self_test_passes(installed: Path, tmp_path: Path) -> None:
    done = run_installed(installed, "--self-test", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "_data" in done.stdout or "site-packages" in done.stdout
