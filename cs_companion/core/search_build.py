"""Building the search index: the text corpora, bigram postings and phrases that ``search`` ranks with.

Split from ``search`` (ranking) because the build is what costs at load time
and memory while the window runs: for 10,000 scripts it runs once per library
change (the snapshot keeps the result), and whatever it keeps stays in memory.
So it works each distinct text out once (normalising, bigrams, pinyin per
word), and keeps only what a keystroke needs: each script's key phrases for the
fuzzy pass are worked out when a pasted message asks for them (``ScriptPhrases``),
not held for every script (that was ~27 MB for 10,000 scripts).
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import accumulate, chain, repeat

from cs_companion.core.gcpause import gc_paused
from cs_companion.core.models import Library, Script
from cs_companion.core.scenario_index import ScenarioIndex
from cs_companion.core.text import bigrams, normalise, pinyin_forms, pinyin_of_text

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
MAX_HITS_PER_KIND = 400
"""A one-letter query can match everything; beyond this many scripts a kind stops scanning."""
SCENARIO_PHRASES = 80
"""Phrases kept per scenario for scenario-level matching (aliases first, then scripts in library order)."""


class Corpus:
    """The distinct texts of one kind joined by NUL, each with the scripts that own it.

    Scenario names, categories and many keywords repeat across scripts, so
    each distinct phrase is stored and searched once. Offsets and owners are
    arrays of 32-bit integers, not lists of int objects: a tenth of the memory
    (10,000 scripts: ~2 MB instead of ~15 MB), and the snapshot stores them as bytes.
    """

    def __init__(self, entries: Iterable[tuple[int, str]] | dict[str, list[int]]) -> None:
        """From (owner, text) pairs, or from text -> owners in order (what ``build_parts`` collects)."""
        if isinstance(entries, dict):
            owners_by_text = entries
        else:
            owners_by_text = {}
            for owner, text in entries:
                _own(owners_by_text, text, owner)
        owners_by_text.pop("", None)
        texts = list(owners_by_text)
        owners = owners_by_text.values()
        # Running sums in C (accumulate) rather than a Python loop over ~90,000 texts.
        self.lengths = array("i", map(len, texts))
        self.starts = array("i", accumulate(map((1).__add__, self.lengths), initial=0))
        if texts:
            self.starts.pop()  # the position after the last text
        self.owner_ids = array("i", chain.from_iterable(owners))
        self.owner_ends = array("i", accumulate(map(len, owners)))
        self.blob = "\x00".join(texts)

    def owners(self, k: int) -> array[int]:
        """The scripts that own the ``k``-th text."""
        return self.owner_ids[self.owner_ends[k - 1] if k else 0 : self.owner_ends[k]]

    def state(self) -> tuple[object, ...]:
        arrays = (self.starts, self.lengths, self.owner_ids, self.owner_ends)
        return (self.blob, *(a.tobytes() for a in arrays))

    @classmethod
    def from_state(cls, state: tuple[object, ...]) -> Corpus:
        """The corpus stored by ``state``; ValueError/TypeError if its parts do not fit together."""
        corpus = cls.__new__(cls)
        blob, *parts = state
        if not isinstance(blob, str) or len(parts) != 4:
            raise ValueError("not a corpus")
        corpus.blob = blob
        corpus.starts, corpus.lengths, corpus.owner_ids, corpus.owner_ends = (int_array(p) for p in parts)
        texts = len(corpus.starts)
        if len(corpus.lengths) != texts or len(corpus.owner_ends) != texts:
            raise ValueError("corpus parts differ in length")
        if texts and (
            corpus.owner_ends[-1] != len(corpus.owner_ids) or corpus.starts[-1] + corpus.lengths[-1] != len(blob)
        ):
            raise ValueError("corpus parts do not fit together")
        return corpus

    def exact(self, text: str) -> list[int]:
        """The scripts owning ``text`` as one whole phrase (texts are distinct, so at most one phrase)."""
        blob = self.blob
        if not text or "\x00" in text:
            return []
        if blob == text or blob.startswith(text + "\x00"):
            pos = 0
        elif blob.endswith("\x00" + text):
            pos = len(blob) - len(text)
        else:
            pos = blob.find("\x00" + text + "\x00")
            if pos < 0:
                return []
            pos += 1
        return list(self.owners(bisect_right(self.starts, pos) - 1))

    def match(self, query: str, into: dict[int, tuple[float, str]], kind: str) -> None:
        """Record ``weight * quality`` for every script whose text of this kind contains ``query``.

        Quality is 1.0 for an exact phrase, ~0.8-0.95 for a prefix, ~0.6-0.8
        inside a phrase, growing with how much of the phrase the query covers.
        """
        weight = WEIGHTS[kind]
        find, starts, owners, lengths = self.blob.find, self.starts, self.owners, self.lengths
        qlen = len(query)
        updated = 0
        last = len(starts) - 1
        pos = find(query)
        while pos != -1:
            k = bisect_right(starts, pos) - 1
            coverage = qlen / lengths[k]
            if pos != starts[k]:
                quality = 0.6 + 0.2 * coverage  # inside a phrase
            elif coverage == 1:
                quality = 1.0  # the whole phrase
            else:
                quality = 0.8 + 0.15 * coverage  # a prefix
            score = weight * quality
            found = owners(k)
            for owner in found:
                best = into.get(owner)
                if best is None or score > best[0]:
                    into[owner] = (score, kind)
            updated += len(found)
            if updated > MAX_HITS_PER_KIND or k >= last:
                break
            pos = find(query, starts[k + 1])  # one hit per phrase is enough


def _own(owners_by_text: dict[str, list[int]], text: str, owner: int) -> None:
    """Record that ``owner`` has ``text`` (owners arrive in order: each is kept once per text)."""
    owners = owners_by_text.get(text)
    if owners is None:
        owners_by_text[text] = [owner]
    elif owners[-1] != owner:
        owners.append(owner)


def script_phrases(
    script: Script, scenario_names: list[str], norm: Callable[[str], str] = normalise
) -> list[tuple[str, float]]:
    """A script's key phrases and their weights, for the fuzzy pass: keywords, scenario names, examples, title."""
    phrases = [(norm(k), WEIGHTS["keyword"]) for k in script.keywords]
    phrases += [(p, WEIGHTS["scenario"]) for p in scenario_names]
    phrases += [(norm(e), WEIGHTS["example"]) for e in script.examples]
    phrases.append((norm(script.title), WEIGHTS["title"]))
    return phrases


