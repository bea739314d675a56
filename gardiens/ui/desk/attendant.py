"""The kiosk's attendant: lock-down, the facilitator's gesture and panel, idle prompts, the
debrief's return to the attract screen and crash resume, around the game and over it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from gardiens.core.clock import Clock, SystemClock
from gardiens.core.commands import Pause, Reset
from gardiens.core.facilitator import PinGuard
from gardiens.core.journal import Trouble
from gardiens.core.kiosk import KioskSettings
from gardiens.core.session import Lifecycle
from gardiens.i18n.interface import InterfaceTranslator
from gardiens.reports import write_last_sheet
from gardiens.ui.desk.base import (
    CORNER_TARGET,
    FACILITATOR_IDLE_SECONDS,
    LONG_PRESS_SECONDS,
)
from gardiens.ui.desk.screens import (
    FacilitatorPanel,
    IdlePrompt,
    JournalNotice,
    PinPad,
    ResumeScreen,
)
from gardiens.ui.kit.pointer import pointer_event
from gardiens.ui.screens.play import HintPanel, MapScreen, PuzzleScreen

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen, Shell

log = logging.getLogger(__name__)

# While the journal cannot write, it tries again this often, even with nobody playing.
JOURNAL_RETRY_SECONDS = 5.0


@dataclass
class _CornerPress:
    pointer: tuple[str, int]
    start: tuple[int, int]
    since: float


_INPUT_EVENTS = frozenset(
    (pygame.KEYDOWN, pygame.TEXTINPUT, pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION,
     pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL)
)


class KioskAttendant:
    """Looks after the kiosk between and around the teams' taps.

    It sees every event before the App: in kiosk mode it swallows the ways out (window close,
    Alt+F4, Escape), it opens the PIN pad on the hidden gesture (a long press in the top-right
    corner) or on F12 / Ctrl+Alt+F, and it notes when someone last touched the kiosk. Once a
    frame it prompts an idle team, pauses a team that has left, sends the debrief back to the
    attract screen, and clears the previous team's choices after a reset.

        attendant = KioskAttendant(app, data_dir=folder, settings=load_settings(folder)[0])
    """

    def __init__(self, app: Shell, *, data_dir: Path, settings: KioskSettings, clock: Clock | None = None) -> None:
        self.app = app
        self.data_dir = data_dir
        self.settings = settings
        # The session's clock, so that idle times, lock-outs and the countdown agree.
        self.clock: Clock = clock or (app.session.clock if app.loaded else SystemClock())
        self.guard = PinGuard(data_dir, self.clock, attempts=settings.pin_attempts,
                              lockout=settings.pin_lockout_seconds)
        # The panel speaks the kiosk's language (the facilitator's), whatever the team plays in.
        self.translator = InterfaceTranslator(app.default_language)
        if not settings.music:
            app.change_settings(app.settings.with_(music="off"))
        self.default_settings = app.settings
        self.last_input = self.now()
        self._corner: _CornerPress | None = None
        self._lifecycle: Lifecycle | None = None
        self._debrief_since = self.now()
        self._started = False
        self._trouble_seen: Trouble | None = app.session.journal.trouble if app.loaded else None
        self._retried = self.now()
        app.attendant = self

    def now(self) -> float:
        return self.clock.now()

    @property
    def lock_down(self) -> bool:
        return self.app.kiosk

    # -- events, before the App sees them ----------------------------------------------

    def intercept(self, event: pygame.event.Event) -> bool:
        """Note the touch, catch the facilitator's way in and the ways out; True when consumed."""
        kind = event.type
        if kind in _INPUT_EVENTS or (kind == pygame.MOUSEMOTION and not getattr(event, "touch", False)):
            self.last_input = self.now()
        if kind in (pygame.QUIT, pygame.WINDOWCLOSE):
            return self.lock_down
        if kind == pygame.KEYDOWN:
            return self._key(event)
        pointer = pointer_event(event, self.app.size)
        if pointer is not None:
            self._watch_corner(*pointer)
        return False

    def _key(self, event: pygame.event.Event) -> bool:
        key = event.key
        mods = event.mod
        if key == pygame.K_F12 or (key == pygame.K_f and mods & pygame.KMOD_CTRL and mods & pygame.KMOD_ALT):
            self.open_pin_pad()
            return True
        if key == pygame.K_F4 and mods & pygame.KMOD_ALT:
            return True
        return key == pygame.K_ESCAPE and self.lock_down and not self.facilitator_open()

    def corner(self) -> pygame.Rect:
        size = self.app.metrics.px(CORNER_TARGET)
        return pygame.Rect(self.app.size[0] - size, 0, size, size)

    def _watch_corner(self, phase: str, pos: tuple[int, int], pointer: tuple[str, int]) -> None:
        press = self._corner
        if phase == "down":
            if press is None and self.corner().collidepoint(pos) and not self.facilitator_open():
                self._corner = _CornerPress(pointer, pos, self.now())
            return
        if press is None or press.pointer != pointer:
            return
        if phase == "up" or not self.corner().inflate(self.app.metrics.px(40), self.app.metrics.px(40)).collidepoint(pos):
            self._corner = None

    # -- once a frame ----------------------------------------------------------------

    def update(self) -> None:
        app = self.app
        if not app.loaded:
            return
        now = self.now()
        lifecycle = app.state.lifecycle
        if not self._started:
            self._started = True
            self._lifecycle = lifecycle
            self._show_resume()
            self._show_set_aside()
        self._watch_journal(now)
        if lifecycle is not self._lifecycle:
            if lifecycle is Lifecycle.ATTRACT:
                self.forget_team()
            if lifecycle is Lifecycle.DEBRIEF:
                self._debrief_since = now
            self._lifecycle = lifecycle
        press = self._corner
        if press is not None and now - press.since >= LONG_PRESS_SECONDS:
            self._corner = None
            self.open_pin_pad()
            return
        if self.facilitator_open():
            if now - max(self.last_input, self._facilitator_since()) >= FACILITATOR_IDLE_SECONDS:
                self.close_facilitator()
            return
        if lifecycle is Lifecycle.PLAYING:
            self._watch_idle(now)
        elif (lifecycle is Lifecycle.DEBRIEF
              and now - max(self._debrief_since, self.last_input) >= self.settings.debrief_return_seconds):
            app.command(Reset())

    def _watch_idle(self, now: float) -> None:
        app = self.app
        prompt = next((s for s in app.stack if isinstance(s, IdlePrompt)), None)
        if prompt is None:
            if now - self.last_input >= self.settings.idle_prompt_seconds:
                app.push(IdlePrompt(app, self, shown_at=now))
            return
        if self.last_input > prompt.shown_at:
            self._remove(prompt)
        elif now - prompt.shown_at >= self.settings.idle_pause_seconds:
            self._remove(prompt)
            app.command(Pause())

    def _show_resume(self) -> None:
        """After a crash or a power cut, say so before the map comes back."""
        app = self.app
        events = app.session.events()
        if events and events[-1].kind == "restored" and app.state.lifecycle is Lifecycle.PLAYING:
            app.push(ResumeScreen(app, self, shown_at=self.now()))

    def _show_set_aside(self) -> None:
        journal = self.app.session.journal
        if journal.set_aside is not None:
            self.app.push(JournalNotice(self.app, self, trouble=None, set_aside=journal.set_aside.name))
        if journal.unopened is not None:
            self.app.push(JournalNotice(self.app, self, trouble=None, unopened=True))

    def _watch_journal(self, now: float) -> None:
        """Retry a journal that cannot write; tell the facilitator when it starts and stops."""
        journal = self.app.session.journal
        if journal.trouble is not None and now - self._retried >= JOURNAL_RETRY_SECONDS:
            self._retried = now
            journal.flush()
        trouble = journal.trouble
        if trouble is self._trouble_seen:
            return
        self._trouble_seen = trouble
        for notice in [s for s in self.app.stack if isinstance(s, JournalNotice) and s.trouble is not None]:
            self._remove(notice)
        if trouble is not None:
            self.app.push(JournalNotice(self.app, self, trouble=trouble))

    def forget_team(self) -> None:
        """A reset clears the previous team from the screen: its texts and its reading choices."""
        app = self.app
        app.assets.clear_text()
        app.show_focus = False
        app.change_settings(self.default_settings)
        app.sync(force=True)

    # -- the facilitator's screens -----------------------------------------------------

    def facilitator_screens(self) -> list[PinPad | FacilitatorPanel]:
        return [s for s in self.app.stack if isinstance(s, (PinPad, FacilitatorPanel))]

    def facilitator_open(self) -> bool:
        return bool(self.facilitator_screens())

    def _facilitator_since(self) -> float:
        return max((getattr(s, "opened_clock", 0.0) for s in self.facilitator_screens()), default=0.0)

    def open_pin_pad(self) -> None:
        if self.app.loaded and not self.facilitator_open():
            self.app.push(PinPad(self.app, self, on_dismiss=self._unlocked))

    def _unlocked(self, unlocked: bool) -> None:
        if unlocked:
            self.app.push(FacilitatorPanel(self.app, self, on_dismiss=self._back_to_team))
        else:
            self._back_to_team(None)

    def close_facilitator(self) -> None:
        """The facilitator walked away: the PIN pad or the panel closes as its own button would."""
        for screen in self.facilitator_screens():
            screen.close()

    def _back_to_team(self, hint_sent: str | None) -> None:
        """Back to the team's screen, showing them the hint the facilitator just sent."""
        # The team gets its screen back now: its idle time starts from here, not from before.
        self.last_input = self.now()
        if hint_sent is not None:
            self._show_hint(hint_sent)

    def _show_hint(self, pid: str) -> None:
        app = self.app
        puzzle = app.available_puzzle(pid)
        if puzzle is None:
            return
        top = app.top
        if isinstance(top, MapScreen):
            app.push(PuzzleScreen(app, puzzle))
        elif not (isinstance(top, PuzzleScreen) and top.puzzle.id == pid):
            return
        app.push(HintPanel(app, puzzle))

    def _remove(self, screen: Screen) -> None:
        app = self.app
        if app.top is screen:
            app.pop(screen)
        elif screen in app.stack:
            app.stack.remove(screen)
            app.dirty = True
            if app.top is not None:
                app.top.refresh()

    # -- the facilitator's errands -------------------------------------------------------

    def write_sheet(self) -> Path | None:
        session = self.app.session
        return write_last_sheet(session.journal, session.missions, self.data_dir)
