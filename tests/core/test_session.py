"""The session state machine: lifecycle, refusals, time, hints, and resumption from the journal."""

from __future__ import annotations

from typing import Any

import pytest

from gardiens.core.clock import ManualClock
from gardiens.core.commands import (
    Abandon,
    AddTime,
    Choose,
    Confirm,
    Launch,
    Pause,
    PushHint,
    Refusal,
    RequestHint,
    RerollTeam,
    Reset,
    Resume,
    Skip,
    Start,
    StartSetup,
    Submit,
    Tick,
)
from gardiens.core.journal import Journal
from gardiens.core.session import Lifecycle, Outcome, PuzzleState, Session
from tests.core.sample import sample_mission

MISSION = sample_mission()


def new_session(
    journal: Journal | None = None, start: float = 1000.0
) -> tuple[Session, ManualClock]:
    clock = ManualClock(start)
    return Session({MISSION.id: MISSION}, journal or Journal.memory(), clock), clock


def playing(age: str = "9-12") -> tuple[Session, ManualClock]:
    session, clock = new_session()
    assert session.handle(StartSetup()).ok
    assert session.handle(Choose(mission=MISSION.id, age=age, language="fr")).ok
    assert session.handle(Confirm()).ok
    assert session.handle(Start()).ok
    return session, clock


def test_lifecycle_from_attract_to_debrief_and_back() -> None:
    session, _clock = new_session()
    assert session.state.lifecycle is Lifecycle.ATTRACT
    session.handle(StartSetup())
    assert session.state.lifecycle is Lifecycle.SETUP
    assert session.state.team is not None
    session.handle(Choose(mission=MISSION.id, age="13-16", language="en"))
    session.handle(Confirm())
    assert session.state.lifecycle is Lifecycle.BRIEFING
    session.handle(Start())
    assert session.state.lifecycle is Lifecycle.PLAYING
    assert session.remaining() == 15 * 60
    assert session.handle(Pause()).ok and session.state.lifecycle is Lifecycle.PAUSED
    assert session.handle(Resume()).ok and session.state.lifecycle is Lifecycle.PLAYING
    assert session.handle(Abandon()).ok
    assert session.state.lifecycle is Lifecycle.DEBRIEF
    assert session.state.outcome is Outcome.ABANDONED
    assert session.handle(Reset()).ok
    assert session.state.lifecycle is Lifecycle.ATTRACT


def test_first_puzzles_open_and_others_stay_locked() -> None:
    session, _ = playing()
    states = {pid: p.state for pid, p in session.state.puzzles.items()}
    assert states["qcm"] is PuzzleState.AVAILABLE
    assert states["vf"] is PuzzleState.LOCKED
    assert session.handle(Submit("qcm", ["a"])).verdict.correct
    states = {pid: p.state for pid, p in session.state.puzzles.items()}
    assert states["qcm"] is PuzzleState.SOLVED
    assert {states[p] for p in ("vf", "ordre", "boites", "zones")} == {PuzzleState.AVAILABLE}
    assert session.state.rewards == ("d1",)


@pytest.mark.parametrize(
    "command",
    [
        lambda s: s.handle(Choose(age="9-12")),
        lambda s: s.handle(Confirm()),
        lambda s: s.handle(Submit("qcm", ["a"])),
        lambda s: s.handle(RequestHint("qcm")),
        lambda s: s.handle(Pause()),
        lambda s: s.handle(Resume()),
        lambda s: s.handle(AddTime(60)),
        lambda s: s.handle(Skip("qcm")),
        lambda s: s.handle(Abandon()),
        lambda s: s.handle(Reset()),
    ],
)
def test_commands_out_of_place_are_refused_and_change_nothing(command) -> None:
    session, _ = new_session()
    before = session.state
    reply = command(session)
    assert not reply.ok and reply.reason
    assert session.state == before
    assert session.journal.sessions() == []


def test_setup_refuses_what_the_mission_does_not_offer_and_free_text_names() -> None:
    session, _ = new_session()
    session.handle(StartSetup())
    before = session.state
    assert session.handle(Choose(mission="nope")).reason == "unknown_mission"
    assert session.handle(Choose(mission=MISSION.id, age="6-8")).reason == "age_band_not_offered"
    assert session.handle(Choose(mission=MISSION.id, language="de")).reason == "language_not_offered"
    assert session.handle(Choose(team="Léa et Tom")).reason == "team_must_be_generated"
    assert session.state == before
    assert session.handle(Confirm()).reason == "no_mission_chosen"
    old = session.state.team
    assert session.handle(RerollTeam()).ok and session.state.team != old


