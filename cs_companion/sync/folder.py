"""Reading a team library from a file or shared folder, and noticing when it changed.

Files are read once into memory and the *same bytes* are validated and then
copied into the cache, so an edit landing on the share between the check and
the copy can never slip an unchecked file in.

Change detection hashes the content of the library files (the ones
``loader.library_files`` would load: ``*.yaml``/``*.yml``, no hidden files or
editor leftovers), because modification times on network shares are coarse
and unreliable. A file whose YAML does not parse is reported as ``INVALID``
rather than an error: on a share it is most likely still being written, so
the caller should wait a moment and probe again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from cs_companion.core.libtree import LibraryTreeError, library_files, library_tree, shown_path
from cs_companion.core.loader import MAX_FILES, MAX_TOTAL_BYTES
from cs_companion.core.problems import Problem
from cs_companion.core.yamlsafe import MAX_FILE_BYTES, YamlParseError, decode_library_bytes, parse_library_yaml


class FolderError(Exception):
    """The path cannot be read as a library (missing, empty, too big, unreadable); one-line message."""


@dataclass(frozen=True, slots=True)
class LibraryFile:
    """One file of a library: its name inside the library, the name to show in problems, its bytes."""

    rel: str
    shown: str
    data: bytes


def read_library(path: Path) -> list[LibraryFile]:
    """Read every library file under ``path`` (a file or folder) in load order; FolderError if unusable.

    Every size is checked with ``stat`` before any file is opened, and each
    read stops one byte past the limit, so a 1.5 GB file dropped on the share
    is refused without ever being read (a file growing after the ``stat`` is
    caught by the capped read). A folder that cannot be listed, a name that
    is not UTF-8 and folders nested too deeply refuse the whole library:
    installing what could be read would silently remove the rest from agents.
    """
    try:
        if not path.exists():
            raise FolderError(f"{shown_path(path)} does not exist or the share is not reachable")
        files = library_files(path)
    except LibraryTreeError as exc:
        raise FolderError(str(exc)) from None
    except OSError as exc:
        raise FolderError(f"cannot read {shown_path(path)}: {exc.strerror or exc}") from None
    if not files:
        raise FolderError(f"no .yaml or .yml library files in {shown_path(path)}")
    if len(files) > MAX_FILES:
        raise FolderError(f"{shown_path(path)} has {len(files)} library files; the limit is {MAX_FILES}")
    total = 0
    for file in files:
        total += _checked_size(file, _stat_size(file))
        if total > MAX_TOTAL_BYTES:
            raise FolderError(f"the library in {shown_path(path)} is larger than {MAX_TOTAL_BYTES:,} bytes in all")
    result: list[LibraryFile] = []
    total = 0
    for file in files:
        rel = file.name if file == path else file.relative_to(path).as_posix()
        data = _read_capped(file)
        total += len(data)
        if total > MAX_TOTAL_BYTES:  # files grew between stat and read
            raise FolderError(f"the library in {shown_path(path)} is larger than {MAX_TOTAL_BYTES:,} bytes in all")
        result.append(LibraryFile(rel, str(file), data))
    return result


def _stat_size(file: Path) -> int:
    try:
        return file.stat().st_size
    except OSError as exc:
        raise FolderError(f"cannot read {shown_path(file)}: {exc.strerror or exc}") from None


def _checked_size(file: Path, size: int) -> int:
    if size > MAX_FILE_BYTES:
        raise FolderError(f"{shown_path(file)} is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
    return size


def _read_capped(file: Path) -> bytes:
    """The file's bytes, reading at most one byte more than the limit (it may have grown since ``stat``)."""
    try:
        with open(file, "rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise FolderError(f"cannot read {shown_path(file)}: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise FolderError(f"{shown_path(file)} is larger than the {MAX_FILE_BYTES:,} byte limit")
    return data


def watch_targets(path: Path) -> list[Path]:
    """The folder or file ``path`` plus what a file watcher should watch under it; never raises.

    Folders are included so new files are noticed. When the tree cannot be
    walked (unreadable, too deep), only ``path`` is returned: the update
    itself reports why, and the poll timer still notices a repair.
    """
    try:
        if not path.is_dir():
            return [path, path.parent]
        folders, files = library_tree(path)
    except (LibraryTreeError, OSError):
        return [path]
    return folders + files


def fingerprint(files: list[LibraryFile]) -> str:
    """A hash of names and contents: equal fingerprints mean the same library bytes."""
    digest = hashlib.sha256()
    for item in files:
        digest.update(item.rel.encode("utf-8", "surrogatepass") + b"\0")  # never raises, whatever the name
        digest.update(hashlib.sha256(item.data).digest())
    return digest.hexdigest()


def folder_fingerprint(path: Path) -> str:
    """Fingerprint of the library at ``path``; raises FolderError if it cannot be read."""
    return fingerprint(read_library(path))


class FolderState(str, Enum):
    """Outcome of a cheap look at a folder source (no validation, nothing installed)."""

    UNCHANGED = "unchanged"
    CHANGED = "changed"
    INVALID = "invalid"
    """Changed, but some file's YAML does not parse: maybe half-written; probe again after a pause."""
    UNAVAILABLE = "unavailable"
    """Missing, empty or unreadable (share offline?); keep the current library."""


@dataclass(frozen=True)
class FolderProbe:
    """What ``probe_folder`` found; ``fingerprint`` is empty when the folder could not be read."""

    state: FolderState
    fingerprint: str = ""
    reason: str = ""
    problems: tuple[Problem, ...] = field(default=())

    @property
    def changed(self) -> bool:
        return self.state is FolderState.CHANGED


def probe_folder(path: Path, known_fingerprint: str = "", parse: bool = True) -> FolderProbe:
    """Has the library at ``path`` changed since ``known_fingerprint``, and does it parse?

    Meant for a file watcher or poll timer: call it after a short debounce;
    on CHANGED run ``UpdateService.check``; on INVALID wait and probe again.
    """
    try:
        files = read_library(path)
    except FolderError as exc:
        return FolderProbe(FolderState.UNAVAILABLE, reason=str(exc))
    current = fingerprint(files)
    if current == known_fingerprint:
        return FolderProbe(FolderState.UNCHANGED, current)
    problems = unparsable(files) if parse else []
    if problems:
        return FolderProbe(FolderState.INVALID, current, str(problems[0]), tuple(problems))
    return FolderProbe(FolderState.CHANGED, current)


def unparsable(files: list[LibraryFile]) -> list[Problem]:
    """Problems of files that are not even readable YAML (as opposed to schema mistakes)."""
    problems = []
    for item in files:
        try:
            parse_library_yaml(decode_library_bytes(item.data, item.shown), item.shown)  # fast unless it is bad
        except YamlParseError as exc:
            problems.append(exc.problem)
    return problems
