"""Loads the agent's three library layers and their search index, fast when nothing changed.

This is what the window and the CLI call at start-up. The slow path (parse,
validate, merge, index) runs only when a source file changed; otherwise the
compiled snapshot is read (see ``snapshot``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cs_companion.core.layers import load_stack
from cs_companion.core.loader import library_files
from cs_companion.core.models import LAYER_ORDER, Layer, Library, LibraryInfo
from cs_companion.core.problems import Problem
from cs_companion.core.search import SearchIndex
from cs_companion.storage.snapshot import load_snapshot, save_snapshot, sources_key


@dataclass
class LoadedLibrary:
    """The merged library, its index, per-layer infos and every load problem."""

    library: Library
    index: SearchIndex
    layer_info: dict[Layer, LibraryInfo] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    from_snapshot: bool = False
    partial: bool = False
    """True when the team layer was left out to open quickly; a full load should follow."""

    @property
    def builtin_ok(self) -> bool:
        return Layer.BUILTIN in self.layer_info


def _source_stats(path: Path | None) -> list[tuple[str, int, int]]:
    """(path, size, mtime) of each library file under ``path``: the snapshot's validity key."""
    if path is None or not path.exists():
        return []
    stats = []
    for file in library_files(path):
        try:
            st = file.stat()
            stats.append((str(file), st.st_size, st.st_mtime_ns))
        except OSError:
            stats.append((str(file), -1, -1))  # changes the key; the slow path reports the error
    return stats


def load_indexed(
    builtin: Path,
    team: Path | None = None,
    personal: Path | None = None,
    snapshot: Path | None = None,
    defer_team_over: int | None = None,
) -> LoadedLibrary:
    """Load and index the layers, using and refreshing the snapshot at ``snapshot`` if given.

    With ``defer_team_over`` (bytes), a snapshot miss with a team library larger
    than that skips the team layer and returns ``partial=True`` at once, so the
    window can open in a fraction of a second and load the rest in the background
    (first start after an app upgrade with a 10,000-script team library).
    """
    paths = {Layer.BUILTIN: builtin, Layer.TEAM: team, Layer.PERSONAL: personal}
    stats = {layer: _source_stats(paths[layer]) for layer in LAYER_ORDER}
    key = sources_key((layer.value, stats[layer]) for layer in LAYER_ORDER) if snapshot else ""
    if snapshot is not None:
        cached = load_snapshot(snapshot, key)
        if cached is not None:
            library, index, problems, extra = cached
            infos = {Layer(k): LibraryInfo(*v) for k, v in extra.get("layers", {}).items()}
            return LoadedLibrary(library, index, infos, problems, from_snapshot=True)
    if defer_team_over is not None and sum(size for _, size, _ in stats[Layer.TEAM]) > defer_team_over:
        quick = load_stack(builtin, None, personal)
        infos = {layer: lib.info for layer, lib in quick.layers.items()}
        return LoadedLibrary(quick.library, SearchIndex(quick.library), infos, quick.problems, partial=True)
    stack = load_stack(builtin, team, personal)
    index = SearchIndex(stack.library)
    infos = {layer: lib.info for layer, lib in stack.layers.items()}
    if snapshot is not None and Layer.BUILTIN in stack.layers:
        extra = {"layers": {layer.value: (i.name, i.version, i.updated, i.author) for layer, i in infos.items()}}
        save_snapshot(snapshot, key, stack.library, index, stack.problems, extra)
    return LoadedLibrary(stack.library, index, infos, stack.problems)