def test_locked_and_solved_puzzles_refuse_answers() -> None:
    session, _ = playing()
    assert session.handle(Submit("vf", {"s1": True, "s2": False})).reason == "puzzle_locked"
    session.handle(Submit("qcm", ["a"]))
    assert session.handle(Submit("qcm", ["a"])).reason == "puzzle_already_done"
    assert session.handle(Submit("nothing", "x")).reason == "unknown_puzzle"


def test_malformed_answer_is_refused_without_counting_an_attempt() -> None:
    session, _ = playing()
    assert session.handle(Submit("qcm", "🙂" * 10_000)).reason == "malformed_answer"
    assert session.state.puzzles["qcm"].attempts == 0


def test_wrong_answers_count_and_explain() -> None:
    session, _ = playing()
    reply = session.handle(Submit("qcm", ["b"]))
    assert reply.ok and not reply.verdict.correct
    assert [e.why for e in reply.verdict.details] == ["Les likes ne prouvent rien."]
    assert session.state.puzzles["qcm"].attempts == 1


def test_countdown_excludes_pauses_and_counts_added_time() -> None:
    session, clock = playing("13-16")
    clock.advance(100)
    assert session.remaining() == pytest.approx(800)
    session.handle(Pause())
    clock.advance(500)
    assert session.remaining() == pytest.approx(800)
    session.handle(Resume())
    session.handle(AddTime(120))
    clock.advance(20)
    assert session.remaining() == pytest.approx(900)


def test_time_up_ends_the_mission_and_refuses_late_answers() -> None:
    session, clock = playing("13-16")
    clock.advance(15 * 60 + 1)
    reply = session.handle(Submit("qcm", ["a"]))
    assert reply.reason == "time_is_up"
    assert session.state.lifecycle is Lifecycle.DEBRIEF
    assert session.state.outcome is Outcome.TIME_UP
    assert session.state.puzzles["qcm"].state is PuzzleState.AVAILABLE


def test_tick_records_time_up_once() -> None:
    session, clock = playing("13-16")
    assert not session.handle(Tick()).ok
    clock.advance(15 * 60)
    assert session.handle(Tick()).ok
    assert [e.kind for e in session.events()].count("mission_ended") == 1
    assert not session.handle(Tick()).ok


def test_hints_come_in_ladder_order_until_the_solution() -> None:
    session, _ = playing("9-12")
    hints = [session.handle(RequestHint("qcm")).hint for _ in range(3)]
    assert hints == ["petit indice", "gros indice", "solution"]
    assert session.handle(RequestHint("qcm")).reason == "no_more_hints"
    assert session.state.puzzles["qcm"].hints == 3


def test_older_band_has_its_own_shorter_ladder() -> None:
    session, _ = playing("13-16")
    assert session.hint_ladder("qcm") == ["indice", "solution"]


def test_hint_is_offered_after_wrong_attempts_or_time_stuck() -> None:
    session, clock = playing()
    assert not session.state.puzzles["qcm"].hint_offered
    session.handle(Submit("qcm", ["b"]))
    session.handle(Submit("qcm", ["b"]))
    assert session.state.puzzles["qcm"].hint_offered
    session.handle(RequestHint("qcm"))
    assert not session.state.puzzles["qcm"].hint_offered
    clock.advance(121)
    assert session.state.puzzles["qcm"].hint_offered


def test_hint_penalty_takes_time_off_the_countdown() -> None:
    data_mission = MISSION.model_copy(
        update={"hint_policy": MISSION.hint_policy.model_copy(update={"penalty_seconds": 30})}
    )
    clock = ManualClock(0)
    session = Session({MISSION.id: data_mission}, Journal.memory(), clock)
    session.handle(StartSetup())
    session.handle(Choose(mission=MISSION.id, age="13-16", language="fr"))
    session.handle(Confirm())
    session.handle(Start())
    session.handle(RequestHint("qcm"))
    assert session.remaining() == pytest.approx(15 * 60 - 30)
    session.handle(PushHint("qcm"))
    assert session.remaining() == pytest.approx(15 * 60 - 30)


