"""Loads the agent's three library layers and their search index, fast when nothing changed.

This is what the window and the CLI call at start-up. The slow path (parse,
validate, merge, index) runs only when a source file changed; otherwise the
compiled snapshot is read (see ``snapshot``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import astuple, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cs_companion.core.libtree import library_files
from cs_companion.core.models import LAYER_ORDER, Layer, Library, LibraryInfo
from cs_companion.core.problems import Location, Problem
from cs_companion.core.search import SearchIndex
from cs_companion.storage.snapshot import file_digest, load_snapshot, save_snapshot, sources_key

if TYPE_CHECKING:
    from cs_companion.core.layers import StackResult


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


def _source_files(path: Path | None) -> list[tuple[str, int, str]]:
    """(path, size, content digest) of each library file under ``path``: the snapshot's validity key."""
    if path is None or not path.exists():
        return []
    found = []
    for file in library_files(path):
        try:
            found.append((str(file), file.stat().st_size, file_digest(file)))
        except OSError:
            found.append((str(file), -1, ""))  # changes the key; the slow path reports the error
    return found


def _layer_infos(extra: dict[str, Any]) -> dict[Layer, LibraryInfo]:
    """The per-layer infos stored in a snapshot; raises on any wrong shape (the snapshot is then rebuilt)."""
    layers = extra.get("layers", {})
    if not isinstance(layers, dict):
        raise TypeError("layer infos are not a mapping")
    infos = {Layer(k): LibraryInfo(*v) for k, v in layers.items()}
    if not all(isinstance(value, str) for info in infos.values() for value in astuple(info)):
        raise TypeError("layer infos are not text")
    return infos


def _within_budget(stack: StackResult) -> StackResult:
    from cs_companion.core.budget import budget_problem
    from cs_companion.core.layers import StackResult, merge_layers

    """Leave out the team, then the personal layer while the merged library is too big to index quickly.

    Each layer was checked on its own when loaded; together they could still
    exceed the budget, and an index that takes minutes would hang every start.
    """
    over = budget_problem(stack.library, Location("library", 1, 1))
    layers = dict(stack.layers)
    for layer in (Layer.TEAM, Layer.PERSONAL):
        if over is None or layer not in layers:
            continue
        del layers[layer]
        library = merge_layers([layers.get(each) for each in LAYER_ORDER])
        note = f"the {layer.value} library is left out: {over.message}"
        problems = [*stack.problems, Problem(over.file, over.line, over.col, note)]
        stack = StackResult(library, layers, problems)
        over = budget_problem(library, Location("library", 1, 1))
    return stack


def load_indexed(
    builtin: Path,
    team: Path | None = None,
    personal: Path | None = None,
    snapshot: Path | None = None,
    defer_team_over: int | None = None,
    preloaded: Mapping[Layer, Library] | None = None,
) -> LoadedLibrary:
    """Load and index the layers, using and refreshing the snapshot at ``snapshot`` if given.

    With ``defer_team_over`` (bytes), a snapshot miss with a team library larger
    than that skips the team layer and returns ``partial=True`` at once, so the
    window can open in a fraction of a second and load the rest in the background
    (first start after an app upgrade with a 10,000-script team library).

    ``preloaded`` layers (just validated by a team update) are not parsed again.

    A damaged own-scripts file is set aside (see ``personal.set_aside_damaged``)
    so the next start and the next save work; its problem says where it went.
    """
    paths = {Layer.BUILTIN: builtin, Layer.TEAM: team, Layer.PERSONAL: personal}
    files = {layer: _source_files(paths[layer]) for layer in LAYER_ORDER}

    def key_now() -> str:
        return sources_key((layer.value, files[layer]) for layer in LAYER_ORDER) if snapshot else ""

    key = key_now()
    if snapshot is not None:
        cached = load_snapshot(snapshot, key, _layer_infos)
        if cached is not None:
            library, index, problems, infos = cached
            return LoadedLibrary(library, index, infos, problems, from_snapshot=True)
    # Only a snapshot miss needs the YAML parser, the validator and pinyin: import them here so a
    # warm start (the snapshot) shows the window without loading any of them.
    from cs_companion.core.layers import load_stack

    if defer_team_over is not None and sum(size for _, size, _ in files[Layer.TEAM]) > defer_team_over:
        quick = _set_aside_damaged_personal(load_stack(builtin, None, personal), personal)
        infos = {layer: lib.info for layer, lib in quick.layers.items()}
        return LoadedLibrary(quick.library, SearchIndex(quick.library), infos, quick.problems, partial=True)
    stack = _within_budget(load_stack(builtin, team, personal, preloaded))
    lasting = stack.problems
    set_aside = _set_aside_damaged_personal(stack, personal)
    if set_aside is not stack:
        # The snapshot describes the files as they are now: without the damaged file, and
        # without the one-time note saying it was moved (or every later start would repeat it).
        files[Layer.PERSONAL] = []
        key = key_now()
        lasting = [p for p in stack.problems if p.file != str(personal)]
        stack = set_aside
    index = SearchIndex(stack.library)
    infos = {layer: lib.info for layer, lib in stack.layers.items()}
    if snapshot is not None and Layer.BUILTIN in stack.layers:
        extra = {"layers": {layer.value: (i.name, i.version, i.updated, i.author) for layer, i in infos.items()}}
        save_snapshot(snapshot, key, stack.library, index, lasting, extra)
    return LoadedLibrary(stack.library, index, infos, stack.problems)


def _set_aside_damaged_personal(stack: StackResult, personal: Path | None) -> StackResult:
    from cs_companion.core.layers import StackResult
    from cs_companion.storage.personal import set_aside_damaged

    """The stack with a damaged own-scripts file moved aside and its problems replaced by one note."""
    if personal is None or Layer.PERSONAL in stack.layers:
        return stack
    note = set_aside_damaged(personal, stack.problems)
    if note is None:
        return stack
    kept = [p for p in stack.problems if p.file != str(personal)]
    return StackResult(stack.library, stack.layers, [*kept, note])
