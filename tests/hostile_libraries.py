"""Hostile library files shared by the loader, CLI and update tests."""

from __future__ import annotations


def hostile_library(scripts: int = 1000, copies: int = 100, length: int = 200_000) -> bytes:
    """The issue's library: every script's keywords alias ``copies`` copies of one long string."""
    lines = [
        "schema: 1",
        f'big: &s "{"好" * length}"',
        "kw: &k [" + ", ".join(["*s"] * copies) + "]",
        "scripts:",
    ]
    lines += [f"  - {{id: s{i}, scenario: a.b, title: t, body: b, keywords: *k}}" for i in range(scripts)]
    return ("\n".join(lines) + "\n").encode("utf-8")
