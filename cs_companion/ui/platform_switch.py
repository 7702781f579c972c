"""The platform switch: a small combo in the search row (淘宝/天猫, 京东, 拼多多, 抖音 and team platforms).

The current platform decides which scripts are listed, which variant of a body
is shown and the ``{{platform.…}}`` values; the agent changes it with the combo
or Ctrl+P (cycling), and the choice is kept in the settings.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from cs_companion.core.models import Library, Platform
from cs_companion.core.platforms import current_platform, next_platform

if TYPE_CHECKING:
    from cs_companion.ui.main_window import MainWindow


class PlatformSwitch(QComboBox):
    """Lists the library's platforms; ``picked`` reports a platform the agent chose (not one set by code).

    Signals:
        picked(str): the agent chose this platform id (combo or ``cycle``).
    """

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("platformSwitch")
        self.setToolTip(self.tr("当前平台：话术按平台显示 (Ctrl+P 切换)"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self._library = Library()
        self.activated.connect(lambda _index: self.picked.emit(self.current_id() or ""))

    def set_platforms(self, library: Library, wanted: str) -> Platform | None:
        """Fill the combo from ``library`` and select ``wanted`` (or the default); returns the selected one."""
        self._library = library
        chosen = current_platform(library, wanted)
        self.blockSignals(True)
        self.clear()
        for platform in library.platforms:
            self.addItem(platform.name, platform.id)
        if chosen is not None:
            self.setCurrentIndex(self.findData(chosen.id))
        self.blockSignals(False)
        self.setVisible(bool(library.platforms))
        return chosen

    def select(self, platform_id: str) -> Platform | None:
        """Select ``platform_id`` without reporting it as the agent's choice (settings applied by code)."""
        found = current_platform(self._library, platform_id)
        if found is not None:
            self.blockSignals(True)
            self.setCurrentIndex(self.findData(found.id))
            self.blockSignals(False)
        return found

    def current_id(self) -> str | None:
        data = self.currentData()
        return data if isinstance(data, str) else None

    def current_platform(self) -> Platform | None:
        return self._library.platform(self.current_id())

    def cycle(self) -> None:
        """Switch to the next platform (Ctrl+P) as if the agent had picked it in the combo."""
        following = next_platform(self._library, self.current_id())
        if following is not None:
            self.setCurrentIndex(self.findData(following.id))
            self.picked.emit(following.id)


def connect_platform(window: MainWindow) -> None:
    """The reply follows the search panel's platform; the agent's own switch is saved and announced."""
    window.search_panel.platform_changed.connect(window.reply_panel.set_platform)
    window.search_panel.platform_picked.connect(lambda platform_id: remember_platform(window, platform_id))


def remember_platform(window: MainWindow, platform_id: str) -> None:
    """Keep the agent's platform choice in the settings and say which platform is on now."""
    from cs_companion.ui import window_dialogs

    window_dialogs.save_settings(window, replace(window.settings, platform=platform_id))
    platform = window.loaded.library.platform(platform_id)
    name = platform.name if platform else platform_id
    window.flash(QCoreApplication.translate("PlatformSwitch", "已切换到 %1").replace("%1", name))
