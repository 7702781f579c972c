"""Drives the real window through the main states and saves screenshots.

Run: ``QT_QPA_PLATFORM=offscreen python tools/screenshots.py [OUT_DIR]`` (needs a
CJK font such as Debian's fonts-noto-cjk). Uses a throw-away profile.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CS_COMPANION_HOME"] = tempfile.mkdtemp(prefix="cs-shots-")

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from cs_companion.storage.paths import AppPaths
from cs_companion.ui.app import build_main_window, create_application


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Chinese included (QTest.keyClicks only knows ASCII keys)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    window = build_main_window(AppPaths.default())
    window.resize(420, 760)
    window.show()
    QTest.qWaitForWindowExposed(window)

    def shot(name: str) -> None:
        QTest.qWait(100)  # let layouts settle (the compliance check and relayout run on the event loop)
        window.grab().save(str(out / name))
        print("saved", out / name)

    QTest.keyClicks(window.search, "wlyc")
    shot("search.png")
    QTest.keyClick(window.search, Qt.Key.Key_Return)
    QTest.keyClicks(app.focusWidget(), "4512987736102")
    QTest.keyClick(app.focusWidget(), Qt.Key.Key_Return)  # copies: the status bar says so
    shot("filled.png")
    window.preview.editor.moveCursor(window.preview.editor.textCursor().MoveOperation.End)
    type_text(window.preview.editor, "给个好评就返5元红包哦")
    shot("compliance.png")
    window.search.clear()
    type_text(window.search, "你好我买的杯子收到的时候碎了，箱子都压扁了")
    shot("pasted.png")


if __name__ == "__main__":
    main()
