"""Stacks the built-in, team and personal libraries into the one the agent uses.

A later layer overrides an earlier one by script id (a team lead can reword a
built-in script; an agent's own copy wins over both). An overriding script
keeps the position of the one it replaces so browsing order stays familiar.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from cs_companion.core.loader import load_path
from cs_companion.core.models import LAYER_ORDER, Category, Layer, Library, LibraryInfo, Platform, Scenario, Script
from cs_companion.core.problems import Problem


def merge_layers(layers: Sequence[Library | None]) -> Library:
    """Merge libraries from lowest to highest priority; ``None`` layers are skipped."""
    present = [lib for lib in layers if lib is not None]
    scripts: dict[str, Script] = {}
    categories: dict[str, Category] = {}
    scenarios: dict[str, Scenario] = {}
    forbidden: dict[str, None] = {}
    allow: dict[str, None] = {}
    platforms: dict[str, Platform] = {}
    info = LibraryInfo()
    for lib in present:
        if info == LibraryInfo():
            info = lib.info
        for cat in lib.categories:
            categories[cat.id] = cat
        for scenario in lib.scenarios:
            scenarios[scenario.id] = _extend(scenarios.get(scenario.id), scenario)
        for script in lib.scripts:
            scripts[script.id] = script  # dict keeps the first insertion position
        for phrase in lib.forbidden_phrases:
            forbidden.setdefault(phrase, None)
        allow.update(dict.fromkeys(lib.compliance_allow))
        for platform in lib.platforms:
            platforms[platform.id] = _extend_platform(platforms.get(platform.id), platform)
    return Library(
        info=info,
        categories=tuple(categories.values()),
        scenarios=tuple(scenarios.values()),
        scripts=tuple(scripts.values()),
        forbidden_phrases=tuple(forbidden),
        compliance_allow=tuple(allow),
        platforms=tuple(platforms.values()),
    )


def known_platforms(libraries: Sequence[Library | None]) -> dict[str, Mapping[str, str]]:
    """Platform id -> values of these (lower) layers, for loading the next layer (``load_path``)."""
    merged = merge_layers(libraries)
    return {p.id: p.values for p in merged.platforms}


def _extend_platform(earlier: Platform | None, later: Platform) -> Platform:
    """A later layer may list a known platform to change its name or add and override values."""
    if earlier is None:
        return later
    return Platform(later.id, later.name or earlier.name, MappingProxyType({**earlier.values, **later.values}))


def _extend(earlier: Scenario | None, later: Scenario) -> Scenario:
    """A later layer's entry for a known scenario adds its aliases (and may rename it); it never drops words.

    Team leads list their shop's own words for a built-in scenario
    (``{id: logistics.delay, aliases: [催快递]}``); the built-in thesaurus
    keeps working for everything they did not think of. A later entry
    without a name of its own (the loader gives it the id) keeps the name.
    """
    if earlier is None:
        return later
    name = earlier.name if later.name == later.id else later.name
    aliases = tuple(dict.fromkeys((*earlier.aliases, *later.aliases)))
    return Scenario(later.id, name, aliases)


@dataclass
class StackResult:
    """The merged library plus the layers it came from and every load problem."""

    library: Library
    layers: dict[Layer, Library]
    problems: list[Problem] = field(default_factory=list)


def load_stack(
    builtin: Path,
    team: Path | None = None,
    personal: Path | None = None,
    preloaded: Mapping[Layer, Library] | None = None,
) -> StackResult:
    """Load the three layers from disk; a broken team or personal layer is skipped, not fatal.

    The built-in library must load; if it does not, the problems are returned
    with an empty library so the caller can report them. ``preloaded`` layers
    were parsed and validated already (a team update just did), so they are
    used as they are instead of being read again.
    """
    preloaded = preloaded or {}
    problems: list[Problem] = []
    layers: dict[Layer, Library] = {}
    base = load_path(builtin, Layer.BUILTIN) if Layer.BUILTIN not in preloaded else None
    if base is not None:
        problems.extend(base.problems)
    builtin_library = preloaded.get(Layer.BUILTIN) or (base.library if base else None)
    if builtin_library is not None:
        layers[Layer.BUILTIN] = builtin_library
    known = [s.id for s in builtin_library.scenarios] if builtin_library else []
    for layer, path in ((Layer.TEAM, team), (Layer.PERSONAL, personal)):
        if layer in preloaded:
            layers[layer] = preloaded[layer]
            continue
        if path is None or not path.exists():
            continue
        below = known_platforms([layers.get(each) for each in LAYER_ORDER if each in layers])
        result = load_path(path, layer, known, below)
        problems.extend(result.problems)
        if result.library is not None:
            layers[layer] = result.library
    merged = merge_layers([layers.get(layer) for layer in LAYER_ORDER])
    return StackResult(merged, layers, problems)
