"""Pause Python's cyclic garbage collector while a library or its index is built.

Loading 10,000 scripts creates hundreds of thousands of lists, dicts and
tuples that all stay alive; each one counts toward the collector's next pass,
and every full pass walks everything built so far. Measured on a 2-core
machine: building the index takes ~1.1 s with the collector paused and ~1.7 s
without, parsing and validating similarly. Nothing built here forms garbage
cycles worth collecting mid-way; the collector runs again right after.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
"""Nested or concurrent pauses (the window's background load, a CLI call): the last one out re-enables."""
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off (as it was before once every pause has ended)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
