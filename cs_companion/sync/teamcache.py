"""The last good team library, kept in the user's cache folder so the app starts offline.

The cache is one folder (``AppPaths.team_cache_dir``) holding the validated
library files plus a hidden ``.source.json`` with where they came from and the
HTTP validators. An install writes a complete new folder next to it, fsyncs
it, then swaps the two with renames: readers see the old library or the new
one, never a mix. If the process dies between the two renames, the next
``load`` puts the previous folder back.

Metadata lives *inside* the folder so it is swapped together with the files;
the loader ignores hidden files, so it is never read as a library.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
from collections.abc import Collection, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from cs_companion.core.loader import load_path
from cs_companion.core.models import Layer, Library, LibraryInfo
from cs_companion.core.problems import Problem
from cs_companion.storage.atomic import write_json_atomic
from cs_companion.storage.jsonstore import load_json_object
from cs_companion.sync.folder import LibraryFile

META_NAME = ".source.json"
FEED_FILE_NAME = "team_library.yaml"
"""Name of the cached copy of a URL feed (a feed is a single library file)."""

_NEW_PREFIX = ".team_library.new-"
_OLD_PREFIX = ".team_library.old-"


@dataclass(frozen=True)
class CacheMetadata:
    """Where the cached library came from and what it is; never holds a token."""

    source: str = ""
    source_id: str = ""
    kind: str = ""
    etag: str = ""
    last_modified: str = ""
    fetched_at: str = ""
    checked_at: str = ""
    fingerprint: str = ""
    library_name: str = ""
    library_version: str = ""
    library_updated: str = ""
    scripts: int = 0

    @property
    def info(self) -> LibraryInfo:
        return LibraryInfo(self.library_name, self.library_version, self.library_updated)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> CacheMetadata:
        values = {}
        for f in fields(cls):
            value = data.get(f.name)
            if isinstance(value, str if f.type == "str" else int) and not isinstance(value, bool):
                values[f.name] = value
        return cls(**values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class CachedTeam:
    """The cached team layer: ``library`` is None when there is none or it no longer loads."""

    library: Library | None = None
    metadata: CacheMetadata | None = None
    problems: tuple[Problem, ...] = field(default=())


class TeamCache:
    """Reads and atomically replaces the cached team library; safe to share between threads."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._lock = threading.RLock()

    @property
    def meta_file(self) -> Path:
        return self.directory / META_NAME

    def metadata(self) -> CacheMetadata | None:
        with self._lock:
            self._recover()
            if not self.meta_file.exists():
                return None
            return CacheMetadata.from_dict(load_json_object(self.meta_file).data)

    def load(self, known_scenarios: Collection[str] = ()) -> CachedTeam:
        """The cached library as the app should use it at start-up (no network involved)."""
        with self._lock:
            self._recover()
            if not self.directory.is_dir():
                return CachedTeam()
            result = load_path(self.directory, Layer.TEAM, known_scenarios)
            return CachedTeam(result.library, self.metadata(), tuple(result.problems))

    def install(self, files: Sequence[LibraryFile], metadata: CacheMetadata) -> None:
        """Replace the cached library with ``files``; on any OSError the old one stays."""
        with self._lock:
            parent = self.directory.parent
            parent.mkdir(parents=True, exist_ok=True)
            self._recover()
            self._sweep(_NEW_PREFIX)
            staging = Path(tempfile.mkdtemp(prefix=_NEW_PREFIX, dir=parent))
            try:
                for item in files:
                    target = staging.joinpath(*item.rel.split("/"))
                    _write_synced(target, item.data)
                write_json_atomic(staging / META_NAME, asdict(metadata))
                self._swap(staging)
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise

    def update_metadata(self, metadata: CacheMetadata) -> None:
        """Rewrite only the metadata (new validators or check time after an unchanged check)."""
        with self._lock:
            if self.directory.is_dir():
                write_json_atomic(self.meta_file, asdict(metadata))

    def _swap(self, staging: Path) -> None:
        if not self.directory.exists():
            os.replace(staging, self.directory)
            return
        old = Path(tempfile.mkdtemp(prefix=_OLD_PREFIX, dir=self.directory.parent))
        old.rmdir()  # we only wanted a unique name
        os.replace(self.directory, old)
        try:
            os.replace(staging, self.directory)
        except BaseException:
            os.replace(old, self.directory)
            raise
        shutil.rmtree(old, ignore_errors=True)

    def _recover(self) -> None:
        """Put the previous library back if a swap was interrupted between its two renames."""
        parent = self.directory.parent
        if self.directory.exists() or not parent.is_dir():
            if self.directory.exists():
                self._sweep(_OLD_PREFIX)
            return
        olds = sorted(parent.glob(_OLD_PREFIX + "*"), key=lambda p: p.stat().st_mtime, reverse=True)
        if olds:
            with contextlib.suppress(OSError):
                os.replace(olds[0], self.directory)

    def _sweep(self, prefix: str) -> None:
        for leftover in self.directory.parent.glob(prefix + "*"):
            shutil.rmtree(leftover, ignore_errors=True)


def _write_synced(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
