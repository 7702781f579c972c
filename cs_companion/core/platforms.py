"""Choosing a platform by what the agent or IT typed, and cycling through a library's platforms.

The CLI's ``--platform 京东``, the window's one-key switch and a preset in the
machine config all go through here, so "jd", "京东" and "JD" mean the same.
"""

from __future__ import annotations

from cs_companion.core.models import Library, Platform

DEFAULT_PLATFORM = "taobao"


def find_platform(library: Library, name: str) -> Platform | None:
    """The platform whose id (any case), name or part of its name (``天猫`` of ``淘宝/天猫``) is ``name``."""
    wanted = name.strip().casefold()
    if not wanted:
        return None
    for platform in library.platforms:
        if wanted in (n.casefold() for n in platform.names()):
            return platform
    return None


def current_platform(library: Library, wanted: str) -> Platform | None:
    """The platform to work on: ``wanted`` if the library has it, else the default, else the first one.

    A setting may name a custom platform of a team library that is gone now;
    the window must still open on a platform rather than on none.
    """
    return (
        find_platform(library, wanted)
        or library.platform(DEFAULT_PLATFORM)
        or (library.platforms[0] if library.platforms else None)
    )


def next_platform(library: Library, current: str | None) -> Platform | None:
    """The platform after ``current`` in library order, wrapping around (the window's Ctrl+P)."""
    if not library.platforms:
        return None
    ids = [p.id for p in library.platforms]
    position = ids.index(current) if current in ids else -1
    return library.platforms[(position + 1) % len(ids)]


def describe_platforms(library: Library) -> str:
    """``taobao (淘宝/天猫), jd (京东), …`` for messages that list the choices."""
    return ", ".join(f"{p.id} ({p.name})" for p in library.platforms) or "none"
