"""PyInstaller's own PySide6 hook, without the software OpenGL renderer on Windows.

``opengl32sw.dll`` (about 20 MB) is Mesa's llvmpipe, a fallback for QOpenGLWidget
and Qt Quick on machines without GPU drivers; a QtWidgets app never loads it.
ANGLE and ICU DLLs, when a wheel has them, are still collected. On Linux and
macOS the built-in hook collects no extra binaries, so this changes nothing there.
See hook-PySide6.QtGui.py for why trimming happens in hooks.
"""

from pathlib import PurePath

from PyInstaller.utils.hooks import check_requirement
from PyInstaller.utils.hooks.qt import ensure_single_qt_bindings_package, pyside6_library_info

ensure_single_qt_bindings_package("PySide6")

if pyside6_library_info.version is not None:
    hiddenimports = ["shiboken6", "inspect"]
    if check_requirement("PySide6 >= 6.4.0"):
        hiddenimports += ["PySide6.support.deprecated"]  # | and & on Qt enums (PyInstaller #7249)
    binaries = [
        (src, dest)
        for src, dest in pyside6_library_info.collect_extra_binaries()
        if PurePath(src).name.lower() != "opengl32sw.dll"
    ]
