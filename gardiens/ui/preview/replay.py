"""The preview's session moves: play on from a journal replayed on another version of the mission,
walk a fresh session into play, and open any puzzle by skipping the ones before it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from gardiens.authoring.watch import PUZZLE_EVENTS
from gardiens.core.commands import Choose, Confirm, Reset, Resume, Skip, Start, StartSetup
from gardiens.core.journal import Event, Journal
from gardiens.core.model import Mission
from gardiens.core.session import Lifecycle, PuzzleState, Session
from gardiens.ui.screens.play import PuzzleScreen

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Shell


def replay(app: Shell, folder: Path, events: list[Event], mission: Mission) -> None:
    """Play on from `events` replayed on `mission` (read from `folder`), in a fresh in-memory journal.

    The puzzle open on screen is opened again when it can still be played.
    """
    old = app.session
    open_puzzle = next((s.puzzle.id for s in reversed(app.stack) if isinstance(s, PuzzleScreen)), None)
    journal = Journal.memory()
    for event in events:
        journal.append(event.session, event.at, [(event.kind, event.data)])
    session = Session({mission.id: mission}, journal, old.clock, answers=old.answers)
    app.mission_dirs = {mission.id: folder}
    app.default_mission = mission.id
    app.assets.clear_images()
    app.replace_session(session)
    old.journal.close()
    if open_puzzle is not None:
        open_if_playable(app, open_puzzle)


def open_if_playable(app: Shell, puzzle_id: str) -> None:
    puzzle = app.available_puzzle(puzzle_id)
    if puzzle is not None:
        app.push(PuzzleScreen(app, puzzle))


def with_age(event: Event, age: str) -> Event:
    """`event` as if the team had chosen `age` in setup."""
    if event.kind != "chosen" or "age" not in event.data:
        return event
    return replace(event, data={**event.data, "age": age})


def jump(app: Shell, folder: Path, puzzle_id: str) -> None:
    """Open any puzzle: the game is started if needed and the puzzles before it are skipped.

    A puzzle already solved is played again: its own progress is forgotten.
    """
    walk_into_play(app)
    session = app.session
    mission = session.mission
    if mission is None or session.state.lifecycle is not Lifecycle.PLAYING:
        return
    progress = session.state.puzzles.get(puzzle_id)
    if progress is not None and progress.state in (PuzzleState.SOLVED, PuzzleState.SKIPPED):
        events = [e for e in session.events()
                  if not (e.kind in PUZZLE_EVENTS and e.data.get("puzzle") == puzzle_id)]
        replay(app, folder, events, mission)
        session = app.session
    for _ in range(len(mission.puzzles)):
        state = session.state
        if state.puzzles[puzzle_id].state is not PuzzleState.LOCKED:
            break
        ready = [p.id for p in mission.puzzles
                 if p.id != puzzle_id and state.puzzles[p.id].state is PuzzleState.AVAILABLE]
        if not ready:
            break
        session.handle(Skip(ready[0]))
    app.sync(force=True)
    open_if_playable(app, puzzle_id)


def walk_into_play(app: Shell) -> None:
    """Walk the session to play with what setup needs (the kiosk's language and age band)."""
    session = app.session
    lifecycle = session.state.lifecycle
    if lifecycle is Lifecycle.DEBRIEF:
        session.handle(Reset())
        lifecycle = session.state.lifecycle
    if lifecycle is Lifecycle.ATTRACT:
        session.handle(StartSetup())
    state = session.state
    if state.lifecycle is Lifecycle.SETUP:
        mission = session.missions.get(state.mission_id or "") or next(iter(session.missions.values()))
        offered = [mission.language, *mission.translations]
        language = state.language or (app.language if app.language in offered else mission.language)
        age = state.age or (app.default_age if app.default_age in mission.ages else mission.ages[0])
        session.handle(Choose(mission=mission.id, age=age, language=language))
        session.handle(Confirm())
    if session.state.lifecycle is Lifecycle.BRIEFING:
        session.handle(Start())
    if session.state.lifecycle is Lifecycle.PAUSED:
        session.handle(Resume())
