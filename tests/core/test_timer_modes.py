"""The countdown's modes chosen at a launch: normal, relaxed (x1.5) or off (never times up)."""

from __future__ import annotations

import pytest

from gardiens.core.clock import ManualClock
from gardiens.core.commands import (
    Choose,
    Confirm,
    Launch,
    Start,
    StartSetup,
    Submit,
    Tick,
    TimerMode,
)
from gardiens.core.journal import Journal
from gardiens.core.session import Lifecycle, Outcome, Session, fold
from tests.core.sample import sample_mission
from tests.core.test_session import count_writes

MISSION = sample_mission()
NORMAL = 60.0 * MISSION.minutes("13-16")


def session_on(journal: Journal, clock: ManualClock) -> Session:
    return Session({MISSION.id: MISSION}, journal, clock)


def test_a_launch_journals_its_timer_mode_in_its_one_transaction() -> None:
    # GIVEN a kiosk on its attract screen
    session = session_on(Journal.memory(), ManualClock(1000))
    writes = count_writes(session.journal)
    # WHEN the facilitator launches a relaxed game
    assert session.handle(Launch(MISSION.id, "13-16", "fr", timer=TimerMode.RELAXED)).ok
    # THEN one write holds the launch and its mode, and the team starts it relaxed
    assert len(writes) == 1
    confirmed = [e for e in session.events() if e.kind == "setup_confirmed"]
    assert confirmed[0].data["timer"] == "relaxed"
    assert session.state.timer is TimerMode.RELAXED
    assert session.handle(Start()).ok
    assert session.state.time_limit == pytest.approx(1.5 * NORMAL)


def test_relaxed_deadline_is_one_and_a_half_times_the_missions() -> None:
    clock = ManualClock(1000)
    session = session_on(Journal.memory(), clock)
    session.handle(Launch(MISSION.id, "13-16", "fr", minutes=10, timer=TimerMode.RELAXED))
    session.handle(Start())
    assert session.remaining() == pytest.approx(900)
    # the normal deadline goes by and the game plays on...
    clock.advance(600 + 1)
    assert not session.handle(Tick()).ok
    assert session.state.lifecycle is Lifecycle.PLAYING
    # ... until one and a half times it
    clock.advance(300)
    assert session.handle(Tick()).ok
    assert session.state.outcome is Outcome.TIME_UP


def test_with_the_timer_off_time_is_never_up_and_the_time_taken_is_kept() -> None:
    clock = ManualClock(1000)
    session = session_on(Journal.memory(), clock)
    session.handle(Launch(MISSION.id, "13-16", "fr", timer=TimerMode.OFF))
    session.handle(Start())
    clock.advance(10 * NORMAL)
    assert not session.handle(Tick()).ok
    assert "story_told" not in [e.kind for e in session.events()]
    assert session.handle(Submit("qcm", ["a"])).ok
    assert session.state.lifecycle is Lifecycle.PLAYING
    assert session.elapsed() == pytest.approx(10 * NORMAL)
    debrief = session.debrief()
    assert debrief is not None and debrief.timer is TimerMode.OFF
    assert debrief.as_dict()["timer"] == "off"
    assert debrief.elapsed == pytest.approx(10 * NORMAL)


def test_a_team_chooses_its_timer_at_the_setup() -> None:
    session = session_on(Journal.memory(), ManualClock(1000))
    session.handle(StartSetup())
    assert session.handle(Choose(mission=MISSION.id, age="13-16", language="fr")).ok
    assert session.state.timer is TimerMode.NORMAL
    assert session.handle(Choose(timer=TimerMode.OFF)).ok
    session.handle(Confirm())
    session.handle(Start())
    started = [e for e in session.events() if e.kind == "mission_started"]
    assert started[0].data["timer"] == "off"
    assert fold({MISSION.id: MISSION}, session.events()).timer is TimerMode.OFF


@pytest.mark.parametrize("mode", list(TimerMode))
def test_the_mode_is_restored_after_the_kiosk_is_killed(tmp_path, mode: TimerMode) -> None:
    # GIVEN a game started in a mode, with an answer 100 s in
    clock = ManualClock(5000)
    journal = Journal.open(tmp_path)
    session = session_on(journal, clock)
    session.handle(Launch(MISSION.id, "13-16", "fr", timer=mode))
    session.handle(Start())
    clock.advance(100)
    session.handle(Submit("qcm", ["b"]))
    remaining = session.remaining()
    journal.close()
    # WHEN the kiosk starts again an hour later
    later = ManualClock(clock.now() + 3600)
    again = session_on(Journal.open(tmp_path), later)
    # THEN the game goes on in the same mode, with the same time left
    assert again.state.timer is mode
    assert again.remaining() == pytest.approx(remaining)
    assert again.state.time_limit == pytest.approx(NORMAL * mode.factor)


def test_a_journal_written_before_modes_reads_as_normal() -> None:
    clock = ManualClock(1000)
    journal = Journal.memory()
    rows = [("setup_started", {}), ("chosen", {"mission": MISSION.id, "age": "9-12",
             "language": "fr", "team": "x"}), ("setup_confirmed", {}),
            ("mission_started", {"time_limit": 600.0})]
    journal.append("old", clock.now(), rows)
    state = fold({MISSION.id: MISSION}, journal.events("old"))
    assert state.timer is TimerMode.NORMAL and state.time_limit == 600.0


def test_an_unknown_timer_mode_is_a_journal_this_release_cannot_read() -> None:
    journal = Journal.memory()
    journal.append("bad", 1.0, [("setup_started", {}), ("setup_confirmed", {"timer": "fast"})])
    with pytest.raises(ValueError, match="timer"):
        fold({MISSION.id: MISSION}, journal.events("bad"))


def test_on_the_briefing_the_team_can_still_change_the_timer_alone() -> None:
    # GIVEN a team on the briefing (a venue's kiosk asks for the timer there)
    session = session_on(Journal.memory(), ManualClock(1000))
    session.handle(StartSetup())
    session.handle(Choose(mission=MISSION.id, age="13-16", language="fr"))
    session.handle(Confirm())
    assert session.state.lifecycle is Lifecycle.BRIEFING
    # WHEN it turns the timer off, THEN the choice is journaled and the game starts with it
    assert session.handle(Choose(timer=TimerMode.OFF)).ok
    assert [e.data for e in session.events() if e.kind == "chosen"][-1] == {"timer": "off"}
    # AND nothing else can be chosen there any more
    assert not session.handle(Choose(age="9-12")).ok
    assert not session.handle(Choose(age="9-12", timer=TimerMode.RELAXED)).ok
    session.handle(Start())
    assert session.state.timer is TimerMode.OFF
    # AND once playing the timer is kept
    assert not session.handle(Choose(timer=TimerMode.NORMAL)).ok
