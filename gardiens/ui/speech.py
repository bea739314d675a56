"""Reading the screen aloud: a speaker button under the accessibility one reads the text blocks of
the screen on top in reading order, the sentence being said outlined; a tap on a text reads it;
auto-read reads each new screen; a new screen stops the voice.

The blocks are those the typesetter reported drawing for the screen on top (one mechanism for
every screen). Each block is asked of the `Speaker` whole, as `gardiens voice build` rendered it,
so the voice is the cached (or recorded) one; the sentence outlined is estimated from its share
of the block's letters over the clip's length.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pygame

from gardiens.ui.kit.screen import SPEAKER
from gardiens.ui.widgets.base import Button

if TYPE_CHECKING:
    from gardiens.core.model import Mission
    from gardiens.ui.kit.screen import Canvas, Shell
    from gardiens.ui.sound import Mood
    from gardiens.ui.text import TextFit
    from gardiens.ui.widgets.base import Widget

log = logging.getLogger(__name__)

SPEAKER_BUTTON = "speak"
# The button, in design pixels: under the accessibility button, icon above its word; the screens
# keep its place free.
BUTTON_RECT = SPEAKER
# The mixer channel the voice takes (0 and 1 are the music's).
VOICE_CHANNEL = 2
# A breath between two blocks (seconds).
PAUSE = 0.35
# Blocks whose tops are this close (design pixels) are on one row: read left to right.
ROW_TOLERANCE = 24
# The outline around the sentence being said (design pixels), and the wash under it.
OUTLINE = 5
MARGIN = 8
WASH_ALPHA = 70
# A sentence ends at . ! ? or … followed by a space (an ordinary, or a narrow one before ! ?).
_SENTENCE = re.compile(r"[^.!?…]*(?:[.!?…]+[»\"”)]*|$)\s*")


def sentences(text: str) -> list[tuple[int, int]]:
    """The character spans of the sentences of `text`, in order, covering it all."""
    spans: list[tuple[int, int]] = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        if end > start:
            spans.append((start, end))
    return spans or [(0, len(text))]


def line_spans(text: str, lines: tuple[str, ...]) -> list[tuple[int, int]] | None:
    """Where each wrapped line of `text` starts and ends in it; None when a line is not found
    (a line cut with …): the block is then outlined whole."""
    spans: list[tuple[int, int]] = []
    at = 0
    for line in lines:
        found = text.find(line.strip(), at)
        if found < 0:
            return None
        at = found + len(line.strip())
        spans.append((found, at))
    return spans


@dataclass(frozen=True)
class Passage:
    """One block to say: the text asked of the speaker, and the shaped text drawn (to find it)."""

    said: str
    shown: str


@dataclass
class Playing:
    """The passage the voice is saying: its clip's length and when it started (App time)."""

    passage: Passage
    started: float
    length: float


def reading_order(fits: list[TextFit], widgets: list[Widget], tolerance: int) -> list[TextFit]:
    """The blocks a player reads, top to bottom and left to right: text with letters, and no
    button's label unless it is reading text (a choice) or the screen has nothing else.

    A label inside a card that holds reading text (a post's author and date, a note under it) is
    the card's: it is read after the card's own text, in the card's reading order. A label in a
    widget with no reading text is a button's, left out; so is a lone letter (an avatar's initial).
    """
    fits = [f for f in fits if any(c.isalpha() for c in f.text) and f.ink[2] > 0 and f.ink[3] > 0]
    rects = [pygame.Rect(w.rect) for w in widgets]

    def owner(fit: TextFit) -> int | None:
        """The smallest widget holding the text, by its index."""
        ink = pygame.Rect(fit.ink)
        holders = [i for i, r in enumerate(rects) if r.contains(ink)]
        return min(holders, key=lambda i: rects[i].w * rects[i].h) if holders else None

    owners = [owner(f) for f in fits]
    cards = {o for f, o in zip(fits, owners, strict=True) if o is not None and f.kind != "label"}
    main: list[TextFit] = []
    # A card's labels, by the card's index, to be read after its text.
    of_card: dict[int, list[TextFit]] = {}
    for fit, at in zip(fits, owners, strict=True):
        if fit.kind != "label" or at is None:
            main.append(fit)
        elif at in cards and sum(c.isalpha() for c in fit.text) > 1:
            of_card.setdefault(at, []).append(fit)
    if not main and not of_card:
        main = fits
    ordered = _rows(_unique(main), tolerance)
    last_of: dict[int, int] = {}
    for index, fit in enumerate(ordered):
        at = owner(fit)
        if at is not None and at in of_card:
            last_of[at] = index
    read: list[TextFit] = []
    for index, fit in enumerate(ordered):
        read.append(fit)
        for at, last in last_of.items():
            if last == index:
                read += _rows(_unique(of_card[at]), tolerance)
    return read


