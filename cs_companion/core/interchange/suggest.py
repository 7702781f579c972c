"""A scenario for each imported phrase, from the words our search knows for each scenario.

The search vocabulary of the built-in library (scenario names and aliases,
script keywords, title segments) is looked up in the whole reply with a
``PhraseIndex`` (a few microseconds a phrase); the scenario with the most,
longest and strongest matches wins, its share of the evidence is the
confidence. When the caller already has a ``SearchIndex`` (the window does),
a phrase none of those words occur in goes through ``SearchIndex.search``
itself. Measured on 5,000 phrases: the full search for every phrase costs
about 1.5 ms each (7 s); building an index and loading pinyin for the
fallback alone costs about 1.3 s; the vocabulary pass takes 0.2 s. Without
an index such phrases go to 导入待归类 with confidence 0. Below
``REVIEW_BELOW`` a suggestion is marked for review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cs_companion.core.models import Library
from cs_companion.core.phrase_index import PhraseIndex, text_grams
from cs_companion.core.search import SearchIndex
from cs_companion.core.template import PLACEHOLDER
from cs_companion.core.text import normalise

QUERY_CHARS = 12
REVIEW_BELOW = 0.6
UNSORTED = "general.imported"
UNSORTED_NAME = "导入待归类"
EVIDENCE_SHARES = (1.0, 0.35, 0.15)
GROUP_BONUS = 0.25
"""Added to scenarios of the category the phrase's group names (a 物流 group -> logistics.*)."""
_SEGMENTS = re.compile(r"[·\s/、，,（）()]+")
_GENERIC = {"亲", "您好", "你好", "感谢", "谢谢", "抱歉", "稍等"}


@dataclass(frozen=True, slots=True)
class Suggestion:
    scenario: str
    name: str
    confidence: float


class ScenarioSuggester:
    """Suggests scenarios of one library; ``category`` keeps suggestions inside one category."""

    def __init__(self, library: Library, index: SearchIndex | None = None, category: str | None = None) -> None:
        self.library = library
        self._index = index
        self.category = category
        self._cache: dict[str, Suggestion] = {}
        if category is not None and not any(s.category == category for s in library.scenarios):
            known = ", ".join(dict.fromkeys(s.category for s in library.scenarios))
            raise ValueError(f"no scenarios in category '{category}' (known categories: {known})")
        self._owners: dict[str, dict[str, float]] = {}
        for scenario in library.scenarios:
            for word in (scenario.name, *scenario.aliases):
                self._add(word, scenario.id, 0.9)
        for script in library.scripts:
            for word in script.keywords:
                self._add(word, script.scenario, 0.95)
            for segment in _SEGMENTS.split(script.title):
                self._add(segment, script.scenario, 0.8)
        self._phrases = PhraseIndex(self._owners)
        self._categories = {normalise(c.name): c.id for c in library.categories}

    def _add(self, word: str, scenario: str, weight: float) -> None:
        text = normalise(word)
        if len(text) < 2 or text in _GENERIC:
            return
        if self.category and scenario.split(".", 1)[0] != self.category:
            return
        owners = self._owners.setdefault(text, {})
        owners[scenario] = max(owners.get(scenario, 0.0), weight)

    def suggest(self, body: str, group: str = "") -> Suggestion:
        text = normalise(PLACEHOLDER.sub(" ", body))
        key = f"{group}\x00{text}"
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = self._vocabulary(text, group) or self._search(f"{group} {text[:QUERY_CHARS]}")
        return cached

    def _vocabulary(self, text: str, group: str) -> Suggestion | None:
        evidence: dict[str, list[float]] = {}
        for phrase in self._phrases.present(text, text_grams(text)):
            strength = min(1.0, 0.65 + 0.09 * len(phrase))
            for scenario, weight in self._owners[phrase].items():
                evidence.setdefault(scenario, []).append(weight * strength)
        if not evidence:
            return None
        hinted = next((cid for name, cid in self._categories.items() if name and name in normalise(group)), None)
        scores = {}
        for scenario, found in evidence.items():
            found.sort(reverse=True)
            score = sum(share * value for share, value in zip(EVIDENCE_SHARES, found, strict=False))
            scores[scenario] = score + (GROUP_BONUS if hinted and scenario.startswith(hinted + ".") else 0.0)
        ranked = sorted(scores, key=scores.__getitem__, reverse=True)
        best = scores[ranked[0]]
        second = scores[ranked[1]] if len(ranked) > 1 else 0.0
        confidence = min(1.0, best) * (0.55 + 0.45 * (best - second) / best)
        return Suggestion(ranked[0], self.library.scenario_name(ranked[0]), round(confidence, 2))

    def _search(self, query: str) -> Suggestion:
        query = query.strip()
        index = self._index
        hits = index.search(query, limit=20 if self.category else 3) if query and index is not None else []
        if self.category:
            hits = [h for h in hits if h.scenario.split(".", 1)[0] == self.category]
        if hits:
            best = hits[0]
            confidence = min(1.0, best.score / 100) * (0.5 if best.fallback else 1.0)
            return Suggestion(best.scenario, self.library.scenario_name(best.scenario), round(confidence, 2))
        if self.category:
            first = next(s for s in self.library.scenarios if s.category == self.category)
            return Suggestion(first.id, first.name, 0.0)
        return Suggestion(UNSORTED, UNSORTED_NAME, 0.0)
