"""The library's data model: immutable values shared by every layer of the app.

Frozen dataclasses make a loaded library safe to hand to a background thread
(search index, update check) and to swap atomically when a team update lands.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType


class FieldType(str, Enum):
    """What kind of value a placeholder takes; decides validation and the input widget."""

    TEXT = "text"
    ORDER_NO = "order_no"
    MONEY = "money"
    NUMBER = "number"
    ETA = "eta"
    CHOICE = "choice"


class Layer(str, Enum):
    """Where a script came from; later layers override earlier ones by id."""

    BUILTIN = "builtin"
    TEAM = "team"
    PERSONAL = "personal"


LAYER_ORDER = (Layer.BUILTIN, Layer.TEAM, Layer.PERSONAL)


@dataclass(frozen=True, slots=True)
class Field:
    """One fill-in value of a script, e.g. the order number."""

    name: str
    label: str
    type: FieldType = FieldType.TEXT
    required: bool = False
    default: str = ""
    options: tuple[str, ...] = ()
    hint: str = ""


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A reminder a script sets when it is copied (``follow_up: {after: 2h, note: 回电}``).

    ``after`` is a duration (``30m``, ``2h``, ``1d``) or ``eta``: the time the
    agent typed into the script's ETA field, because a call-back promise is
    only kept if the reminder comes before the promised time.
    """

    after: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Script:
    """One reply an agent can send, with the words customers use to ask for it."""

    id: str
    scenario: str
    title: str
    body: str
    keywords: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()
    notes: str = ""
    meta: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    layer: Layer = Layer.BUILTIN
    origin: str = ""
    line: int = 0
    platforms: tuple[str, ...] = ()
    """Platform ids this script is for; empty means every platform."""
    variants: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Platform id -> body used on that platform instead of ``body`` (京东 says 您好 where 淘宝 says 亲)."""
    follow_up: FollowUp | None = None

    @property
    def category(self) -> str:
        """The category id is the scenario's first segment (``logistics.delay`` -> ``logistics``)."""
        return self.scenario.split(".", 1)[0]

    def applies_to(self, platform: str | None) -> bool:
        """Whether the script is listed on ``platform`` (None: no platform chosen, every script is)."""
        return platform is None or not self.platforms or platform in self.platforms

    def body_for(self, platform: str | None) -> str:
        """The platform's variant of the body, falling back to ``body``."""
        if platform is None:
            return self.body
        return self.variants.get(platform, self.body)

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


@dataclass(frozen=True, slots=True)
class Category:
    """A group of scenarios as agents think of them (售前, 物流, ...)."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Scenario:
    """A customer situation; scripts point at one, search matches its name and aliases."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def category(self) -> str:
        return self.id.split(".", 1)[0]


@dataclass(frozen=True, slots=True)
class Platform:
    """A shop platform (淘宝/天猫, 京东 ...) with the facts whose values differ between platforms.

    ``values`` (e.g. ``price_protect_days: "15"``) fill ``{{platform.price_protect_days}}``
    placeholders, so one script states each platform's own rule.
    """

    id: str
    name: str
    values: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def names(self) -> tuple[str, ...]:
        """Every name an agent may type for it: the id, the name and each part of ``淘宝/天猫``."""
        parts = [p.strip() for p in self.name.replace("／", "/").split("/") if p.strip()]
        return tuple(dict.fromkeys([self.id, self.name, *parts]))


@dataclass(frozen=True, slots=True)
class LibraryInfo:
    """Who published a library and which version it is (shown after an update)."""

    name: str = ""
    version: str = ""
    updated: str = ""
    author: str = ""

    def describe(self) -> str:
        parts = [p for p in (self.name, self.version and f"v{self.version}", self.updated) if p]
        return " · ".join(parts)


@dataclass(frozen=True)
class Library:
    """A complete set of scripts plus the catalogue and rules that go with them."""

    info: LibraryInfo = LibraryInfo()
    categories: tuple[Category, ...] = ()
    scenarios: tuple[Scenario, ...] = ()
    scripts: tuple[Script, ...] = ()
    forbidden_phrases: tuple[str, ...] = ()
    # Everyday words the compliance rules must not flag in this library (``compliance: allow:``).
    compliance_allow: tuple[str, ...] = ()
    platforms: tuple[Platform, ...] = ()
    # Lookup tables built once from the tuples above (not part of equality or repr).
    _by_id: dict[str, Script] = field(init=False, repr=False, compare=False, default_factory=dict)
    _scenarios: dict[str, Scenario] = field(init=False, repr=False, compare=False, default_factory=dict)
    _categories: dict[str, Category] = field(init=False, repr=False, compare=False, default_factory=dict)
    _platforms: dict[str, Platform] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {s.id: s for s in self.scripts})
        object.__setattr__(self, "_platforms", {p.id: p for p in self.platforms})
        object.__setattr__(self, "_scenarios", {s.id: s for s in self.scenarios})
        object.__setattr__(self, "_categories", {c.id: c for c in self.categories})

    def script(self, script_id: str) -> Script | None:
        return self._by_id.get(script_id)

    def platform(self, platform_id: str | None) -> Platform | None:
        return self._platforms.get(platform_id) if platform_id else None

    def scenario(self, scenario_id: str) -> Scenario | None:
        return self._scenarios.get(scenario_id)

    def scenario_name(self, scenario_id: str) -> str:
        found = self.scenario(scenario_id)
        return found.name if found else scenario_id

    def category_name(self, category_id: str) -> str:
        found = self._categories.get(category_id)
        return found.name if found else category_id

    def category_order(self) -> list[str]:
        """Category ids in display order: declared ones first, then any others used by scripts."""
        order = [c.id for c in self.categories]
        for script in self.scripts:
            if script.category not in order:
                order.append(script.category)
        return order

    def ids(self) -> Iterable[str]:
        return self._by_id.keys()