def _unique(fits: list[TextFit]) -> list[TextFit]:
    """Each text once in its place (a shadow, a look kept drawn twice)."""
    seen: set[tuple[str, tuple[int, int, int, int]]] = set()
    unique = []
    for fit in fits:
        if (fit.text, fit.box) not in seen:
            seen.add((fit.text, fit.box))
            unique.append(fit)
    return unique


def _rows(fits: list[TextFit], tolerance: int) -> list[TextFit]:
    """Top to bottom, and left to right within a row (tops this close)."""
    fits = sorted(fits, key=lambda f: (f.ink[1], f.ink[0]))
    rows: list[list[TextFit]] = []
    for fit in fits:
        if rows and abs(fit.ink[1] - rows[-1][0].ink[1]) <= tolerance:
            rows[-1].append(fit)
        else:
            rows.append([fit])
    return [fit for row in rows for fit in sorted(row, key=lambda f: f.ink[0])]


def sentence_area(fit: TextFit, fraction: float, margin: int) -> pygame.Rect:
    """The lines of the sentence said at `fraction` (0..1) of the block's letters, or the whole
    block when its lines cannot be told apart."""
    ink = pygame.Rect(fit.ink)
    whole = ink.inflate(2 * margin, 2 * margin)
    spans = line_spans(fit.text, fit.line_texts)
    if spans is None or len(spans) < 2 or fit.line_height <= 0:
        return whole
    parts = sentences(fit.text)
    at = min(len(fit.text) - 1, max(0, int(fraction * len(fit.text))))
    start, end = next(((s, e) for s, e in parts if s <= at < e), parts[-1])
    lines = [i for i, (ls, le) in enumerate(spans) if ls < end and le > start]
    if not lines:
        return whole
    pitch = fit.line_height
    first_h = max(pitch // 2, ink.h - (len(spans) - 1) * pitch)
    top = ink.y + lines[0] * pitch
    bottom = ink.y + lines[-1] * pitch + first_h
    return pygame.Rect(ink.x, top, ink.w, bottom - top).inflate(2 * margin, 2 * margin)


class SpeakerButton(Button):
    """The speaker: its icon above its word, so that both fit beside the screen's title."""

    def appearance(self, app: Canvas) -> Hashable | None:
        return self.appearance_of(app)

    def draw_content(self, surface: pygame.Surface, app: Canvas, rect: pygame.Rect, ink: tuple[int, int, int]) -> None:
        m = app.metrics
        icon_size = m.px(52)
        image = app.assets.icon(self.icon or "sound", icon_size, ink)
        surface.blit(image, image.get_rect(midtop=(rect.centerx, rect.y + m.px(12))))
        # Its word takes the button's whole width: a wider letter spacing still fits it.
        words = pygame.Rect(rect.x + m.px(2), rect.y + m.px(12) + icon_size, rect.w - m.px(4),
                            rect.bottom - rect.y - m.px(20) - icon_size)
        app.type.block(surface, self.label, words, size=m.text("small"), color=ink, bold=True,
                       align="center", valign="middle", name=self.name, kind="label")


class Speech(Protocol):
    """A text asked of the speaker (`gardiens.voice.speaker.Speech`)."""

    text: str
    audio: Path | None
    error: str | None


class Speaker(Protocol):
    """What renders texts on a worker (`gardiens.voice.speaker.Speaker`): `request` answers at
    once, `ready` gives what finished since, `forget` drops what still waits."""

    recordings: dict[tuple[str, str], Path]

    def request(self, text: str, language: str) -> Speech: ...

    def ready(self) -> Sequence[Speech]: ...

    def forget(self) -> None: ...

    def close(self) -> None: ...


# The author's recordings of a mission's texts, by (language, text).
Recordings = Callable[["Mission"], Mapping[tuple[str, str], Path]]


class ReadAloud:
    """The App's voice: what is being read, what is waiting, and the button that starts it."""

    def __init__(self, app: Shell, speaker: Speaker | None, *, missing: str | None = None,
                 recordings: Recordings | None = None) -> None:
        self.app = app
        self.speaker = speaker
        self.recordings = recordings
        # Why there is no voice (espeak-ng not installed): the button is not shown then.
        self.missing = missing if speaker is not None else (missing or "no speaker")
        self.queue: list[Passage] = []
        self.waiting: dict[int, Passage] = {}
        self.clips: dict[str, pygame.mixer.Sound | None] = {}
        self.playing: Playing | None = None
        self.requested: list[str] = []
        # Reading mode: the team asked for the voice; a tap on a text reads it.
        self.on = False
        self._screen: int | None = None
        self._read_new_screen = False
        self._texts: list[TextFit] = []
        self._outlined: pygame.Rect | None = None
        self._recordings_of: set[str] = set()
        self._channel: pygame.mixer.Channel | None = None

    # -- what the frame asks ---------------------------------------------------------

    @property
    def available(self) -> bool:
        return self.speaker is not None and self.missing is None

    def button(self) -> Button | None:
        """The speaker button when the screen on top shows the accessibility corner."""
        if not self.available or self.app.input.corner_shown() is None:
            return None
        m = self.app.metrics
        x, y, w, h = BUTTON_RECT
        _ = self.app.translator.gettext
        speaking = self.speaking
        label, icon = (_("Stop"), "square") if speaking else (_("Écouter"), "sound")
        return SpeakerButton(SPEAKER_BUTTON, pygame.Rect(m.px(x), m.px(y), m.px(w), m.px(h)), label,
                             icon=icon, kind="accent" if speaking else "primary", on_tap=self.toggle)

    @property
    def speaking(self) -> bool:
        """Something is being said or is still to be said."""
        return self.playing is not None or bool(self.queue)

    def shown(self, fits: list[TextFit]) -> None:
        """The blocks the screen on top drew in the last full redraw."""
        self._texts = fits

    def draw(self, surface: pygame.Surface) -> None:
        """The outline around the sentence being said (drawn over the screen on top)."""
        area = self.outlined()
        self._outlined = area
        if area is None:
            return
        p = self.app.palette
        m = self.app.metrics
        wash = pygame.Surface(area.size, pygame.SRCALPHA)
        pygame.draw.rect(wash, (*p.focus, WASH_ALPHA), wash.get_rect(), border_radius=m.px(14))
        surface.blit(wash, area)
        pygame.draw.rect(surface, p.focus, area, width=max(2, m.px(OUTLINE)), border_radius=m.px(14))

    def outlined(self) -> pygame.Rect | None:
        playing = self.playing
        if playing is None:
            return None
        fit = next((f for f in self._texts if f.text == playing.passage.shown), None)
        if fit is None:
            return None
        fraction = (self.app.time - playing.started) / playing.length if playing.length > 0 else 0.0
        return sentence_area(fit, min(1.0, max(0.0, fraction)), self.app.metrics.px(MARGIN))

    def mood(self, mood: Mood) -> Mood:
        """The music lowered while the voice speaks."""
        return replace(mood, ducked=True) if self.playing is not None else mood

    # -- acting ------------------------------------------------------------------------

    def toggle(self) -> None:
        """The speaker button: read the screen on top from its first block, or stop talking. Reading
        mode stays on once the screen is read: a tap on a text reads it again."""
        if self.speaking:
            self.stop()
        else:
            self.read_screen()

    def read_screen(self) -> None:
        widgets = [w for w in self.app.top.widgets] if self.app.top is not None else []
        order = reading_order(self._texts, widgets, self.app.metrics.px(ROW_TOLERANCE))
        self.read([Passage(f.said or f.text, f.text) for f in order])

    def tap(self, pos: tuple[int, int]) -> bool:
        """A tap outside every button: in reading mode, the text under it is read."""
        if not self.on:
            return False
        for fit in self._texts:
            if pygame.Rect(fit.box).collidepoint(pos) and any(c.isalpha() for c in fit.text):
                self.read([Passage(fit.said or fit.text, fit.text)])
                return True
        return False

    def read(self, passages: list[Passage]) -> None:
        self.stop()
        self.on = True
        self.queue = list(passages)
        self.app.dirty = True
        self._ask_ahead()

    def stop(self) -> None:
        """Silence now: what is waiting is forgotten, the voice's channel stopped."""
        if self.speaker is not None:
            self.speaker.forget()
        if self._channel is not None:
            self._channel.stop()
        self.queue = []
        self.waiting.clear()
        self.clips.clear()
        if self.on or self.playing is not None:
            self.app.dirty = True
        self.playing = None
        self.on = False

    def close(self) -> None:
        self.stop()
        if self.speaker is not None:
            self.speaker.close()

    # -- once a frame ------------------------------------------------------------------

    def update(self) -> None:
        """Follow the screen on top, take what the speaker finished, and play in turn. Never
        waits: the speaker renders on its worker, the clip plays on the mixer's thread."""
        if not self.available:
            return
        top = self.app.top
        screen = id(top) if top is not None else None
        if screen != self._screen:
            self._screen = screen
            self.stop()
            self._read_new_screen = self.app.settings.auto_read and top is not None
            return
        if self._read_new_screen and self._texts:
            # The first full redraw of the new screen has reported its blocks.
            self._read_new_screen = False
            self.read_screen()
        assert self.speaker is not None
        for speech in self.speaker.ready():
            self._heard(speech)
        playing = self.playing
        if playing is not None:
            if self.app.time - playing.started < playing.length + PAUSE:
                if self.outlined() != self._outlined:
                    self.app.dirty = True
                return
            self.playing = None
            self.app.dirty = True
        if self.queue:
            self._play_next()

    def _ask_ahead(self) -> None:
        assert self.speaker is not None
        self._know_recordings()
        language = self.app.translator.language
        for passage in self.queue:
            if passage.said not in self.clips and all(p.said != passage.said for p in self.waiting.values()):
                self.requested.append(passage.said)
                speech = self.speaker.request(passage.said, language)
                self.waiting[id(speech)] = passage

    def _heard(self, speech: Speech) -> None:
        passage = self.waiting.pop(id(speech), None)
        if passage is None:
            return
        clip: pygame.mixer.Sound | None = None
        if speech.audio is not None and pygame.mixer.get_init():
            try:
                clip = pygame.mixer.Sound(str(speech.audio))
            except pygame.error as error:
                log.info("cannot play %s: %s", speech.audio, error)
        elif speech.error is not None:
            log.info("no voice for %r: %s", passage.said[:40], speech.error)
        self.clips[passage.said] = clip

    def _play_next(self) -> None:
        passage = self.queue[0]
        if passage.said not in self.clips:
            return  # still being rendered: the next frames look again
        self.queue.pop(0)
        clip = self.clips.pop(passage.said)
        if clip is None:
            return  # nothing to say for it: the next block
        channel = self._voice_channel()
        if channel is not None:
            channel.play(clip)
        self.playing = Playing(passage, self.app.time, clip.get_length())
        self.app.dirty = True

    def _voice_channel(self) -> pygame.mixer.Channel | None:
        if self._channel is None and pygame.mixer.get_init():
            if pygame.mixer.get_num_channels() <= VOICE_CHANNEL:
                pygame.mixer.set_num_channels(VOICE_CHANNEL + 1)
            # Reserved: the interface sounds never take the voice's channel.
            pygame.mixer.set_reserved(VOICE_CHANNEL + 1)
            self._channel = pygame.mixer.Channel(VOICE_CHANNEL)
        return self._channel

    def _know_recordings(self) -> None:
        """The author's recordings (`voice:`) of the mission played: they win over the engine."""
        mission = self.app.mission
        if (mission is None or mission.id in self._recordings_of or self.speaker is None
                or self.recordings is None):
            return
        self._recordings_of.add(mission.id)
        self.speaker.recordings.update(self.recordings(mission))
