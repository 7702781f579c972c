"""cs-companion: a docked quick-reply companion for e-commerce customer service.

The name, application id and version live here so the CLI, the window, the
PyInstaller spec and the installer all read them from one place.
"""

APP_NAME = "cs-companion"
APP_DISPLAY_NAME = "客服快捷回复助手"
APP_ID = "cs-companion"
ORGANIZATION = "cs-companion"
__version__ = "0.1.0"
