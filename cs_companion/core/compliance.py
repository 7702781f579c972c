"""Compliance check for reply text: platform red lines and the library's forbidden phrases.

Shops are penalised for 诱导好评, for moving buyers off the platform, for
advertising-law absolute claims, for threatening or blaming buyers, for
promises they cannot keep, for disparaging competitors and for pushing
payment; and agents must never use the team's 禁忌语. The same checker runs
on library texts (``validate``, team updates, own scripts) and live on the
agent's edited preview, so each finding carries the rule, its family, whether
it blocks, the offending words and their offsets in the ORIGINAL text (the
window underlines them).

Matching runs on a canonical form of the text (``normalise``), so 你/您,
full-width letters, spaces, zero-width characters and "加.微.信" padding do
not hide a phrase. Simple negation ("我们不会让您加微信", "好评返现是违规的")
drops a finding; everyday words that merely contain a rule's words
(第一时间, 最快, 不知道您…) are on an allow-list that team libraries extend.

Speed: phrase lists live in a bigram index (``phrase_index``), each rule
only runs when one of its trigger words occurs, and the phrase count is
capped, so a live check of a chat-sized reply stays well under a
millisecond however the library was written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from cs_companion.core.compliance_rules import (
    ANTI_FRAUD,
    BUILTIN_ALLOW,
    CLAUSE,
    CONDEMNABLE_FAMILIES,
    CONDEMNED_AFTER,
    CONDITIONAL,
    CONDITIONAL_BEFORE,
    DISOWNED_BEFORE,
    FAMILIES,
    NEGATION_BEFORE,
    RULES,
    PatternRule,
)
from cs_companion.core.models import Library, Script
from cs_companion.core.normalise import Normalised, normalise, normalise_phrase
from cs_companion.core.phrase_index import PhraseIndex, text_grams
from cs_companion.core.problems import Problem, Severity

MAX_LIBRARY_PHRASES = 2000
"""Forbidden phrases (and, separately, allow-list entries) one library may declare."""
MAX_PHRASE_CHARS = 50
"""Longest forbidden or allowed phrase; longer text is a sentence, not a phrase."""
MAX_CHECKER_PHRASES = 3 * MAX_LIBRARY_PHRASES
"""What one checker accepts: the built-in, team and personal layers' lists together."""

_CLAUSE_END = re.compile(r"[,。!?;\n~]")
_SENTENCE_END = re.compile(r"[。!?;\n]")
_CLAUSE_PREFIX = re.compile(CLAUSE + r"{0,24}$")


class PhraseLimitError(ValueError):
    """Too many or too long phrases: refused at once rather than making every check slow."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One violation: which rule, the exact words, and where they are in the original text."""

    rule: str
    description: str
    words: str
    start: int
    end: int
    family: str = ""
    blocking: bool = True

    @property
    def offsets(self) -> tuple[int, int]:
        return self.start, self.end

    def __str__(self) -> str:
        return f"{self.description}：「{self.words}」"


def check_phrase_limits(
    phrases: Iterable[str], limit: int = MAX_LIBRARY_PHRASES, what: str = "forbidden phrases"
) -> None:
    """Raise PhraseLimitError when ``phrases`` has more than ``limit`` entries or a too-long one."""
    for count, phrase in enumerate(phrases, 1):
        if count > limit:
            raise PhraseLimitError(f"more than {limit} {what}; the limit keeps every check fast")
        if len(phrase) > MAX_PHRASE_CHARS:
            raise PhraseLimitError(
                f"{what[:-1]} '{phrase[:20]}…' is {len(phrase)} characters; the limit is {MAX_PHRASE_CHARS}"
            )


def _index(phrases: Iterable[str]) -> PhraseIndex:
    return PhraseIndex(normalise_phrase(p) for p in phrases)


def _trigger_map() -> tuple[PhraseIndex, dict[str, frozenset[int]]]:
    """One index of every rule's trigger words, and which rules (by position in RULES) each one wakes."""
    rules_by_word: dict[str, set[int]] = {}
    for number, rule in enumerate(RULES):
        for word in rule.triggers:
            rules_by_word.setdefault(word, set()).add(number)
    return PhraseIndex(rules_by_word), {w: frozenset(r) for w, r in rules_by_word.items()}


