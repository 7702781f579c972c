"""Update failures in the agent's words: plain Chinese per failure kind, offline is quiet, details in the log."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtWidgets import QApplication

from cs_companion.sync.updates import FailureKind, UpdateResult, UpdateStatus
from cs_companion.ui.update_messages import FAILURE_TEXTS, update_banner

URL = "https://intranet.example/scripts/"


def failed(kind: FailureKind | None, reason: str) -> UpdateResult:
    return UpdateResult(UpdateStatus.FAILED, URL, reason, kind)


def has_latin(text: str) -> bool:
    """English words in the text ("IT", as Chinese offices say it, is fine)."""
    return any("a" <= ch.lower() <= "z" for ch in text.replace("IT", ""))


def test_every_failure_kind_has_plain_words(qapp: QApplication) -> None:
    assert {k.value for k in FailureKind} - {"unexpected"} == set(FAILURE_TEXTS)
    for kind in FailureKind:
        banner = update_banner(failed(kind, "cannot reach intranet.example: Connection refused"), manual=True)
        assert banner is not None
        text, level, _ = banner
        assert not has_latin(text), (kind, text)
        assert level in {"info", "warning", "error"}


def test_offline_is_a_quiet_note_and_the_reason_is_logged(qapp: QApplication, caplog: pytest.LogCaptureFixture) -> None:
    reason = "cannot reach intranet.example: [Errno 111] Connection refused"
    with caplog.at_level(logging.WARNING):
        banner = update_banner(failed(FailureKind.NETWORK, reason), manual=False)
    assert banner is not None
    text, level, timeout = banner
    assert level == "info" and 0 < timeout <= 10_000  # goes away by itself
    assert "Connection refused" not in text and "上次下载" in text
    assert any(reason in r.getMessage() for r in caplog.records)


def test_a_refused_push_is_not_red_and_names_no_file(qapp: QApplication) -> None:
    reason = "team.yaml:4:7: placeholder '{{order}}' has no field; add it under 'fields'"
    banner = update_banner(failed(FailureKind.INVALID, reason), manual=False)
    assert banner is not None
    text, level, timeout = banner
    assert level == "warning" and timeout == 0
    assert "team.yaml" not in text and "{{order}}" not in text and "组长" in text


def test_no_source_is_information(qapp: QApplication) -> None:
    banner = update_banner(failed(FailureKind.NO_SOURCE, "no team library source is set"), manual=True)
    assert banner is not None and banner[1] == "info"
