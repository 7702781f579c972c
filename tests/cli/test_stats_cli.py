"""``cs-companion stats``: counts per script for a period, CSV, the unused scripts, and a shared folder."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from cs_companion.cli import main
from cs_companion.storage.paths import AppPaths
from cs_companion.storage.usage_stats import COPY, OVERRIDE, PASTE, UsageStatsStore, write_daily_csv

TODAY = date.today()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def stats(isolated_profile: Path) -> UsageStatsStore:
    store = UsageStatsStore(AppPaths.default().usage_stats_file)
    for _ in range(3):
        store.record("logistics.delay.first_reply", COPY, TODAY)
    store.record("logistics.delay.first_reply", OVERRIDE, TODAY)
    store.record("general.greeting.welcome", COPY, TODAY - timedelta(days=1))
    store.record("general.greeting.welcome", PASTE, TODAY - timedelta(days=1))
    store.record("payment.nudge.stage_1h", COPY, TODAY - timedelta(days=40))
    return store


def test_table_ranks_scripts_by_use_in_the_default_30_days(
    capsys: pytest.CaptureFixture[str], stats: UsageStatsStore
) -> None:
    code, out, _err = run(capsys, "stats")
    assert code == 0
    lines = out.splitlines()
    assert "2 scripts used; 4 copies, 1 pastes, 1 compliance overrides" in lines[0]
    assert lines[2].split()[:5] == ["3", "0", "1", "1", "logistics.delay.first_reply"]
    assert lines[3].split()[:5] == ["1", "1", "0", "1", "general.greeting.welcome"]
    assert "payment.nudge.stage_1h" not in out  # 40 days ago


def test_since_and_csv(capsys: pytest.CaptureFixture[str], stats: UsageStatsStore) -> None:
    code, out, _err = run(capsys, "stats", "--since", (TODAY - timedelta(days=60)).isoformat(), "--csv")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "date,agent,script_id,copies,pastes,overrides"
    assert lines[1] == f"{(TODAY - timedelta(days=40)).isoformat()},,payment.nudge.stage_1h,1,0,0"
    assert len(lines) == 4
    code, out, _err = run(capsys, "stats", "--since", "1d", "--csv")
    assert out.splitlines()[1:] == [f"{TODAY.isoformat()},,logistics.delay.first_reply,3,0,1"]


def test_unused_lists_library_scripts_never_used(capsys: pytest.CaptureFixture[str], stats: UsageStatsStore) -> None:
    code, out, err = run(capsys, "stats", "--unused")
    assert code == 0
    ids = {line.split()[0] for line in out.splitlines()}
    assert "logistics.delay.first_reply" not in ids and "general.greeting.welcome" not in ids
    assert "payment.nudge.stage_1h" in ids  # used only before the period
    assert f"{len(ids)} of " in err and "were never used since" in err


def test_bad_since_is_a_one_line_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "stats", "--since", "last tuesday")
    assert code == 2 and err.count("\n") == 1 and "not a date" in err


def test_folder_adds_up_every_agents_csv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for agent, copies in (("wang@pc1", 2), ("li@pc2", 5)):
        store = UsageStatsStore(tmp_path / agent / "usage_stats.json")
        for _ in range(copies):
            store.record("general.greeting.welcome", COPY, TODAY)
        write_daily_csv(tmp_path / "share", TODAY, store.rows(), agent)
    code, out, _err = run(capsys, "stats", "--folder", str(tmp_path / "share"))
    assert code == 0
    assert ", 2 agents: 1 scripts used; 7 copies" in out.splitlines()[0]
    code, _out, err = run(capsys, "stats", "--folder", str(tmp_path / "nowhere"))
    assert code == 1 and "no such folder" in err
