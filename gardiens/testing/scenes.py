"""Bring a kiosk to a named screen quickly, through the session's own commands, for pictures.

Used by `gardiens screenshot`, the snapshot tests and the benchmark: the session is played
forward with right (and a few wrong) answers, then the screen is shown as a team would see it.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import TYPE_CHECKING

from gardiens.core import checkers
from gardiens.core.clock import ManualClock
from gardiens.core.commands import (
    AnswerCheck,
    Choose,
    Confirm,
    Pause,
    RequestHint,
    Start,
    StartSetup,
    Submit,
    Tick,
)
from gardiens.core.model import AgeBand, Puzzle
from gardiens.core.puzzles import kind_of
from gardiens.core.session import Lifecycle, PuzzleState, Session
from gardiens.ui.app import App
from gardiens.ui.screens.accessibility import AccessibilityPanel

if TYPE_CHECKING:
    from gardiens.testing.pilot import Pilot

SCREENS: tuple[str, ...] = (
    "attract",
    "setup",
    "briefing",
    "map",
    "pause",
    "victory",
    "time_up",
    "debrief",
    "questions",
    "accessibility",
    "accessibility-more",
    "hints",
    "feedback",
    "success",
    "why",
    "story",
    "learning",
    "learning-after",
    "learning-answer",
)
# The screens of the learning check: only a mission that has one shows them.
CHECK_SCREENS: tuple[str, ...] = ("learning", "learning-after", "learning-answer")


class SceneError(LookupError):
    """The screen or puzzle asked for does not exist in this mission."""


def stage(app: App, clock: ManualClock, *, screen: str | None = None, puzzle: str | None = None,
          age: AgeBand | None = None, language: str | None = None) -> None:
    """Play the session forward until `screen` (or the puzzle `puzzle`) is on show.

    The hints and feedback pop-ups are those of `puzzle` if given, else of the first puzzle open
    (for a right answer's, « success », and its « Pourquoi ? » cards, « why », the first puzzle
    that explains its items, opened). « feedback » follows a wrong answer. « questions » is the
    debrief's pop-up of discussion questions, opened. « story » plays on until the mission's
    first story event fires, and shows it. « learning » is the learning check before the
    briefing, « learning-after » the same after the mission, « learning-answer » the right answer
    shown once a wrong one was given after; elsewhere the team answers the check right.
    """
    session = app.session
    if screen is not None and screen not in SCREENS:
        raise SceneError(f"unknown screen {screen!r}; choose among {', '.join(SCREENS)}")
    target = screen or "puzzle"
    if target == "attract":
        app.sync(force=True)
        return
    session.handle(StartSetup())
    if target == "setup":
        mission = next(iter(session.missions.values()))
        session.handle(Choose(mission=mission.id, language=language or mission.language))
        if age:
            session.handle(Choose(age=age))
        app.sync(force=True)
        return
    mission = next(iter(session.missions.values()))
    session.handle(Choose(mission=mission.id, age=age or mission.ages[0], language=language or mission.language))
    session.handle(Confirm())
    if target == "learning":
        if session.pending_check() is None:
            raise SceneError(f"mission {mission.id} has no learning check")
        app.sync(force=True)
        return
    _answer_checks(session)
    if target == "briefing":
        app.sync(force=True)
        return
    session.handle(Start())
    if puzzle is not None:
        if puzzle not in {p.id for p in mission.puzzles}:
            raise SceneError(f"mission {mission.id} has no puzzle {puzzle!r}")
        _open_up_to(session, clock, mission.puzzle(puzzle))
        if target == "puzzle":
            app.sync(force=True)
            from gardiens.ui.screens.play import PuzzleScreen

            app.push(PuzzleScreen(app, mission.puzzle(puzzle)))
            return
    if target in ("map", "accessibility", "accessibility-more"):
        _solve_some(session, clock, 2)
        app.sync(force=True)
        if target != "map":
            app.open_accessibility()
        if target == "accessibility-more" and isinstance(app.top, AccessibilityPanel):
            # The panel's second page: motion and spacing.
            app.top.turn(2)
        return
    if target in ("hints", "feedback", "success", "why"):
        held = session.rewards_values()
        first = mission.puzzle(puzzle) if puzzle is not None else next(
            p for p in mission.puzzles if session.state.puzzles[p.id].state is PuzzleState.AVAILABLE)
        if puzzle is None and target in ("success", "why"):
            explained = [p for p in mission.puzzles if checkers.check(p, checkers.solution(p, held), held).details]
            if explained:
                first = explained[0]
                _open_up_to(session, clock, first)
                held = session.rewards_values()
        app.sync(force=True)
        from gardiens.ui.screens.play import FeedbackPanel, HintPanel, PuzzleScreen

        screen_ = PuzzleScreen(app, first)
        app.push(screen_)
        if target == "hints":
            app.command(RequestHint(first.id))
            app.command(RequestHint(first.id))
            app.push(HintPanel(app, first))
        else:
            answer = (checkers.wrong_answer(first, held, _rng()) if target == "feedback"
                      else checkers.solution(first, held))
            reply = app.command(Submit(first.id, answer), hold=True)
            if reply.verdict is not None:
                feedback = FeedbackPanel(app, first, reply.verdict, [])
                app.push(feedback)
                if target == "why":
                    feedback.show_why()
        return
    if target == "story":
        _tell(session, clock)
        app.sync(force=True)
        from gardiens.ui.screens.story import StoryPanel

        app.push(StoryPanel(app, mission.events[session.state.told[0]]))
        return
    if target == "pause":
        _solve_some(session, clock, 1)
        session.handle(Pause())
        app.sync(force=True)
        return
    if target == "time_up":
        _solve_some(session, clock, 3)
        clock.advance(session.remaining() + 1)
        session.handle(Tick())
        app.sync(force=True)
        return
    _win(session, clock)
    if target in ("learning-after", "learning-answer"):
        _show_check_after(app, wrong=target == "learning-answer")
        return
    if target in ("debrief", "questions"):
        _answer_checks(session)
    app.sync(force=True)
    if target in ("debrief", "questions"):
        app.show_debrief()
    if target == "questions":
        from gardiens.ui.screens.ending import DebriefScreen

        debrief = app.top
        if not isinstance(debrief, DebriefScreen):
            raise SceneError("the debrief did not open")
        debrief.open_questions()


def _answer_checks(session: Session) -> None:
    """The learning check's questions asked now, answered right."""
    mission = session.mission
    asked = session.pending_check()
    while mission is not None and asked is not None:
        question = mission.learning_check[asked[1]]
        session.handle(AnswerCheck(question.id, question.right()))
        asked = session.pending_check()


