"""Story events during play: each trigger kind fires once, is journaled, and replays on resume."""

from __future__ import annotations

from typing import Any

import pytest

from gardiens.core.checkers import solution
from gardiens.core.clock import ManualClock
from gardiens.core.commands import Choose, Confirm, Refusal, Skip, Start, StartSetup, Submit, Tick
from gardiens.core.journal import Journal
from gardiens.core.model import Mission
from gardiens.core.session import Lifecycle, PuzzleState, Session
from tests.core.sample import sample_data

# The sample mission lasts 20 minutes for the 9-12.
DURATION = 20 * 60


def mission_with(*events: dict[str, Any]) -> Mission:
    data = sample_data()
    data["events"] = list(events)
    return Mission.model_validate(data)


def playing(mission: Mission, journal: Journal | None = None) -> tuple[Session, ManualClock]:
    clock = ManualClock(1000.0)
    session = Session({mission.id: mission}, journal or Journal.memory(), clock)
    assert session.handle(StartSetup()).ok
    assert session.handle(Choose(mission=mission.id, age="9-12", language="fr")).ok
    assert session.handle(Confirm()).ok
    assert session.handle(Start()).ok
    return session, clock


def solve(session: Session, puzzle_id: str) -> None:
    mission = session.mission
    assert mission is not None
    answer = solution(mission.puzzle(puzzle_id), session.rewards_values())
    assert session.handle(Submit(puzzle_id, answer)).verdict.correct  # type: ignore[union-attr]


def told(session: Session) -> list[int]:
    return [int(e.data["event"]) for e in session.events() if e.kind == "story_told"]


def test_after_solved_fires_with_the_nth_puzzle_and_only_once() -> None:
    # GIVEN a mission whose story moves after two puzzles solved
    session, _ = playing(mission_with({"after_solved": 2, "speaker": "adversary", "text": "Ha !"}))
    # WHEN the team solves one, then two, then three puzzles
    solve(session, "qcm")
    assert session.state.told == ()
    solve(session, "vf")
    # THEN the event is told with the second one, in the same batch, and never again
    assert session.state.told == (0,)
    kinds = [e.kind for e in session.events()]
    assert kinds[-2:] == ["answer_submitted", "story_told"]
    solve(session, "ordre")
    assert told(session) == [0]


def test_a_skipped_puzzle_counts_as_done() -> None:
    session, _ = playing(mission_with({"after_solved": 1, "speaker": "lumi", "text": "Bien !"}))
    assert session.handle(Skip("qcm")).ok
    assert session.state.told == (0,)


def test_on_solved_fires_when_that_puzzle_is_solved() -> None:
    session, _ = playing(mission_with({"on_solved": "vf", "speaker": "lumi", "text": "Bravo."}))
    solve(session, "qcm")
    solve(session, "ordre")
    assert session.state.told == ()
    solve(session, "vf")
    assert session.state.told == (0,)


def test_time_left_fires_on_the_tick_that_passes_it_once() -> None:
    session, clock = playing(mission_with({"time_left": 300, "speaker": "adversary", "text": "Vite !"}))
    clock.advance(DURATION - 301)
    assert session.handle(Tick()).reason is Refusal.NOTHING_TO_DO
    clock.advance(2)
    assert session.handle(Tick()).ok
    assert session.state.told == (0,)
    clock.advance(5)
    assert session.handle(Tick()).reason is Refusal.NOTHING_TO_DO
    assert told(session) == [0]


def test_an_event_opens_a_puzzle_whose_requires_are_not_met() -> None:
    # "mot" waits for "boites"; the story opens it after the first puzzle.
    session, _ = playing(
        mission_with({"after_solved": 1, "speaker": "lumi", "text": "Regardez !", "opens": "mot"})
    )
    assert session.state.puzzles["mot"].state is PuzzleState.LOCKED
    solve(session, "qcm")
    assert session.state.puzzles["mot"].state is PuzzleState.AVAILABLE
    assert session.state.puzzles["boites"].state is PuzzleState.AVAILABLE


def test_no_event_once_the_mission_is_over() -> None:
    session, _ = playing(mission_with({"on_solved": "final", "speaker": "lumi", "text": "Fini."}))
    for pid in ("qcm", "vf", "ordre", "final"):
        solve(session, pid)
    assert session.state.lifecycle is Lifecycle.DEBRIEF
    assert session.state.told == ()


def test_told_events_replay_after_a_restart_and_do_not_fire_again(tmp_path: Any) -> None:
    mission = mission_with(
        {"after_solved": 1, "speaker": "adversary", "text": "Ha !", "opens": "mot"},
        {"time_left": 300, "speaker": "lumi", "text": "Vite !"},
    )
    journal = Journal.open(tmp_path)
    session, clock = playing(mission, journal)
    solve(session, "qcm")
    before = session.state
    journal.close()

    later = ManualClock(clock.now() + 600)
    again = Session({mission.id: mission}, Journal.open(tmp_path), later)
    assert again.state.told == (0,) == before.told
    assert again.state.puzzles["mot"].state is PuzzleState.AVAILABLE
    solve(again, "vf")
    later.advance(DURATION)
    again.handle(Tick())
    assert told(again) == [0]


def test_a_journal_without_story_events_still_loads(tmp_path: Any) -> None:
    plain = Mission.model_validate(sample_data())
    journal = Journal.open(tmp_path)
    session, clock = playing(plain, journal)
    solve(session, "qcm")
    journal.close()
    # The same mission, now with an event: the earlier game resumes as it was.
    mission = mission_with({"after_solved": 1, "speaker": "lumi", "text": "Bien."})
    again = Session({mission.id: mission}, Journal.open(tmp_path), ManualClock(clock.now()))
    assert again.state.lifecycle is Lifecycle.PLAYING
    assert again.state.puzzles["qcm"].state is PuzzleState.SOLVED


@pytest.mark.parametrize(
    "event",
    [
        {"speaker": "lumi", "text": "Sans déclencheur."},
        {"after_solved": 1, "time_left": 60, "speaker": "lumi", "text": "Deux déclencheurs."},
    ],
)
def test_an_event_needs_exactly_one_trigger(event: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="one trigger"):
        mission_with(event)
