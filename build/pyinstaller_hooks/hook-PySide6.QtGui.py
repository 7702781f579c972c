"""PyInstaller's own QtGui hook, minus the Qt plugins cs-companion never loads.

Overrides the built-in hook (user hooks take priority; companion.spec passes this
folder as ``hookspath``). Trimming here, before PyInstaller resolves the plugins'
shared-library dependencies, also keeps out what only those plugins need (the GTK
theme plugin alone drags in GTK, cairo and pango). Kept: the desktop platforms
(xcb, wayland, windows, cocoa) plus offscreen for headless self-tests, input
methods (ibus/compose: Chinese IMEs), the portal theme, SVG/ICO icons.
"""

from pathlib import PurePath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

DROP = {
    "platforms": ("eglfs", "linuxfb", "minimal", "vnc", "vkkhrdisplay", "direct2d"),  # embedded/remote
    "platformthemes": ("gtk3",),  # xdgdesktopportal covers GNOME and KDE dialogs without GTK
    "imageformats": ("tiff", "webp", "icns", "tga", "wbmp", "pdf"),  # we ship PNG/SVG/ICO only
    "egldeviceintegrations": ("",),  # eglfs only (embedded boards)
    "generic": ("",),  # evdev/tuio input for embedded boards
}


def _keep(src: str, dest: str) -> bool:
    plugin_type = PurePath(dest).name
    names = DROP.get(plugin_type)
    return not names or not any(name in PurePath(src).name for name in names)


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(src, dest) for src, dest in binaries if _keep(src, dest)]
