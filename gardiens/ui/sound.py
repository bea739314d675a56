"""Interface sounds and the music of a mission, synthesised in code (no sound files), silent
when there is no mixer."""

from __future__ import annotations

import io
import logging
import math
import struct
import sys
from array import array
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

log = logging.getLogger(__name__)

# Each sound is a list of (frequency Hz, start s, length s, loudness 0..1) notes.
# Soft sine tones only: a wrong answer is a gentle low "hum", never a harsh buzzer.
# Samples computed between two pauses of the synthesis (see `Sounds.preparing`).
SLICE = 2048
# The interface sounds are synthesised at this rate, mono, and the mixer converts them to its
# own: their highest note is under 1.4 kHz, so 11 kHz keeps it whole for a quarter of the
# arithmetic of 44.1 kHz stereo; all of them are then made in the first frames a kiosk shows.
SOUND_RATE = 11025
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

    def __init__(self, volume: float = 1.0) -> None:
        # The effects' loudness chosen in the accessibility panel (0..1); 0 is silence.
        self.volume = volume
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
        wav = yield from self._synthesise(_NOTES[name])
        try:
            if name not in self._cache:
                self._cache[name] = pygame.mixer.Sound(file=io.BytesIO(wav))
        except pygame.error as error:
            log.info("sound %s not prepared: %s", name, error)

    def play(self, name: str) -> None:
        if not (self.volume > 0 and self._format and name in _NOTES):
            return
        try:
            sound = self._cache.get(name)
            if sound is None:
                self.prepare(name)
                sound = self._cache[name]
            sound.set_volume(self.volume)
            sound.play()
        except pygame.error as error:
            log.info("sound %s not played: %s", name, error)

    def _synthesise(self, notes: list[tuple[float, float, float, float]]) -> Generator[None, None, bytes]:
        """The sound as a mono WAV at `SOUND_RATE` (the mixer converts it to its own format, in
        C), pausing (`yield`) after each slice of samples."""
        rate = SOUND_RATE
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
        scale = 26000 / max(1.0, max(mono), -min(mono))
        samples = array("h")
        for low in range(0, count, SLICE):
            samples.extend([int(v * scale) for v in mono[low:low + SLICE]])
            yield
        return _pcm_wav(samples, rate)


def _pcm_wav(samples: array[int], rate: int) -> bytes:
    """16-bit mono samples as a WAV file's bytes."""
    if sys.byteorder == "big":
        samples.byteswap()
    data = samples.tobytes()
    # The 44 bytes of a PCM WAV's header (16-bit, mono), written here: the `wave` module would
    # be one more import before the first frame.
    header = struct.pack("<4sI4s4sIHHIIHH4sI", b"RIFF", 36 + len(data), b"WAVE", b"fmt ", 16, 1, 1,
                         rate, rate * 2, 2, 16, b"data", len(data))
    return header + data


# -- music ------------------------------------------------------------------------------------

