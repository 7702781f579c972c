"""PyInstaller's own QtCore hook, keeping Qt's translations only for the app's languages.

Qt ships ``qtbase_*.qm`` for about 30 languages (7 MB); the app is Chinese with an
English fallback, so only those are bundled. See hook-PySide6.QtGui.py for why
trimming happens in hooks.
"""

from pathlib import PurePath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

LANGUAGES = ("zh_CN", "zh_TW", "en")


def _keep(src: str) -> bool:
    path = PurePath(src)
    return path.suffix != ".qm" or path.stem.endswith(tuple(f"_{lang}" for lang in LANGUAGES))


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
datas = [(src, dest) for src, dest in datas if _keep(src)]
