"""Finding the YAML files of a library folder: iteratively, within limits, and loudly.

``Path.rglob`` was used before and failed three ways on shared drives:

- it skips a folder it cannot read without a word, so an update from a share
  with one unreadable sub-folder installed the library *without* that
  folder's scripts (agents lost them);
- it recurses, so 3,000 nested folders raised RecursionError;
- it happily returns file names that are not valid UTF-8 (possible on Linux
  shares), which then broke hashing and messages later with "unexpected error".

This walker keeps an explicit stack, stops at ``MAX_FOLDER_DEPTH`` and
``MAX_FOLDERS``, and raises ``LibraryTreeError`` naming the folder or file
for each of those cases, so ``validate`` and ``update`` refuse the same
libraries with the same words. The files and their order are the same as
before: ``*.yaml``/``*.yml``, nothing whose path has a part starting with
``.`` or ``~`` (editor leftovers, half-saved files), symlinked folders not
followed, sorted like ``sorted(path.rglob("*"))``.
"""

from __future__ import annotations

import os
from pathlib import Path

LIBRARY_SUFFIXES = (".yaml", ".yml")
MAX_FOLDER_DEPTH = 32
"""Sub-folder levels below the library folder; real libraries use one or two."""
MAX_FOLDERS = 5_000
"""Folders visited at most: a source pointing at a whole drive fails quickly instead of walking it all."""


class LibraryTreeError(Exception):
    """A library folder cannot be listed completely; ``where`` names the folder or file, ``reason`` says why."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


def shown_path(path: Path | str) -> str:
    """``path`` as printable text: bytes that are not UTF-8 appear as ``\\xff`` instead of breaking output."""
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except (UnicodeError, TypeError):
        return str(path).encode("utf-8", "backslashreplace").decode("utf-8")


def is_utf8_name(text: str) -> bool:
    """False for names decoded from bytes that are not UTF-8 (they hold lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def library_files(path: Path) -> list[Path]:
    """The YAML files that make up the library at ``path`` (a file or a folder), in load order.

    Raises ``LibraryTreeError`` when a folder cannot be read, the folders are
    nested too deeply or are too many, or a library file's name is not UTF-8;
    ``OSError`` only if ``path`` itself cannot be examined.
    """
    if path.is_file():
        if not is_utf8_name(path.name):
            raise LibraryTreeError(shown_path(path), _NOT_UTF8)
        return [path]
    return library_tree(path)[1]


def library_tree(path: Path) -> tuple[list[Path], list[Path]]:
    """The folders (``path`` first) and the library files under the folder ``path``; see ``library_files``.

    The folders are what a file watcher needs to notice new files.
    """
    folders: list[Path] = []
    files: list[Path] = []
    pending: list[tuple[Path, str, int]] = [(path, "", 0)]
    visited = 0
    while pending:
        folder, rel, depth = pending.pop()
        folders.append(folder)
        visited += 1
        if visited > MAX_FOLDERS:
            raise LibraryTreeError(shown_path(path), f"more than {MAX_FOLDERS:,} folders; point to the library folder")
        try:
            with os.scandir(folder) as scan:
                entries = list(scan)
        except OSError as exc:
            raise LibraryTreeError(shown_path(folder), f"cannot read this folder: {exc.strerror or exc}") from None
        for entry in entries:
            name = entry.name
            if name.startswith((".", "~")):
                continue
            child = folder / name
            try:
                if entry.is_dir(follow_symlinks=False):
                    if depth + 1 > MAX_FOLDER_DEPTH:
                        reason = f"folders are nested more than {MAX_FOLDER_DEPTH} levels deep below {shown_path(path)}"
                        raise LibraryTreeError(shown_path(child), reason)
                    pending.append((child, f"{rel}{name}/", depth + 1))
                elif os.path.splitext(name)[1].lower() in LIBRARY_SUFFIXES and entry.is_file():
                    if not is_utf8_name(rel + name):
                        raise LibraryTreeError(shown_path(child), _NOT_UTF8)
                    files.append(child)
            except OSError as exc:
                raise LibraryTreeError(shown_path(child), f"cannot read: {exc.strerror or exc}") from None
    return folders, sorted(files)


_NOT_UTF8 = "the file or folder name is not valid UTF-8 text; rename it"
