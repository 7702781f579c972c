"""Atomic file writes: a crash mid-save leaves the old file, never half a file.

Write to a temporary file in the same folder, flush and fsync it, then
``os.replace`` it over the target (atomic on POSIX and Windows). A failed
write removes its temporary file; one left by a process killed mid-save
(``.<name>.<random>.tmp``) is swept at the next start once it is a minute old.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

TEMP_SUFFIX = ".tmp"
STALE_TEMP_SECONDS = 60.0
"""A save takes milliseconds; a temp file this old belongs to a process that died mid-save."""
_TEMP_NAME = re.compile(r"^\.(?P<target>.+)\.[a-z0-9_]{8}\.tmp$")
"""Exactly what ``tempfile.mkstemp(prefix=".<name>.", suffix=".tmp")`` makes: never another program's file."""


def is_our_temp_file(name: str) -> bool:
    """True for names ``write_bytes_atomic`` gives its temporary files."""
    return _TEMP_NAME.match(name) is not None


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, creating parent folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def write_json_atomic(path: Path, value: Any) -> None:
    write_text_atomic(path, json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


def set_aside(path: Path, reason: str = "corrupt") -> Path:
    """Rename a damaged file out of the way (keeping it for support) and return the new name."""
    target = path.with_name(f"{path.name}.{reason}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.{reason}{counter}")
    os.replace(path, target)
    return target


def sweep_stale_temp_files(
    folders: Iterable[Path], older_than: float = STALE_TEMP_SECONDS, now: float | None = None
) -> list[Path]:
    """Delete our own temporary files older than ``older_than`` seconds in ``folders`` (not recursive).

    Only names matching the ``write_bytes_atomic`` pattern are touched, and
    only old ones, so a save running right now in another process is safe.
    Returns what was removed; a folder or file that cannot be read is skipped.
    """
    now = time.time() if now is None else now
    removed: list[Path] = []
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                if not is_our_temp_file(entry.name) or not entry.is_file(follow_symlinks=False):
                    continue
                if now - entry.stat(follow_symlinks=False).st_mtime < older_than:
                    continue
                os.unlink(entry.path)
            except OSError:
                continue
            removed.append(Path(entry.path))
    return removed
