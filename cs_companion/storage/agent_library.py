"""The one way to load the library an agent works with: built-in < team < own scripts.

The window, every CLI command and the self-test call ``load_agent_library``,
so they can never disagree about which files make up "the library".

``team_library`` is what ``--library PATH`` means everywhere: that file or
folder takes the place of the cached team library, on top of the built-in
library and under the agent's own scripts. Each distinct team path gets its own
snapshot, so repeated calls with the same ``--library`` reuse the compiled index.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from cs_companion.core.models import Layer, Library
from cs_companion.storage.paths import AppPaths
from cs_companion.storage.resources import builtin_library_dir
from cs_companion.storage.stack import LoadedLibrary, load_indexed

QUICK_START_TEAM_BYTES = 1_000_000
"""Above this (about 1,000 scripts) a team library without a fresh snapshot loads after the window opens."""


def snapshot_for(paths: AppPaths, team_library: Path | None) -> Path:
    """The snapshot file for this layer combination: one for the cache, one per ``--library`` path."""
    if team_library is None:
        return paths.snapshot_file
    digest = hashlib.sha256(str(team_library.expanduser().resolve()).encode("utf-8")).hexdigest()[:16]
    return paths.cache / "snapshots" / f"library-{digest}.snapshot"


def load_agent_library(
    paths: AppPaths,
    team_library: Path | None = None,
    *,
    quick: bool = False,
    preloaded: Mapping[Layer, Library] | None = None,
) -> LoadedLibrary:
    """The agent's layered library and its search index, from the snapshot when nothing changed.

    ``quick`` (window start-up) may leave a large, not yet compiled team layer
    out and return ``partial=True``; the caller then loads the full one in the
    background. ``preloaded`` layers were just validated (by a team update)
    and are used as they are instead of being parsed again.
    """
    team = team_library if team_library is not None else paths.team_cache_dir
    return load_indexed(
        builtin_library_dir(),
        team,
        paths.personal_library_file,
        snapshot_for(paths, team_library),
        defer_team_over=QUICK_START_TEAM_BYTES if quick else None,
        preloaded=preloaded,
    )
