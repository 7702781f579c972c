"""Compliance check for reply text: forbidden phrases and platform red lines.

Shops are penalised for 诱导好评 (rewards conditional on a positive review),
for pressuring customers to delete or change reviews, and agents must never
use the team's 禁忌语. The same checker runs on library bodies (``validate``,
team updates) and live on the agent's edited preview, so each finding carries
the rule, the offending words and their offsets for highlighting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from cs_companion.core.models import Library, Script
from cs_companion.core.problems import Problem, Severity

_REWARD = r"(?:返现|返还|返|送|赠|红包|现金|优惠券|券|礼品|礼物|小礼|有礼|奖励|补贴|补偿|立减|积分)"
_POSITIVE = r"(?:好评|五星|5星|五颗星|满分|全五|带图好评|晒好评)"
_CHANGE_VERB = r"(?:删除?|删掉|撤销?|撤回|改成|改为|改掉|修改|改)"
_SHORT_CHANGE = r"(?:删评|改评|撤评|删差评|改差评)"
_REVIEW = r"(?:差评|中评|评价|评论)"
# "删除差评" and the 把 form "把差评删掉" / "把评价改一下" say the same thing.
_CHANGE_REVIEW = (
    rf"(?:{_CHANGE_VERB}(?:一下)?(?:您的|你的|这个|那个)?{_REVIEW}"
    rf"|把(?:您的|你的|这个|那个)?{_REVIEW}(?:给)?{_CHANGE_VERB}"
    rf"|{_SHORT_CHANGE})"
)
_PRESSURE = r"(?:必须|一定要|务必|赶紧|马上|立刻|立即|否则|不然|要求您|请立即)"
_INSULTS = (
    "傻子",
    "傻瓜",
    "滚开",
    "滚蛋",
    "神经病",
    "有病",
    "活该",
    "找死",
    "白痴",
    "笨蛋",
    "蠢",
    "你懂不懂",
    "爱买不买",
    "投诉也没用",
    "你爱投诉",
    "穷就别买",
    "买不起",
    "少废话",
    "烦不烦",
)


@dataclass(frozen=True, slots=True)
class Rule:
    """A named check with the regex that finds violations."""

    id: str
    description: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Finding:
    """One violation: which rule, the exact words, and where they are in the text."""

    rule: str
    description: str
    words: str
    start: int
    end: int

    def __str__(self) -> str:
        return f"{self.description}：「{self.words}」"


PLATFORM_RULES: tuple[Rule, ...] = (
    Rule(
        "review_reward",
        "奖励不能以好评为条件（诱导好评违反平台规则）",
        re.compile(rf"{_POSITIVE}[^。！？!?\n]{{0,10}}{_REWARD}|{_REWARD}[^。！？!?\n]{{0,10}}{_POSITIVE}"),
    ),
    Rule(
        "review_change_bribe",
        "不能用补偿换取删除或修改评价",
        re.compile(rf"{_CHANGE_REVIEW}[^。！？!?\n]{{0,12}}{_REWARD}|{_REWARD}[^。！？!?\n]{{0,12}}{_CHANGE_REVIEW}"),
    ),
    Rule(
        "review_change_pressure",
        "不能施压要求删除或修改评价",
        re.compile(
            rf"{_PRESSURE}[^。！？!?\n]{{0,8}}{_CHANGE_REVIEW}|{_CHANGE_REVIEW}[^。！？!?\n]{{0,6}}(?:否则|不然)"
        ),
    ),
    Rule(
        "disparage_competitor",
        "不能贬低其他店铺",
        re.compile(
            r"(?:别家|他家|其他店|别的店|其他家|同行|别人家)[^。！？!?\n]{0,8}(?:假货|假的|垃圾|骗子|坑人|劣质|山寨)"
        ),
    ),
    Rule("insult", "不能使用侮辱或威胁性语言", re.compile("|".join(map(re.escape, _INSULTS)))),
    Rule(
        "payment_pressure",
        "催付不能使用施压话术",
        re.compile(r"再不(?:付款|付钱|拍)|(?:赶紧|马上|立刻)(?:付款|付钱|拍下)|不付款就|最后机会"),
    ),
)


class ComplianceChecker:
    """Checks text against the library's forbidden phrases and the platform rules."""

    def __init__(self, forbidden_phrases: Iterable[str] = ()) -> None:
        phrases = sorted({p.strip() for p in forbidden_phrases if p.strip()}, key=len, reverse=True)
        self._forbidden = re.compile("|".join(map(re.escape, phrases))) if phrases else None

    def check(self, text: str) -> list[Finding]:
        """All findings in ``text``, in order of position."""
        findings = []
        if self._forbidden is not None:
            for match in self._forbidden.finditer(text):
                findings.append(Finding("forbidden_phrase", "禁忌语", match.group(0), match.start(), match.end()))
        for rule in PLATFORM_RULES:
            for match in rule.pattern.finditer(text):
                findings.append(Finding(rule.id, rule.description, match.group(0), match.start(), match.end()))
        findings.sort(key=lambda f: (f.start, f.rule))
        return findings


def check_scripts(
    scripts: Iterable[Script], checker: ComplianceChecker, severity: Severity = Severity.ERROR
) -> list[Problem]:
    """Compliance problems of script bodies, located at each script."""
    problems = []
    for script in scripts:
        for finding in checker.check(script.body):
            problems.append(
                Problem(script.origin, script.line, 1, f"script '{script.id}': {finding} [{finding.rule}]", severity)
            )
    return problems


def check_library(
    library: Library, extra_phrases: Iterable[str] = (), severity: Severity = Severity.ERROR
) -> list[Problem]:
    """Check every body of ``library`` against its own and ``extra_phrases`` forbidden lists."""
    checker = ComplianceChecker([*library.forbidden_phrases, *extra_phrases])
    return check_scripts(library.scripts, checker, severity)
