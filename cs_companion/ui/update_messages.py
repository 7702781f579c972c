"""What the agent reads after a team-library update: the version and what changed, or why it failed.

Kept out of the window so the wording can be tested and translated on its own.
Agents read plain words in the UI language: a failure says what it means for
them (they keep working on the cached library) and whom to ask. The technical
reason (URL, HTTP status, file:line:col) goes to the log, and team leads get it
from ``cs-companion validate``. Being offline is a quiet status, not an error.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from cs_companion.sync.updates import UpdateResult

log = logging.getLogger(__name__)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate (it looks for this name) and returns it; translated when shown.

    Our own, because PySide6 types its version as returning ``object``.
    """
    return text


MAX_CHANGE_LINES = 6
OFFLINE_TIMEOUT_MS = 5000
"""An automatic check that found no network: a blue note that goes away, the agent keeps working."""

# failure kind (FailureKind value) -> (plain Chinese source text, banner level)
FAILURE_TEXTS: dict[str, tuple[str, str]] = {
    "no_source": (
        QT_TRANSLATE_NOOP(
            "UpdateMessages", "还没有设置团队话术来源：在 设置 → 团队话术来源 填写组长给的地址或文件夹。"
        ),
        "info",
    ),
    "network": (
        QT_TRANSLATE_NOOP("UpdateMessages", "暂时连不上团队话术服务器，正在使用上次下载的团队话术，恢复后会自动更新。"),
        "info",
    ),
    "timeout": (
        QT_TRANSLATE_NOOP("UpdateMessages", "暂时连不上团队话术服务器，正在使用上次下载的团队话术，恢复后会自动更新。"),
        "info",
    ),
    "source": (
        QT_TRANSLATE_NOOP(
            "UpdateMessages", "团队话术来源无法使用，继续使用当前话术库。请检查 设置 → 团队话术来源，或联系组长。"
        ),
        "warning",
    ),
    "http": (
        QT_TRANSLATE_NOOP("UpdateMessages", "团队话术服务器拒绝了请求，继续使用当前话术库。请联系组长或IT。"),
        "warning",
    ),
    "too_large": (
        QT_TRANSLATE_NOOP("UpdateMessages", "团队话术没有下载完整，继续使用当前话术库，稍后会自动重试。"),
        "warning",
    ),
    "truncated": (
        QT_TRANSLATE_NOOP("UpdateMessages", "团队话术没有下载完整，继续使用当前话术库，稍后会自动重试。"),
        "warning",
    ),
    "unparsable": (
        QT_TRANSLATE_NOOP("UpdateMessages", "组长发布的团队话术有格式错误，继续使用当前话术库。请告诉组长。"),
        "warning",
    ),
    "invalid": (
        QT_TRANSLATE_NOOP("UpdateMessages", "组长发布的团队话术有格式错误，继续使用当前话术库。请告诉组长。"),
        "warning",
    ),
    "compliance": (
        QT_TRANSLATE_NOOP("UpdateMessages", "组长发布的团队话术没有通过合规检查，继续使用当前话术库。请告诉组长。"),
        "warning",
    ),
    "empty": (
        QT_TRANSLATE_NOOP("UpdateMessages", "组长发布的团队话术是空的，继续使用当前话术库。请告诉组长。"),
        "warning",
    ),
    "storage": (
        QT_TRANSLATE_NOOP("UpdateMessages", "无法保存团队话术（磁盘满了或没有权限），继续使用当前话术库。请联系IT。"),
        "error",
    ),
}
UNKNOWN_FAILURE = (QT_TRANSLATE_NOOP("UpdateMessages", "团队话术更新失败，继续使用当前话术库（详情见日志）。"), "error")


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
    return failure_banner(result, manual)


def failure_banner(result: UpdateResult, manual: bool) -> tuple[str, str, int]:
    """Plain words for the agent; the technical reason goes to the log."""
    kind = result.failure.value if result.failure is not None else ""
    log.warning("team update failed (%s): %s", kind or "unknown", result.reason)
    text, level = FAILURE_TEXTS.get(kind, UNKNOWN_FAILURE)
    timeout = OFFLINE_TIMEOUT_MS if level == "info" and not manual else 0
    return QCoreApplication.translate("UpdateMessages", text), level, timeout
