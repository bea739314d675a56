"""Work done ahead, a slice at a time, so the frame a tap opens is not the one that pays.

A kiosk spends most of its frames waiting: on the attract screen, while a team reads, while a
panel slides. `Ahead` uses that time to get ready for what a tap may show next: the letters of
every text size loaded into the fonts, the interface sounds synthesised, and each puzzle a team
may open next set up off screen (its pictures read on a worker thread, its texts wrapped and
rendered into the caches). Every job is a generator that does about a millisecond of work
between two `yield`s, so a frame is never held up by more than one slice; a job says `HEAVY`
before a longer slice (laying out or drawing a whole screen), which then waits for a frame that
draws nothing.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable, Hashable, Iterator
from typing import TYPE_CHECKING, Any

import pygame

from gardiens.core import checkers
from gardiens.core.languages import language_data
from gardiens.core.learning import pending as next_question
from gardiens.core.pseudonym import KEYS_LANGUAGE, NAMES
from gardiens.core.session import Lifecycle, PuzzleState
from gardiens.i18n.format import format_duration
from gardiens.ui.bounded import release_heap, tune_heap
from gardiens.ui.puzzles.social import plain
from gardiens.ui.screens.ending import DebriefScreen, TimeUpScreen, VictoryScreen
from gardiens.ui.screens.learning import LearningScreen
from gardiens.ui.screens.lobby import BriefingScreen, SetupScreen
from gardiens.ui.screens.play import FeedbackPanel, MapScreen, PuzzleScreen, ready_puzzle
from gardiens.ui.screens.route import root_screen_for
from gardiens.ui.screens.scene import send_for_picture
from gardiens.ui.screens.story import draw_speakers
from gardiens.ui.text import SHRINK_STEP
from gardiens.ui.theme import TEXT_SIZES

if TYPE_CHECKING:
    from pathlib import Path

    from gardiens.core.model import Mission, Puzzle
    from gardiens.ui.kit.screen import Screen, Shell

log = logging.getLogger(__name__)

# A frame that draws nothing gives this much of itself to preparation (seconds).
QUIET_BUDGET = 0.006
# While an animation runs there is no quiet frame: each one is topped up to this much, a
# slice (about a millisecond) under the 4 ms a frame is allowed, as the last slice may overrun.
ANIMATION_FRAME_TARGET = 0.003
# What a job yields when it waits on the picture worker: nothing to do before a later frame.
WAIT = "wait"
# What a job yields when its next slice is long: it runs in a frame that draws nothing.
HEAVY = "heavy"
# The letters loaded into each font ahead: French and English text, digits and punctuation.
LETTERS = (
    "eaisnrtoludcmpévqfbghjàxèyêzçôùâûîœëïüÿkwæ"
    "EAISNRTOLUDCMPÉVQFBGHJÀXÈYÊZÇÔÙÂÛÎŒKW"
    "0123456789 ,.;:!?'’«»\"()-–—…/%+=#@\u202f\u00a0"
)
# Letters loaded at a time, until a slice has taken SLICE_SECONDS (large letters cost several
# times what small ones do: a fixed dozen took 2 to 4 ms at 1920×1080). A frame of an animation
# is topped up with slices to ANIMATION_FRAME_TARGET, its last slice ending past it: a slice of a
# millisecond or more put such frames over 4 ms.
LETTERS_AT_ONCE = 2
SLICE_SECONDS = 0.0005
# Seconds the attract screen has been waiting before memory is tidied (not while a team arrives).
TIDY_AFTER = 2.0
# Seconds without a touch, in a frame that draws nothing, before what a change of setting left in
# the caches goes and the heap's free pages go back to the system (once a pause: a team reading,
# not while it taps). What is still being prepared for the new setting is made anew, so it stays.
RELEASE_AFTER = 1.0
# Seconds after a change of setting by which its sweep comes even when the touches never pause
# (a storm of taps): in a frame that drew nothing, between two of them.
SWEEP_AT_LATEST = 5.0
# The moments when the mission's music is synthesised: chosen, briefed, or played (a restored session).
_MUSIC_NEEDED = frozenset({Lifecycle.SETUP, Lifecycle.BRIEFING, Lifecycle.PLAYING})
# Sizes from which only digits and capitals are loaded ahead (big numbers and headings).
LARGE = 90
# Text roles whose regular (not bold) face the screens use.
_REGULAR_ROLES = ("small", "body", "button", "subtitle")

Job = Iterator[object]


class Ahead:
    """Runs preparation jobs in the time frames leave over; see the module's description."""

    def __init__(self, app: Shell) -> None:
        self.app = app
        self._jobs: list[_Job] = []
        self._planned: tuple[Any, ...] | None = None
        self._prepared: set[tuple[Any, ...]] = set()
        # Those of them kept drawn for the tap that opens them (see `Frame.keep_ready`).
        self._kept_ready: set[tuple[Any, ...]] = set()
        self._loaded: dict[tuple[Any, ...], int] = {}
        self._formats: set[str] = set()
        self._tidied: object = ()
        self._names_read = False
        self._scratch: pygame.Surface | None = None
        # The setting (settings, language, window size) the caches were last marked for, whether
        # a mark waits for its sweep, and the last touch before the heap was last released.
        self._setting: tuple[Any, ...] | None = None
        self._marked = False
        self._marked_at = 0.0
        self._released: float | None = None
        # glibc's thresholds are fixed in the first slice of preparation (see `tune_heap`).
        self._tuned = False
        # Seconds spent preparing since the App opened (reported by `gardiens bench`).
        self.spent = 0.0

    @property
    def busy(self) -> bool:
        """Whether work is left for the screens shown now."""
        self._replan()
        return bool(self._jobs)

    def quiet_frame(self) -> None:
        """A frame that drew nothing prepares what a tap may show next; in a pause, it lets go
        of what is no longer used. First of all, the screen on top is kept for a pop-up a tap
        may open over it (`Frame.keep_top`): that takes the frame."""
        if self.app.frame.keep_top():
            return
        self.step(QUIET_BUDGET)
        self._release_when_idle()

    def animation_frame(self, started: float, ambient: bool) -> None:
        """No quiet frame comes while an animation runs: what the frame begun at `started`
        (`time.perf_counter()`) leaves of its share goes to preparation; a mood animation
        (`ambient`: the attract screen) gives as much as a quiet frame."""
        if ambient:
            self.step(QUIET_BUDGET)
            return
        spare = ANIMATION_FRAME_TARGET - (time.perf_counter() - started)
        if spare > 0:
            self.step(spare, False)

    def step(self, budget: float, quiet: bool = True) -> None:
        """Run slices of the pending jobs until `budget` seconds are spent or none can go on.

        Jobs go in the order planned (what the next tap is surest to open first): each slice is
        the first job's that can run. A job waiting on the worker is passed over until the next
        frame; in a frame that drew something (`quiet` false), slices announced as heavy are
        left for a later frame.
        """
        start = time.perf_counter()
        if not self._tuned:
            self._tuned = True
            tune_heap()
        self._replan()
        app = self.app
        report = app.type.report
        app.type.report = []
        jobs = self._jobs
        passed: set[_Job] = set()
        app.preparing = True
        try:
            while time.perf_counter() - start < budget:
                job = next((job for job in jobs if job not in passed), None)
                if job is None:
                    break
                if job.waits or (job.heavy and not quiet):
                    job.waits = False
                    passed.add(job)
                    continue
                try:
                    said = next(job.slices)
                except StopIteration:
                    jobs.remove(job)
                    continue
                except Exception:
                    # Preparing is optional: the screen will do the work itself when shown.
                    if app.strict:
                        raise
                    log.exception("could not prepare ahead")
                    jobs.remove(job)
                    continue
                job.heavy = said == HEAVY
                job.waits = said == WAIT
        finally:
            app.preparing = False
            app.type.report = report
            app.type.deferred = None
            app.assets.prefetch = None
            self.spent += time.perf_counter() - start

    def _replan(self) -> None:
        self._follow_setting()
        plan = self._plan_key()
        if plan != self._planned:
            self._planned = plan
            self._jobs = [_Job(slices) for slices in self._plan()]

    def _plan_key(self) -> tuple[Any, ...]:
        # Cheap on purpose, as it is read in every quiet frame: the screens shown and the number
        # of events the session recorded (a choice at setup changes it, not the screens), not
        # the session state itself; and how many screens kept drawn taps took.
        app = self.app
        return (tuple(id(s) for s in app.stack), app.session.version, app.size, app.settings,
                app.translator.language, app.frame.taken)

    def _plan(self) -> list[Job]:
        app = self.app
        jobs: list[Job] = []
        sounds = app.sounds.unprepared() if app.sounds is not None else []
        # Every sound first, from the kiosk's first frames on (the touch sound leads, as every tap
        # plays it; all of them take a few tens of milliseconds of slices): the victory's is never
        # made on the frame that plays it, whatever little time the team leaves in between. Then
        # the screens a tap may open, the letters of every text size, the music.
        jobs += [self._sound(name) for name in sounds]

        state = app.state
        # Once per wait on the attract screen: between two teams there is no session, so the
        # events recorded so far tell one wait from the next.
        visit = app.session.version
        if state.lifecycle is Lifecycle.ATTRACT and self._tidied != visit:
            jobs.append(self._tidy(visit))
        if state.lifecycle is Lifecycle.ATTRACT and not self._names_read:
            jobs.append(self._team_names())
        # Not while the kiosk waits for a team: what the paper and the copy under an overlay
        # cost (8 MB each at 1920×1080) is paid once, by the tap that brings a team in.
        if state.lifecycle is not Lifecycle.ATTRACT and not app.frame.canvases_ready():
            jobs.append(self._canvases())
        if app.language not in self._formats:
            jobs.append(self._locale_data(app.language))
        mission = app.mission
        # The map, once a team has chosen its mission: its scene's picture read (on the worker)
        # and its spots placed before « C'est parti ! » opens it.
        if mission is not None and state.lifecycle in (Lifecycle.SETUP, Lifecycle.BRIEFING):
            scene_key: tuple[Any, ...] = ("map", mission.id, app.size, app.settings, app.language)
            if scene_key not in self._prepared:
                # Its picture first, a light slice: the worker reads it even if the team taps
                # « C'est parti ! » before any frame is free for the rest.
                jobs.append(self._scene_picture(mission))
                jobs.append(self._screen(lambda: MapScreen(app), scene_key))
        # Under the feedback of a solve, the map's scene as the solve left it: ready for the tap
        # that closes the feedback, before the puzzles opened after it (the map itself stays,
        # laid out; only its scene changes).
        base = app.stack[0] if app.stack else None
        if (mission is not None and isinstance(base, MapScreen) and len(app.stack) > 1
                and isinstance(app.top, FeedbackPanel)):
            jobs.append(self._map_scene(base, mission))
        # While a team works on a puzzle: the feedback of a right answer, which « Valider » opens
        # (the feedback of a wrong one depends on the answer, and is not guessed).
        top = app.top
        if mission is not None and state.lifecycle is Lifecycle.PLAYING and isinstance(top, PuzzleScreen):
            progress = state.puzzles.get(top.puzzle.id)
            if progress is not None and progress.state is PuzzleState.AVAILABLE:
                earned = [reward.id for reward in top.puzzle.rewards if reward.id not in state.rewards]
                feedback: tuple[Any, ...] = ("feedback", top.puzzle.id, tuple(earned), app.size, app.settings,
                                             app.language)
                if feedback not in self._prepared:
                    jobs.append(self._right_feedback(top.puzzle, earned, feedback))
        # On the map, and under a feedback panel that leads back to it, the puzzles open now are
        # the ones a tap may show next; the next puzzles are prepared once a feedback shows.
        # Each is kept drawn for the tap on its tile (see `Frame.keep_ready`), made again after
        # that tap took it or whenever the session moves on.
        if (mission is not None and app.state.lifecycle is Lifecycle.PLAYING
                and isinstance(app.top, (MapScreen, FeedbackPanel))):
            puzzles = app.state.puzzles
            for puzzle in mission.puzzles:
                progress = puzzles.get(puzzle.id)
                if progress is not None and progress.state is PuzzleState.AVAILABLE:
                    key = (puzzle.id, app.session.version, app.size, app.settings, app.language)
                    if key in self._kept_ready and not app.frame.holds_ready(ready_puzzle(puzzle.id)):
                        self._prepared.discard(key)
                        self._kept_ready.discard(key)
                    if key not in self._prepared:
                        jobs.append(self._puzzle(puzzle, key))
        # The speakers of the story panels a solve may open.
        if mission is not None and state.lifecycle is Lifecycle.PLAYING and mission.events:
            speakers = ("speakers", app.size, app.settings)
            if speakers not in self._prepared:
                jobs.append(self._speakers(speakers))
        # Once the team has chosen, the learning check's first question, which « C'est parti ! »
        # asks before the briefing when the mission has one.
        if isinstance(top, SetupScreen) and self._asks_before():
            before = ("learning", id(app.stack[0]), app.session.version, app.size, app.settings, app.language)
            if before not in self._prepared:
                jobs.append(self._screen(lambda: LearningScreen(app, ahead_of="before"), before))
        upcoming = self._next_screen()
        if upcoming is not None:
            ahead = (upcoming, id(app.stack[0]), app.session.version, app.size, app.settings,
                     app.language)
            if ahead not in self._prepared:
                jobs.append(self._screen(lambda: upcoming(app), ahead))
        # Then the letters of every text size once a team is here (the attract screen needs
        # few): the screens above set the texts they show, the letters serve the rest. They
        # come after the screens, which a quick team's next tap opens (the letters took a
        # briefing's first seconds, and the map then opened unprepared).
        if state.lifecycle is not Lifecycle.ATTRACT:
            jobs += [self._letters(*face) for face in self._faces() if self._letters_left(*face)]
        # Last, the mission's music, once a team has chosen it: it starts when it is ready and
        # the map is silent until then; no frame waits for it.
        if mission is not None and app.music is not None and state.lifecycle in _MUSIC_NEEDED:
            jobs += [self._music(name) for name in app.music.unprepared(mission.theme)]
        return jobs

    def _follow_setting(self) -> None:
        """When the text size, font, contrast, spacing, language or window changes, everything
        the caches hold is marked: what the new setting does not use goes at the next pause."""
        app = self.app
        setting = (app.settings, app.language, app.size)
        if setting == self._setting:
            return
        if self._setting is not None:
            app.assets.mark()
            app.type.mark()
            app.frame.layers.mark()
            self._marked = True
            self._marked_at = app.time
        self._setting = setting

    def _release_when_idle(self) -> None:
        """Once a pause (no touch for `RELEASE_AFTER` seconds), and after a change of setting
        made without a touch (the facilitator's reset): after a change of setting, the
        entries neither the screens shown nor those prepared since used go (the screens are
        drawn off screen first, which uses theirs); then the heap's free pages go back to the
        system. A storm of settings otherwise fills every cache's budget with sizes, fonts,
        contrasts and languages no one will ask for again: when its touches never pause, the
        sweep comes `SWEEP_AT_LATEST` seconds after the change, between two of them."""
        app = self.app
        overdue = self._marked and app.time - self._marked_at >= SWEEP_AT_LATEST
        if not overdue and (app.time - app.last_input < RELEASE_AFTER
                            or (self._released == app.last_input and not self._marked)):
            return
        self._released = app.last_input
        if self._marked:
            self._marked = False
            report = app.type.report
            app.preparing = True
            try:
                scratch = self._scratch_surface()
                for screen in app.stack:
                    screen.draw(scratch)
            finally:
                app.preparing = False
                app.type.report = report
            app.assets.sweep()
            app.type.sweep()
            app.frame.layers.sweep()
            self._loaded = {key: done for key, done in self._loaded.items()
                            if app.assets.font_open(key[0], key[2], key[1])}
        release_heap()

    def _faces(self) -> list[tuple[bool, int]]:
        """(bold, size) of every text role and of the sizes it shrinks to when a box is tight."""
        app = self.app
        faces: list[tuple[bool, int]] = []
        for role in TEXT_SIZES:
            size = app.metrics.text(role)
            smallest = app.type.smallest(size)
            while True:
                for bold in (True, False) if role in _REGULAR_ROLES else (True,):
                    if (bold, size) not in faces:
                        faces.append((bold, size))
                if size <= smallest:
                    break
                size = max(smallest, int(size * SHRINK_STEP))
        return faces

    def _letters_left(self, bold: bool, size: int) -> str:
        """The letters of one font not loaded yet."""
        return _alphabet(size)[self._loaded.get((self.app.type.family, bold, size), 0):]

    def _letters(self, bold: bool, size: int) -> Job:
        """Load the letters into one font: their shapes measured, then drawn once."""
        typesetter = self.app.type
        key = (typesetter.family, bold, size)
        letters = _alphabet(size)
        done = self._loaded.get(key, 0)
        font = typesetter.font(size, bold)
        while done < len(letters):
            began = time.perf_counter()
            while done < len(letters) and time.perf_counter() - began < SLICE_SECONDS:
                chunk = letters[done:done + LETTERS_AT_ONCE]
                font.size(chunk)
                font.render(chunk, True, (0, 0, 0))
                done += len(chunk)
            self._loaded[key] = done
            yield None

    def _tidy(self, session: object) -> Job:
        """While the kiosk waits for a team: collect what the last visit left, then set what is
        left aside from the collector, so that no full collection pauses a frame of the game.
        What is set aside is collected again at the next wait."""
        app = self.app
        while app.top is None or app.time - app.top.opened_at < TIDY_AFTER:
            yield WAIT
        yield HEAVY
        # What was prepared for the last team goes: its mission's pictures are read again when
        # the next team chooses it (ahead of its map), its texts, buttons and full-screen layers
        # are drawn again when shown (the attract screen's own at its next frame); the pages
        # they held go back to the system. A kiosk waits here most of the day.
        self._prepared.clear()
        self._kept_ready.clear()
        self._scratch = None
        app.assets.clear_images()
        app.assets.clear_text()
        app.assets.clear_icons()
        app.looks.clear()
        app.frame.forget()
        app.type.forget()
        plain.cache_clear()
        if app.music is not None:
            app.music.forget()
        self._loaded.clear()
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        release_heap()
        self._tidied = session

    def _team_names(self) -> Job:
        """The word lists a team's pseudonym is drawn from, read at the touch that starts a visit."""
        yield HEAVY
        language_data(NAMES, KEYS_LANGUAGE)
        self._names_read = True

    def _speakers(self, key: tuple[Any, ...]) -> Job:
        yield HEAVY
        draw_speakers(self.app, self._scratch_surface())
        self._prepared.add(key)

    def _scratch_surface(self) -> pygame.Surface:
        """The off-screen surface preparation draws on, the size of the window."""
        if self._scratch is None or self._scratch.get_size() != self.app.size:
            self._scratch = pygame.Surface(self.app.size)
        return self._scratch

    def _scene_picture(self, mission: Mission) -> Job:
        """The map's scene picture asked of the picture worker, which reads it while the team
        reads the briefing; the map shows plain fog for the frames it may still take."""
        app = self.app
        area = MapScreen(app).area()
        while not send_for_picture(app, mission, area.size):
            yield WAIT

    def _map_scene(self, screen: MapScreen, mission: Mission) -> Job:
        yield HEAVY
        screen.scene(mission)
        while screen.picture_arriving:
            # Its picture in colour has left the full-screen layers kept since the map was drawn
            # (they keep the attract screen's or a map's, not both): read again on the worker.
            yield WAIT
            yield HEAVY
            screen.scene(mission)

    def _canvases(self) -> Job:
        yield HEAVY
        self.app.frame.prepare_canvases()

    def _locale_data(self, language: str) -> Job:
        """Babel reads a language's data files on first use: the debrief's durations need them."""

        yield HEAVY
        format_duration(3661, language)
        self._formats.add(language)

    def _sound(self, name: str) -> Job:
        if self.app.sounds is not None:
            yield from self.app.sounds.preparing(name)

    def _music(self, name: str) -> Job:
        if self.app.music is not None:
            for waiting in self.app.music.preparing(name):
                yield WAIT if waiting else None

    def _next_screen(self) -> type[Screen] | None:
        """The screen the next touch is likely to open, when it can be built from the state now:
        the briefing once the team has chosen, the ending once the last feedback is read, the
        debrief after the ending."""

        app = self.app
        top = app.top
        if top is None or not app.stack:
            return None
        state = app.state
        if isinstance(top, SetupScreen) and state.age is not None and state.language is not None:
            return None if self._asks_before() else BriefingScreen
        if isinstance(top, LearningScreen) and state.lifecycle is Lifecycle.BRIEFING:
            return BriefingScreen
        if isinstance(top, (VictoryScreen, TimeUpScreen)):
            return DebriefScreen
        if top.holds_sync and state.lifecycle is Lifecycle.DEBRIEF:
            wanted = root_screen_for(app, state)
            return wanted if wanted is not type(app.stack[0]) else None
        return None

    def _asks_before(self) -> bool:
        """Whether the team on the setup screen, its choices made, is asked the learning check
        before the briefing."""
        app = self.app
        state = app.state
        mission = app.mission
        return (mission is not None and state.age is not None and state.language is not None
                and next_question(mission.learning_check, state.checked, "before") is not None)

    def _right_feedback(self, puzzle: Puzzle, earned: list[str], key: tuple[Any, ...]) -> Job:
        """The feedback a right answer to `puzzle` opens, with the rewards it earns: its verdict
        worked out by the core's checker from the puzzle's own solution, as the session will.
        Its card is kept drawn for the frames it rises in (see `Frame.keep_card`), and the
        count of puzzles solved it brings is set."""
        session = self.app.session
        held = session.rewards_values()
        played = session.played(puzzle.id)
        verdict = checkers.check(played, checkers.solution(played, held), held)
        if not verdict.correct:
            return
        built: list[FeedbackPanel] = []

        def build() -> FeedbackPanel:
            built.append(FeedbackPanel(self.app, puzzle, verdict, earned))
            return built[-1]

        yield from self._screen(build, key)
        yield HEAVY
        self.app.frame.keep_card(built[-1])
        # The count of puzzles solved it brings, in the bar of the puzzle under it.
        top = self.app.top
        if isinstance(top, PuzzleScreen) and top.puzzle.id == puzzle.id:
            yield None
            top.hud.solved_ahead(self._scratch_surface())

    def _puzzle(self, puzzle: Puzzle, key: tuple[Any, ...]) -> Job:
        """A puzzle's screen, set up and drawn off screen, and kept drawn for its tile's tap
        (see `_screen`)."""
        yield from self._screen(lambda: PuzzleScreen(self.app, puzzle), key, ready_puzzle(puzzle.id))

    def _screen(self, build: Callable[[], Screen], key: tuple[Any, ...], kind: Hashable | None = None) -> Job:
        """A screen set up and drawn off screen, one slice per step: laid out with its pictures
        asked of the worker, then, once they are read, each of its text blocks set in turn.
        Laying a screen out is a heavy slice (a feed of posts or a chat: 8 to 14 ms on the
        project's 2-core machine), never run between two frames of an animation. With a `kind`,
        the screen itself is kept drawn for the tap that opens it (`Frame.keep_ready`), if the
        session has not moved on meanwhile."""
        app = self.app
        yield HEAVY
        stamp = app.frame.stamp()
        # (A screen may ask for pictures as it is made, as well as when laid out.)
        asked: list[tuple[Path, tuple[int, int]]] = []
        app.assets.prefetch = asked
        try:
            screen = build()
        finally:
            app.assets.prefetch = None
        yield from self._laid_out(screen, asked)
        scratch = self._scratch_surface()
        yield from self._drawn(screen, scratch)
        if isinstance(screen, PuzzleScreen):
            yield from self._other_pages(screen, scratch)
            yield HEAVY
            screen.view.ahead(scratch)
        # Drawn once more as it will be: its buttons' looks are kept for the first real frame,
        # or the whole of it, into the surface kept for the tap that opens it.
        yield HEAVY
        if kind is not None and app.frame.keep_ready(kind, screen, stamp):
            self._kept_ready.add(key)
        else:
            screen.draw(scratch)
        self._prepared.add(key)

    def _other_pages(self, screen: PuzzleScreen, scratch: pygame.Surface) -> Job:
        """The pages of a puzzle's list a tap may turn to (a feed's next posts), each laid out
        and drawn off screen in turn, its texts set a block per slice; then the page on show
        laid out again. Turning to one then sets no text."""
        turned = False
        for _page in screen.view.other_pages():
            turned = True
            yield HEAVY
            yield from self._laid_out(screen)
            yield from self._drawn(screen, scratch)
        if turned:
            yield HEAVY
            screen.layout()

    def _laid_out(self, screen: Screen, asked: list[tuple[Path, tuple[int, int]]] | None = None) -> Job:
        """`screen` laid out (a heavy slice, which the caller has waited for) with its pictures
        asked of the worker (after those `asked` already), then once they are read laid out
        again: their words are drawn on them and they are kept as the screen shown asks for them
        (first laid out, it had blanks)."""
        app = self.app
        asked = asked if asked is not None else []
        app.assets.prefetch = asked
        try:
            screen.layout()
        finally:
            app.assets.prefetch = None
        while not all(app.assets.request_image(path, size) for path, size in asked):
            yield WAIT
        yield HEAVY
        if asked:
            screen.layout()
            yield HEAVY

    def _drawn(self, screen: Screen, scratch: pygame.Surface) -> Job:
        """`screen` drawn off screen on `scratch`, each of its text blocks set in a slice of its own."""
        app = self.app
        blocks: list[Callable[[], object]] = []
        app.type.deferred = blocks
        try:
            screen.draw(scratch)
        finally:
            app.type.deferred = None
        yield None
        for block in blocks:
            block()
            yield None


def _alphabet(size: int) -> str:
    """The letters loaded ahead into a font of `size`."""
    return LETTERS if size < LARGE else "".join(c for c in LETTERS if not c.islower())


class _Job:
    """A job's slices, and what it said of its next one."""

    __slots__ = ("heavy", "slices", "waits")

    def __init__(self, slices: Job) -> None:
        self.slices = slices
        self.heavy = False
        self.waits = False
