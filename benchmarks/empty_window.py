"""The yardstick for start time: an empty PySide6 main window of our size, shown, then quit.

Prints "shown" when the window is shown, like ``CS_COMPANION_EXIT_AFTER_SHOW``.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(420, 720)
    window.show()
    QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
