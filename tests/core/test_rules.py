"""Game rules of the core: when a team looks stuck, which badge it earns, the day's housekeeping."""

from __future__ import annotations

import os
import random
from dataclasses import replace
from pathlib import Path

from gardiens.core import checkers
from gardiens.core.attention import stuck_of
from gardiens.core.clock import ManualClock
from gardiens.core.commands import Abandon, Choose, Confirm, Reset, Start, StartSetup, Submit
from gardiens.core.debrief import Badge, badge_of
from gardiens.core.housekeeping import open_for_the_day
from gardiens.core.journal import Journal
from gardiens.core.kiosk import KioskSettings
from gardiens.core.records import DAY, SHEETS_DIR
from gardiens.core.session import Lifecycle, Outcome, Session
from tests.core.sample import sample_mission

MISSION = sample_mission()
SETTINGS = KioskSettings(stuck_seconds=300, stuck_wrong_attempts=3, retention_days=30)


def playing(journal: Journal | None = None, start: float = 1000.0) -> tuple[Session, ManualClock]:
    clock = ManualClock(start)
    session = Session({MISSION.id: MISSION}, journal or Journal.memory(), clock)
    assert session.handle(StartSetup()).ok
    assert session.handle(Choose(mission=MISSION.id, age="9-12", language="fr")).ok
    assert session.handle(Confirm()).ok and session.handle(Start()).ok
    return session, clock


def test_a_team_is_stuck_after_a_quiet_while_or_too_many_wrong_tries() -> None:
    session, clock = playing()
    clock.advance(299)
    assert not stuck_of(session.state, session.elapsed(), SETTINGS).flagged
    clock.advance(1)
    stuck = stuck_of(session.state, session.elapsed(), SETTINGS)
    assert stuck.slow and stuck.flagged and stuck.quiet_for == 300
    assert session.handle(Submit("qcm", ["a"])).ok
    assert not stuck_of(session.state, session.elapsed(), SETTINGS).flagged
    vf = MISSION.puzzle("vf")
    for _ in range(3):
        wrong = checkers.wrong_answer(vf, session.rewards_values(), random.Random(3))
        assert not session.handle(Submit("vf", wrong)).verdict.correct  # type: ignore[union-attr]
    stuck = stuck_of(session.state, session.elapsed(), SETTINGS)
    assert stuck.puzzles == ("vf",) and not stuck.slow


def test_no_team_is_stuck_outside_play() -> None:
    session, clock = playing()
    clock.advance(600)
    assert stuck_of(session.state, session.elapsed(), SETTINGS).slow
    assert session.handle(Abandon()).ok
    assert session.state.lifecycle is Lifecycle.DEBRIEF
    assert not stuck_of(session.state, session.elapsed(), SETTINGS).flagged


def test_the_badge_rewards_a_won_mission_played_with_few_hints() -> None:
    session, _clock = playing()
    assert session.handle(Abandon()).ok
    debrief = session.debrief()
    assert debrief is not None
    assert badge_of(debrief) is Badge.APPRENTICES
    won = replace(debrief, outcome=Outcome.WON)
    assert badge_of(replace(won, hints_used=0)) is Badge.GOLDEN_LIGHTHOUSE
    assert badge_of(replace(won, hints_used=1)) is Badge.GOLDEN_LIGHTHOUSE
    assert badge_of(replace(won, hints_used=2)) is Badge.KEEPERS
    assert badge_of(replace(debrief, outcome=Outcome.TIME_UP, hints_used=0)) is Badge.APPRENTICES
    assert [int(b) for b in Badge] == [1, 2, 3]  # its stars


def test_the_day_opens_by_purging_what_is_past_the_retention(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path)
    old, _clock = playing(journal, start=1000.0)
    assert old.handle(Abandon()).ok and old.handle(Reset()).ok
    recent, _ = playing(journal, start=1000.0 + 40 * DAY)
    assert recent.handle(Abandon()).ok
    sheets = tmp_path / SHEETS_DIR
    sheets.mkdir()
    (sheets / "old.html").write_text("<html>", encoding="utf-8")
    (sheets / "new.html").write_text("<html>", encoding="utf-8")
    os.utime(sheets / "old.html", (1000.0, 1000.0))
    os.utime(sheets / "new.html", (1000.0 + 40 * DAY, 1000.0 + 40 * DAY))
    now = 1000.0 + 41 * DAY
    assert open_for_the_day(journal, {MISSION.id: MISSION}, tmp_path, SETTINGS, now=now) == 1
    assert [s.session for s in journal.sessions()] == [recent.state.session_id]
    assert len(journal.result_sessions()) == 2  # the anonymous results of both stay
    assert [p.name for p in sheets.iterdir()] == ["new.html"]
    journal.close()


def test_the_debrief_of_an_ended_mission_is_folded_once_and_kept() -> None:
    session, clock = playing()
    assert session.handle(Submit("qcm", ["a"])).ok
    playing_debrief = session.debrief()
    clock.advance(60)
    later = session.debrief()
    assert playing_debrief is not None and later is not None
    assert later.elapsed == playing_debrief.elapsed + 60  # while playing, the clock runs
    assert session.handle(Abandon()).ok
    ended = session.debrief()
    clock.advance(60)
    assert session.debrief() is ended
    assert session.handle(Reset()).ok
    assert session.debrief() is None