_TRIGGERS, _RULES_BY_TRIGGER = _trigger_map()
_UNGATED = frozenset(n for n, rule in enumerate(RULES) if not rule.triggers)


class ComplianceChecker:
    """Checks text against the platform rules, the forbidden phrases and the allow-list.

    ``forbidden_phrases`` and ``allow`` are as written in libraries; both are
    normalised like the text. More than ``MAX_CHECKER_PHRASES`` of either, or
    a phrase longer than ``MAX_PHRASE_CHARS``, raises PhraseLimitError.
    """

    def __init__(self, forbidden_phrases: Iterable[str] = (), allow: Iterable[str] = ()) -> None:
        phrases = [p.strip() for p in forbidden_phrases if p.strip()]
        allowed = [a.strip() for a in allow if a.strip()]
        check_phrase_limits(phrases, MAX_CHECKER_PHRASES)
        check_phrase_limits(allowed, MAX_CHECKER_PHRASES, "allow-list entries")
        self._forbidden = _index(phrases)
        self._allow = _index([*BUILTIN_ALLOW, *allowed])
        self._gated = True  # tests switch the trigger gate off to prove it never changes a result

    @classmethod
    def for_library(
        cls, library: Library, extra_phrases: Iterable[str] = (), extra_allow: Iterable[str] = ()
    ) -> ComplianceChecker:
        """The checker for ``library``: its forbidden phrases and allow-list plus any extra ones."""
        return cls(
            [*library.forbidden_phrases, *extra_phrases],
            [*getattr(library, "compliance_allow", ()), *extra_allow],
        )

    def check(self, text: str) -> list[Finding]:
        """All findings in ``text``, in order of position; offsets are into ``text`` itself."""
        if not text:
            return []
        norm = normalise(text)
        canon = norm.text
        grams = text_grams(canon)
        spans: list[tuple[int, int, str, str, str]] = []  # start, end, rule, family, description
        for start, end in self._forbidden.spans(canon, grams):
            spans.append((start, end, "forbidden_phrase", "forbidden_phrase", ""))
        for number in sorted(self._woken_rules(canon, grams)):
            rule = RULES[number]
            for match in rule.pattern.finditer(canon):
                start, end = match.span()
                if end > start and not self._excused(rule, canon, start, end):
                    spans.append((start, end, rule.id, rule.family, rule.description))
        if not spans:
            return []
        allowed = self._allow.spans(canon, grams, overlapping=True)
        findings = [
            self._finding(text, norm, *span) for span in _merge(spans) if not _inside_any(span[0], span[1], allowed)
        ]
        findings.sort(key=lambda f: (f.start, f.rule))
        return findings

    def _woken_rules(self, canon: str, grams: tuple[set[str], set[str]]) -> set[int]:
        if not self._gated:
            return set(range(len(RULES)))
        woken = set(_UNGATED)
        for word in _TRIGGERS.present(canon, grams):
            woken |= _RULES_BY_TRIGGER[word]
        return woken

    # ----- helpers -----------------------------------------------------------------------------

    @staticmethod
    def _excused(rule: PatternRule, canon: str, start: int, end: int) -> bool:
        """True when the context takes the match back: an exemption, a negation or a condemnation."""
        prefix_match = _CLAUSE_PREFIX.search(canon, 0, start)
        prefix = prefix_match.group() if prefix_match else ""
        if rule.exempt_before is not None and rule.exempt_before.search(prefix):
            return True
        if rule.exempt_in_sentence is not None and rule.exempt_in_sentence.search(
            canon, *_sentence_span(canon, start, end)
        ):
            return True
        if not rule.negatable:
            return DISOWNED_BEFORE.search(prefix) is not None
        # A question about a contact ("还让您加QQ?") is answered by the next sentence ("那是骗子").
        if rule.family == "off_platform" and ANTI_FRAUD.search(
            canon, *_sentence_span(canon, start, end, answered=True)
        ):
            return True
        negator = NEGATION_BEFORE.search(prefix)
        if negator is not None:
            clause_end_match = _CLAUSE_END.search(canon, end)
            rest = canon[end : clause_end_match.start() if clause_end_match else len(canon)]
            if not CONDITIONAL.search(rest) and not CONDITIONAL_BEFORE.search(prefix[: negator.start()]):
                return True
        return rule.family in CONDEMNABLE_FAMILIES and CONDEMNED_AFTER.search(canon[end:]) is not None

    @staticmethod
    def _finding(
        text: str, norm: Normalised, start: int, end: int, rule: str, family: str, description: str
    ) -> Finding:
        spec = FAMILIES[family]
        o_start, o_end = norm.span(start, end)
        return Finding(
            rule, description or spec.description, text[o_start:o_end], o_start, o_end, family, spec.blocking
        )


