"""Every tuning corpus stays at the targets (recall >= 95%, false alarms <= 2%).

Each corpus was written by a different author, independently of the rules and
of the other corpora; keeping all of them at target is what stops the rules
from fitting one author's phrasing (the blind corpora, never tuned on, say how
well that works). Misses are listed by ``benchmarks/eval_compliance.py --show-misses``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def _eval_module() -> Any:
    spec = importlib.util.spec_from_file_location("eval_compliance", ROOT / "benchmarks" / "eval_compliance.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_compliance", module)  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("compliance_tuning*.yaml")))
def test_tuning_corpus_meets_targets(name: str) -> None:
    module = _eval_module()
    result = module.evaluate(module.make_checker(), yaml.safe_load((DATA / name).read_text(encoding="utf-8")))
    assert sum(result.bad.values()) >= 150 and result.legit >= 100
    assert result.recall >= 0.95, f"recall {result.recall:.1%}"
    assert result.false_alarm_rate <= 0.02, f"false alarms {result.false_alarm_rate:.1%}"


PEOPLE_FAMILIES = ("blame_threat", "disparage", "review_manipulation")


def _family_result(name: str) -> tuple[Any, dict[str, int]]:
    """The corpus result and, per people family, how many legit texts that family flagged."""
    module = _eval_module()
    checker = module.make_checker()
    corpus = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    flagged = dict.fromkeys(PEOPLE_FAMILIES, 0)
    for case in corpus["legit"]:
        families = {f.family for f in checker.check(str(case["text"]))}
        for family in families & set(PEOPLE_FAMILIES):
            flagged[family] += 1
    return module.evaluate(checker, corpus), flagged


# Per family of the people rules: recall floor on each newer corpus. Sets 3 and 4 were tuned on; set 5
# was validation only until the last round (56 % blame, 70 % disparage, 86 % review before its misses were
# looked at), so its floor here no longer measures generalisation: the blind sets do. Sets 6 and 7 came
# in at 85/76/73 % and 85/85/82 % (blame, disparage, review) before they were tuned on; sets 8 and 9 at
# 96/72/62 % and 92/88/100 %.
PEOPLE_FLOORS = {
    name: {"blame_threat": 0.95, "disparage": 0.95, "review_manipulation": 0.95}
    for name in (
        "compliance_tuning3.yaml",
        "compliance_tuning4.yaml",
        "compliance_tuning5.yaml",
        "compliance_tuning6.yaml",
        "compliance_tuning7.yaml",
        "compliance_tuning8.yaml",
        "compliance_tuning9.yaml",
    )
}


@pytest.mark.parametrize("name", sorted(PEOPLE_FLOORS))
def test_people_families_hold_their_floors_without_false_alarms(name: str) -> None:
    result, flagged = _family_result(name)
    for family, floor in PEOPLE_FLOORS[name].items():
        recall = result.caught[family] / result.bad[family]
        assert recall >= floor, f"{family} recall {recall:.1%} < {floor:.0%}"
    # A false alarm costs more than a miss: the people rules may flag at most 1% of a corpus's legit texts.
    assert sum(flagged.values()) <= 0.01 * result.legit + 1, flagged