def test_facilitator_pushes_hints_and_skips_a_broken_step() -> None:
    session, _ = playing()
    assert session.handle(PushHint("qcm", "Regarde qui a écrit le message.")).ok
    assert session.state.puzzles["qcm"].pushed == ("Regarde qui a écrit le message.",)
    assert session.handle(PushHint("qcm", "x" * 5000)).reason == "hint_text_length"
    assert session.handle(Skip("qcm")).ok
    assert session.state.puzzles["qcm"].state is PuzzleState.SKIPPED
    assert session.state.rewards == ("d1",)
    assert session.state.puzzles["vf"].state is PuzzleState.AVAILABLE


def test_skipping_the_goal_wins() -> None:
    session, _ = playing()
    for pid in ("qcm", "vf", "ordre"):
        session.handle(Skip(pid))
    session.handle(Skip("final"))
    assert session.state.outcome is Outcome.WON


def test_winning_by_solving_the_goal_and_debrief_from_events() -> None:
    session, clock = playing("9-12")
    session.handle(Submit("qcm", ["b"]))
    session.handle(Submit("qcm", ["b"]))
    session.handle(RequestHint("qcm"))
    session.handle(RequestHint("qcm"))
    session.handle(Submit("qcm", ["a"]))
    session.handle(Submit("vf", {"s1": True, "s2": False}))
    session.handle(Submit("ordre", ["lire", "verifier", "partager"]))
    session.handle(Submit("zones", ["date"]))
    session.handle(Submit("secret", "verifie"))
    clock.advance(60)
    reply = session.handle(Submit("final", "4072"))
    assert reply.verdict.correct
    assert session.state.outcome is Outcome.WON
    debrief = session.debrief()
    assert debrief.struggled == ("qcm",)
    assert debrief.hints_used == 2
    assert debrief.key_messages == ["Qui a publié ?", "Vérifiez."]
    assert debrief.elapsed == pytest.approx(60)
    assert [w for _, p, w in debrief.timeline if p == "qcm"] == [
        "wrong",
        "wrong",
        "hint_shown",
        "hint_shown",
        "solved",
    ]


def test_restart_resumes_exactly_and_downtime_is_not_counted(tmp_path) -> None:
    journal = Journal.open(tmp_path)
    session, clock = new_session(journal, start=5000)
    session.handle(StartSetup())
    session.handle(Choose(mission=MISSION.id, age="9-12", language="fr"))
    session.handle(Confirm())
    session.handle(Start())
    session.handle(Submit("qcm", ["b"]))
    session.handle(Submit("qcm", ["a"]))
    session.handle(RequestHint("vf"))
    clock.advance(200)
    session.handle(Submit("vf", {"s1": False, "s2": False}))
    before = session.state
    remaining = session.remaining()
    journal.close()

    later = ManualClock(clock.now() + 3600)
    again = Session({MISSION.id: MISSION}, Journal.open(tmp_path), later)
    assert again.state.puzzles == before.puzzles
    assert again.state.rewards == before.rewards
    assert again.state.team == before.team
    assert again.remaining() == pytest.approx(remaining)
    later.advance(10)
    assert again.remaining() == pytest.approx(remaining - 10)


def test_wrong_free_text_is_never_journaled(tmp_path) -> None:
    session, _ = playing()
    session.handle(Submit("qcm", ["a"]))
    session.handle(Submit("boites", {"agence": "fiable", "rumeur": "douteux"}))
    session.handle(Submit("mot", "Je m'appelle Léa Martin"))
    session.handle(Submit("mot", "like"))
    answers = [e.data.get("answer") for e in session.events() if e.kind == "answer_submitted"]
    assert answers[-2:] == [None, {"mistake": 0}]
    session.handle(Submit("motdepasse", "Lina2013"))
    session.handle(Submit("motdepasse", "Kayak-Nuage-47!"))
    assert "Léa" not in str([e.data for e in session.events()])
    assert "Lina2013" not in str([e.data for e in session.events()])
    assert "Kayak" not in str([e.data for e in session.events()])


def test_a_game_that_no_longer_fits_its_edited_mission_is_closed_not_crashed() -> None:
    journal = Journal.memory()
    session, clock = new_session(journal)
    session.handle(StartSetup())
    session.handle(Choose(mission=MISSION.id, age="9-12", language="fr"))
    session.handle(Confirm())
    session.handle(Start())
    session.handle(Submit("qcm", ["b"]))
    edited = MISSION.model_copy(update={"puzzles": [p for p in MISSION.puzzles if p.id != "qcm"]})
    again = Session({MISSION.id: edited}, journal, clock)
    assert again.state.lifecycle is Lifecycle.ATTRACT
    assert journal.last_open_session() is None
    assert again.handle(StartSetup()).ok