# Each mission theme's loop: its chords (MIDI notes), played in turn and melting into each other,
# and how long the loop lasts. Soft sine pads, low and slow, that a facilitator can hear for ten
# hours: no beat, no melody that sticks, every theme its own colour.
LOOP_SECONDS = 12.0
# The music is synthesised at this rate, mono, and the mixer converts it to its own: the highest
# note of a pad is under 700 Hz, so 8 kHz keeps every partial for a fifth of the arithmetic of
# 44.1 kHz, and the mixer's conversion is C, not Python.
MUSIC_RATE = 8000
_THEME_CHORDS: dict[str, tuple[tuple[int, ...], ...]] = {
    # The fog of false news: minor, open fifths, a question that lifts.
    "infox": ((45, 57, 60, 64, 71), (41, 57, 60, 64, 69), (48, 55, 60, 64, 67), (43, 55, 59, 62, 67)),
    # Kindness: warm major sevenths.
    "cyberharcelement": ((48, 55, 64, 67, 71), (45, 57, 60, 64, 67), (41, 57, 60, 64, 69), (43, 55, 59, 62, 64)),
    # Secrets kept: a quiet Dorian sway.
    "donnees-personnelles": ((50, 57, 60, 65, 69), (52, 59, 62, 67, 71), (50, 57, 60, 65, 69), (48, 55, 64, 67, 71)),
    # Play: bright Lydian chords that move a little faster.
    "jeux-video": ((41, 60, 64, 69, 71), (43, 62, 67, 71, 74), (40, 59, 64, 67, 71), (45, 60, 64, 69, 72),
                   (41, 60, 65, 69, 72), (43, 59, 62, 67, 74)),
    # Flows of data: deep and round.
    "economie-donnee": ((39, 55, 58, 62, 67), (36, 55, 58, 63, 67), (44, 56, 60, 63, 67), (46, 58, 62, 65, 70)),
    # Being steered: suspended chords that do not quite settle.
    "influence": ((40, 59, 64, 66, 71), (36, 55, 60, 64, 71), (45, 57, 60, 64, 67), (47, 59, 64, 66, 69)),
}
# The tension cue of the last minutes: a soft low pulse, like a calm heartbeat, under a high
# held note; it joins the ambient loop, it does not replace it.
TENSION_SECONDS = 6.0
TENSION_LAST_SECONDS = 120.0
TENSION_LAST_SHARE = 0.2
TENSION_BEATS = 8
_TENSION_PULSE = (45, 52)
_TENSION_HIGH = 76
# Music sits below the interface sounds: its loudest sample as a share of full scale.
MUSIC_PEAK = 0.45
# A pop-up above the map or a puzzle lowers the music to this share; changes glide this fast.
DUCKED = 0.35
GLIDE_PER_SECOND = 1.5
FADE_OUT_MS = 1200
FADE_IN_MS = 2000


def _hz(note: int) -> float:
    return 440.0 * 2 ** ((note - 69) / 12)


def _looping(freq: float, seconds: float) -> float:
    """The frequency nearest `freq` that makes whole cycles over `seconds`: the loop is seamless."""
    return max(1, round(freq * seconds)) / seconds


def synthesise_loop(chords: tuple[tuple[int, ...], ...], seconds: float,
                    rate: int) -> Generator[None, None, list[float]]:
    """A pad that melts from chord to chord and back to the first, as floats (peak 1), pausing
    after each slice. Every partial makes whole cycles over the loop and each chord's swell is
    periodic too, so the last sample leads into the first without a click."""
    count = int(seconds * rate)
    mono = [0.0] * count
    k = len(chords)
    segment = count / k
    sin, cos, pi = math.sin, math.cos, math.pi
    # Smaller slices than the interface sounds': five voices are summed in each.
    piece = SLICE // 4
    for c, chord in enumerate(chords):
        centre = (c + 0.5) * segment
        # A chord swells from its neighbour's centre to its own and fades into the next one:
        # cos² and sin² of neighbours add up to one, so the loudness never dips.
        first, last = int(centre - segment), int(centre + segment)
        voices = [(2 * pi * _looping(_hz(note), seconds) / rate, (0.8 if j == 0 else 0.5) / (1 + 0.15 * j))
                  for j, note in enumerate(chord)]
        for low in range(first, last, piece):
            high = min(last, low + piece)
            swell = [cos(pi / 2 * (i - centre) / segment) ** 2 for i in range(low, high)]
            sound = [0.0] * (high - low)
            for step, loud in voices:
                sound = [s + e * loud * sin(step * i) for s, e, i in zip(sound, swell, range(low, high), strict=True)]
            # Wrap around the loop's end: the first chord swells in from the last samples.
            at = low % count
            run = min(high - low, count - at)
            mono[at:at + run] = [a + b for a, b in zip(mono[at:at + run], sound[:run], strict=True)]
            rest = sound[run:]
            mono[:len(rest)] = [a + b for a, b in zip(mono[:len(rest)], rest, strict=True)]
            yield
    peak = max(1e-9, max(mono), -min(mono))
    return [v / peak for v in mono]


