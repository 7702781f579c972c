"""Ranked search over scripts: Chinese, pinyin, initials and pasted customer messages.

Agents type two or three characters, or paste the customer's whole message,
and expect the right script on top at once, with libraries of up to 10,000
scripts. Everything expensive happens once, when the index is built (``search_build``):

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

from collections.abc import Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from cs_companion.core.extract import strip_message
from cs_companion.core.models import Library, Script
from cs_companion.core.scenario_index import ScenarioIndex as _ScenarioIndex
from cs_companion.core.search_build import WEIGHTS, Corpus, ScriptPhrases, build_parts, int_array
from cs_companion.core.text import bigrams, has_cjk, is_greeting, normalise, pinyin_forms

CJK_KINDS = ("title", "keyword", "scenario", "example", "category", "body")
ASCII_KINDS = ("title", "keyword", "id", "pinyin", "initials", "body")
FUZZY_MIN_QUERY = 4
FUZZY_CANDIDATES = 16
"""Scripts compared phrase by phrase with a message; the scenario pass (scenario_index) finds the intent."""
FUZZY_FLOOR = 50.0
"""partial_ratio below this is noise, not a phrase found in the message."""
LENGTH_BASE = 0.65
LENGTH_STEP = 0.09
"""A matched phrase counts min(1, LENGTH_BASE + LENGTH_STEP * chars): 2 chars 0.83, 4+ chars 1.0."""
SECOND_PHRASE = 0.3
"""Share of a script's second-best matching phrase added to its best (more evidence, more rank)."""
OVERLAP_SHARE = 0.55
"""Share of the fuzzy score that comes from bigram (IDF) overlap with the message."""
SCRIPT_SHARE = 0.5
"""In a pasted message a script's score is this share its own, the rest its scenario's."""
SCENARIO_TOP = 3
SCENARIO_KEEP = 0.6
SCENARIO_MEMBERS = 3
"""Scripts of the SCENARIO_TOP best scenarios (within SCENARIO_KEEP of the best) join the list, this many each."""
SMALL_TALK = frozenset({"general.greeting", "general.please_wait"})
SMALL_TALK_FACTOR = 0.3
"""Greeting and please-wait scripts keep this share of their score in a message that is not a greeting."""
FALLBACK_FLOOR = 35.0
FALLBACK_SCENARIOS = 3
FALLBACK_MEMBERS = 3
"""When nothing matches as typed, the scripts of this many closest scenarios are offered, this many each."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ranked result; ``matched`` names the kind of text that matched best."""

    id: str
    scenario: str
    title: str
    score: float
    matched: str
    fallback: bool = False
    """True when nothing matched as typed and this is a guess (the window shows "可能是…")."""

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "scenario": self.scenario,
            "title": self.title,
            "score": self.score,
            "matched": self.matched,
            "fallback": self.fallback,
        }


