"""The one exception a failed save of the agent's data raises, with a message the UI can show as is.

A save can fail because the profile is read-only, the disk is full, or another
process holds the profile's lock for too long. Callers (the window, the CLI)
should not need to know ``errno`` values to tell the agent what happened, so
every such failure becomes a ``StorageError`` with one plain line and a short
``kind`` the UI can translate. It subclasses ``OSError`` so code that already
catches ``OSError`` around a save keeps working.
"""

from __future__ import annotations

import errno
from pathlib import Path

KIND_FULL = "disk-full"
KIND_READ_ONLY = "read-only"
KIND_BUSY = "busy"
KIND_OTHER = "other"

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


class StorageError(OSError):
    """Saving ``path`` failed; ``str()`` is one plain line, ``kind`` one of the ``KIND_*`` values."""

    def __init__(self, message: str, path: Path | None = None, kind: str = KIND_OTHER) -> None:
        super().__init__(" ".join(message.split()))
        self.path = path
        self.kind = kind

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def save_failed(path: Path, exc: OSError) -> StorageError:
    """Turn the ``OSError`` of a failed save of ``path`` into a ``StorageError`` that says why in plain words."""
    if isinstance(exc, StorageError):
        return exc
    if exc.errno in _FULL:
        return StorageError(f"cannot save {path.name}: the disk is full ({path.parent})", path, KIND_FULL)
    if exc.errno in _READ_ONLY or isinstance(exc, PermissionError):
        return StorageError(
            f"cannot save {path.name}: the folder {path.parent} is read-only or not yours", path, KIND_READ_ONLY
        )
    detail = exc.strerror or str(exc) or type(exc).__name__
    return StorageError(f"cannot save {path.name} in {path.parent}: {detail}", path, KIND_OTHER)