def int_array(data: object) -> array[int]:
    """32-bit integers stored as bytes (snapshot); TypeError/ValueError for anything else."""
    if not isinstance(data, bytes):
        raise TypeError("expected bytes")
    found = array("i")
    found.frombytes(data)
    return found


class ScriptPhrases:
    """``phrases[idx]``: script ``idx``'s key phrases, worked out on demand (a pasted message asks for ~16)."""

    CACHE = 2048
    """Phrase lists kept: a pasted message's candidates repeat from keystroke to keystroke."""

    def __init__(self, scripts: tuple[Script, ...], scenario_names: list[list[str]], script_scenario: list[int]):
        self._scripts = scripts
        self.scenario_names = scenario_names
        self._script_scenario = script_scenario
        self._cache: dict[int, list[tuple[str, float]]] = {}

    def __len__(self) -> int:
        return len(self._scripts)

    def __getitem__(self, idx: int) -> list[tuple[str, float]]:
        found = self._cache.get(idx)
        if found is None:
            if len(self._cache) >= self.CACHE:
                self._cache.clear()
            names = self.scenario_names[self._script_scenario[idx]]
            found = self._cache[idx] = script_phrases(self._scripts[idx], names)
        return found


@dataclass
class IndexParts:
    """Everything ``SearchIndex`` keeps besides the scripts (and what the snapshot stores)."""

    order: dict[str, int]
    corpora: dict[str, Corpus]
    scenario_names: list[list[str]]
    """Normalised name and aliases of each scenario, by scenario number."""
    postings: dict[str, array[int]]
    """Bigram -> the scripts whose phrases have it (arrays: ~5 MB less than lists for 10,000 scripts)."""
    idf: dict[str, float]
    stop_df: int
    scenario_ids: list[str]
    script_scenario: list[int]
    scenarios: ScenarioIndex


