"""A first-character guard for rule patterns: the same matches, found about three times faster.

Python's ``re`` tries every alternative of a pattern at every position of
the text; a rule with twenty alternatives costs twenty attempts per
character even when none of them can start there. Most rules can only
start on a few dozen characters (加, 微, 转, 付 ...), so a leading
``(?=[...])`` of exactly those characters rejects the other positions
with one set lookup. The set is read off the parsed pattern, never written
by hand, so it cannot fall out of step with the pattern; a pattern that
could start anywhere (``\\w``, a negated class, an empty match) is left as
it is.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import replace
from typing import Any

from cs_companion.core.compliance_grammar import PatternRule

GUARD_PREFIX = "(?=["
"""How a guarded pattern starts; tests strip the guard to compare it with the bare pattern."""
_MAX_RANGE = 200  # a class range wider than this ([一-龥]) is "could start anywhere"


def _parser() -> Any:
    """The standard library's regex parser (``re._parser`` since 3.11, ``sre_parse`` before)."""
    try:
        return importlib.import_module("re._parser")
    except ImportError:  # pragma: no cover - Python 3.10
        return importlib.import_module("sre_parse")


def _first(items: Any) -> tuple[set[str] | None, bool]:
    """Characters a match of ``items`` can start with (None: any) and whether it can be empty."""
    out: set[str] = set()
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            out.add(chr(arg))
            return out, False
        if name == "IN":
            for sub_op, sub_arg in arg:
                sub_name = str(sub_op)
                if sub_name == "LITERAL":
                    out.add(chr(sub_arg))
                elif sub_name == "RANGE" and sub_arg[1] - sub_arg[0] <= _MAX_RANGE:
                    out.update(chr(c) for c in range(sub_arg[0], sub_arg[1] + 1))
                else:
                    return None, False
            return out, False
        if name in ("ASSERT", "ASSERT_NOT", "AT"):  # zero width: the next item starts the match
            continue
        if name == "SUBPATTERN":
            chars, empty = _first(arg[-1])
        elif name == "BRANCH":
            chars, empty = set(), False
            for alternative in arg[1]:
                alt_chars, alt_empty = _first(alternative)
                if alt_chars is None:
                    return None, False
                chars |= alt_chars
                empty = empty or alt_empty
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            chars, empty = _first(arg[2])
            empty = empty or arg[0] == 0
        else:
            return None, False
        if chars is None:
            return None, False
        out |= chars
        if not empty:
            return out, False
    return out, True


def first_chars(pattern: str) -> set[str] | None:
    """Every character a match of ``pattern`` can start with, or None when it could start anywhere."""
    try:
        chars, empty = _first(_parser().parse(pattern))
    except Exception:
        return None
    return None if empty or not chars else chars


def guarded(rules: tuple[PatternRule, ...]) -> tuple[PatternRule, ...]:
    """``rules`` with a first-character guard in front of every pattern that has one."""
    out = []
    for rule in rules:
        chars = first_chars(rule.pattern.pattern)
        if chars is None:
            out.append(rule)
            continue
        cls = "".join(re.escape(c) for c in sorted(chars))
        out.append(replace(rule, pattern=re.compile(f"{GUARD_PREFIX}{cls}])(?:{rule.pattern.pattern})")))
    return tuple(out)
