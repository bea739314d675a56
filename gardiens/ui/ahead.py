"""Work done ahead in frames that draw nothing, so the frame a tap opens is not the one that pays."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame

if TYPE_CHECKING:
    from gardiens.core.model import Puzzle
    from gardiens.ui.app import App


class Ahead:
    """One job per quiet frame: synthesise the interface sounds, then, during the game, set up and
    draw each open puzzle's screen off screen once (its pictures rasterised, its texts wrapped and
    rendered into the caches) before a team taps its tile."""

    def __init__(self, app: App) -> None:
        self.app = app
        self._jobs: deque[Callable[[], None]] = deque()
        self._planned: tuple[Any, ...] | None = None
        self._prepared: set[tuple[Any, ...]] = set()
        self._scratch: pygame.Surface | None = None

    def step(self) -> None:
        plan = self._plan_key()
        if plan != self._planned:
            self._planned = plan
            self._jobs = deque(self._plan())
        if self._jobs:
            self._jobs.popleft()()

    def _plan_key(self) -> tuple[Any, ...]:
        # Cheap on purpose, as it is read in every quiet frame: not the session state (recomputed
        # on each read) but the screens shown, which change with every command a team sends.
        app = self.app
        return (tuple(id(s) for s in app.stack), app.size, app.settings, app.translator.language)

    def _plan(self) -> list[Callable[[], None]]:
        app = self.app
        jobs: list[Callable[[], None]] = []
        if app.sounds is not None:
            jobs += [lambda name=name: self._sound(name) for name in app.sounds.unprepared()]
        mission = app.mission
        from gardiens.core.session import Lifecycle, PuzzleState

        # On the map, and on any screen of the game a team lingers on (a puzzle, its feedback):
        # the puzzles open now are the ones a tap may show next.
        if mission is not None and app.state.lifecycle is Lifecycle.PLAYING:
            puzzles = app.state.puzzles
            for puzzle in mission.puzzles:
                progress = puzzles.get(puzzle.id)
                if progress is not None and progress.state is PuzzleState.AVAILABLE:
                    key = (puzzle.id, app.size, app.settings, app.language)
                    if key not in self._prepared:
                        jobs.append(lambda p=puzzle, k=key: self._puzzle(p, k))
        return jobs

    def _sound(self, name: str) -> None:
        if self.app.sounds is not None:
            self.app.sounds.prepare(name)

    def _puzzle(self, puzzle: Puzzle, key: tuple[Any, ...]) -> None:
        from gardiens.ui.screens.play import PuzzleScreen

        self._prepared.add(key)
        app = self.app
        if self._scratch is None or self._scratch.get_size() != app.size:
            self._scratch = pygame.Surface(app.size)
        screen = PuzzleScreen(app, puzzle)
        screen.layout()
        report = app.type.report
        screen.draw(self._scratch)
        # The layout check of the frame on screen is not the place for a screen not shown.
        app.type.report = report
