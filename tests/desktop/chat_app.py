"""A stand-in chat client for the desktop tests: a Tk window with one text box, in its own process.

Usage: python chat_app.py OUT_FILE [TITLE]. Writes the text box's content to OUT_FILE
(atomically) whenever it changes, and writes "" once at start so the test
knows the window is up. Tk, not Qt, so the paste crosses toolkits like it does
from our Qt window into 千牛 or a browser.
"""

from __future__ import annotations

import os
import sys
import tkinter as tk
from pathlib import Path


def main() -> None:
    out = Path(sys.argv[1])
    root = tk.Tk()
    root.title(sys.argv[2] if len(sys.argv) > 2 else "chat-under-test")
    root.geometry("500x300+20+20")
    text = tk.Text(root)
    text.pack(fill="both", expand=True)

    def save(_event: object = None) -> None:
        tmp = out.with_suffix(".tmp")
        tmp.write_text(text.get("1.0", "end-1c"), encoding="utf-8")
        os.replace(tmp, out)
        text.edit_modified(False)

    text.bind("<<Modified>>", save)
    text.focus_set()
    root.after(100, save)
    root.mainloop()


if __name__ == "__main__":
    main()
