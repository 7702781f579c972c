"""The values of one customer conversation, carried from script to script.

An agent types the order number once; every script they pick afterwards in
the same chat is pre-filled with it, until they start a new conversation.
Pure logic so the carry-over rules are unit-tested without a window.
"""

from __future__ import annotations

from collections.abc import Mapping

from cs_companion.core.models import Platform, Script
from cs_companion.core.template import Rendered, render


class Conversation:
    """Field values by name (``order_no``, ``amount``, ``eta`` ...) for the current chat.

    ``platform`` is the shop platform the agent works on: it picks each
    script's variant and fills ``{{platform.…}}`` values. It is not a value of
    the chat, so a new conversation keeps it.
    """

    def __init__(self, platform: Platform | None = None) -> None:
        self._values: dict[str, str] = {}
        self.platform = platform

    def values(self) -> Mapping[str, str]:
        return dict(self._values)

    def value(self, name: str) -> str:
        return self._values.get(name, "")

    def set_value(self, name: str, value: str) -> None:
        """Remember a value; an emptied field forgets it so the next script starts blank."""
        if value.strip():
            self._values[name] = value
        else:
            self._values.pop(name, None)

    def values_for(self, script: Script) -> dict[str, str]:
        """The remembered values that ``script`` has fields for."""
        return {f.name: self._values[f.name] for f in script.fields if f.name in self._values}

    def first_missing(self, script: Script) -> str | None:
        """Name of the first required field still empty or invalid, in form order."""
        result = render(script, self._values, self.platform)
        for fld in script.fields:
            if fld.name in result.missing or fld.name in result.invalid:
                return fld.name
        return None

    def render(self, script: Script) -> Rendered:
        return render(script, self._values, self.platform)

    def clear(self) -> None:
        """Start a new conversation: forget every value."""
        self._values.clear()