class SearchIndex:
    """Search structures for one library; build once per library, query per keystroke."""

    def __init__(self, library: Library) -> None:
        self.scripts: tuple[Script, ...] = library.scripts
        parts = build_parts(library)  # search_build: the corpora, postings and score tables
        self._order = parts.order
        self._corpora: dict[str, Corpus] = parts.corpora
        self._phrases = ScriptPhrases(self.scripts, parts.scenario_names, parts.script_scenario)
        self._postings, self._idf, self._stop_df = parts.postings, parts.idf, parts.stop_df
        self._scenario_ids, self._script_scenario = parts.scenario_ids, parts.script_scenario
        self._scenarios = parts.scenarios

    def __len__(self) -> int:
        return len(self.scripts)

    def state(self) -> tuple[object, ...]:
        """Plain data for the snapshot cache (see ``snapshot``); the scripts come from the library."""
        corpora = {kind: corpus.state() for kind, corpus in self._corpora.items()}
        return (
            self._order,
            corpora,
            self._phrases.scenario_names,
            {gram: ids.tobytes() for gram, ids in self._postings.items()},
            self._idf,
            self._stop_df,
            self._scenario_ids,
            self._script_scenario,
            self._scenarios.state(),
        )

    @classmethod
    def from_state(cls, library: Library, state: tuple[object, ...]) -> SearchIndex:
        index = cls.__new__(cls)
        index.scripts = library.scripts
        order, corpora, names, postings, idf, stop_df, scenario_ids, script_scenario, scenarios = state
        index._order = order  # type: ignore[assignment]
        index._corpora = {kind: Corpus.from_state(s) for kind, s in corpora.items()}  # type: ignore[attr-defined]
        index._phrases = ScriptPhrases(index.scripts, names, script_scenario)  # type: ignore[arg-type]
        index._postings = {gram: int_array(ids) for gram, ids in postings.items()}  # type: ignore[attr-defined]
        index._idf, index._stop_df = idf, stop_df  # type: ignore[assignment]
        index._scenario_ids, index._script_scenario = scenario_ids, script_scenario  # type: ignore[assignment]
        index._scenarios = _ScenarioIndex.from_state(scenarios)  # type: ignore[arg-type]
        if (
            set(index._corpora) != set(WEIGHTS)
            or len(index._phrases.scenario_names) != len(index._scenario_ids)
            or len(index._script_scenario) != len(index.scripts)
            or any(index._scenario_ids[index._script_scenario[i]] != s.scenario for i, s in enumerate(index.scripts))
        ):
            raise ValueError("snapshot does not match this library")
        return index

    def search(
        self, query: str, limit: int = 50, boost: Mapping[str, float] | None = None, platform: str | None = None
    ) -> list[SearchHit]:
        """Ranked hits for ``query``; an empty query lists every script in browsing order.

        With ``platform``, scripts whose ``platforms`` filter leaves that
        platform out are dropped before the list is cut to ``limit``.

        ``boost`` adds points to matching scripts (favourites, frequent use); it
        never makes a non-matching script appear. A query of two or more
        Chinese characters or three or more letters never comes back empty:
        when nothing matches as typed, the fallbacks (homophones, pinyin
        typos, the closest scenarios) answer with hits marked ``fallback``.
        """
        text = normalise(query)
        hidden = self._hidden_on(platform)
        if not text:
            ordered = sorted(range(len(self.scripts)), key=lambda i: self._order.get(self.scripts[i].category, 999))
            return [self._hit(i, 0.0, "") for i in ordered if i not in hidden][:limit]
        cjk = has_cjk(text)
        message = cjk and len(text) >= FUZZY_MIN_QUERY
        if message:
            stripped = normalise(strip_message(query))
            if len(stripped) >= 2:
                text = stripped
        found: dict[int, tuple[float, str]] = {}
        self._match(text, cjk, limit, found)
        if message:
            self._fuzzy(text, found)
            self._rank_by_scenario(text, found, greeting=is_greeting(text))
        if hidden:
            found = {idx: hit for idx, hit in found.items() if idx not in hidden}
        fallback = False
        if not found and self.scripts and (len(text) >= 2 if cjk else len(text) >= 3):
            fallback = True
            self._fallback(text, cjk, found)
            if hidden:
                found = {idx: hit for idx, hit in found.items() if idx not in hidden}
        # A whole keyword typed exactly is a shortcut code (千牛 快捷编码 become keywords): its scripts
        # come first, whatever a pasted-message blend, an equal title or a favourite's boost would say.
        exact = set(self._corpora["keyword"].exact(normalise(query))) - hidden if not fallback else set()
        for idx in exact:
            score, _kind = found.get(idx, (0.0, ""))
            found[idx] = (max(score, WEIGHTS["keyword"]), "keyword")
        boost = boost or {}
        scored = []
        for idx, (score, kind) in found.items():
            points = score * 100 + boost.get(self.scripts[idx].id, 0.0)
            scored.append((idx not in exact, -points, idx, kind))
        scored.sort()
        return [self._hit(idx, -neg, kind, fallback) for _later, neg, idx, kind in scored[:limit]]

    def _match(self, text: str, cjk: bool, limit: int, found: dict[int, tuple[float, str]]) -> None:
        """Substring matches of the whole query in every kind of text (the agent typed part of a phrase)."""
        for kind in CJK_KINDS if cjk else ASCII_KINDS:
            if kind == "initials" and len(text) < 2:
                continue
            if kind == "body" and (len(found) >= limit or (not cjk and len(text) < 3)):
                continue  # bodies are long: scan them only when the short texts did not fill the list
            self._corpora[kind].match(text, found, kind)

    def _rank_by_scenario(self, text: str, found: dict[int, tuple[float, str]], greeting: bool) -> None:
        """Blend each script's own score with its scenario's: intent first, then the script inside it.

        A pasted message is evidence for a situation, spread over many
        phrases of different scripts; summing it per scenario is steadier
        than letting the single best phrase of one script decide. Scripts of
        the strongest scenarios join the list even when none of their own
        phrases matched. Greeting and please-wait scripts are for greetings:
        in any other message their score is cut.
        """
        scores = self._scenarios.score(text)
        for sid in list(scores):
            if not greeting and self._scenario_ids[sid] in SMALL_TALK:
                scores[sid] *= SMALL_TALK_FACTOR
        best = max(scores.values(), default=0.0)
        for idx, (score, kind) in list(found.items()):
            scenario_score = scores.get(self._script_scenario[idx], 0.0)
            if not greeting and self._scenario_ids[self._script_scenario[idx]] in SMALL_TALK and kind == "fuzzy":
                score *= SMALL_TALK_FACTOR
            found[idx] = (SCRIPT_SHARE * score + (1 - SCRIPT_SHARE) * scenario_score, kind)
        if best <= 0:
            return
        top = sorted(scores, key=scores.__getitem__, reverse=True)[:SCENARIO_TOP]
        for sid in top:
            if scores[sid] < best * SCENARIO_KEEP:
                break
            for idx in self._members(sid)[:SCENARIO_MEMBERS]:
                if idx not in found:
                    found[idx] = ((1 - SCRIPT_SHARE) * scores[sid], "scenario")

    def _hidden_on(self, platform: str | None) -> frozenset[int]:
        """Indexes of the scripts not listed on ``platform``, computed once per platform."""
        if platform is None:
            return frozenset()
        cache: dict[str, frozenset[int]] = self.__dict__.setdefault("_hidden_cache", {})
        hidden = cache.get(platform)
        if hidden is None:
            hidden = cache[platform] = frozenset(
                i for i, script in enumerate(self.scripts) if not script.applies_to(platform)
            )
        return hidden

    def _members(self, sid: int) -> list[int]:
        members: list[list[int]] | None = self.__dict__.get("_member_cache")
        if members is None:
            members = [[] for _ in self._scenario_ids]
            for idx, owner in enumerate(self._script_scenario):
                members[owner].append(idx)
            self.__dict__["_member_cache"] = members
        return members[sid]

    def _fallback(self, text: str, cjk: bool, found: dict[int, tuple[float, str]]) -> None:
        """Nothing matched as typed: homophones, pinyin one edit away, then the closest scenarios."""
        spelled = pinyin_forms(text)[0] if cjk else text
        if cjk and spelled:
            self._corpora["pinyin"].match(spelled, found, "pinyin")  # 退宽 -> tuikuan -> 退款
            if found:
                return
        scores: dict[int, float] = {}
        if len(spelled) >= 3:
            scores = self._scenarios.pinyin_near(spelled)  # tuikaun, wuliuu
        if not scores and cjk:
            scores = self._scenarios.score(text, floor=FALLBACK_FLOOR)
        if not scores:
            scores = self._scenarios.closest(text, spelled)
        for rank, sid in enumerate(sorted(scores, key=scores.__getitem__, reverse=True)[:FALLBACK_SCENARIOS]):
            for pos, idx in enumerate(self._members(sid)[:FALLBACK_MEMBERS]):
                found[idx] = (max(0.05, scores[sid] - 0.01 * pos - 0.001 * rank), "fallback")

    def _fuzzy(self, text: str, found: dict[int, tuple[float, str]]) -> None:
        """Score scripts whose key phrases occur (roughly) inside a long message."""
        weights: dict[int, float] = {}
        for gram in sorted(bigrams(text)):  # a fixed order: equal weights must not tie by hash seed
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
        evidence: dict[int, list[float]] = {}
        for _choice, ratio, pos in process.extract(
            text, choices, scorer=fuzz.partial_ratio, limit=None, score_cutoff=FUZZY_FLOOR
        ):
            idx, weight, length = owners[pos]
            # Longer phrases found in the message are stronger evidence than two characters.
            length_factor = min(1.0, LENGTH_BASE + LENGTH_STEP * length)
            evidence.setdefault(idx, []).append(weight * (ratio / 100) * length_factor)
        for idx, scores in evidence.items():
            scores.sort(reverse=True)
            phrase_score = scores[0] + SECOND_PHRASE * (scores[1] if len(scores) > 1 else 0.0)
            overlap = weights[idx] / top_weight
            score = min(1.0, phrase_score) * (1 - OVERLAP_SHARE + OVERLAP_SHARE * overlap)
            best = found.get(idx)
            if best is None or score > best[0]:
                found[idx] = (score, "fuzzy")

    def _hit(self, idx: int, score: float, kind: str, fallback: bool = False) -> SearchHit:
        script = self.scripts[idx]
        return SearchHit(script.id, script.scenario, script.title, round(score, 1), kind, fallback)
