"""Ranked search over scripts: Chinese, pinyin, initials and pasted customer messages.

Agents type two or three characters, or paste the customer's whole message,
and expect the right script on top at once, with libraries of up to 10,000
scripts. Everything expensive happens once in ``SearchIndex.__init__``:

- each text kind (titles, keywords, examples, ...) is normalised and joined
  into one string, so a substring query is a handful of ``str.find`` calls
  running in C instead of a Python loop over every script;
- pinyin (full and initials) of titles, keywords and scenario names is
  precomputed into the same kind of joined strings;
- a bigram inverted index picks candidates for long pasted messages, which
  rapidfuzz's ``partial_ratio`` then scores phrase by phrase ("does this key
  phrase occur, roughly, somewhere in the message?").
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from cs_companion.core.models import Library, Script
from cs_companion.core.text import bigrams, has_cjk, normalise, pinyin_forms

# How much a match in each kind of text is worth (a title hit beats a body hit).
WEIGHTS = {
    "title": 1.0,
    "keyword": 0.95,
    "scenario": 0.9,
    "example": 0.85,
    "pinyin": 0.85,
    "initials": 0.8,
    "category": 0.55,
    "id": 0.6,
    "body": 0.5,
}
CJK_KINDS = ("title", "keyword", "scenario", "example", "category", "body")
ASCII_KINDS = ("title", "keyword", "id", "pinyin", "initials", "body")
MAX_HITS_PER_KIND = 400
"""A one-letter query can match everything; beyond this many scripts a kind stops scanning."""
FUZZY_MIN_QUERY = 4
FUZZY_CANDIDATES = 40
FUZZY_FLOOR = 60.0


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ranked result; ``matched`` names the kind of text that matched best."""

    id: str
    scenario: str
    title: str
    score: float
    matched: str

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "scenario": self.scenario, "title": self.title, "score": self.score, "matched": self.matched}


class _Corpus:
    """All texts of one kind joined by NUL, remembering which script owns each."""

    def __init__(self, entries: Iterable[tuple[int, str]]) -> None:
        parts: list[str] = []
        self.starts: list[int] = []
        self.owners: list[int] = []
        self.lengths: list[int] = []
        pos = 0
        for owner, text in entries:
            if not text:
                continue
            parts.append(text)
            self.starts.append(pos)
            self.owners.append(owner)
            self.lengths.append(len(text))
            pos += len(text) + 1
        self.blob = "\x00".join(parts)

    def match(self, query: str, into: dict[int, tuple[float, str]], kind: str) -> None:
        """Record ``weight * quality`` for every script whose text of this kind contains ``query``.

        Quality is 1.0 for an exact phrase, ~0.8-0.95 for a prefix, ~0.6-0.8
        inside a phrase, growing with how much of the phrase the query covers.
        """
        weight = WEIGHTS[kind]
        find, starts, owners, lengths = self.blob.find, self.starts, self.owners, self.lengths
        qlen = len(query)
        seen = 0
        last_owner = -1
        pos = find(query)
        while pos != -1:
            k = bisect_right(starts, pos) - 1
            owner = owners[k]
            if owner != last_owner:
                seen += 1
                if seen > MAX_HITS_PER_KIND:
                    break
                last_owner = owner
            coverage = qlen / lengths[k]
            if pos == starts[k]:
                quality = 1.0 if coverage == 1 else 0.8 + 0.15 * coverage
            else:
                quality = 0.6 + 0.2 * coverage
            score = weight * quality
            best = into.get(owner)
            if best is None or score > best[0]:
                into[owner] = (score, kind)
            nxt = k + 1  # resume at the next phrase: one hit per phrase is enough
            if nxt >= len(starts):
                break
            pos = find(query, starts[nxt])


