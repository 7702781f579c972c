"""Clipboard for the command line (pyperclip); the window uses Qt's clipboard instead.

One door per OS facility: the CLI never imports Qt, and headless machines
without a clipboard tool get a clear error instead of a traceback.
"""

from __future__ import annotations


class ClipboardError(Exception):
    """The text could not be put on the clipboard (no clipboard tool, no display)."""


def copy_text(text: str) -> None:
    import pyperclip

    try:
        pyperclip.copy(text)
    except pyperclip.PyperclipException as exc:
        raise ClipboardError(f"no clipboard available ({str(exc).splitlines()[0]})") from None


def paste_text() -> str:
    import pyperclip

    try:
        return str(pyperclip.paste())
    except pyperclip.PyperclipException as exc:
        raise ClipboardError(f"no clipboard available ({str(exc).splitlines()[0]})") from None
