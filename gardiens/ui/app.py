"""The kiosk App: owns the window, the loop and the screen stack; the session's side, input,
painting and the language live in their own modules (session_side, input, frame, locale)."""

from __future__ import annotations

import gc
import logging
import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import pygame

from gardiens.ui.assets import Assets
from gardiens.ui.frame import Frame
from gardiens.ui.input import Input
from gardiens.ui.screens.accessibility import AccessibilityPanel
from gardiens.ui.session_side import SessionSide
from gardiens.ui.sound import SILENCE, Mood, Music, Sounds
from gardiens.ui.text import Typesetter
from gardiens.ui.theme import (
    EFFECT_LEVELS,
    MIN_SHRINK,
    MUSIC_LEVELS,
    Metrics,
    Palette,
    Settings,
    palette_for,
)
from gardiens.ui.widgets.base import Looks, Widget

if TYPE_CHECKING:
    from gardiens.core.commands import Command
    from gardiens.core.model import AgeBand
    from gardiens.core.session import Reply, Session
    from gardiens.ui.kit.screen import DeskLayer, PreviewLayer, Screen, Voice

log = logging.getLogger(__name__)

# The game's name on the window and in the task bar: a proper noun, the same in every language.
GAME_TITLE = "Les Gardiens du numérique"
IDLE_FPS = 30
ANIMATION_FPS = 60


class Link(Protocol):
    """A link to the venue (`gardiens.net.link.KioskLink`), served between two frames: it applies
    the commands that came in and publishes the state, and never waits on the network."""

    def serve(self, session: Session, send: Callable[[Command], Reply],
              words: Callable[[str], str]) -> None: ...