class SearchIndex:
    """Search structures for one library; build once per library, query per keystroke."""

    def __init__(self, library: Library) -> None:
        self.scripts: tuple[Script, ...] = library.scripts
        self._order = {cat: i for i, cat in enumerate(library.category_order())}
        self._corpora: dict[str, _Corpus] = {}
        self._phrases: list[list[tuple[str, float]]] = []
        entries: dict[str, list[tuple[int, str]]] = {kind: [] for kind in WEIGHTS}
        postings: dict[str, list[int]] = {}
        scenario_cache: dict[str, list[str]] = {}
        for idx, script in enumerate(self.scripts):
            scenario_names = scenario_cache.get(script.scenario)
            if scenario_names is None:
                scenario = library.scenario(script.scenario)
                names = [scenario.name, *scenario.aliases] if scenario else []
                scenario_names = scenario_cache[script.scenario] = [normalise(n) for n in names]
            title = normalise(script.title)
            keywords = [normalise(k) for k in script.keywords]
            examples = [normalise(e) for e in script.examples]
            entries["title"].append((idx, title))
            entries["keyword"].extend((idx, k) for k in keywords)
            entries["scenario"].extend((idx, n) for n in scenario_names)
            entries["example"].extend((idx, e) for e in examples)
            entries["category"].append((idx, normalise(library.category_name(script.category))))
            entries["id"].append((idx, normalise(script.id)))
            entries["body"].append((idx, normalise(script.body)))
            for phrase in (title, *keywords, *scenario_names):
                full, initials = pinyin_forms(phrase)
                entries["pinyin"].append((idx, full))
                entries["initials"].append((idx, initials))
            phrases = [(p, WEIGHTS["keyword"]) for p in keywords]
            phrases += [(p, WEIGHTS["scenario"]) for p in scenario_names]
            phrases += [(p, WEIGHTS["example"]) for p in examples]
            phrases.append((title, WEIGHTS["title"]))
            self._phrases.append(phrases)
            grams: set[str] = set()
            for phrase, _ in phrases:
                grams |= bigrams(phrase)
            for gram in grams:
                postings.setdefault(gram, []).append(idx)
        for kind, items in entries.items():
            self._corpora[kind] = _Corpus(items)
        total = max(len(self.scripts), 1)
        self._postings = postings
        self._idf = {g: math.log(1 + total / len(ids)) for g, ids in postings.items()}
        self._stop_df = max(50, total // 4)

    def __len__(self) -> int:
        return len(self.scripts)

    def search(self, query: str, limit: int = 50, boost: Mapping[str, float] | None = None) -> list[SearchHit]:
        """Ranked hits for ``query``; an empty query lists every script in browsing order.

        ``boost`` adds points to matching scripts (favourites, frequent use); it
        never makes a non-matching script appear.
        """
        text = normalise(query)
        if not text:
            ordered = sorted(range(len(self.scripts)), key=lambda i: self._order.get(self.scripts[i].category, 999))
            return [self._hit(i, 0.0, "") for i in ordered[:limit]]
        found: dict[int, tuple[float, str]] = {}
        cjk = has_cjk(text)
        for kind in CJK_KINDS if cjk else ASCII_KINDS:
            if kind == "initials" and len(text) < 2:
                continue
            self._corpora[kind].match(text, found, kind)
        if cjk and len(text) >= FUZZY_MIN_QUERY:
            self._fuzzy(text, found)
        boost = boost or {}
        scored = []
        for idx, (score, kind) in found.items():
            points = score * 100 + boost.get(self.scripts[idx].id, 0.0)
            scored.append((-points, idx, kind))
        scored.sort()
        return [self._hit(idx, -neg, kind) for neg, idx, kind in scored[:limit]]

    def _fuzzy(self, text: str, found: dict[int, tuple[float, str]]) -> None:
        """Score scripts whose key phrases occur (roughly) inside a long message."""
        weights: dict[int, float] = {}
        for gram in bigrams(text):
            ids = self._postings.get(gram)
            if not ids or len(ids) > self._stop_df:
                continue
            idf = self._idf[gram]
            for idx in ids:
                weights[idx] = weights.get(idx, 0.0) + idf
        if not weights:
            return
        candidates = sorted(weights, key=weights.__getitem__, reverse=True)[:FUZZY_CANDIDATES]
        choices: list[str] = []
        owners: list[tuple[int, float, int]] = []
        for idx in candidates:
            for phrase, weight in self._phrases[idx]:
                if len(phrase) >= 2:
                    choices.append(phrase)
                    owners.append((idx, weight, len(phrase)))
        top_weight = weights[candidates[0]]
        for _choice, ratio, pos in process.extract(
            text, choices, scorer=fuzz.partial_ratio, limit=None, score_cutoff=FUZZY_FLOOR
        ):
            idx, weight, length = owners[pos]
            # Longer phrases found in the message are stronger evidence than two characters.
            length_factor = min(1.0, 0.55 + 0.09 * length)
            overlap = weights[idx] / top_weight
            score = weight * (ratio / 100) * length_factor * (0.75 + 0.25 * overlap)
            best = found.get(idx)
            if best is None or score > best[0]:
                found[idx] = (score, "fuzzy")

    def _hit(self, idx: int, score: float, kind: str) -> SearchHit:
        script = self.scripts[idx]
        return SearchHit(script.id, script.scenario, script.title, round(score, 1), kind)
