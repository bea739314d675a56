"""The headless pilot: drives the real App with synthetic touches and keys, one frame at a time.

    pilot = Pilot.launch(missions, mission_dirs=dirs)
    pilot.tap("start"); pilot.tap("age:9-12"); pilot.tap("confirm")
    pilot.drag("order:b", "order:a"); pilot.type("source"); pilot.press("return")
"""

from __future__ import annotations

import random
import wave
from collections.abc import Mapping
from pathlib import Path
from typing import TypeAlias

from gardiens.core.clock import ManualClock
from gardiens.core.journal import Journal
from gardiens.core.model import AgeBand, Mission
from gardiens.core.session import Session
from gardiens.i18n.missions import CatalogAnswers
from gardiens.ui.app import App, headless_environment
from gardiens.ui.assets import Assets
from gardiens.ui.text import TextFit
from gardiens.ui.theme import Settings
from gardiens.ui.widgets.base import Widget

Target: TypeAlias = str | Widget | tuple[int, int]
FRAME = 1 / 60
# Where every pilot's hand-moved clock starts (seconds).
START = 1_000_000.0
# The staged voice's audio: a quiet tone, this long per character said.
VOICE_RATE = 8000
VOICE_SECONDS_PER_CHARACTER = 0.02


class ToneVoice:
    """A voice engine for staged kiosks: each text said is a quiet tone as long as the text, so
    that a kiosk shows its speaker button and reads the same way on any machine (with or
    without espeak-ng)."""

    name = "tone"
    identity = "tone 1"

    def voice(self, language: str) -> str:
        return language

    def synthesise(self, text: str, *, language: str, voice: str, output: Path) -> None:
        frames = int(VOICE_RATE * VOICE_SECONDS_PER_CHARACTER * max(1, len(text)))
        with wave.open(str(output), "wb") as writer:
            writer.setnchannels(1)
            writer.setsampwidth(2)
            writer.setframerate(VOICE_RATE)
            writer.writeframes(b"\x10\x00\xf0\xff" * (frames // 2))


def give_voice(app: App, cache: Path) -> None:
    """Give the kiosk a voice (`ToneVoice`, its audio kept in `cache`): its screens then show
    the speaker button under the accessibility one, as a kiosk with espeak-ng does."""
    from gardiens.ui.speech import ReadAloud
    from gardiens.voice.cache import VoiceCache
    from gardiens.voice.speaker import Speaker

    if app.speech is not None:
        app.speech.close()
    app.speech = ReadAloud(app, Speaker(ToneVoice(), VoiceCache(cache)))
    app.dirty = True


class PilotError(LookupError):
    """The widget asked for is not on the screen."""


class Pilot:
    """Plays the App like a team would: every action goes through pygame's event queue."""

    def __init__(self, app: App, clock: ManualClock | None = None) -> None:
        import pygame

        self._pygame = pygame
        self.app = app
        self.clock = clock
        app.strict = True
        if app.surface is None:
            app.open()
        self.advance()

    @classmethod
    def launch(
        cls,
        missions: Mapping[str, Mission],
        *,
        mission_dirs: Mapping[str, Path] | None = None,
        size: tuple[int, int] = (1920, 1080),
        language: str = "fr",
        age: AgeBand | None = None,
        settings: Settings | None = None,
        journal: Journal | None = None,
        seed: int = 0,
        default_mission: str | None = None,
        assets: Assets | None = None,
        pictures_only: bool = False,
        voice: Path | None = None,
    ) -> Pilot:
        """A fresh kiosk on the attract screen, with a hand-moved clock and a memory journal.

        `assets` already loaded (fonts, pictures, rendered text) may be shared between pilots;
        `pictures_only` kiosks are only looked at: no sound, no work done ahead of a tap. With
        `voice` (a folder for its audio), the kiosk can read aloud (see `give_voice`).
        """
        headless_environment()
        clock = ManualClock(START)
        session = Session(missions, journal or Journal.memory(), clock, rng=random.Random(seed),
                          answers=CatalogAnswers())
        app = App(session, size=size, language=language, age=age, settings=settings,
                  mission_dirs=mission_dirs, default_mission=default_mission, fixed_dt=FRAME,
                  pictures_only=pictures_only)
        if assets is not None:
            app.assets = assets
        if voice is not None:
            give_voice(app, voice)
        return cls(app, clock)

    def renew(self, *, age: AgeBand | None = None, seed: int = 0) -> None:
        """The same kiosk (window, fonts, caches) for the next team, as if just launched with
        `age` and `seed`: a new session of the same missions with a memory journal and a fresh
        hand-moved clock, no attendant, no screen until the next `sync`."""
        app = self.app
        clock = ManualClock(START)
        session = Session(app.session.missions, Journal.memory(), clock, rng=random.Random(seed),
                          answers=app.session.answers)
        app.attendant = None
        app.stack.clear()
        app.input.press = None
        app.default_age = age
        app.ending_seen = False
        app.session = session
        app.follower.forget()
        self.clock = clock

    # -- looking -------------------------------------------------------------------

    @property
    def screen(self) -> str:
        top = self.app.top
        return top.name if top is not None else ""

    def names(self) -> list[str]:
        return [w.name for w in self.app.all_widgets()]

    def has(self, name: str) -> bool:
        return any(w.name == name for w in self.app.all_widgets())

    def find(self, name: str) -> Widget:
        for widget in self.app.all_widgets():
            if widget.name == name:
                return widget
        raise PilotError(f"no widget {name!r} on screen {self.screen!r}; there are: {', '.join(self.names())}")

    def fits(self) -> list[TextFit]:
        """The text blocks of the last full redraw, with whether each fitted its box."""
        self.app.dirty = True
        self.advance()
        return list(self.app.type.report)

    # -- acting --------------------------------------------------------------------

    def point(self, target: Target) -> tuple[int, int]:
        if isinstance(target, tuple):
            return target
        widget = self.find(target) if isinstance(target, str) else target
        return widget.rect.center

    def _finger(self, kind: int, pos: tuple[int, int], dx: float = 0.0, dy: float = 0.0) -> None:
        pg = self._pygame
        w, h = self.app.size
        pg.event.post(pg.event.Event(kind, touch_id=1, finger_id=0, x=(pos[0] + 0.5) / w, y=(pos[1] + 0.5) / h,
                                     dx=dx, dy=dy, pressure=1.0))

    def tap(self, target: Target, *, mouse: bool = False) -> None:
        """A finger (or the mouse) pressed and lifted on the target."""
        pg = self._pygame
        pos = self.point(target)
        if mouse:
            pg.event.post(pg.event.Event(pg.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False))
            self.advance()
            pg.event.post(pg.event.Event(pg.MOUSEBUTTONUP, pos=pos, button=1, touch=False))
        else:
            self._finger(pg.FINGERDOWN, pos)
            self.advance()
            self._finger(pg.FINGERUP, pos)
        self.advance()

    def drag(self, start: Target, end: Target, *, steps: int = 6) -> None:
        """A finger slides from `start` to `end` and lifts."""
        pg = self._pygame
        a = self.point(start)
        b = self.point(end)
        self._finger(pg.FINGERDOWN, a)
        self.advance()
        for i in range(1, steps + 1):
            pos = (a[0] + (b[0] - a[0]) * i // steps, a[1] + (b[1] - a[1]) * i // steps)
            self._finger(pg.FINGERMOTION, pos)
            self.advance()
        self._finger(pg.FINGERUP, b)
        self.advance()

    def type(self, text: str) -> None:
        """Text from a physical keyboard, or pasted."""
        pg = self._pygame
        pg.event.post(pg.event.Event(pg.TEXTINPUT, text=text))
        self.advance()

    def press(self, key: str | int, *, shift: bool = False) -> None:
        """One key: a pygame key code or a name such as "tab", "return", "escape", "left"."""
        pg = self._pygame
        code = key if isinstance(key, int) else pg.key.key_code(key)
        mod = pg.KMOD_SHIFT if shift else 0
        pg.event.post(pg.event.Event(pg.KEYDOWN, key=code, mod=mod, unicode="", scancode=0))
        pg.event.post(pg.event.Event(pg.KEYUP, key=code, mod=mod, unicode="", scancode=0))
        self.advance()

    def advance(self, frames: int = 1) -> None:
        for _ in range(frames):
            self.app.step(FRAME)

    def settle(self, max_frames: int = 600) -> None:
        """Step until no animation runs (tweens, confetti), up to `max_frames`."""
        for _ in range(max_frames):
            if not self.app.step(FRAME):
                return

    def wait(self, seconds: float) -> None:
        """Let game time pass (the countdown) without any touch."""
        if self.clock is not None:
            self.clock.advance(seconds)
        self.advance(max(1, round(seconds * 60)) if seconds < 5 else 61)

    def screenshot(self, path: Path) -> None:
        self.app.dirty = True
        self.advance()
        path.parent.mkdir(parents=True, exist_ok=True)
        self.app.screenshot(path)

    def close(self) -> None:
        self.app.close()