class App(SessionSide):
    """The game's window and loop. Build it, then `open()`, then `run()` or `step()` frame by frame.

    Nothing is loaded before `open()`: importing this module has no side effect.
    """

    def __init__(self, session: Session | None, *, size: tuple[int, int] = (1920, 1080),
                 fullscreen: bool = False, kiosk: bool = False, settings: Settings | None = None,
                 language: str = "fr", age: AgeBand | None = None,
                 mission_dirs: Mapping[str, Path] | None = None, default_mission: str | None = None,
                 fixed_dt: float | None = None, pictures_only: bool = False) -> None:
        super().__init__(session, language=language, age=age, mission_dirs=mission_dirs,
                         default_mission=default_mission)
        self.size = size
        self.fullscreen = fullscreen
        self.kiosk = kiosk
        self.settings = settings or Settings()
        # Pilot and screenshots step with a fixed frame time so animations are repeatable.
        self.fixed_dt = fixed_dt
        # Set by the layout audit, which only looks at the screens: no sound is synthesised or
        # played and nothing is prepared ahead of a tap (no tap comes).
        self.pictures_only = pictures_only
        self._stop_asked = False
        # Set by `gardiens play --watch`: the author's live preview (reload, errors, shortcuts).
        self.preview: PreviewLayer | None = None
        # Set by `gardiens play`: lock-down, the facilitator's panel, idle prompts, resume.
        self.attendant: DeskLayer | None = None
        self.assets = Assets()
        self.looks = Looks()
        self.metrics = Metrics(size, self.settings)
        self.palette: Palette = palette_for(self.settings)
        self.type = Typesetter(self.assets, self.settings.font, floors=self.metrics.floors)
        self.sounds: Sounds | None = None
        self.music: Music | None = None
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
        self.input = Input(self)
        self.frame = Frame(self, self.input)
        self._clock: pygame.time.Clock | None = None
        # Called once per frame of `run`: `gardiens play` pings the systemd watchdog from here, so
        # a loop that stops drawing gets the kiosk restarted.
        self.heartbeat: Callable[[], None] | None = None
        # Set by `gardiens play` when kiosk.toml has a [link] section.
        self.link: Link | None = None
        # Set by `gardiens play` (and tests): the voice that reads the screens aloud.
        self.speech: Voice | None = None

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
        if not self.pictures_only:
            self.sounds = Sounds(volume=EFFECT_LEVELS[self.settings.effects])
            self.music = Music(volume=MUSIC_LEVELS[self.settings.music])
        self._clock = pygame.time.Clock()
        self._apply_settings()
        self.sync(force=True)
        _set_start_up_aside()
        return self

    def stop(self) -> None:
        """End the loop after the current frame (a signal from the system, not a child's tap)."""
        # Also before `run` starts: a signal during start-up must not be forgotten.
        self._stop_asked = True
        self.running = False

    def close(self) -> None:
        self.running = False
        if self.speech is not None:
            self.speech.close()
        if self.music is not None:
            self.music.close()
        self.assets.close()
        pygame.display.quit()

    def _apply_settings(self) -> None:
        self.metrics = Metrics(self.size, self.settings)
        self.palette = palette_for(self.settings)
        self.type = Typesetter(self.assets, self.settings.font,
                               min_scale=MIN_SHRINK / self.metrics.text_factor,
                               language=self.translator.language, floors=self.metrics.floors,
                               spacing=self.settings.spacing)
        if self.sounds is not None:
            self.sounds.volume = EFFECT_LEVELS[self.settings.effects]
        if self.music is not None:
            self.music.volume = MUSIC_LEVELS[self.settings.music]
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

    def play(self, sound: str) -> None:
        # A screen prepared ahead of time is not on show: it makes no sound.
        if self.sounds is not None and not self.preparing:
            self.sounds.play(sound)

    def mood(self) -> Mood:
        """What the music plays now: the mission's loop during play, silence elsewhere."""
        mood = self.follower.mood() if self.loaded else SILENCE
        # Lowered while the voice reads.
        return self.speech.mood(mood) if self.speech is not None else mood

    # -- screen stack ----------------------------------------------------------------

    @property
    def top(self) -> Screen | None:
        return self.stack[-1] if self.stack else None

    def push(self, screen: Screen, *, laid_out: bool = False) -> None:
        """Show `screen` on top, laid out now unless it was for this very moment (`laid_out`: a
        screen prepared ahead, see `Frame.take_ready`)."""
        if not laid_out:
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

    def open_accessibility(self) -> None:
        if not any(isinstance(s, AccessibilityPanel) for s in self.stack):
            self.push(AccessibilityPanel(self))

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
            if self.heartbeat is not None:
                self.heartbeat()
            self._clock.tick(ANIMATION_FPS if animating else IDLE_FPS)
            if seconds is not None and time.monotonic() - started >= seconds:
                break

    def step(self, dt: float | None = None, *, draw: bool = True) -> bool:
        """One frame: input, session clock, animation, and a redraw if anything changed (unless
        `draw` is False: the layout audit lets a scene settle, then draws it once).

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
        self.reread()
        if self.startup.boot is not None:
            self._guard(self.startup.pick_up, lambda: self.loaded, self.command)
        for event in pygame.event.get():
            if self.attendant is not None and self._guard(self.attendant.intercept, event):
                continue
            self._guard(self.input.dispatch, event)
        if self.loaded:
            self._guard(self.frame.follow_clock, self.follower)
            if self.link is not None:
                self._guard(self.link.serve, self.session, self.command, self.translator.gettext)
        if self.attendant is not None:
            self._guard(self.attendant.update)
        if self.preview is not None:
            self._guard(self.preview.poll)
        animating = False
        for screen in list(self.stack):
            if self._guard(screen.update, dt) is not False and screen.animating():
                animating = True
        if self.speech is not None:
            self._guard(self.speech.update)
        if self.music is not None:
            self._guard(self.music.follow, self.mood(), dt)
        if draw:
            self.frame.paint(animating, self._guard, started,
                             self.ahead if self.loaded and not self.pictures_only else None)
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


_start_up_set_aside = False


def _set_start_up_aside() -> None:
    """What start-up built lives all day: set aside from the collector, a full collection that
    lands in a frame walks only what was made since, not every module and font. The kiosk's
    first wait for a team collects it once and sets it aside again (ui/ahead.py). Once per
    process: a process that opens many windows (the tests) must not set aside what the earlier
    ones left behind."""
    global _start_up_set_aside
    if not _start_up_set_aside:
        _start_up_set_aside = True
        gc.freeze()


def headless_environment() -> None:
    """Use SDL's dummy drivers when there is no display (tests, screenshots, benchmarks)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
