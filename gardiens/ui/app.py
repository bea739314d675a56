"""The kiosk App: owns the window, the loop and the screen stack; input, painting, the language
and the session's side live in their own modules (input, frame, locale, follow)."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from gardiens.i18n.interface import InterfaceTranslator
from gardiens.ui.assets import Assets
from gardiens.ui.boot import StartUp
from gardiens.ui.frame import Frame
from gardiens.ui.input import Input
from gardiens.ui.locale import LanguagePolicy, team_in
from gardiens.ui.screens.accessibility import AccessibilityPanel
from gardiens.ui.screens.attract import AttractScreen
from gardiens.ui.sound import Sounds
from gardiens.ui.text import Typesetter
from gardiens.ui.theme import MIN_SHRINK, Metrics, Palette, Settings, palette_for
from gardiens.ui.widgets.base import Looks, Widget

if TYPE_CHECKING:
    from gardiens.core.commands import Command
    from gardiens.core.model import AgeBand, Mission, Puzzle
    from gardiens.core.session import Reply, Session, SessionState
    from gardiens.ui.ahead import Ahead
    from gardiens.ui.boot import Boot
    from gardiens.ui.follow import Follower
    from gardiens.ui.kit.screen import DeskLayer, PreviewLayer, Screen
    from gardiens.ui.words import MissionWords

log = logging.getLogger(__name__)

# The game's name on the window and in the task bar: a proper noun, the same in every language.
GAME_TITLE = "Les Gardiens du numérique"
IDLE_FPS = 30
ANIMATION_FPS = 60


class App:
    """The game's window and loop. Build it, then `open()`, then `run()` or `step()` frame by frame.

    Nothing is loaded before `open()`: importing this module has no side effect.
    """

    def __init__(self, session: Session | None, *, size: tuple[int, int] = (1920, 1080),
                 fullscreen: bool = False, kiosk: bool = False, settings: Settings | None = None,
                 language: str = "fr", age: AgeBand | None = None,
                 mission_dirs: Mapping[str, Path] | None = None, default_mission: str | None = None,
                 fixed_dt: float | None = None) -> None:
        self.session = session
        self.size = size
        self.fullscreen = fullscreen
        self.kiosk = kiosk
        self.settings = settings or Settings()
        self.default_language = language
        self.default_age = age
        self.mission_dirs = dict(mission_dirs or {})
        self.default_mission = default_mission
        # Pilot and screenshots step with a fixed frame time so animations are repeatable.
        self.fixed_dt = fixed_dt
        # Missions loading behind the attract screen, and the taps made before they are in.
        self.startup = StartUp()
        self._stop_asked = False
        self._follower: Follower | None = None
        # True while screens are prepared ahead of time: they may read the session, never change it.
        self.preparing = False
        self.translator = InterfaceTranslator(language)
        self.locale = LanguagePolicy(language)
        # Set by `gardiens play --watch`: the author's live preview (reload, errors, shortcuts).
        self.preview: PreviewLayer | None = None
        # Set by `gardiens play`: lock-down, the facilitator's panel, idle prompts, resume.
        self.attendant: DeskLayer | None = None
        self.assets = Assets()
        self.looks = Looks()
        self.metrics = Metrics(size, self.settings)
        self.palette: Palette = palette_for(self.settings)
        self.type = Typesetter(self.assets, self.settings.font)
        self.sounds: Sounds | None = None
        self.surface: pygame.Surface | None = None
        self.stack: list[Screen] = []
        self.time = 0.0
        self.running = False
        self.dirty = True
        self.show_focus = False
        self.errors: list[str] = []
        self.strict = False
        self.frames = 0
        self.last_input = 0.0
        self.ending_seen = False
        self.input = Input(self)
        self.frame = Frame(self, self.input)
        self._clock: pygame.time.Clock | None = None
        self._state: SessionState | None = None

    # -- window -------------------------------------------------------------------

    def open(self) -> App:
        """Start pygame, open the window and show the screen matching the session."""
        pygame.init()
        # Set before the window exists: some window managers read them only when it opens.
        pygame.display.set_caption(GAME_TITLE)
        pygame.display.set_icon(self.assets.app_icon())
        flags = pygame.FULLSCREEN if self.fullscreen else 0
        self.surface = pygame.display.set_mode(
            (0, 0) if self.fullscreen and self.size == (0, 0) else self.size, flags)
        self.size = self.surface.get_size()
        pygame.display.set_caption(GAME_TITLE)
        if self.kiosk:
            pygame.mouse.set_visible(False)
            pygame.display.set_allow_screensaver(False)
        self.sounds = Sounds(enabled=self.settings.sound)
        self._clock = pygame.time.Clock()
        self._apply_settings()
        self.sync(force=True)
        return self

    def stop(self) -> None:
        """End the loop after the current frame (a signal from the system, not a child's tap)."""
        # Also before `run` starts: a signal during start-up must not be forgotten.
        self._stop_asked = True
        self.running = False

    def close(self) -> None:
        self.running = False
        self.assets.close()
        pygame.display.quit()

    def _apply_settings(self) -> None:
        self.metrics = Metrics(self.size, self.settings)
        self.palette = palette_for(self.settings)
        self.type = Typesetter(self.assets, self.settings.font,
                               min_scale=MIN_SHRINK / self.metrics.text_factor,
                               language=self.translator.language)
        if self.sounds is not None:
            self.sounds.enabled = self.settings.sound
        self.frame.layers.clear()
        self.looks.clear()
        self.input.place_corner()

    def change_settings(self, settings: Settings) -> None:
        self.settings = settings
        self.resize(self.size)

    def resize(self, size: tuple[int, int]) -> None:
        self.size = size
        self._apply_settings()
        for screen in self.stack:
            screen.refresh()
        self.dirty = True

    # -- what screens read (see `Host`) ---------------------------------------------

    @property
    def session(self) -> Session:
        """The session; there is none only while the missions load behind the attract screen."""
        if self._session is None:
            raise RuntimeError("the missions are still loading")
        return self._session

    @session.setter
    def session(self, session: Session | None) -> None:
        self._session = session

    @property
    def loaded(self) -> bool:
        """Whether the session is there (the missions are read and checked)."""
        return self._session is not None

    @property
    def state(self) -> SessionState:
        """The session state, read once per frame (the core recomputes it on each read)."""
        if self._state is None:
            self._state = self.session.state
        return self._state

    def reread(self) -> None:
        self._state = None

    @property
    def mission(self) -> Mission | None:
        return self._session.mission if self._session is not None else None

    @property
    def follower(self) -> Follower:
        """The App's side that follows the session, made with the first session."""
        if self._follower is None:
            # Imported here, and only here, for start-up time: following a session needs the
            # mission model, which the attract screen shown while the missions load must not
            # wait for (see tests/ui/test_boot.py).
            from gardiens.ui.follow import Follower  # lazy: start-up

            self._follower = Follower(self, self.locale)
        return self._follower

    @property
    def ahead(self) -> Ahead:
        return self.follower.ahead

    @property
    def words(self) -> MissionWords | None:
        return self.follower.words() if self._session is not None else None

    @property
    def language(self) -> str:
        """The language the team reads now: a live choice, else the session's, else the kiosk's."""
        return self.locale.shown(self.state.language if self._session is not None else None)

    @property
    def display_language(self) -> str | None:
        return self.locale.display

    def choose_language(self, code: str) -> None:
        self.follower.choose_language(code)

    def team(self) -> str:
        return team_in(self.state.team if self._session is not None else None, self.language)

    def available_puzzle(self, puzzle_id: str) -> Puzzle | None:
        return self.follower.available_puzzle(puzzle_id)

    def mission_dir(self) -> Path | None:
        mission = self.mission
        return self.mission_dirs.get(mission.id) if mission else None

    def play(self, sound: str) -> None:
        # A screen prepared ahead of time is not on show: it makes no sound.
        if self.sounds is not None and not self.preparing:
            self.sounds.play(sound)


    # -- screen stack ----------------------------------------------------------------

    @property
    def top(self) -> Screen | None:
        return self.stack[-1] if self.stack else None

    def push(self, screen: Screen) -> None:
        screen.layout()
        self.stack.append(screen)
        self.input.press = None
        self.dirty = True

    def pop(self, screen: Screen | None = None) -> None:
        if self.stack and (screen is None or self.stack[-1] is screen):
            self.stack.pop()
            self.input.press = None
            self.dirty = True
            if self.stack:
                self.stack[-1].refresh()
            self.sync()

    def replace(self, screen: Screen) -> None:
        self.stack.clear()
        self.push(screen)

    def replace_session(self, session: Session) -> None:
        """Play on from another session (the live preview's reload): every screen is rebuilt."""
        self.session = session
        self.follower.forget()
        self.sync(force=True)

    def open_accessibility(self) -> None:
        if not any(isinstance(s, AccessibilityPanel) for s in self.stack):
            self.push(AccessibilityPanel(self))

    def sync(self, force: bool = False) -> None:
        """Follow the session: show the root screen that matches its lifecycle."""
        if self._session is not None:
            self._state = None
            self.follower.follow_language(self.state)
        self.translator.set_language(self.language)
        # The interface says « tu » to the team when the mission does.
        self.translator.set_address(self.mission.address if self.mission is not None else None)
        self.type.language = self.language
        if self._session is None:
            # While the missions load: the attract screen, which needs none of them.
            if force or not self.stack:
                self.replace(AttractScreen(self))
        elif not force and any(s.holds_sync for s in self.stack):
            return
        else:
            wanted = self.follower.root(self.state)
            if force or not self.stack or type(self.stack[0]) is not wanted:
                self.replace(wanted(self))
            else:
                self.stack = [screen for screen in self.stack if not screen.stale()]
                for screen in self.stack:
                    screen.refresh()
        self.dirty = True

    # -- the session's commands --------------------------------------------------------

    def start_boot(self, boot: Boot[Any]) -> None:
        """Load the missions on a worker while the attract screen shows; `boot` sets the session."""
        self.startup.start(boot)

    def command_when_ready(self, command: Command) -> None:
        """A command now, or, while the missions load, as soon as they are in (a tap is never lost)."""
        if self._session is None:
            self.startup.queued.append(command)
            return
        self.command(command)

    def show_debrief(self) -> None:
        """After the victory or time-up screen, the debrief."""
        self.ending_seen = True
        self.sync(force=True)

    def command(self, command: Command, *, hold: bool = False) -> Reply:
        """Send a command to the session; the screens follow the new state."""
        if self.preparing:
            raise RuntimeError(f"a screen prepared ahead of time sent {command!r} to the session")
        reply = self.session.handle(command)
        if not reply.ok:
            log.info("session refused %r: %s", command, reply.reason)
        self._state = None
        if not hold:
            self.sync()
        self.dirty = True
        return reply

    # -- the loop --------------------------------------------------------------------

    def run(self, seconds: float | None = None) -> None:
        """Run until the window closes (or for `seconds`): 30 frames/s idle, 60 when animating."""
        if self.surface is None:
            self.open()
        assert self._clock is not None
        self.running = not self._stop_asked
        started = time.monotonic()
        while self.running:
            animating = self.step()
            self._clock.tick(ANIMATION_FPS if animating else IDLE_FPS)
            if seconds is not None and time.monotonic() - started >= seconds:
                break

    def step(self, dt: float | None = None) -> bool:
        """One frame: input, session clock, animation, and a redraw if anything changed.

        Returns whether an animation is running (the loop then ticks faster).
        """
        if self.surface is None:
            self.open()
        started = time.perf_counter()
        if dt is None:
            dt = self.fixed_dt if self.fixed_dt is not None else (
                self._clock.get_time() / 1000 if self._clock else 1 / IDLE_FPS)
        self.time += dt
        self.frames += 1
        self._state = None
        if self.startup.boot is not None:
            self._guard(self.startup.pick_up, lambda: self.loaded, self.command)
        for event in pygame.event.get():
            if self.attendant is not None and self._guard(self.attendant.intercept, event):
                continue
            self._guard(self.input.dispatch, event)
        if self._session is not None:
            self._guard(self.frame.follow_clock, self.follower)
        if self.attendant is not None:
            self._guard(self.attendant.update)
        if self.preview is not None:
            self._guard(self.preview.poll)
        animating = False
        for screen in list(self.stack):
            if self._guard(screen.update, dt) is not False and screen.animating():
                animating = True
        self.frame.paint(animating, self._guard, started,
                         self.ahead if self._session is not None else None)
        return animating

    def _guard(self, action: Callable[..., Any], *args: Any) -> Any:
        """Run a piece of a frame; an unexpected error is logged and the screens rebuilt."""
        try:
            return action(*args)
        except Exception as error:
            if self.strict:
                raise
            log.exception("recovered from an error in the interface")
            self.errors.append(f"{type(error).__name__}: {error}")
            self.input.press = None
            self.dirty = True
            try:
                self.sync(force=True)
            except Exception:
                log.exception("could not rebuild the screen; showing the plain background")
                self.stack.clear()
            return False

    # -- for the pilot and the tests --------------------------------------------------

    def all_widgets(self) -> list[Widget]:
        """The widgets that can be touched now: the top screen's, the corner button, the preview's."""
        return self.input.widgets()

    def screenshot(self, path: Path) -> None:
        assert self.surface is not None
        pygame.image.save(self.surface, str(path))


def headless_environment() -> None:
    """Use SDL's dummy drivers when there is no display (tests, screenshots, benchmarks)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
