"""What the agent reads after a team-library update: the version and what changed, or why it failed.

Kept out of the window so the wording can be tested and translated on its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from cs_companion.sync.updates import UpdateResult

MAX_CHANGE_LINES = 6


def update_banner(result: UpdateResult, manual: bool) -> tuple[str, str, int] | None:
    """(text, level, timeout ms) for the banner, or None when nothing needs saying."""
    from cs_companion.sync.updates import UpdateStatus  # loaded with the first update, after the window shows

    info = result.info.describe()
    if result.status is UpdateStatus.UPDATED:
        changes = result.changes
        lines = changes.lines()
        shown = "\n".join(lines[:MAX_CHANGE_LINES])
        if len(lines) > MAX_CHANGE_LINES:
            shown += QCoreApplication.translate("UpdateMessages", "\n… 共 %n 条变化", None, len(lines))
        summary = QCoreApplication.translate("UpdateMessages", "新增 {0}、修改 {1}、删除 {2}").format(
            len(changes.added), len(changes.changed), len(changes.removed)
        )
        return (
            QCoreApplication.translate("UpdateMessages", "团队话术库已更新：") + f"{info}\n{summary}\n{shown}".rstrip(),
            "success",
            0,
        )
    if result.status is UpdateStatus.UNCHANGED:
        return (
            (QCoreApplication.translate("UpdateMessages", "团队话术库已是最新：") + info, "info", 4000)
            if manual
            else None
        )
    return (
        QCoreApplication.translate("UpdateMessages", "团队话术更新失败，继续使用当前话术库：") + result.reason,
        "error",
        0,
    )
