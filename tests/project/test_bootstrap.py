"""``./run``: the two-command quick start, driven in a fake Debian (stub dpkg-query, apt-get, sudo, id, python3).

The script decides what a fresh machine is missing and whether it may install it;
these tests pin those decisions without touching the real system: every command it
could run is a stub that logs its arguments.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUN = ROOT / "run"
REAL_TOOLS = (
    "bash",
    "sed",
    "awk",
    "tr",
    "grep",
    "sort",
    "mktemp",
    "rm",
    "cat",
    "cksum",
    "dirname",
    "env",
    "mkdir",
    "cp",
    "chmod",
)
APP_PACKAGES = (
    *("libegl1", "libgl1", "libglib2.0-0", "libfontconfig1", "libfreetype6", "libdbus-1-3", "libxkbcommon0"),
    *("libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0"),
    *("libxcb-xinerama0", "libxcb-randr0", "libxcb-render-util0", "libxcb-image0", "libxcb-xkb1", "fonts-noto-cjk"),
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="./run is the Linux bootstrap")

VENV_PYTHON = """#!/bin/bash
echo "venv-python $*" >> "$FAKE_LOG"
"""
PYTHON3 = """#!/bin/bash
# python3 stub: `-m venv DIR` works unless FAKE_VENV_BROKEN=1; `-m virtualenv` only with FAKE_VIRTUALENV=1.
make_venv() { mkdir -p "$1/bin"; cp "$FAKE_VENV_PYTHON" "$1/bin/python"; }
if [ "$1 $2" = "-m venv" ]; then
  [ "${FAKE_VENV_BROKEN:-0}" = 1 ] && { echo "ensurepip is not available" >&2; exit 1; }
  make_venv "$3"; exit 0
fi
if [ "$1 $2" = "-m virtualenv" ]; then
  [ "${FAKE_VIRTUALENV:-0}" = 1 ] || exit 1
  [ "$3" = --version ] && exit 0
  make_venv "$3"; exit 0
