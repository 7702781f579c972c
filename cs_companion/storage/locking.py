"""A cross-process lock per data file, so read-modify-write of the profile never loses a change.

Two processes on one profile (two windows started at once, the window and a
``cs-companion`` command) each read a file, change it and write it back. The
second write used to drop the first one's change. Every save of the agent's
data now re-reads the file, applies its change and writes, all while holding
``.<name>.lock`` next to the file.

The lock is the ``filelock`` package (OS file locks: ``fcntl.flock`` on
POSIX, ``msvcrt.locking`` on Windows), so a process killed while holding it
frees it at once. It is re-entrant within a thread (nested saves of the same
file do not deadlock) and exclusive between threads and processes. Storage
code is Qt-free; the window's single-instance lock lives in the UI layer.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from cs_companion.storage.errors import KIND_BUSY, StorageError, save_failed

LOCK_TIMEOUT_SECONDS = 15.0
"""How long a save waits for another process's save of the same file; saves take milliseconds."""


def lock_path(target: Path) -> Path:
    """The lock file guarding ``target``: hidden, next to it, never matched by the stale-temp sweep."""
    return target.with_name(f".{target.name}.lock")


FileLock: Any = None
"""``filelock.FileLock``, imported on the first save rather than at start-up (tests may replace it)."""


def _lock_class() -> Any:
    global FileLock
    if FileLock is None:
        from filelock import FileLock as file_lock

        FileLock = file_lock
    return FileLock


@contextmanager
def locked(target: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the cross-process lock of ``target`` for the block; StorageError if it cannot be had.

    The parent folder is created first (a fresh profile has none). A read-only
    profile or a full disk fails here already, as the same ``StorageError`` a
    failed write would raise.
    """
    path = lock_path(target)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = _lock_class()(str(path), is_singleton=True)  # one object per file: nested saves re-enter it
        lock.acquire(timeout=timeout)
    except TimeoutError:  # filelock.Timeout is a TimeoutError
        raise StorageError(
            f"cannot save {target.name}: another cs-companion process has been saving it for {timeout:.0f} s",
            target,
            KIND_BUSY,
        ) from None
    except OSError as exc:
        raise save_failed(target, exc) from None
    try:
        yield
    finally:
        lock.release()
