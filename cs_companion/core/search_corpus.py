"""One kind of searchable text (titles, keywords, ...) of a library, laid out for fast substring search.

Split from ``search`` so the index logic and the string layout each stay one readable module.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

MAX_HITS_PER_KIND = 400
"""A one-letter query can match everything; beyond this many scripts a kind stops scanning."""


class Corpus:
    """The distinct texts of one kind joined by NUL, each with the scripts that own it.

    Scenario names, categories and many keywords repeat across scripts, so
    each distinct phrase is stored and searched once.
    """

    def __init__(self, entries: Iterable[tuple[int, str]]) -> None:
        owners_by_text: dict[str, list[int]] = {}
        for owner, text in entries:
            if text:
                owners = owners_by_text.setdefault(text, [])
                if not owners or owners[-1] != owner:
                    owners.append(owner)
        texts = list(owners_by_text)
        self.owners: list[list[int]] = [owners_by_text[t] for t in texts]
        self.lengths: list[int] = [len(t) for t in texts]
        self.starts: list[int] = []
        pos = 0
        for text in texts:
            self.starts.append(pos)
            pos += len(text) + 1
        self.blob = "\x00".join(texts)

    def state(self) -> tuple[object, ...]:
        return (self.blob, self.starts, self.lengths, self.owners)

    @classmethod
    def from_state(cls, state: tuple[object, ...]) -> Corpus:
        corpus = cls.__new__(cls)
        corpus.blob, corpus.starts, corpus.lengths, corpus.owners = state  # type: ignore[assignment]
        return corpus

    def match(self, query: str, into: dict[int, tuple[float, str]], kind: str, weight: float) -> None:
        """Record ``weight * quality`` for every script whose text of this kind contains ``query``.

        Quality is 1.0 for an exact phrase, ~0.8-0.95 for a prefix, ~0.6-0.8
        inside a phrase, growing with how much of the phrase the query covers.
        """
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
            for owner in owners[k]:
                best = into.get(owner)
                if best is None or score > best[0]:
                    into[owner] = (score, kind)
            updated += len(owners[k])
            if updated > MAX_HITS_PER_KIND or k >= last:
                break
            pos = find(query, starts[k + 1])  # one hit per phrase is enough

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
        return list(self.owners[bisect_right(self.starts, pos) - 1])
