"""PyInstaller's own QtNetwork hook, minus the network-information plugins.

The app uses QtNetwork only for its single-instance QLocalServer; the
networkinformation plugins (NetworkManager, connman, glib) are never loaded.
TLS backends stay: they are small and any future HTTPS from Qt needs them.
See hook-PySide6.QtGui.py for why trimming happens in a hook.
"""

from pathlib import PurePath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies, pyside6_library_info

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries += pyside6_library_info.collect_qtnetwork_files()
binaries = [(src, dest) for src, dest in binaries if PurePath(dest).name != "networkinformation"]