def test_tick_returns_the_time_up_event_and_version_grows() -> None:
    session, clock = playing("13-16")
    before = session.version
    clock.advance(15 * 60)
    reply = session.handle(Tick())
    assert [e.kind for e in reply.events] == ["mission_ended"]
    assert session.version == before + 1


def test_state_is_reused_within_a_second_and_follows_events() -> None:
    session, clock = playing()
    first = session.state
    assert session.state is first
    session.handle(Submit("qcm", ["b"]))
    assert session.state is not first
    assert session.state.puzzles["qcm"].attempts == 1
    again = session.state
    clock.advance(1.5)
    assert session.state is not again


def test_the_session_takes_commands_only_through_handle() -> None:
    methods = {name for name in vars(Session) if not name.startswith("_")}
    assert "handle" in methods
    assert not methods & {"submit", "start", "choose", "reset", "pause", "request_hint", "skip"}


def count_writes(journal: Journal) -> list[int]:
    """One item per call to `journal.append` from now on (one call, one transaction)."""
    writes: list[int] = []
    append = journal.append

    def counted(*args: Any, **kwargs: Any) -> Any:
        writes.append(1)
        return append(*args, **kwargs)

    journal.append = counted  # type: ignore[method-assign]
    return writes


def test_a_facilitator_launch_is_one_journal_transaction() -> None:
    for before in ("attract", "setup", "briefing", "briefing-other-age"):
        session, _clock = new_session()
        if before != "attract":
            session.handle(StartSetup())
            session.handle(Choose(mission=MISSION.id, age="9-12", language="fr"))
        if before.startswith("briefing"):
            session.handle(Confirm())
        writes = count_writes(session.journal)
        age = "13-16" if before == "briefing-other-age" else "9-12"
        reply = session.handle(Launch(MISSION.id, age, "fr", minutes=7))
        assert reply.ok, (before, reply.reason)
        assert len(writes) == 1, before
        state = session.state
        assert (state.lifecycle, state.age, state.time_limit) == (Lifecycle.BRIEFING, age, 420.0)
        assert state.team is not None and state.launched


def test_a_launched_mission_waits_on_its_briefing_for_the_team_to_start_it() -> None:
    # GIVEN a facilitator's launch with a 7-minute countdown
    session, clock = new_session()
    session.handle(Launch(MISSION.id, "9-12", "fr", minutes=7))
    # WHEN the team reads the story for a while, then taps « C'est parti ! »
    clock.advance(90)
    assert session.state.lifecycle is Lifecycle.BRIEFING and session.state.running_since is None
    assert session.handle(Start()).ok
    # THEN the countdown is the facilitator's, all of it left, and the launch is over
    state = session.state
    assert (state.lifecycle, state.time_limit) == (Lifecycle.PLAYING, 420.0)
    assert session.remaining() == 420.0 and not state.launched
    assert session.handle(Launch(MISSION.id, "9-12", "fr")).reason == Refusal.GAME_IN_PROGRESS
    assert [e.kind for e in session.events()] == [
        "setup_started", "chosen", "setup_confirmed", "mission_started"]


def test_a_team_briefing_keeps_the_missions_countdown() -> None:
    session, _clock = new_session()
    session.handle(StartSetup())
    session.handle(Choose(mission=MISSION.id, age="9-12", language="fr"))
    session.handle(Confirm())
    assert not session.state.launched
    session.handle(Start())
    assert session.state.time_limit == 60 * MISSION.minutes("9-12")


def test_a_launch_that_cannot_start_writes_nothing() -> None:
    session, _clock = new_session()
    assert session.handle(Launch("nope", "9-12", "fr")).reason == Refusal.UNKNOWN_MISSION
    assert session.handle(Launch(MISSION.id, "6-8", "fr")).reason == Refusal.AGE_BAND_NOT_OFFERED
    assert session.handle(Launch(MISSION.id, "9-12", "de")).reason == Refusal.LANGUAGE_NOT_OFFERED
    assert session.handle(Launch(MISSION.id, "9-12", "fr", 0)).reason == Refusal.DURATION_OUT_OF_RANGE
    assert session.events() == [] and session.state.lifecycle is Lifecycle.ATTRACT