def _sentence_span(canon: str, start: int, end: int, answered: bool = False) -> tuple[int, int]:
    """Start and end of the sentence around ``canon[start:end]``; with ``answered``, a question runs on
    through the sentence that answers it."""
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(canon, 0, start)), default=0)
    sentence_end = _SENTENCE_END.search(canon, end)
    if answered and sentence_end is not None and sentence_end.group() == "?":
        sentence_end = _SENTENCE_END.search(canon, sentence_end.end())
    return sentence_start, sentence_end.start() if sentence_end else len(canon)


def _merge(spans: list[tuple[int, int, str, str, str]]) -> Iterator[tuple[int, int, str, str, str]]:
    """Overlapping matches of one family become one finding (the union of words, named by the team's
    forbidden phrase if one is among them, else by the first rule)."""
    spans.sort(key=lambda s: (s[3], s[0], -s[1]))
    current: list[object] | None = None
    for span in spans:
        if current is not None and current[3] == span[3] and span[0] < current[1]:  # type: ignore[operator]
            current[1] = max(current[1], span[1])  # type: ignore[call-overload]
            if span[2] == "forbidden_phrase":  # the team's own list names the finding over a built-in rule
                current[2], current[4] = span[2], span[4]
            continue
        if current is not None:
            yield tuple(current)  # type: ignore[misc]
        current = list(span)
    if current is not None:
        yield tuple(current)  # type: ignore[misc]


def _inside_any(start: int, end: int, allowed: list[tuple[int, int]]) -> bool:
    return any(a_start <= start and end <= a_end for a_start, a_end in allowed)


# ----------------------------------------------------------------------------- libraries


def script_texts(script: Script) -> Iterator[tuple[str, str]]:
    """Every text of ``script`` that an agent may send: (where, text).

    Keywords and examples are the buyer's words ("能加个微信吗") and are never
    sent, so they are not checked.
    """
    yield "body", script.body
    for platform, text in script.variants.items():
        yield f"variant '{platform}'", text
    for fld in script.fields:
        if fld.default:
            yield f"default of field '{fld.name}'", fld.default
        for option in fld.options:
            yield f"option of field '{fld.name}'", option


def check_scripts(
    scripts: Iterable[Script], checker: ComplianceChecker, severity: Severity = Severity.ERROR
) -> list[Problem]:
    """Every finding in every sendable text of ``scripts``, located at each script.

    Blocking findings get ``severity``; warnings are always warnings.
    """
    problems = []
    for script in scripts:
        for where, text in script_texts(script):
            for finding in checker.check(text):
                label = "" if where == "body" else f" ({where})"
                problems.append(
                    Problem(
                        script.origin,
                        script.line,
                        1,
                        f"script '{script.id}'{label}: {finding} [{finding.rule}]",
                        severity if finding.blocking else Severity.WARNING,
                    )
                )
    return problems


def check_library(
    library: Library,
    extra_phrases: Iterable[str] = (),
    severity: Severity = Severity.ERROR,
    extra_allow: Iterable[str] = (),
) -> list[Problem]:
    """Check every script of ``library`` against its own and ``extra_phrases`` forbidden lists."""
    checker = ComplianceChecker.for_library(library, extra_phrases, extra_allow)
    return check_scripts(library.scripts, checker, severity)


def as_warnings(problems: Iterable[Problem]) -> list[Problem]:
    """The same problems shown as warnings (team files in ``validate``: the team lead decides)."""
    return [replace(p, severity=Severity.WARNING) for p in problems]
