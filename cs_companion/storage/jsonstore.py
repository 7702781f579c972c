"""Small JSON files that survive crashes and corruption.

Saving is atomic (see ``atomic``). Loading a file that is not valid JSON, or
not the expected shape, moves it aside as ``name.corrupt`` and starts from
defaults, reporting what happened instead of crashing: an agent must never
lose the window because a settings file was damaged. That includes JSON
nested so deeply that the parser runs out of stack (``RecursionError``).

A failed save raises ``StorageError`` (one plain line: read-only profile,
full disk ...) so the window can show it instead of losing the change.
"""

from __future__ import annotations

import contextlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cs_companion.storage.atomic import set_aside, write_json_atomic
from cs_companion.storage.errors import save_failed

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadReport:
    """What happened when a JSON file was read: ``message`` is empty when all went well."""

    data: dict[str, Any]
    message: str = ""
    moved_to: Path | None = None


def load_json_object(path: Path, set_aside_damaged: bool = True) -> LoadReport:
    """Read a JSON object from ``path``; missing means empty, damaged means set aside.

    ``set_aside_damaged=False`` is for files the agent does not own (IT's
    machine-wide config): they are reported and ignored, never renamed.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return LoadReport({})
    except OSError as exc:
        return LoadReport({}, f"cannot read {path}: {exc.strerror or exc}")
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("top level is not an object")
    except RecursionError:
        return _damaged(path, "nested too deeply", set_aside_damaged)
    except (UnicodeDecodeError, ValueError) as exc:
        return _damaged(path, str(exc), set_aside_damaged)
    return LoadReport(data)


def _damaged(path: Path, why: str, set_aside_damaged: bool) -> LoadReport:
    """Report a damaged file and, if it is ours, move it out of the way so the next save starts clean."""
    moved = None
    if set_aside_damaged:
        with contextlib.suppress(OSError):
            moved = set_aside(path)
    where = f"; kept as {moved.name}" if moved else ""
    action = "has been reset" if set_aside_damaged else "is ignored"
    message = f"{path.name} was damaged ({why}) and {action}{where}"
    log.warning(message)
    return LoadReport({}, message, moved)


def save_json_object(path: Path, data: dict[str, Any]) -> None:
    """Write ``data`` atomically; StorageError (never a bare OSError) if the profile cannot take it."""
    try:
        write_json_atomic(path, data)
    except OSError as exc:
        raise save_failed(path, exc) from None
