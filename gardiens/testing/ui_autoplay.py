"""Win a mission through the real interface with touches only: the answers come from the model,
every one of them is entered by tapping or dragging the widgets a team would use."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gardiens.core import checkers
from gardiens.core.autoplay import next_puzzle
from gardiens.core.clock import ManualClock
from gardiens.core.commands import Reset
from gardiens.core.journal import Journal
from gardiens.core.model import AgeBand, Mission, Puzzle
from gardiens.core.session import Lifecycle, PuzzleState, Session
from gardiens.i18n.missions import CatalogAnswers
from gardiens.testing.pilot import Pilot
from gardiens.ui.app import App, headless_environment
from gardiens.ui.puzzles.base import GestureError, PuzzleView

# Seconds of game time a team "thinks" before each puzzle, so the debrief timeline has a shape.
THINK_SECONDS = 20.0


class UiAutoplayError(RuntimeError):
    """The interface did not let the bot do what a team would do."""


def win_through_ui(
    mission_path: Path,
    *,
    age: AgeBand | None = None,
    language: str | None = None,
    data_dir: Path | None = None,
    seed: int = 0,
    size: tuple[int, int] = (1920, 1080),
) -> dict[str, Any]:
    """Play `mission_path` to a win by touch, from the attract screen to the debrief."""
    from gardiens.core.loader import load_mission

    headless_environment()
    result = load_mission(Path(mission_path))
    if result.mission is None:
        raise UiAutoplayError("\n".join(d.render() for d in result.diagnostics))
    mission = result.mission
    journal = Journal.open(data_dir) if data_dir is not None else Journal.memory()
    try:
        clock = ManualClock(time.time())
        session = Session({mission.id: mission}, journal, clock, rng=random.Random(seed),
                          answers=CatalogAnswers())
        if session.state.session_id is not None:
            session.handle(Reset())
        app = App(session, size=size, language=language or mission.language,
                  mission_dirs={mission.id: Path(mission_path).parent}, fixed_dt=1 / 60)
        pilot = Pilot(app, clock)
        try:
            summary = play_to_win(pilot, mission, age or mission.ages[0], language or mission.language)
        finally:
            pilot.close()
        summary["seed"] = seed
        return summary
    finally:
        journal.close()


def play_to_win(pilot: Pilot, mission: Mission, age: AgeBand, language: str,
                read: Callable[[], None] | None = None) -> dict[str, Any]:
    """Drive an open pilot from wherever the kiosk is to the debrief screen.

    `read`, when given, is called whenever a team would look at the screen before touching it
    (each screen, each puzzle, each feedback); by default the bot touches at once.
    """
    session = pilot.app.session
    look = read or (lambda: None)
    taps = 0
    screens: list[str] = []
    for _ in range(400):
        look()
        state = session.state
        if not screens or screens[-1] != pilot.screen:
            screens.append(pilot.screen)
        if pilot.screen == "learning":
            answer_check(pilot, mission)
        elif state.lifecycle is Lifecycle.ATTRACT:
            pilot.tap("start")
        elif state.lifecycle is Lifecycle.SETUP:
            if state.age != age:
                pilot.tap(f"age:{age}")
            elif state.language != language:
                pilot.tap(f"lang:{language}")
            else:
                pilot.tap("confirm")
        elif state.lifecycle is Lifecycle.BRIEFING:
            pilot.tap("start")
        elif state.lifecycle is Lifecycle.PAUSED:
            pilot.tap("resume")
        elif state.lifecycle is Lifecycle.PLAYING and pilot.screen == "story":
            pilot.tap("continue")
        elif state.lifecycle is Lifecycle.PLAYING:
            taps += solve_next(pilot, mission, look)
        elif pilot.has("debrief"):
            pilot.tap("debrief")
        else:
            break
        taps += 1
    pilot.settle()
    screens.append(pilot.screen)
    if session.state.lifecycle is not Lifecycle.DEBRIEF:
        raise UiAutoplayError(f"the mission did not end; stuck on {pilot.screen!r}")
    debrief = session.debrief()
    summary: dict[str, Any] = debrief.as_dict() if debrief else {"outcome": None}
    summary.update(session=session.state.session_id, taps=taps, frames=pilot.app.frames, screens=screens,
                   interface_errors=list(pilot.app.errors))
    return summary


def answer_check(pilot: Pilot, mission: Mission) -> None:
    """On the learning check: the right answer (a winning team learnt its lesson), then on."""
    if pilot.has("continue"):
        pilot.tap("continue")
        return
    asked = pilot.app.session.pending_check()
    if asked is None:
        raise UiAutoplayError("the learning check is shown with no question to ask")
    pilot.tap(f"check:{mission.learning_check[asked[1]].right()}")


def solve_next(pilot: Pilot, mission: Mission, read: Callable[[], None] = lambda: None) -> int:
    """Open the first available puzzle on the map and answer it right; returns the taps used."""
    session = pilot.app.session
    state = session.state
    ready = [p for p in mission.puzzles if state.puzzles[p.id].state is PuzzleState.AVAILABLE]
    held = session.rewards_values()
    puzzle = next_puzzle(ready, held)
    if pilot.clock is not None:
        pilot.clock.advance(THINK_SECONDS)
    pilot.tap(f"tile:{puzzle.id}")
    if pilot.screen != f"puzzle:{puzzle.id}":
        raise UiAutoplayError(f"tile {puzzle.id} did not open its puzzle (on {pilot.screen!r})")
    read()
    taps = 1 + enter_answer(pilot, puzzle, checkers.solution(session.played(puzzle.id), held))
    pilot.tap("submit")
    pilot.settle()
    if pilot.screen != "feedback":
        raise UiAutoplayError(f"no feedback after answering {puzzle.id} (on {pilot.screen!r})")
    if session.state.puzzles[puzzle.id].state is not PuzzleState.SOLVED:
        raise UiAutoplayError(f"the right answer to {puzzle.id} was not accepted")
    read()
    pilot.tap("continue")
    pilot.settle()
    return taps + 2


def enter_answer(pilot: Pilot, puzzle: Puzzle, answer: object) -> int:
    """Play the gestures the puzzle's view declares for `answer`; returns the gestures made."""
    view = getattr(pilot.app.top, "view", None)
    if not isinstance(view, PuzzleView) or view.puzzle.id != puzzle.id:
        raise UiAutoplayError(f"puzzle {puzzle.id} is not on screen (on {pilot.screen!r})")
    try:
        return view.enter(pilot, answer)
    except GestureError as error:
        raise UiAutoplayError(f"{puzzle.id}: {error}") from error
