"""Compliance quality on a phrase corpus: recall per family and false-alarm rate.

    python benchmarks/eval_compliance.py [CORPUS.yaml ...] [--show-misses]

A corpus has ``bad: [{text, family}]`` (each must get a finding) and
``legit: [{text}]`` (each must get none). The checker is the one agents get:
the built-in library's forbidden phrases and allow-list.

The default corpora, ``tests/data/blind/compliance_corpus*.yaml``, were
written from platform rules by authors who never saw the checker (each by a
different author; ``_2`` was written after the rules were already tuned, to
measure how they hold on text nobody tuned for). Only aggregate numbers are
printed so they stay blind: ``--show-misses`` refuses them. Tune on the
``tests/data/compliance_tuning*.yaml`` sets (``--tuning`` runs them all), each
by yet another author.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cs_companion.core import compliance  # noqa: E402
from cs_companion.core.loader import load_path  # noqa: E402
from cs_companion.core.models import Layer  # noqa: E402

BLIND_CORPORA = sorted((ROOT / "tests" / "data" / "blind").glob("compliance_corpus*.yaml"))
TUNING_CORPORA = sorted((ROOT / "tests" / "data").glob("compliance_tuning*.yaml"))


@dataclass
class Result:
    """Aggregate counts; ``misses`` is only shown on request (never for the blind corpus)."""

    bad: Counter[str] = field(default_factory=Counter)
    caught: Counter[str] = field(default_factory=Counter)
    caught_blocking: Counter[str] = field(default_factory=Counter)
    legit: int = 0
    false_alarms: int = 0
    false_blocking: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return sum(self.caught.values()) / max(1, sum(self.bad.values()))

    @property
    def blocking_recall(self) -> float:
        return sum(self.caught_blocking.values()) / max(1, sum(self.bad.values()))

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / max(1, self.legit)


def make_checker() -> Any:
    """The checker an agent's window uses for the built-in library (works with the v1 API too)."""
    library = load_path(ROOT / "scripts_library", Layer.BUILTIN).library
    assert library is not None, "built-in library does not load"
    for_library = getattr(compliance.ComplianceChecker, "for_library", None)
    if for_library is not None:
        return for_library(library)
    return compliance.ComplianceChecker(library.forbidden_phrases)


def _is_blocking(finding: Any) -> bool:
    return bool(getattr(finding, "blocking", True))


def evaluate(checker: Any, corpus: dict[str, Any]) -> Result:
    result = Result()
    for case in corpus.get("bad") or []:
        text, family = str(case["text"]), str(case.get("family", "?"))
        findings = checker.check(text)
        result.bad[family] += 1
        result.caught[family] += bool(findings)
        result.caught_blocking[family] += any(_is_blocking(f) for f in findings)
        if not findings:
            result.misses.append(f"MISS [{family}] {text}")
    for case in corpus.get("legit") or []:
        text = str(case["text"])
        findings = checker.check(text)
        result.legit += 1
        result.false_alarms += bool(findings)
        result.false_blocking += any(_is_blocking(f) for f in findings)
        if findings:
            rules = ",".join(sorted({f.rule for f in findings}))
            result.misses.append(f"FALSE [{rules}] {text} -> {[f.words for f in findings]}")
    return result


def report(name: str, result: Result) -> str:
    lines = [f"== {name}: {sum(result.bad.values())} bad, {result.legit} legit"]
    for family in sorted(result.bad):
        n, hit, block = result.bad[family], result.caught[family], result.caught_blocking[family]
        lines.append(f"  {family:24} n={n:4}  recall {hit / n:6.1%}  (blocking {block / n:6.1%})")
    caught = sum(result.caught.values())
    lines.append(
        f"  {'ALL':24} n={sum(result.bad.values()):4}  recall {result.recall:6.2%} ({caught} caught)  "
        f"(blocking {result.blocking_recall:6.1%})"
    )
    lines.append(
        f"  false alarms {result.false_alarms}/{result.legit} = {result.false_alarm_rate:.1%}  "
        f"(blocking {result.false_blocking})"
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path)
    parser.add_argument("--tuning", action="store_true", help="evaluate every tuning corpus instead of the blind ones")
    parser.add_argument("--show-misses", action="store_true", help="list misses and false alarms (tuning sets only)")
    parser.add_argument("--family", help="with --show-misses: only this family's misses (false alarms always shown)")
    args = parser.parse_args()
    checker = make_checker()
    corpora = args.corpora or (TUNING_CORPORA if args.tuning else BLIND_CORPORA)
    total = Result()
    for path in corpora:
        if args.show_misses and path.resolve().parent.name == "blind":
            print(f"refusing --show-misses on the blind corpus {path}", file=sys.stderr)
            return 2
        corpus = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        result = evaluate(checker, corpus)
        print(report(path.name, result))
        _add(total, result)
        if args.show_misses:
            wanted = f"MISS [{args.family}]" if args.family else "MISS"
            print("\n".join(m for m in result.misses if m.startswith((wanted, "FALSE"))))
    if len(corpora) > 1:
        print(report("all of the above", total))
    return 0


def _add(total: Result, result: Result) -> None:
    total.bad.update(result.bad)
    total.caught.update(result.caught)
    total.caught_blocking.update(result.caught_blocking)
    total.legit += result.legit
    total.false_alarms += result.false_alarms
    total.false_blocking += result.false_blocking


if __name__ == "__main__":
    raise SystemExit(main())
