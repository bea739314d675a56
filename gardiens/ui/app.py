"""The kiosk App: owns the window, the loop, the screen stack, the translator and the asset cache."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from gardiens.core.commands import Choose, Command, Reset, Tick
from gardiens.core.pseudonym import team_name
from gardiens.i18n.interface import InterfaceTranslator
from gardiens.i18n.pseudo import PSEUDO_LANGUAGE, pseudolocalise
from gardiens.ui.ahead import ANIMATION_FRAME_TARGET, QUIET_BUDGET, Ahead
from gardiens.ui.assets import Assets
from gardiens.ui.draw import vertical_gradient
from gardiens.ui.screens.base import Screen
from gardiens.ui.sound import Sounds
from gardiens.ui.text import Typesetter
from gardiens.ui.theme import MIN_SHRINK, Metrics, Palette, Settings, palette_for
from gardiens.ui.widgets.base import Button, Looks, Widget

if TYPE_CHECKING:
    # The mission model and the session come in with the missions, after the first frame
    # (see `start_boot`): the attract screen needs neither, so they are imported where used.
    from gardiens.core.model import AgeBand, Mission, Puzzle
    from gardiens.core.session import Lifecycle, Reply, Session, SessionState
    from gardiens.ui.boot import Boot
    from gardiens.ui.kiosk import KioskAttendant
    from gardiens.ui.preview import Preview
    from gardiens.ui.words import MissionWords

log = logging.getLogger(__name__)

# The game's name on the window and in the task bar: a proper noun, the same in every language.
GAME_TITLE = "Les Gardiens du numérique"
IDLE_FPS = 30
ANIMATION_FPS = 60
# How far a finger must move before a press becomes a drag (design pixels).
DRAG_THRESHOLD = 24
# Setup and briefing left alone this long go back to the attract screen (a team walked away).
IDLE_RESET_SECONDS = 180.0
A11Y_BUTTON = "a11y"
# The key of the paper background among the surfaces drawn once per size and theme.
PAPER = ("paper",)


@dataclass
class Press:
    """The finger (or mouse button) currently down: where, on what, and whether it drags."""

    widget: Widget | None
    start: tuple[int, int]
    pos: tuple[int, int]
    pointer: tuple[str, int]
    dragging: bool = False


class App:
    """The game's window and loop. Build it, then `open()`, then `run()` or `step()` frame by frame.

    Nothing is loaded before `open()`: importing this module has no side effect.
    """

    def __init__(
        self,
        session: Session | None,
        *,
        size: tuple[int, int] = (1920, 1080),
        fullscreen: bool = False,
        kiosk: bool = False,
        settings: Settings | None = None,
        language: str = "fr",
        age: AgeBand | None = None,
        mission_dirs: Mapping[str, Path] | None = None,
        default_mission: str | None = None,
        fixed_dt: float | None = None,
    ) -> None:
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
        self._boot: Boot[Any] | None = None
        self._queued: list[Command] = []
        self._stop_asked = False
        self.ahead = Ahead(self)
        # True while screens are prepared ahead of time: they may read the session, never change it.
        self.preparing = False
        self.translator = InterfaceTranslator(language)
        # The language on screen when it is not the session's: chosen in the accessibility panel
        # once setup is over (the core records a team's language in setup only, so afterwards it
        # is a display choice and the session keeps the language chosen at setup), or the
        # pseudo-locale pinned for the whole run by `--lang qps`.
        self.display_language: str | None = language if language == PSEUDO_LANGUAGE else None
        self._language_pinned = language == PSEUDO_LANGUAGE
        self._language_owner: str | None = None
        # Set by `gardiens play --watch`: the author's live preview (reload, errors, shortcuts).
        self.preview: Preview | None = None
        # Set by `gardiens play`: lock-down, the facilitator's panel, idle prompts, resume.
        self.attendant: KioskAttendant | None = None
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
        self._press: Press | None = None
        self._a11y: Button | None = None
        self._clock: pygame.time.Clock | None = None
        self._last_tick = 0.0
        self._watch: tuple[Any, ...] = ()
        self._lifecycle: Lifecycle | None = None
        self._state: SessionState | None = None
        self._words: MissionWords | None = None
        self._backgrounds: dict[tuple[Any, ...], pygame.Surface] = {}
        self._last_input = 0.0
        self.ending_seen = False
        self._under: tuple[tuple[int, ...], pygame.Surface] | None = None
        self._countdown_only = False
        # A finger down on an overlay: only the overlay's pressed look changes, not what is under.
        self._overlay_dirty = False

    # -- window -------------------------------------------------------------------

    def open(self) -> App:
        """Start pygame, open the window and show the screen matching the session."""
        pygame.init()
        # Set before the window exists: some window managers read them only when it opens.
        pygame.display.set_caption(GAME_TITLE)
        pygame.display.set_icon(self.assets.app_icon())
        flags = pygame.FULLSCREEN if self.fullscreen else 0
        if self.fullscreen and self.size == (0, 0):
            self.surface = pygame.display.set_mode((0, 0), flags)
        else:
            self.surface = pygame.display.set_mode(self.size, flags)
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
        self._backgrounds.clear()
        self.looks.clear()
        size = self.metrics.px(104)
        self._a11y = Button(
            A11Y_BUTTON,
            pygame.Rect(self.metrics.px(22), self.metrics.px(14), size, size),
            on_tap=self.open_accessibility,
            icon="access",
            kind="primary",
            round_=True,
        )

    def change_settings(self, settings: Settings) -> None:
        self.settings = settings
        self._apply_settings()
        for screen in self.stack:
            screen.refresh()
        self.dirty = True

    def resize(self, size: tuple[int, int]) -> None:
        self.size = size
        self._apply_settings()
        for screen in self.stack:
            screen.refresh()
        self.dirty = True

    # -- shared state for screens ---------------------------------------------------

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

    @property
    def mission(self) -> Mission | None:
        return self._session.mission if self._session is not None else None

    @property
    def words(self) -> MissionWords | None:
        from gardiens.ui.words import MissionWords

        mission = self.mission
        if mission is None:
            return None
        state = self.state
        age: AgeBand = state.age or self.default_age or mission.ages[0]
        language = self.language
        words = self._words
        if words is None or (words.mission, words.age, words.language) != (mission, age, language):
            words = self._words = MissionWords(mission, age, language)
        return words

    @property
    def language(self) -> str:
        """The language the team reads now: a live choice, else the session's, else the kiosk's."""
        chosen = self.state.language if self._session is not None else None
        return self.display_language or chosen or self.default_language

    def choose_language(self, code: str) -> None:
        """Switch the interface and the mission texts to `code` at once, without a restart."""
        from gardiens.core.session import Lifecycle

        state = self.state
        mission = self.mission
        offered = [mission.language, *mission.translations] if mission else []
        self._language_pinned = False
        if state.lifecycle is Lifecycle.SETUP and code in offered:
            # In setup the language is the team's choice: the session records it.
            self.display_language = None
            self.command(Choose(language=code))
            return
        # After setup the session keeps the language chosen at setup (its journal, debrief and
        # statistics say so); only what is displayed changes, for this session.
        self.display_language = code
        self._language_owner = state.session_id
        self._words = None
        self.sync()

    def _follow_language(self, state: SessionState) -> None:
        """Forget a display language once its session is over; keep one chosen before setup."""
        from gardiens.core.session import Lifecycle

        if self.display_language is None or self._language_pinned:
            return
        if self._language_owner is None and state.lifecycle is Lifecycle.SETUP:
            # Chosen on the attract screen: the setup screen offers it to the session.
            if state.language == self.display_language:
                self.display_language = None
            elif state.language is not None:
                self._language_owner = state.session_id
            return
        if state.session_id != self._language_owner:
            self.display_language = None

    def team(self) -> str:
        key = self.state.team if self._session is not None else None
        if not key:
            return ""
        language = self.language
        try:
            if language == PSEUDO_LANGUAGE:
                return pseudolocalise(team_name(key, "fr"))
            return team_name(key, language)
        except ValueError:
            return ""

    def available_puzzle(self, puzzle_id: str) -> Puzzle | None:
        """The puzzle `puzzle_id` if the team can open it now, else None."""
        from gardiens.core.session import PuzzleState

        mission = self.mission
        progress = self.state.puzzles.get(puzzle_id) if mission is not None else None
        if mission is None or progress is None or progress.state is not PuzzleState.AVAILABLE:
            return None
        return mission.puzzle(puzzle_id)

    def mission_dir(self) -> Path | None:
        mission = self.mission
        return self.mission_dirs.get(mission.id) if mission else None

    def background(self) -> pygame.Surface:
        """The warm paper gradient behind ordinary screens, drawn once per size and theme."""
        return self.cached(PAPER, lambda: vertical_gradient(self.size, self.palette.background_top,
                                                            self.palette.background))

    def cached(self, key: tuple[Any, ...], build: Callable[[], pygame.Surface]) -> pygame.Surface:
        """A surface a screen draws once per size and theme (a night sky, a fog layer)."""
        full = (*key, self.size, self.palette)
        surface = self._backgrounds.get(full)
        if surface is None:
            surface = build()
            self._backgrounds[full] = surface
        return surface

    def play(self, sound: str) -> None:
        # A screen prepared ahead of time is not on show: it makes no sound.
        if self.sounds is not None and not self.preparing:
            self.sounds.play(sound)

    def pressed_widget(self) -> Widget | None:
        press = self._press
        return press.widget if press is not None and not press.dragging else None

    def dragging(self) -> tuple[Widget, tuple[int, int]] | None:
        press = self._press
        if press is not None and press.dragging and press.widget is not None:
            return press.widget, press.pos
        return None

    # -- screen stack ----------------------------------------------------------------

    @property
    def top(self) -> Screen | None:
        return self.stack[-1] if self.stack else None

    def push(self, screen: Screen) -> None:
        screen.layout()
        self.stack.append(screen)
        self._press = None
        self.dirty = True

    def pop(self, screen: Screen | None = None) -> None:
        if self.stack and (screen is None or self.stack[-1] is screen):
            self.stack.pop()
            self._press = None
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
        self._words = None
        self._watch = ()
        self.sync(force=True)

    def open_accessibility(self) -> None:
        from gardiens.ui.screens.accessibility import AccessibilityPanel

        if not any(isinstance(s, AccessibilityPanel) for s in self.stack):
            self.push(AccessibilityPanel(self))

    def sync(self, force: bool = False) -> None:
        """Follow the session: show the root screen that matches its lifecycle."""
        from gardiens.ui.screens import root_screen_for

        if self._session is None:
            self._wait_on_attract(force)
            return
        self._state = None
        state = self.state
        self._follow_language(state)
        self.translator.set_language(self.language)
        self.type.language = self.language
        if not force and any(s.holds_sync for s in self.stack):
            return
        if state.lifecycle != self._lifecycle:
            self.ending_seen = False
        self._lifecycle = state.lifecycle
        wanted = root_screen_for(self, state)
        if force or not self.stack or type(self.stack[0]) is not wanted:
            self.replace(wanted(self))
        else:
            self.stack = [screen for screen in self.stack if not screen.stale()]
            for screen in self.stack:
                screen.refresh()
        self.dirty = True

    def _wait_on_attract(self, force: bool) -> None:
        """While the missions load: the attract screen, which needs none of them."""
        from gardiens.ui.screens.lobby import AttractScreen

        self.translator.set_language(self.language)
        self.type.language = self.language
        if force or not self.stack:
            self.replace(AttractScreen(self))
        self.dirty = True

    def start_boot(self, boot: Boot[Any]) -> None:
        """Load the missions on a worker while the attract screen shows; `boot` sets the session."""
        self._boot = boot
        boot.start()

    def _pick_up_boot(self) -> None:
        boot = self._boot
        if boot is None or not boot.done:
            return
        self._boot = None
        boot.hand_over()
        if self._session is not None:
            queued, self._queued = self._queued, []
            for command in queued:
                self.command(command)

    def command_when_ready(self, command: Command) -> None:
        """A command now, or, while the missions load, as soon as they are in (a tap is never lost)."""
        if self._session is None:
            self._queued.append(command)
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
                self._clock.get_time() / 1000 if self._clock else 1 / IDLE_FPS
            )
        self.time += dt
        self.frames += 1
        self._state = None
        if self._boot is not None:
            self._guard(self._pick_up_boot)
        for event in pygame.event.get():
            if self.attendant is not None and self._guard(self.attendant.intercept, event):
                continue
            self._guard(self._dispatch, event)
        self._guard(self._follow_clock)
        if self.attendant is not None:
            self._guard(self.attendant.update)
        if self.preview is not None:
            self._guard(self.preview.poll)
        animating = False
        for screen in list(self.stack):
            if self._guard(screen.update, dt) is not False and screen.animating():
                animating = True
        if self.dirty or animating or self._overlay_dirty:
            changed = self.dirty
            self.dirty = False
            self._overlay_dirty = False
            self._countdown_only = False
            self._guard(self._draw, changed)
            pygame.display.flip()
            if animating and self._session is not None:
                # No quiet frame comes while an animation runs: what this frame leaves of its
                # share goes to preparing what a tap may show next (see ui/ahead.py); a mood
                # animation (the attract screen) gives as much as a quiet frame.
                top = self.top
                if top is not None and top.ambient:
                    self._guard(self.ahead.step, QUIET_BUDGET)
                else:
                    spare = ANIMATION_FRAME_TARGET - (time.perf_counter() - started)
                    if spare > 0:
                        self._guard(self.ahead.step, spare, False)
        elif self._countdown_only:
            self._countdown_only = False
            self._guard(self._draw_countdown)
        elif self._session is not None:
            # A frame that drew nothing prepares what a tap may show next.
            self._guard(self.ahead.step, QUIET_BUDGET)
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
            self._recover()
            return False

    def _recover(self) -> None:
        self._press = None
        self.dirty = True
        try:
            self.sync(force=True)
        except Exception:
            log.exception("could not rebuild the screen; showing the plain background")
            self.stack.clear()

    def _follow_clock(self) -> None:
        """About once a second: let the session end on time, and redraw the countdown."""
        if self._session is None:
            return
        from gardiens.core.session import Lifecycle

        if self.time - self._last_tick < 1.0 and self._watch:
            return
        self._last_tick = self.time
        state = self.state
        if state.lifecycle is Lifecycle.PLAYING:
            self.session.handle(Tick())
            self._state = None
            if self.state.lifecycle is not Lifecycle.PLAYING:
                self.play("time_up")
                self.sync()
                return
        elif (state.lifecycle in (Lifecycle.SETUP, Lifecycle.BRIEFING)
              and self.time - self._last_input > IDLE_RESET_SECONDS):
            self._last_input = self.time
            self.command(Reset())
            return
        state = self.state
        offered = tuple(sorted(p for p, g in state.puzzles.items() if g.hint_offered))
        watch = (state.lifecycle, int(self.session.remaining()), offered)
        if watch != self._watch:
            only_the_clock = bool(self._watch) and watch[0] == self._watch[0] and watch[2] == self._watch[2]
            if self._watch and watch[2] != self._watch[2]:
                for screen in self.stack:
                    screen.refresh()
            self._watch = watch
            if only_the_clock and self._countdown_target() is not None:
                self._countdown_only = True
            else:
                self.dirty = True

    def _countdown_target(self) -> Any:
        """The HUD to update when only the countdown's second changed (no overlay above it)."""
        top = self.top
        hud = getattr(top, "hud", None)
        return hud if hud is not None and top is not None and not top.overlay else None

    def _draw_countdown(self) -> None:
        """Once a second on a still screen: repaint the countdown pill alone."""
        hud = self._countdown_target()
        if hud is None or self.surface is None:
            self.dirty = True
            return
        area = hud.timer.inflate(self.metrics.px(8), self.metrics.px(8))
        self.surface.blit(self.background(), area, area)
        hud.draw(self.surface, only_timer=True)
        pygame.display.update(area)

    def _draw(self, changed: bool = True) -> None:
        assert self.surface is not None
        self.type.report = []
        surface = self.surface
        first = 0
        for index, screen in enumerate(self.stack):
            if not screen.overlay:
                first = index
        if not self.stack:
            surface.blit(self.background(), (0, 0))
        shown = self.stack[first:]
        if len(shown) > 1 and shown[-1].overlay:
            # An overlay's tween redraws only the overlay: what lies under it is kept from the
            # last real change, so a sliding panel costs one blit, not a whole screen.
            key = tuple(id(s) for s in shown[:-1])
            if changed or self._under is None or self._under[0] != key:
                for screen in shown[:-1]:
                    screen.draw(surface)
                # Copied into the buffer kept from last time: a fresh full-screen surface for
                # every change costs more than the drawing it saves.
                buffer = self._under[1] if self._under is not None else None
                if buffer is None or buffer.get_size() != surface.get_size():
                    buffer = surface.copy()
                else:
                    buffer.blit(surface, (0, 0))
                self._under = (key, buffer)
            else:
                surface.blit(self._under[1], (0, 0))
            shown = shown[-1:]
        else:
            # Nothing above: the buffer is kept (under no stack) for the next overlay.
            self._under = ((), self._under[1]) if self._under is not None else None
        for screen in shown:
            screen.draw(surface)
        if self._a11y is not None and self.a11y_visible():
            self._a11y.draw(surface, self, focused=self.show_focus and self.top is not None
                            and self.top.focus == A11Y_BUTTON,
                            pressed=self.pressed_widget() is self._a11y)
        if self.preview is not None:
            self.preview.draw(surface)

    def canvases_ready(self) -> bool:
        """Whether the full-screen layers `prepare_canvases` builds are there."""
        return (*PAPER, self.size, self.palette) in self._backgrounds and not self._under_missing()

    def prepare_canvases(self) -> None:
        """Build ahead the full-screen layers a first frame would otherwise pay for: the paper
        background and the copy of the screen kept under an overlay."""
        self.background()
        if self._under_missing():
            assert self.surface is not None
            self._under = ((), self.surface.copy())

    def _under_missing(self) -> bool:
        under = self._under
        return self.surface is not None and (under is None or under[1].get_size() != self.surface.get_size())

    def a11y_visible(self) -> bool:
        from gardiens.ui.screens.accessibility import AccessibilityPanel

        top = self.top
        # While the missions load there is no session for the panel's choices to go to.
        return (self._session is not None and not isinstance(top, AccessibilityPanel)
                and (top is None or top.shows_accessibility))

    # -- input -----------------------------------------------------------------------

    def _dispatch(self, event: pygame.event.Event) -> None:
        kind = event.type
        if kind == pygame.QUIT:
            if not self.kiosk:
                self.running = False
            return
        if kind in (pygame.WINDOWSIZECHANGED, pygame.VIDEORESIZE):
            if self.surface is not None and self.surface.get_size() != self.size:
                self.resize(self.surface.get_size())
            return
        if kind in (pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED):
            self.dirty = True
            return
        pointer = self._pointer(event)
        if pointer is not None:
            phase, pos, pid = pointer
            self._last_input = self.time
            self.show_focus = False
            if phase == "down":
                self._pointer_down(pos, pid)
            elif phase == "move":
                self._pointer_move(pos, pid)
            else:
                self._pointer_up(pos, pid)
            return
        if kind == pygame.KEYDOWN:
            self._last_input = self.time
            self._key(event)
        elif kind == pygame.TEXTINPUT:
            self._last_input = self.time
            if self.top is not None:
                self.top.on_text(event.text)
                self.dirty = True

    def _pointer(self, event: pygame.event.Event) -> tuple[str, tuple[int, int], tuple[str, int]] | None:
        """Finger and mouse events as (phase, pixel position, pointer id)."""
        kind = event.type
        w, h = self.size
        if kind in (pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION):
            pos = (int(event.x * w), int(event.y * h))
            phase = {pygame.FINGERDOWN: "down", pygame.FINGERUP: "up"}.get(kind, "move")
            return phase, pos, ("finger", int(getattr(event, "finger_id", 0)))
        if kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION):
            # SDL also turns touches into mouse events; the finger events already count.
            if getattr(event, "touch", False):
                return None
            if kind != pygame.MOUSEMOTION and getattr(event, "button", 1) != 1:
                return None
            phase = {pygame.MOUSEBUTTONDOWN: "down", pygame.MOUSEBUTTONUP: "up"}.get(kind, "move")
            return phase, tuple(event.pos), ("mouse", 0)  # type: ignore[return-value]
        return None

    def _target(self, pos: tuple[int, int]) -> Widget | None:
        if self.preview is not None:
            for widget in self.preview.widgets():
                if widget.hit(pos):
                    return widget
        if self._a11y is not None and self.a11y_visible() and self._a11y.hit(pos):
            return self._a11y
        top = self.top
        return top.widget_at(pos) if top is not None else None

    def _pointer_down(self, pos: tuple[int, int], pid: tuple[str, int]) -> None:
        if self._press is not None:
            return  # a second finger while one is down is ignored: one team, one gesture
        self._press = Press(self._target(pos), pos, pos, pid)
        top = self.top
        if top is not None and top.overlay and len(self.stack) > 1:
            self._overlay_dirty = True
        else:
            self.dirty = True

    def _pointer_move(self, pos: tuple[int, int], pid: tuple[str, int]) -> None:
        press = self._press
        if press is None or press.pointer != pid:
            return
        press.pos = pos
        widget = press.widget
        if widget is None or not widget.draggable:
            return
        moved = abs(pos[0] - press.start[0]) + abs(pos[1] - press.start[1])
        if not press.dragging and moved >= self.metrics.px(DRAG_THRESHOLD):
            press.dragging = True
        if press.dragging and self.top is not None:
            self.top.on_drag(widget, pos)
            self.dirty = True

    def _pointer_up(self, pos: tuple[int, int], pid: tuple[str, int]) -> None:
        press = self._press
        if press is None or press.pointer != pid:
            return
        self._press = None
        self.dirty = True
        top = self.top
        if top is None:
            return
        widget = press.widget
        if press.dragging and widget is not None:
            top.on_drop(widget, pos)
        elif widget is not None and widget.hit(pos):
            self.play("tap")
            if widget is not self._a11y:
                top.focus = widget.name
            widget.activate(pos)
        elif widget is None:
            top.on_tap_outside(pos)

    def _key(self, event: pygame.event.Event) -> None:
        top = self.top
        if top is None:
            return
        self.dirty = True
        key = event.key
        if self.preview is not None and self.preview.on_key(event):
            return
        if top.on_key(event):
            return
        shift = bool(event.mod & pygame.KMOD_SHIFT)
        if key == pygame.K_TAB:
            self.show_focus = True
            self._tab(top, -1 if shift else 1)
        elif key in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN):
            self.show_focus = True
            dx = {pygame.K_LEFT: -1, pygame.K_RIGHT: 1}.get(key, 0)
            dy = {pygame.K_UP: -1, pygame.K_DOWN: 1}.get(key, 0)
            top.move_focus_towards(dx, dy)
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            self.show_focus = True
            if top.focus == A11Y_BUTTON and self._a11y is not None:
                self._a11y.activate()
                return
            widget = top.find(top.focus) if top.focus else None
            if widget is not None and widget.enabled:
                self.play("tap")
                widget.activate()
        elif key == pygame.K_ESCAPE:
            top.on_back()

    def _tab(self, top: Screen, step: int) -> None:
        """Tab goes through the screen's widgets, then the accessibility button."""
        names = [w.name for w in top.focusables()]
        if self.a11y_visible():
            names.append(A11Y_BUTTON)
        if not names:
            return
        if top.focus in names:
            top.focus = names[(names.index(top.focus) + step) % len(names)]
        else:
            top.focus = names[0 if step > 0 else -1]

    # -- for the pilot and the tests --------------------------------------------------

    def all_widgets(self) -> list[Widget]:
        """The widgets that can be touched now: the top screen's and the corner button."""
        widgets = list(self.top.widgets) if self.top is not None else []
        if self._a11y is not None and self.a11y_visible():
            widgets.append(self._a11y)
        if self.preview is not None:
            widgets += self.preview.widgets()
        return widgets

    def screenshot(self, path: Path) -> None:
        assert self.surface is not None
        pygame.image.save(self.surface, str(path))


def headless_environment() -> None:
    """Use SDL's dummy drivers when there is no display (tests, screenshots, benchmarks)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