def synthesise_tension(rate: int) -> Generator[None, None, list[float]]:
    """The last minutes' pulse (peak 1): soft low beats that fade, under a faint held note."""
    seconds = TENSION_SECONDS
    count = int(seconds * rate)
    beat = count // TENSION_BEATS
    sin, cos, exp, pi = math.sin, math.cos, math.exp, math.pi
    pulses = [2 * pi * _looping(_hz(note), seconds) / rate for note in _TENSION_PULSE]
    high = 2 * pi * _looping(_hz(_TENSION_HIGH), seconds) / rate
    # The held note breathes once over the loop, so it never ends on a click either.
    breath = 2 * pi / count
    decay = -6.0 / beat
    attack = max(1, int(0.03 * rate))
    mono: list[float] = []
    # Smaller slices than the interface sounds': three voices and a pulse in each sample.
    piece = SLICE // 4
    for low in range(0, count, piece):
        top = min(count, low + piece)
        mono += [min(1.0, (i % beat) / attack) * exp(decay * (i % beat))
                 * (sin(pulses[0] * i) + 0.5 * sin(pulses[1] * i))
                 + 0.12 * (1 - cos(breath * i)) * sin(high * i) for i in range(low, top)]
        yield
    peak = max(1e-9, max(mono), -min(mono))
    return [v / peak for v in mono]


def _wav(name: str) -> Generator[None, None, bytes]:
    """The loop `name` as a mono WAV at `MUSIC_RATE`, pausing after each slice of samples."""
    if name == "tension":
        mono = yield from synthesise_tension(MUSIC_RATE)
    else:
        mono = yield from synthesise_loop(_THEME_CHORDS[name], LOOP_SECONDS, MUSIC_RATE)
    scale = 32767 * MUSIC_PEAK
    samples = array("h")
    for low in range(0, len(mono), SLICE):
        samples.extend([int(v * scale) for v in mono[low:low + SLICE]])
        yield
    return _pcm_wav(samples, MUSIC_RATE)


def _load(wav: bytes) -> pygame.mixer.Sound:
    return pygame.mixer.Sound(file=io.BytesIO(wav))


def _known(name: str) -> bool:
    return name in _THEME_CHORDS or name == "tension"


def tension_starts(limit: float) -> float:
    """The seconds left when the tension cue starts: the last two minutes, or the last fifth of
    a short mission (a five-minute one hears it for its last minute)."""
    return min(TENSION_LAST_SECONDS, TENSION_LAST_SHARE * limit)


@dataclass(frozen=True)
class Mood:
    """What the music should do now: the theme's loop (None: silence), lowered under a pop-up,
    with the tension cue of the last minutes."""

    theme: str | None = None
    ducked: bool = False
    tension: bool = False


SILENCE = Mood()