def _show_check_after(app: App, *, wrong: bool) -> None:
    """The learning check after the mission; with `wrong`, a wrong answer given and the right one
    shown."""
    mission = app.session.mission
    if mission is None or app.session.pending_check() is None:
        raise SceneError("this mission has no learning check")
    app.sync(force=True)
    app.show_debrief()
    from gardiens.ui.screens.learning import LearningScreen

    screen = app.top
    if not isinstance(screen, LearningScreen):
        raise SceneError("the learning check did not open")
    if wrong:
        asked = screen.asked()
        assert asked is not None
        question = asked[1]
        screen.answer(question, next(c.id for c in question.choices if not c.correct))


def _rng() -> random.Random:
    return random.Random(7)


def _solve(session: Session, clock: ManualClock, puzzle: Puzzle, *, slips: int = 0, hints: int = 0) -> None:
    for _ in range(hints):
        clock.advance(25)
        session.handle(RequestHint(puzzle.id))
    for _ in range(slips):
        clock.advance(20)
        session.handle(Submit(puzzle.id, checkers.wrong_answer(puzzle, session.rewards_values(), _rng())))
    clock.advance(40)
    session.handle(Submit(puzzle.id, checkers.solution(puzzle, session.rewards_values())))


def _available(session: Session) -> list[Puzzle]:
    mission = session.mission
    assert mission is not None
    state = session.state
    held = session.rewards_values()
    ready = [p for p in mission.puzzles if state.puzzles[p.id].state is PuzzleState.AVAILABLE]
    ready.sort(key=lambda p: p.id == mission.goal or not all(r in held for r in kind_of(p).rewards_needed(p)))
    return ready


