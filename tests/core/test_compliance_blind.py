"""Floor on the blind corpus: recall and false alarms must not fall below what v2 reached.

The corpus (tests/data/blind/compliance_corpus.yaml) was written from platform
rules by someone who never saw the checker; nobody tunes on it. Only the
aggregate numbers are computed here, nothing from it is printed.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "blind" / "compliance_corpus.yaml"

# Rules v2 with structural patterns reached recall 89.5% and false alarms 1.4% (v2 word lists:
# 81.3% / 1.4%; v1: 17.8% / 2.8%). Targets are recall >= 0.95 and false alarms <= 0.02; recall
# is below target (see README).
MIN_RECALL = 0.89
MAX_FALSE_ALARMS = 0.02


@pytest.mark.skipif(not CORPUS.exists(), reason="blind corpus not present")
def test_blind_corpus_floor() -> None:
    spec = importlib.util.spec_from_file_location("eval_compliance", ROOT / "benchmarks" / "eval_compliance.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_compliance", module)  # dataclasses look their module up here
    spec.loader.exec_module(module)
    result = module.evaluate(module.make_checker(), yaml.safe_load(CORPUS.read_text(encoding="utf-8")))
    assert sum(result.bad.values()) >= 150 and result.legit >= 100
    assert result.recall >= MIN_RECALL, f"recall {result.recall:.1%}"
    assert result.false_alarm_rate <= MAX_FALSE_ALARMS, f"false alarms {result.false_alarm_rate:.1%}"
