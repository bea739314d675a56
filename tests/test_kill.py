"""A kiosk killed (SIGKILL) anywhere in a playthrough resumes where the uninterrupted run was.

Twenty kills spread over two teams' playthroughs of a short mission, half after a delay and half
just after an event; then checks that the comparison sees a restore that is one command off, and
a journal that lost an event it had accepted.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from gardiens.core.journal import JOURNAL_FILE
from gardiens.core.library import load_library
from gardiens.testing.kill import (
    KillMoment,
    KillRunner,
    differences,
    killed_run,
    restore,
    state_differences,
)
from gardiens.ui.app import headless_environment

MISSION = "infox"
TEAMS = (11, 12)
KILLS = 20


@pytest.fixture(scope="module")
def runner() -> KillRunner:
    headless_environment()
    mission, file = load_library()[MISSION]
    return KillRunner({MISSION: mission}, {MISSION: file.parent})


def moment(runner: KillRunner, index: int) -> KillMoment:
    """Kills spread from the start of a playthrough to its end, by delay and by event in turn."""
    reference = runner.reference(MISSION, TEAMS[index % 2])
    share = (index + 0.5) / KILLS
    if index % 4 < 2:
        return KillMoment(events=max(1, round(share * len(reference.events))))
    return KillMoment(seconds=round(share * reference.seconds, 2))


@pytest.mark.parametrize("index", range(KILLS))
def test_a_killed_playthrough_resumes_as_the_uninterrupted_run(runner: KillRunner, index: int) -> None:
    killed, _ = runner.round(index + 1, MISSION, TEAMS[index % 2], moment(runner, index))
    assert killed.differences == ()
    assert killed.kept >= killed.accepted


def test_the_playthroughs_have_time_hints_and_wrong_answers_to_lose(runner: KillRunner) -> None:
    for team in TEAMS:
        final = runner.reference(MISSION, team).states
        last = final[max(final)]
        assert last["elapsed"] > 0
        assert sum(p["hints"] + p["attempts"] for p in last["puzzles"].values()) > 0


def test_a_restore_one_command_off_is_seen(runner: KillRunner) -> None:
    reference = runner.reference(MISSION, TEAMS[0])
    killed, restored = runner.round(1, MISSION, TEAMS[0], KillMoment(events=len(reference.events) // 2))
    assert killed.same
    counts = sorted(reference.states)
    later = counts[counts.index(killed.kept) + 1]
    assert state_differences(restored.state, reference.states[later])
    earlier = counts[counts.index(killed.kept) - 1]
    assert state_differences(restored.state, reference.states[earlier])


def test_a_journal_that_loses_an_accepted_event_is_seen(runner: KillRunner, tmp_path: Path) -> None:
    reference = runner.reference(MISSION, TEAMS[1])
    mission = runner.missions[MISSION]
    accepted = killed_run(mission, runner.dirs, TEAMS[1], tmp_path, KillMoment(events=len(reference.events) // 2))
    with sqlite3.connect(tmp_path / JOURNAL_FILE) as db:
        db.execute("DELETE FROM events WHERE rowid = (SELECT MAX(rowid) FROM events)")
    db.close()
    restored = restore({MISSION: mission}, tmp_path)
    found = differences(restored, reference, accepted)
    assert any("lost" in line for line in found)