def _solve_some(session: Session, clock: ManualClock, count: int) -> None:
    for index in range(count):
        ready = [p for p in _available(session) if session.mission and p.id != session.mission.goal]
        if not ready:
            return
        _solve(session, clock, ready[0], slips=index % 2, hints=1 if index == 1 else 0)


def _open_up_to(session: Session, clock: ManualClock, target: Puzzle) -> None:
    for _ in range(40):
        if session.state.puzzles[target.id].state is PuzzleState.AVAILABLE:
            return
        ready = [p for p in _available(session) if p.id != target.id]
        if not ready:
            return
        _solve(session, clock, ready[0])


def _tell(session: Session, clock: ManualClock) -> None:
    """Play on until the first story event fires: puzzles solved, or the countdown run down."""
    mission = session.mission
    assert mission is not None
    if not mission.events:
        raise SceneError(f"mission {mission.id} has no story events")
    for _ in range(40):
        state = session.state
        if state.told or state.lifecycle is not Lifecycle.PLAYING:
            break
        pending = [e.time_left for e in mission.events if e.time_left is not None]
        ready = [p for p in _available(session) if p.id != mission.goal]
        if not ready and pending:
            clock.advance(max(1.0, session.remaining() - max(pending) + 1))
            session.handle(Tick())
        elif ready:
            _solve(session, clock, ready[0])
        else:
            break
    if not session.state.told:
        raise SceneError(f"no story event of mission {mission.id} fires before its end")


def _win(session: Session, clock: ManualClock) -> None:
    for index in range(60):
        if session.state.lifecycle is not Lifecycle.PLAYING:
            return
        ready = _available(session)
        if not ready:
            return
        _solve(session, clock, ready[0], slips=1 if index % 3 == 1 else 0, hints=1 if index % 4 == 2 else 0)


# The facilitator's screens, shown over a game in progress on a kiosk with its attendant.
KIOSK_SCREENS: tuple[str, ...] = ("pin", "panel", "visit", "idle", "journal", "journal-unopened")


def stage_kiosk(pilot: Pilot, screen: str, data_dir: Path, *, language: str | None = None,
                pin: str | None = None) -> None:
    """Show the PIN pad, the facilitator's panel, the idle prompt or the notice of a full disk
    over a game on the map.

    A kiosk attendant is attached to the pilot's App with the PIN already kept in `data_dir`
    (`pin`), else a throwaway one set there (hashing it on purpose takes a tenth of a second).
    """
    from gardiens.core.facilitator import set_pin
    from gardiens.core.kiosk import KioskSettings
    from gardiens.ui.desk.attendant import KioskAttendant

    if screen not in KIOSK_SCREENS:
        raise SceneError(f"unknown screen {screen!r}; choose among {', '.join(KIOSK_SCREENS)}")
    clock = pilot.clock
    if clock is None:
        raise SceneError("the facilitator's screens need a pilot with a hand-moved clock")
    if pin is None:
        pin = "".join(random.SystemRandom().choice("0123456789") for _ in range(6))
        set_pin(data_dir, pin)
    settings = KioskSettings()
    attendant = KioskAttendant(pilot.app, data_dir=data_dir, settings=settings)
    stage(pilot.app, clock, screen="map", language=language)
    attendant.last_input = clock.now()
    pilot.advance()
    if screen == "idle":
        pilot.wait(settings.idle_prompt_seconds + 5)
        return
    if screen == "journal":
        from gardiens.core.journal import Trouble

        pilot.app.session.journal.trouble = Trouble.FULL
        pilot.advance()
        return
    if screen == "journal-unopened":
        from gardiens.ui.desk.screens import JournalNotice

        pilot.app.push(JournalNotice(pilot.app, attendant, trouble=None, unopened=True))
        pilot.advance()
        return
    pilot.press("f12")
    if screen in ("panel", "visit"):
        for digit in pin:
            pilot.tap(f"key:{digit}")
        pilot.tap("ok")
    if screen == "visit":
        from gardiens.ui.desk.screens import VisitPad

        pilot.app.push(VisitPad(pilot.app, attendant, code="CM2-B-0607"))
