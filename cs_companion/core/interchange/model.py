"""Values passed between the readers, the converter and the writers of the interchange package."""

from __future__ import annotations

from dataclasses import dataclass, field

from cs_companion.core.models import Field, Script


class ImportFileError(Exception):
    """A file that cannot be imported; the message is one line naming the file (and row) and the reason."""


@dataclass(frozen=True, slots=True)
class RawPhrase:
    """One phrase as another tool stored it, before placeholders and scenarios are worked out."""

    text: str
    group: str = ""
    code: str = ""
    title: str = ""
    where: str = ""
    """``file:row`` (or ``file:line``) so every comment and message can point back at the source."""
    fields: tuple[Field, ...] = ()
    """Fields the source already declared (Espanso form fields); placeholders for them are ``{{name}}``."""
    review: tuple[str, ...] = ()
    """Reasons the reader already has for a second look (an Espanso shell variable, a formula-like cell)."""


@dataclass
class ReadResult:
    """What one file gave: phrases, plus rows left out and why (nothing is dropped silently)."""

    phrases: list[RawPhrase] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    """Which source column became what (``text`` -> ``C: 短语内容``), for the report."""


@dataclass(frozen=True)
class Imported:
    """One converted script with the suggestion behind it and what the lead should check."""

    script: Script
    where: str
    confidence: float
    scenario_review: str = ""
    review: tuple[str, ...] = ()
    field_review: dict[str, str] = field(default_factory=dict)

    @property
    def flagged(self) -> bool:
        return bool(self.scenario_review or self.review or self.field_review)
