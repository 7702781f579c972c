"""Tuning corpora at the targets stay there (recall >= 95%, false alarms <= 2%); the others keep their floors.

The second corpus was written independently of the first and of the rules;
keeping both at target is what stops the rules from fitting one author's
phrasing. Misses are listed by ``benchmarks/eval_compliance.py --show-misses``.
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


@pytest.mark.parametrize("name", ["compliance_tuning.yaml", "compliance_tuning2.yaml"])
def test_tuning_corpus_meets_targets(name: str) -> None:
    module = _eval_module()
    result = module.evaluate(module.make_checker(), yaml.safe_load((DATA / name).read_text(encoding="utf-8")))
    assert sum(result.bad.values()) >= 150 and result.legit >= 100
    assert result.recall >= 0.95, f"recall {result.recall:.1%}"
    assert result.false_alarm_rate <= 0.02, f"false alarms {result.false_alarm_rate:.1%}"


@pytest.mark.parametrize(
    ("name", "recall", "false_alarms"),
    [
        # Not yet at target: honest floors of what the rules reach, raised as the rules improve.
        ("compliance_tuning3.yaml", 0.72, 0.03),
        ("compliance_tuning4.yaml", 0.72, 0.03),
        ("compliance_tuning5.yaml", 0.60, 0.02),
    ],
)
def test_tuning_corpus_keeps_its_floor(name: str, recall: float, false_alarms: float) -> None:
    module = _eval_module()
    result = module.evaluate(module.make_checker(), yaml.safe_load((DATA / name).read_text(encoding="utf-8")))
    assert result.recall >= recall, f"recall {result.recall:.1%}"
    assert result.false_alarm_rate <= false_alarms, f"false alarms {result.false_alarm_rate:.1%}"
