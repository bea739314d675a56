"""Work done ahead in frames that draw nothing, so the frame a tap opens is not the one that pays."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame

if TYPE_CHECKING:
    from gardiens.core.model import Puzzle
    from gardiens.ui.app import App


# A quiet frame stops starting new jobs once this much of it is spent (seconds).
FRAME_BUDGET = 0.004


class Ahead:
    """Small jobs in quiet frames, a few milliseconds' worth each frame: synthesise the interface sounds, then, during the game, set up and
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
        start = time.perf_counter()
        while self._jobs and time.perf_counter() - start < FRAME_BUDGET:
            self._jobs.popleft()()

    def _plan_key(self) -> tuple[Any, ...]:
        # Cheap on purpose, as it is read in every quiet frame: not the session state (recomputed
        # on each read) but the screens shown, which change with every command a team sends.
        app = self.app
        return (tuple(id(s) for s in app.stack), app.size, app.settings, app.translator.language)

    def _plan(self) -> list[Callable[[], None]]:
        app = self.app
        jobs: list[Callable[[], None]] = []
        sounds = app.sounds.unprepared() if app.sounds is not None else []
        # The touch sound first (every tap plays it), then the puzzles a tap may open, then the
        # other sounds: quiet frames are few while a team taps on, the likeliest work goes first.
        jobs += [lambda name=name: self._sound(name) for name in sounds[:1]]
        mission = app.mission
        from gardiens.core.session import Lifecycle, PuzzleState
        from gardiens.ui.screens.play import FeedbackPanel, MapScreen

        # On the map, and under a feedback panel that leads back to it, the puzzles open now are
        # the ones a tap may show next. A team working on a puzzle is left alone: the kiosk then
        # does nothing but wait, and the next puzzles are prepared once its feedback shows.
        if (mission is not None and app.state.lifecycle is Lifecycle.PLAYING
                and isinstance(app.top, (MapScreen, FeedbackPanel))):
            puzzles = app.state.puzzles
            for puzzle in mission.puzzles:
                progress = puzzles.get(puzzle.id)
                if progress is not None and progress.state is PuzzleState.AVAILABLE:
                    key = (puzzle.id, app.size, app.settings, app.language)
                    if key not in self._prepared:
                        jobs += self._puzzle_jobs(puzzle, key)
        jobs += [lambda name=name: self._sound(name) for name in sounds[1:]]
        return jobs

    def _sound(self, name: str) -> None:
        if self.app.sounds is not None:
            self.app.sounds.prepare(name)

    def _puzzle_jobs(self, puzzle: Puzzle, key: tuple[Any, ...]) -> list[Callable[[], None]]:
        """Two steps, so no quiet frame pays for a whole screen: set it up (its pictures are
        rasterised then), then draw it off screen (its texts wrapped and rendered)."""
        from gardiens.ui.screens.play import PuzzleScreen

        built: list[PuzzleScreen] = []

        def lay_out() -> None:
            screen = PuzzleScreen(self.app, puzzle)
            screen.layout()
            built.append(screen)

        def draw() -> None:
            self._prepared.add(key)
            app = self.app
            if not built:
                return
            if self._scratch is None or self._scratch.get_size() != app.size:
                self._scratch = pygame.Surface(app.size)
            report = app.type.report
            built[0].draw(self._scratch)
            # The layout check of the frame on screen is not the place for a screen not shown.
            app.type.report = report

        return [lay_out, draw]