class Music:
    """The mission's ambient loop and the tension cue, each on a channel of its own that the
    interface sounds never take. Loops are synthesised once per theme, in slices between frames
    (`preparing`, run by `gardiens.ui.ahead`); `follow` only starts, glides and stops what is
    ready, so no frame waits."""

    def __init__(self, volume: float = 1.0) -> None:
        # The music's loudness chosen in the accessibility panel (0..1).
        self.volume = volume
        self._cache: dict[str, pygame.mixer.Sound] = {}
        self._format: tuple[int, int, int] | None = None
        self._channels: tuple[pygame.mixer.Channel, pygame.mixer.Channel] | None = None
        self._converter: ThreadPoolExecutor | None = None
        self._work: dict[str, Generator[bool, None, None]] = {}
        self.playing: str | None = None
        self.tension = False
        self.level = 0.0
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init()
            self._format = pygame.mixer.get_init()
            pygame.mixer.set_reserved(2)
            self._channels = (pygame.mixer.Channel(0), pygame.mixer.Channel(1))
        except pygame.error as error:
            log.info("no music on this kiosk: %s", error)
            self._format = None

    @property
    def available(self) -> bool:
        return self._channels is not None

    def unprepared(self, theme: str) -> list[str]:
        """The loops that `theme` needs and that are not synthesised yet."""
        if not self.available:
            return []
        return [name for name in (theme, "tension") if _known(name) and name not in self._cache]

    def preparing(self, name: str) -> Iterator[bool]:
        """Synthesise the loop `name` (a theme, or "tension") in slices of about a millisecond,
        pausing (`yield`) after each; then the mixer converts it to its own rate on a thread
        (tens of milliseconds of C that let the frames go on), while this yields True.

        The work goes on where it stopped when `preparing` is asked again: the frames' plan of
        what to prepare is made anew after every tap, and would otherwise start it over."""
        if self._format is None or name in self._cache or not _known(name):
            return
        work = self._work.get(name)
        if work is None:
            work = self._work[name] = self._making(name)
        while True:
            try:
                waiting = next(work)
            except StopIteration:
                self._work.pop(name, None)
                return
            yield waiting

    def _making(self, name: str) -> Generator[bool, None, None]:
        wav = yield from _slices(_wav(name))
        if self._converter is None:
            # Imported with the first music made, not before the kiosk's first frame.
            from concurrent.futures import ThreadPoolExecutor  # lazy: start-up

            self._converter = ThreadPoolExecutor(1, thread_name_prefix="gardiens-music")
        converted: Future[pygame.mixer.Sound] = self._converter.submit(_load, wav)
        while not converted.done():
            yield True
        try:
            self._cache.setdefault(name, converted.result())
        except pygame.error as error:
            log.info("music %s not prepared: %s", name, error)

    def prepare(self, name: str) -> None:
        for _ in self.preparing(name):
            pass

    def forget(self) -> None:
        """Let go of the loops made so far but the one playing (between two teams: 2 MB a
        theme, and a day sees every theme); the next team's are made again while it sets up."""
        self._cache = {name: sound for name, sound in self._cache.items() if name == self.playing}

    def kept(self) -> list[str]:
        """The loops made and kept."""
        return sorted(self._cache)

    def follow(self, mood: Mood, dt: float) -> None:
        """Once a frame: start, lower, raise or stop the loops to match `mood`; cheap."""
        if self._channels is None:
            return
        ambient, tension = self._channels
        theme = mood.theme if self.volume > 0 else None
        if theme != self.playing:
            if self.playing is not None:
                ambient.fadeout(FADE_OUT_MS)
                tension.fadeout(FADE_OUT_MS)
                self.playing, self.tension = None, False
            loop = self._cache.get(theme) if theme is not None else None
            if loop is None:
                return
            self.level = self._target(mood)
            ambient.set_volume(self.level)
            ambient.play(loop, loops=-1, fade_ms=FADE_IN_MS)
            self.playing = theme
        if mood.tension and not self.tension and "tension" in self._cache:
            # Started once, when the last minutes begin; it plays on until the music stops.
            tension.set_volume(self.level)
            tension.play(self._cache["tension"], loops=-1, fade_ms=FADE_IN_MS)
            self.tension = True
        target = self._target(mood)
        if target != self.level:
            glide = GLIDE_PER_SECOND * max(0.0, dt)
            self.level = min(target, self.level + glide) if target > self.level else max(target, self.level - glide)
            ambient.set_volume(self.level)
            tension.set_volume(self.level)

    def _target(self, mood: Mood) -> float:
        return self.volume * (DUCKED if mood.ducked else 1.0)

    def stop(self) -> None:
        self.follow(SILENCE, 0.0)

    def close(self) -> None:
        self.stop()
        if self._converter is not None:
            self._converter.shutdown(wait=False, cancel_futures=True)
            self._converter = None


def _slices(steps: Generator[None, None, bytes]) -> Generator[bool, None, bytes]:
    """`steps`, saying at each pause that it is working (False), not waiting."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value
        yield False
