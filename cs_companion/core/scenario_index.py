"""Scenario-level matching: every phrase of a scenario (name, aliases, keywords, examples, titles) as one document.

A pasted message says what the customer wants in words that are spread over
a scenario's scripts (one script has 漏水, another 用了两次就坏); scoring the
scenario as a whole finds the intent even when no single script is a good
match. The same documents answer the fallbacks when nothing matches as
typed: pinyin one edit away (tuikaun) and the closest scenarios.

The number of scenarios is small (tens, a few hundred for a large team),
so these scans stay cheap even for a library of 10,000 scripts.
"""

from __future__ import annotations

import math

from rapidfuzz import fuzz, process

from cs_companion.core.text import bigrams, pinyin_forms

FLOOR = 50.0
"""partial_ratio below this is noise, not a phrase found in the message."""
CANDIDATES = 6
"""Scenarios (by bigram overlap) whose phrases are compared with the message."""
LENGTH_BASE = 0.65
LENGTH_STEP = 0.09
"""A matched phrase counts min(1, LENGTH_BASE + LENGTH_STEP * chars): 2 chars 0.83, 4+ chars 1.0."""
EVIDENCE_SHARES = (1.0, 0.35, 0.15)
"""How much the best, second and third matching phrase of a scenario count."""
OVERLAP_SHARE = 0.5
"""Share of a scenario's score that comes from bigram (IDF) overlap with the message."""
PINYIN_MAX_LEN = 16
"""Pinyin of longer phrases (whole example sentences) is not worth comparing with a typed word."""


class ScenarioIndex:
    """Phrases, bigram postings and pinyin spellings per scenario (scenarios are numbered 0..n-1)."""

    phrases: list[list[tuple[str, float]]]
    postings: dict[str, list[int]]
    idf: dict[str, float]
    pinyin: list[str]
    pinyin_owners: list[list[int]]

    @classmethod
    def build(cls, phrases: list[list[tuple[str, float]]]) -> ScenarioIndex:
        index = cls()
        index.phrases = phrases
        index.postings = {}
        owners: dict[str, list[int]] = {}
        for sid, items in enumerate(phrases):
            grams: set[str] = set()
            for phrase, _ in items:
                grams |= bigrams(phrase)
                if len(phrase) <= PINYIN_MAX_LEN // 2:
                    full = pinyin_forms(phrase)[0]
                    if len(full) >= 3:
                        ids = owners.setdefault(full, [])
                        if sid not in ids:
                            ids.append(sid)
            for gram in grams:
                index.postings.setdefault(gram, []).append(sid)
        total = max(len(phrases), 1)
        index.idf = {g: math.log(1 + total / len(ids)) for g, ids in index.postings.items()}
        index.pinyin = list(owners)
        index.pinyin_owners = list(owners.values())
        index._prepare()
        return index

    def _prepare(self) -> None:
        """Per-scenario phrase texts and weights as flat lists, ready for rapidfuzz (derived, not stored)."""
        self._texts = [[p for p, _ in items] for items in self.phrases]
        self._weights = [[w for _, w in items] for items in self.phrases]

    def state(self) -> tuple[object, ...]:
        return (self.phrases, self.postings, self.idf, self.pinyin, self.pinyin_owners)

    @classmethod
    def from_state(cls, state: tuple[object, ...]) -> ScenarioIndex:
        index = cls()
        index.phrases, index.postings, index.idf, index.pinyin, index.pinyin_owners = state  # type: ignore[assignment]
        index._prepare()
        return index

    def score(self, text: str, floor: float = FLOOR) -> dict[int, float]:
        """0..1 per scenario: how strongly its phrases occur in ``text`` (a normalised message)."""
        weights: dict[int, float] = {}
        for gram in sorted(bigrams(text)):  # a fixed order: equal weights must not tie by hash seed
            for sid in self.postings.get(gram, ()):
                weights[sid] = weights.get(sid, 0.0) + self.idf[gram]
        if not weights:
            return {}
        candidates = sorted(weights, key=weights.__getitem__, reverse=True)[:CANDIDATES]
        choices: list[str] = []
        owners: list[int] = []
        weights_of: list[float] = []
        for sid in candidates:
            texts = self._texts[sid]
            choices += texts
            owners += [sid] * len(texts)
            weights_of += self._weights[sid]
        evidence: dict[int, list[float]] = {}
        text_len = len(text)
        for choice, ratio, pos in process.extract(
            text, choices, scorer=fuzz.partial_ratio, limit=None, score_cutoff=floor
        ):
            sid, weight, length = owners[pos], weights_of[pos], min(len(choice), text_len)
            if ratio < 100 * (1 - 1 / length) - 0.5:
                continue  # one character of a two-character phrase, two of a four-character one: noise
            length_factor = min(1.0, LENGTH_BASE + LENGTH_STEP * length)
            evidence.setdefault(sid, []).append(weight * (ratio / 100) * length_factor)
        top_weight = weights[candidates[0]]
        scores = {}
        for sid, found in evidence.items():
            found.sort(reverse=True)
            phrase_score = sum(share * value for share, value in zip(EVIDENCE_SHARES, found, strict=False))
            overlap = weights[sid] / top_weight
            scores[sid] = min(1.0, phrase_score) * (1 - OVERLAP_SHARE + OVERLAP_SHARE * overlap)
        return scores

    def pinyin_near(self, spelled: str) -> dict[int, float]:
        """Scenarios with a phrase whose pinyin is within about one edit of ``spelled`` (tuikaun, wuliuu)."""
        cutoff = 100 * (1 - 2 / (2 * len(spelled))) - 0.5
        scores: dict[int, float] = {}
        for choice, ratio, pos in process.extract(
            spelled, self.pinyin, scorer=fuzz.partial_ratio, limit=60, score_cutoff=cutoff
        ):
            if len(choice) < len(spelled) - 1:
                continue  # "wu" inside "wuliuyanchi" is not a near spelling of it
            # A whole-phrase match beats a match inside a longer phrase.
            value = 0.6 * ratio / 100 + 0.2 * min(len(spelled), len(choice)) / max(len(spelled), len(choice))
            for sid in self.pinyin_owners[pos]:
                scores[sid] = max(scores.get(sid, 0.0), value)
        return scores

    def closest(self, text: str, spelled: str) -> dict[int, float]:
        """The best few scenarios by any resemblance at all; never empty while there are scenarios."""
        scores: dict[int, float] = {}
        if text != spelled:  # Chinese text: compare it with the phrases; letters only with their pinyin
            choices = [p for texts in self._texts for p in texts]
            owners = [sid for sid, texts in enumerate(self._texts) for _ in texts]
            for _choice, ratio, pos in process.extract(text, choices, scorer=fuzz.WRatio, limit=20):
                scores[owners[pos]] = max(scores.get(owners[pos], 0.0), 0.3 * ratio / 100)
        if spelled and self.pinyin:
            for _choice, ratio, pos in process.extract(spelled, self.pinyin, scorer=fuzz.WRatio, limit=20):
                for sid in self.pinyin_owners[pos]:
                    scores[sid] = max(scores.get(sid, 0.0), 0.3 * ratio / 100)
        if not scores and self.phrases:
            scores = {0: 0.05}
        return scores
