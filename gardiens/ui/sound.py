"""Interface sounds synthesised at first use (no sound files), silent when there is no mixer."""

from __future__ import annotations

import logging
import math
from array import array
from collections.abc import Generator, Iterator
from typing import Any

import pygame

log = logging.getLogger(__name__)

# Each sound is a list of (frequency Hz, start s, length s, loudness 0..1) notes.
# Soft sine tones only: a wrong answer is a gentle low "hum", never a harsh buzzer.
# Samples computed between two pauses of the synthesis (see `Sounds.preparing`).
SLICE = 2048
_NOTES: dict[str, list[tuple[float, float, float, float]]] = {
    "tap": [(880.0, 0.0, 0.05, 0.25)],
    "right": [(659.3, 0.0, 0.18, 0.4), (987.8, 0.1, 0.35, 0.4)],
    "wrong": [(329.6, 0.0, 0.22, 0.3), (277.2, 0.14, 0.3, 0.3)],
    "reward": [(784.0, 0.0, 0.12, 0.3), (987.8, 0.08, 0.12, 0.3), (1318.5, 0.16, 0.3, 0.35)],
    "victory": [
        (523.3, 0.0, 0.2, 0.35),
        (659.3, 0.15, 0.2, 0.35),
        (784.0, 0.3, 0.2, 0.35),
        (1046.5, 0.45, 0.6, 0.4),
    ],
    "hint": [(587.3, 0.0, 0.12, 0.3), (784.0, 0.09, 0.25, 0.3)],
    "time_up": [(392.0, 0.0, 0.3, 0.3), (329.6, 0.25, 0.3, 0.3), (261.6, 0.5, 0.5, 0.3)],
}


class Sounds:
    """Plays the interface sounds; every call is a no-op if audio could not start."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._cache: dict[str, pygame.mixer.Sound] = {}
        self._format: tuple[int, int, int] | None = None
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init()
            self._format = pygame.mixer.get_init()
        except pygame.error as error:
            log.info("no sound on this kiosk: %s", error)
            self._format = None

    @property
    def available(self) -> bool:
        return self._format is not None

    def unprepared(self) -> list[str]:
        """The sounds not synthesised yet (none when there is no mixer)."""
        return [name for name in _NOTES if name not in self._cache] if self._format else []

    def prepare(self, name: str) -> None:
        """Synthesise `name` now, so its first play does not hold up a frame."""
        for _ in self.preparing(name):
            pass

    def preparing(self, name: str) -> Iterator[None]:
        """Synthesise `name` in slices of about a millisecond: the caller resumes it between frames."""
        if not (self._format and name in _NOTES and name not in self._cache):
            return
        buffer = yield from self._synthesise(_NOTES[name])
        try:
            if name not in self._cache:
                self._cache[name] = pygame.mixer.Sound(buffer=buffer)
        except pygame.error as error:
            log.info("sound %s not prepared: %s", name, error)

    def play(self, name: str) -> None:
        if not (self.enabled and self._format and name in _NOTES):
            return
        try:
            sound = self._cache.get(name)
            if sound is None:
                self.prepare(name)
                sound = self._cache[name]
            sound.play()
        except pygame.error as error:
            log.info("sound %s not played: %s", name, error)

    def _synthesise(self, notes: list[tuple[float, float, float, float]]) -> Generator[None, None, bytes]:
        """The sound's bytes in the mixer's format, pausing (`yield`) after each slice of samples."""
        assert self._format is not None
        rate, bits, channels = self._format
        length = max(start + dur for _, start, dur, _ in notes) + 0.02
        count = int(rate * length)
        mono = [0.0] * count
        sin, exp = math.sin, math.exp
        # Whole-slice passes rather than one indexed update per sample.
        for freq, start, dur, loud in notes:
            first = int(start * rate)
            n = int(dur * rate)
            attack = max(1, int(0.008 * rate))
            step = 2 * math.pi * freq / rate
            fade = -4.0 / n
            span = min(n, count - first)
            for low in range(0, span, SLICE):
                high = min(span, low + SLICE)
                # Quick attack then an exponential fade: a bell, not a click.
                wave = [loud * min(1.0, i / attack) * exp(fade * i) * sin(step * i) for i in range(low, high)]
                at = first + low
                mono[at:at + len(wave)] = [a + b for a, b in zip(mono[at:at + len(wave)], wave, strict=True)]
                yield
        peak = max(1.0, max(mono), -min(mono))
        samples: array[Any]
        if abs(bits) == 8:
            samples, scale, offset = array("B"), 100 / peak, 128.0
        elif bits == -32 or bits == 32:
            samples, scale, offset = array("f"), 0.8 / peak, 0.0
        else:
            samples, scale, offset = array("h"), 26000 / peak, 0.0
        floats = samples.typecode == "f"
        for low in range(0, count, SLICE):
            part: list[Any] = [offset + v * scale for v in mono[low:low + SLICE]]
            samples.extend(part if floats else [int(v) for v in part])
            yield
        if channels == 1:
            return samples.tobytes()
        frames: array[Any] = array(samples.typecode, bytes(samples.itemsize * len(samples) * channels))
        for channel in range(channels):
            frames[channel::channels] = samples
        return frames.tobytes()