fi
exit 0
"""
STUBS = {
    "dpkg-query": '#!/bin/bash\ncat "$FAKE_DPKG"\n',
    "apt-get": '#!/bin/bash\necho "apt-get $*" >> "$FAKE_LOG"\n',
    "id": '#!/bin/bash\necho "${FAKE_UID:-1000}"\n',
    "python3": PYTHON3,
}


class FakeMachine:
    """A PATH of stubs plus the real text tools; ``installed`` lists dpkg's packages ("name" or "name|provides")."""

    def __init__(self, tmp: Path, installed: list[str], sudo: bool = False) -> None:
        self.tmp = tmp
        self.bin = tmp / "bin"
        self.bin.mkdir(parents=True)
        self.log = tmp / "log"
        self.log.touch()
        for tool in REAL_TOOLS:
            found = shutil.which(tool)
            assert found, tool
            (self.bin / tool).symlink_to(found)
        stubs = dict(STUBS)
        if sudo:
            stubs["sudo"] = '#!/bin/bash\necho "sudo $*" >> "$FAKE_LOG"\nexec "$@"\n'
        for name, text in stubs.items():
            self._script(self.bin / name, text)
        self.venv_python = self._script(tmp / "venv-python", VENV_PYTHON)
        self.dpkg = tmp / "dpkg"
        self.set_installed(installed)
        self.venv = tmp / "venv"

    def _script(self, path: Path, text: str) -> Path:
        path.write_text(text, encoding="utf-8")
        path.chmod(0o755)
        return path

    def set_installed(self, installed: list[str]) -> None:
        lines = [f"ii |{p}|" if "|" not in p else f"ii |{p}" for p in installed]
        self.dpkg.write_text("".join(line + "\n" for line in lines), encoding="utf-8")

    def run(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        environ = {
            "PATH": str(self.bin),
            "HOME": str(self.tmp),
            "VENV": str(self.venv),
            "FAKE_LOG": str(self.log),
            "FAKE_DPKG": str(self.dpkg),
            "FAKE_VENV_PYTHON": str(self.venv_python),
            **env,
        }
        return subprocess.run(
            [str(self.bin / "bash"), str(RUN), *args],
            env=environ,
            stdin=subprocess.DEVNULL,  # CI: no terminal to ask on
            capture_output=True,
            text=True,
            timeout=60,
            cwd=self.tmp,
        )

    def calls(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines()


def all_but(*missing: str) -> list[str]:
    everything = [*APP_PACKAGES, "xvfb", "xauth", "binutils", "python3", "python3-venv", *ci_packages()]
    return sorted(set(everything) - set(missing))


def ci_packages() -> list[str]:
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    block = text.split("APT_PACKAGES=(", 1)[1].split(")", 1)[0]
    return [w for line in block.splitlines() for w in line.split("#", 1)[0].split()]


def would_install(result: subprocess.CompletedProcess[str]) -> list[str]:
    lines = [line for line in result.stderr.splitlines() if line.startswith("run: would install: ")]
    return lines[0].removeprefix("run: would install: ").split() if lines else []


def test_dry_run_names_only_what_is_missing_and_changes_nothing(tmp_path: Path) -> None:
    machine = FakeMachine(tmp_path, all_but("fonts-noto-cjk", "libxcb-cursor0"))
    result = machine.run("--dry-run")
    assert result.returncode == 0, result.stderr
    assert would_install(result) == ["libxcb-cursor0", "fonts-noto-cjk"]
    assert "would start: " in result.stderr
    assert machine.calls() == []
    assert not machine.venv.exists()


def test_tests_also_want_the_desktop_test_tools_of_ci(tmp_path: Path) -> None:
    machine = FakeMachine(tmp_path, all_but("xvfb", "xauth"))
    assert would_install(machine.run("--dry-run")) == []  # starting the app does not need Xvfb
    result = machine.run("--dry-run", "tests", "-q")
    assert would_install(result) == ["xvfb", "xauth"]
    assert "would run: " in result.stderr and "-m pytest -q" in result.stderr


def test_a_package_provided_under_a_new_name_counts_as_installed(tmp_path: Path) -> None:
    """Ubuntu 24.04 ships libglib2.0-0t64, which provides libglib2.0-0."""
    machine = FakeMachine(tmp_path, [*all_but("libglib2.0-0"), "libglib2.0-0t64|libglib2.0-0 (= 2.80.0-6)"])
    assert would_install(machine.run("--dry-run")) == []


def test_a_broken_venv_needs_python3_venv(tmp_path: Path) -> None:
    machine = FakeMachine(tmp_path, all_but("python3-venv"))
    result = machine.run("--dry-run", FAKE_VENV_BROKEN="1")
    assert would_install(result) == ["python3-venv"]
    machine.set_installed(all_but("python3-venv"))
    assert would_install(machine.run("--dry-run")) == []  # venv works: python3-venv is not needed


def test_virtualenv_stands_in_for_a_missing_venv(tmp_path: Path) -> None:
    machine = FakeMachine(tmp_path, all_but("python3-venv"), sudo=False)
    result = machine.run("tests", FAKE_VENV_BROKEN="1", FAKE_VIRTUALENV="1")
    assert result.returncode == 0, result.stderr
    assert "python3 -m virtualenv" in result.stderr
    assert machine.calls()[-1] == "venv-python -m pytest"


def test_without_consent_it_prints_the_one_command_and_stops(tmp_path: Path) -> None:
    for sudo in (False, True):  # no sudo, or sudo but no terminal to ask on and no --yes
        machine = FakeMachine(tmp_path / str(sudo), all_but("fonts-noto-cjk"), sudo=sudo)
        result = machine.run("tests")
        assert result.returncode == 1
        assert result.stdout.splitlines() == [
            "sudo sh -c 'apt-get update -qq && apt-get install -y -qq --no-install-recommends fonts-noto-cjk'"
        ]
        assert machine.calls() == []
        assert not machine.venv.exists()


def test_yes_installs_with_sudo_then_runs_the_tests(tmp_path: Path) -> None:
    machine = FakeMachine(tmp_path, all_but("fonts-noto-cjk"), sudo=True)
    result = machine.run("--yes", "tests", "-x")
    assert result.returncode == 0, result.stderr
    assert machine.calls() == [
        "sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq",
        "apt-get update -qq",
        "sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-cjk",
        "apt-get install -y -qq --no-install-recommends fonts-noto-cjk",
        "venv-python -m pip install -q -e .[test]",
        "venv-python -m pytest -x",
    ]


def test_root_without_a_terminal_installs_without_asking_like_ci(tmp_path: Path) -> None:
    machine = FakeMachine(tmp_path, all_but("libxcb-cursor0", "xvfb"))
    result = machine.run("tests", FAKE_UID="0")
    assert result.returncode == 0, result.stderr
    calls = machine.calls()
    assert calls[:2] == ["apt-get update -qq", "apt-get install -y -qq --no-install-recommends libxcb-cursor0 xvfb"]
    assert calls[-1] == "venv-python -m pytest"


def test_the_project_is_installed_again_only_when_pyproject_changes(tmp_path: Path) -> None:
    machine = FakeMachine(tmp_path, all_but())
    assert machine.run("tests").returncode == 0
    assert machine.run("tests").returncode == 0
    installs = [c for c in machine.calls() if "pip install" in c]
    assert len(installs) == 1
    assert machine.calls()[-1] == "venv-python -m pytest"


def test_no_arguments_start_the_app(tmp_path: Path) -> None:
    machine = FakeMachine(tmp_path, all_but())
    result = machine.run("--profile", "/tmp/p")
    assert result.returncode == 0, result.stderr
    assert machine.calls()[-1] == "venv-python -m cs_companion --profile /tmp/p"


def test_ci_and_the_readme_use_the_bootstrap() -> None:
    assert os.access(RUN, os.X_OK)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "\n./run tests\n" in ci
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert "```sh\n./run\n```" in quick_start and "```sh\n./run tests\n```" in quick_start
