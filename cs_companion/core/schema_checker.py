"""The interface of ``schema``'s problem-collecting checker, for the modules that read parts of a file.

``schema`` owns the implementation; section readers (platforms, compliance)
depend only on this protocol, so they need not import ``schema`` (which
imports them).
"""

from __future__ import annotations

from typing import Any, Protocol

from cs_companion.core.problems import Location, Problem
from cs_companion.core.yamlsafe import YamlMap


class Checker(Protocol):
    """Reads typed values from a YAML mapping, recording a located problem for each mistake."""

    problems: list[Problem]

    def error(self, loc: Location, message: str) -> None: ...

    def warn(self, loc: Location, message: str) -> None: ...

    def text(self, data: YamlMap, key: str, where: str, *, required: bool = ..., limit: int = ...) -> str: ...

    def text_list(
        self, data: YamlMap, key: str, where: str, *, limit: int = ..., max_items: int = ...
    ) -> tuple[str, ...]: ...

    def mapping(self, value: Any, loc: Location, where: str) -> YamlMap | None: ...

    def unknown_keys(self, data: YamlMap, allowed: set[str], where: str) -> None: ...