def build_parts(library: Library) -> IndexParts:
    """Work out every corpus, posting and score table of ``library`` (with the cyclic collector paused)."""
    with gc_paused():
        return _build_parts(library)


class _Memo(dict[str, object]):
    """A function's result per distinct argument for one build: a repeat is one C-level dict lookup, no call."""

    def __init__(self, function: Callable[[str], object]) -> None:
        super().__init__()
        self._function = function

    def __missing__(self, text: str) -> object:
        found = self[text] = self._function(text)
        return found


def _build_parts(library: Library) -> IndexParts:
    """Work out every corpus, posting and score table of ``library`` once, each distinct text once.

    The texts of each kind are collected as text -> owning scripts in first-seen
    order (what ``Corpus`` stores), scenario texts and their pinyin are worked
    out once per scenario, and normalising, pinyin and bigrams are memoised per
    distinct text for the length of the build. Owner lists a script joins as a
    whole group (its scenario's names and their pinyin) are appended with C-level
    ``map`` calls. Bigram postings are worked out per distinct phrase, not per
    script (``_postings``).
    """
    norm: Callable[[str], str] = _Memo(normalise).__getitem__  # type: ignore[assignment]
    kinds: dict[str, dict[str, list[int]]] = {kind: {} for kind in WEIGHTS}
    title_k, keyword_k, scenario_k, example_k = kinds["title"], kinds["keyword"], kinds["scenario"], kinds["example"]
    pinyin_k, initials_k, category_k, id_k, body_k = (
        kinds["pinyin"],
        kinds["initials"],
        kinds["category"],
        kinds["id"],
        kinds["body"],
    )
    append = list.append
    pinyin_lists_of: dict[str, tuple[list[int], list[int]]] = {}
    """Raw title or keyword -> the owner lists of its pinyin and initials."""
    scenario_names_of: dict[str, list[str]] = {}
    scenario_grams: list[set[str]] = []
    scenario_lists: list[list[list[int]]] = []
    pinyin_lists: list[list[list[int]]] = []
    """Per scenario: the distinct owner lists of its names (and of their pinyin), found by its first script."""
    scenario_ids: dict[str, int] = {}
    script_scenario: list[int] = []
    scenario_phrases: list[dict[str, float]] = []
    keyword_w, scenario_w, example_w, title_w = (WEIGHTS[k] for k in ("keyword", "scenario", "example", "title"))
    scripts = library.scripts
    for idx, script in enumerate(scripts):
        number = scenario_ids.get(script.scenario)
        first = number is None
        if number is None:
            scenario = library.scenario(script.scenario)
            names = [scenario.name, *scenario.aliases] if scenario else []
            scenario_names = scenario_names_of[script.scenario] = [normalise(n) for n in names]
            number = scenario_ids[script.scenario] = len(scenario_ids)
            scenario_grams.append(set().union(*map(bigrams, scenario_names)))
            scenario_phrases.append(dict.fromkeys(scenario_names, scenario_w))
        else:
            scenario_names = scenario_names_of[script.scenario]
        script_scenario.append(number)
        keywords = list(map(norm, script.keywords))
        examples = list(map(norm, script.examples))
        title = norm(script.title)
        _own(title_k, title, idx)
        for phrase in keywords:
            _own(keyword_k, phrase, idx)
        if first:  # the scenario's first script: its texts take their place in first-seen order
            for name in scenario_names:
                _own(scenario_k, name, idx)
            scenario_lists.append(_distinct([scenario_k[name] for name in scenario_names]))
        else:  # its other scripts: straight to the owner lists (~12 names x 10,000 scripts)
            any(map(append, scenario_lists[number], repeat(idx)))
        for phrase in examples:
            _own(example_k, phrase, idx)
        _own(category_k, norm(library.category_name(script.category)), idx)
        _own(id_k, normalise(script.id), idx)
        _own(body_k, normalise(script.body), idx)
        if not first:  # before the title's and keywords' pinyin, which then see idx there already
            any(map(append, pinyin_lists[number], repeat(idx)))
        for raw in (script.title, *script.keywords):
            lists = pinyin_lists_of.get(raw)
            if lists is None:
                full, initials = pinyin_of_text(raw)
                _own(pinyin_k, full, idx)
                _own(initials_k, initials, idx)
                pinyin_lists_of[raw] = (pinyin_k[full], initials_k[initials])
            else:
                for owners in lists:
                    if owners[-1] != idx:
                        owners.append(idx)
        if first:
            forms = [pinyin_forms(name) for name in scenario_names]
            for full, initials in forms:
                _own(pinyin_k, full, idx)
                _own(initials_k, initials, idx)
            pinyin_lists.append(_distinct([found for f, i in forms for found in (pinyin_k[f], initials_k[i])]))
        own = scenario_phrases[number]
        if len(own) < SCENARIO_PHRASES:
            _scenario_phrases(own, keywords, keyword_w, scenario_names, scenario_w)
            _scenario_phrases(own, examples, example_w, [title], title_w)
    total = max(len(scripts), 1)
    postings = _postings((keyword_k, example_k, title_k), scenario_grams, script_scenario)
    return IndexParts(
        order={cat: i for i, cat in enumerate(library.category_order())},
        corpora={kind: Corpus(texts) for kind, texts in kinds.items()},
        scenario_names=list(scenario_names_of.values()),
        postings=postings,
        idf={g: math.log(1 + total / len(ids)) for g, ids in postings.items()},
        stop_df=max(30, total // 40),  # a bigram in more than 2.5% of scripts does not pick candidates
        scenario_ids=list(scenario_ids),
        script_scenario=script_scenario,
        scenarios=ScenarioIndex.build([list(p.items()) for p in scenario_phrases]),
    )


def _postings(
    owners_by_text: Iterable[dict[str, list[int]]], scenario_grams: list[set[str]], script_scenario: list[int]
) -> dict[str, array[int]]:
    """Bigram -> the scripts (ascending) with it in a keyword, example or title, or in their scenario's names.

    Collected per distinct phrase (its owner list joins the bigram's sources)
    and per scenario (its members join), then merged in C: about half the
    Python-level steps of adding every script to each of its ~75 bigrams.
    """
    sources: defaultdict[str, list[list[int]]] = defaultdict(list)
    source_of = sources.__getitem__
    append = list.append
    for texts in owners_by_text:
        for text, owners in texts.items():
            any(map(append, map(source_of, bigrams(text)), repeat(owners)))
    members: list[list[int]] = [[] for _ in scenario_grams]
    for idx, number in enumerate(script_scenario):
        members[number].append(idx)
    for number, grams in enumerate(scenario_grams):
        any(map(append, map(source_of, grams), repeat(members[number])))
    return {
        gram: array("i", lists[0] if len(lists) == 1 else sorted(set(chain.from_iterable(lists))))
        for gram, lists in sources.items()
    }


def _distinct(lists: list[list[int]]) -> list[list[int]]:
    """Each owner list once (two names of a scenario can share one): a script then joins each once."""
    return list({id(owners): owners for owners in lists}.values())


def _scenario_phrases(own: dict[str, float], first: list[str], weight: float, then: list[str], then_w: float) -> None:
    """Add phrases to a scenario's own (up to SCENARIO_PHRASES, two or more characters, the best weight kept)."""
    for phrase, w in (*zip(first, repeat(weight)), *zip(then, repeat(then_w))):
        if len(own) >= SCENARIO_PHRASES:
            return
        if len(phrase) >= 2 and own.get(phrase, 0.0) < w:
            own[phrase] = w
