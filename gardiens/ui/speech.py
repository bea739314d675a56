"""Reading the screen aloud: a speaker button under the accessibility one reads the text blocks of
the screen on top in reading order, the sentence being said outlined; a tap on a text reads it;
auto-read reads each new screen; a new screen stops the voice.

The blocks are those the typesetter reported drawing for the screen on top (one mechanism for
every screen). Each block is said sentence by sentence, each sentence a clip of its own asked
of the `Speaker` (cached by `gardiens voice build`), played one after the other on the voice's
channel: the sentence outlined is the one whose clip plays. An author's recording (`voice:`)
says its block whole: the whole block is outlined while it plays.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pygame

from gardiens.core.sentences import said_sentences, sentence_spans
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
# A breath between two blocks, and between two sentences of a block (seconds, past the frame
# that sees a clip end: a thirtieth of a second when idle). espeak-ng's clips end on their last
# sound, and it pauses about half a second between sentences it says in one go: a quarter of a
# second keeps the rhythm of speech without a gap one hears as a wait.
PAUSE = 0.35
SENTENCE_PAUSE = 0.25
# Blocks whose tops are this close (design pixels) are on one row: read left to right.
ROW_TOLERANCE = 24
# The outline around the sentence being said (design pixels), and the wash under it.
OUTLINE = 5
MARGIN = 8
WASH_ALPHA = 70


def shown_span(shown: str, said: str, index: int) -> tuple[int, int]:
    """Where sentence `index` of `said` (the text as written) lies in `shown` (the text as
    typeset): the same sentence when both split alike, else the stretch at the same share of
    the letters."""
    drawn, written = sentence_spans(shown), sentence_spans(said)
    if len(drawn) == len(written):
        return drawn[index]
    start, end = written[min(index, len(written) - 1)]
    scale = len(shown) / max(1, len(said))
    return int(start * scale), max(int(start * scale) + 1, int(end * scale))


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


@dataclass(frozen=True)
class Part:
    """One clip to play: sentence `sentence` of a passage, or the passage whole (None) when its
    author recorded it."""

    passage: Passage
    said: str
    sentence: int | None


@dataclass
class Playing:
    """The clip the voice is saying: its length and when it started (App time)."""

    part: Part
    started: float
    length: float

    @property
    def passage(self) -> Passage:
        return self.part.passage


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


def sentence_area(fit: TextFit, span: tuple[int, int] | None, margin: int) -> pygame.Rect:
    """The lines of the block that hold the characters `span` of its text, or the whole block
    (no span, or lines that cannot be told apart)."""
    return _union(sentence_lines(fit, span, margin))


def sentence_lines(fit: TextFit, span: tuple[int, int] | None, margin: int,
                   width: Callable[[str], int] | None = None) -> list[pygame.Rect]:
    """The stretch of each line the characters `span` cover, top to bottom and touching: the
    first from where the sentence starts, the last to where it ends, when `width` measures the
    block's letters (else each line whole); the whole block when there is no span or its lines
    cannot be told apart."""
    ink = pygame.Rect(fit.ink)
    whole = [ink.inflate(2 * margin, 2 * margin)]
    spans = line_spans(fit.text, fit.line_texts)
    if span is None or spans is None or len(spans) < 2 or fit.line_height <= 0:
        return whole
    start, end = span
    said = fit.text[start:end]
    start += len(said) - len(said.lstrip())
    end -= len(said) - len(said.rstrip())
    lines = [i for i, (ls, le) in enumerate(spans) if ls < end and le > start]
    if not lines:
        return whole
    pitch = fit.line_height
    last_h = max(pitch // 2, ink.h - (len(spans) - 1) * pitch)
    edges = _line_edges(fit, spans, width)
    rects = []
    for i in lines:
        (ls, le), (left, right) = spans[i], edges[i]
        scale = (right - left) / max(1, width(fit.text[ls:le])) if width is not None else 0.0
        if width is not None and start > ls:
            left += round(scale * width(fit.text[ls:start]))
        if width is not None and end < le:
            right = edges[i][0] + round(scale * width(fit.text[ls:end]))
        top = ink.y + i * pitch - (margin if i == lines[0] else 0)
        bottom = ink.y + (i * pitch + last_h + margin if i == lines[-1] else (i + 1) * pitch)
        rects.append(pygame.Rect(left - margin, top, right - left + 2 * margin, bottom - top))
    return rects


def _line_edges(fit: TextFit, spans: list[tuple[int, int]],
                width: Callable[[str], int] | None) -> list[tuple[int, int]]:
    """Where each line's letters start and end across: the block's widest line spans its ink,
    the others are placed as the block is aligned (told by its ink within its box)."""
    ink, box = pygame.Rect(fit.ink), pygame.Rect(fit.box)
    if width is None:
        return [(ink.x, ink.right)] * len(spans)
    widths = [width(fit.text[s:e]) for s, e in spans]
    scale = ink.w / max(1, max(widths))
    edges = []
    for w in widths:
        w = round(w * scale)
        if abs(ink.x - box.x) > 2 and abs(ink.centerx - box.centerx) <= 2:
            x = ink.centerx - w // 2
        elif abs(ink.x - box.x) > 2 and abs(ink.right - box.right) <= 2:
            x = ink.right - w
        else:
            x = ink.x
        edges.append((x, x + w))
    return edges


def _union(rects: list[pygame.Rect]) -> pygame.Rect:
    return rects[0].unionall(rects[1:])


def _outline(rects: list[pygame.Rect]) -> list[list[tuple[int, int]]]:
    """The outline of lines' stretches stacked and touching, as polygons: one around each run of
    stretches that overlap across (a sentence ending left of where the next line's one starts
    is two pieces)."""
    groups: list[list[pygame.Rect]] = []
    for rect in rects:
        if groups and rect.left < groups[-1][-1].right and rect.right > groups[-1][-1].left:
            groups[-1].append(rect)
        else:
            groups.append([rect])
    polygons = []
    for group in groups:
        points = [p for r in group for p in (r.topright, r.bottomright)]
        points += [p for r in reversed(group) for p in (r.bottomleft, r.topleft)]
        polygons.append(points)
    return polygons


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
        self.queue: list[Part] = []
        # What the speaker is rendering, by its request's id: the text of a clip.
        self.waiting: dict[int, str] = {}
        self.clips: dict[str, pygame.mixer.Sound | None] = {}
        self.playing: Playing | None = None
        # The clips the last reading asked for, in order (a new reading starts it afresh).
        self.requested: list[str] = []
        # Reading mode: the team asked for the voice; a tap on a text reads it.
        self.on = False
        self._screen: int | None = None
        self._read_new_screen = False
        self._texts: list[TextFit] = []
        self._outlined: pygame.Rect | None = None
        # The outline's lines worked out for the block and clip playing.
        self._shape: tuple[tuple[TextFit, Part], list[pygame.Rect]] | None = None
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
        """The outline around the sentence being said (drawn over the screen on top): a wash
        under its stretch of each line, a line around them."""
        lines = self.outline_lines()
        self._outlined = _union(lines) if lines else None
        if not lines:
            return
        p = self.app.palette
        m = self.app.metrics
        area = _union(lines)
        wash = pygame.Surface(area.size, pygame.SRCALPHA)
        for line in lines:
            pygame.draw.rect(wash, (*p.focus, WASH_ALPHA), line.move(-area.x, -area.y))
        surface.blit(wash, area)
        for polygon in _outline(lines):
            pygame.draw.polygon(surface, p.focus, polygon, width=max(2, m.px(OUTLINE)))

    def outlined(self) -> pygame.Rect | None:
        """Around the sentence being said (its lines' stretches)."""
        lines = self.outline_lines()
        return _union(lines) if lines else None

    def outline_lines(self) -> list[pygame.Rect]:
        """The stretch of each line of the sentence being said: the one whose clip plays, or the
        whole block while an author's recording of it plays."""
        playing = self.playing
        if playing is None:
            return []
        fit = next((f for f in self._texts if f.text == playing.passage.shown), None)
        if fit is None:
            return []
        part = playing.part
        key = (fit, part)
        if self._shape is None or self._shape[0] != key:
            span = None if part.sentence is None else shown_span(fit.text, part.passage.said, part.sentence)
            face = self.app.type.font(fit.size)
            lines = sentence_lines(fit, span, self.app.metrics.px(MARGIN), lambda text: face.size(text)[0])
            self._shape = (key, lines)
        return self._shape[1]

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
        self.requested = []
        self.queue = self._parts(passages)
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
            same = bool(self.queue) and self.queue[0].passage is playing.passage
            if self.app.time - playing.started < playing.length + (SENTENCE_PAUSE if same else PAUSE):
                if self.outlined() != self._outlined:
                    self.app.dirty = True
                return
            self.playing = None
            self.app.dirty = True
        if self.queue:
            self._play_next()

    def _parts(self, passages: list[Passage]) -> list[Part]:
        """The clips to play for `passages`, in order: each passage sentence by sentence, or
        whole when its author recorded it (the recording is asked for by its whole text)."""
        assert self.speaker is not None
        self._know_recordings()
        language = self.app.translator.language
        parts: list[Part] = []
        for passage in passages:
            if (language, passage.said) in self.speaker.recordings:
                parts.append(Part(passage, passage.said, None))
            else:
                parts += [Part(passage, said, i) for i, said in enumerate(said_sentences(passage.said))]
        return parts

    def _ask_ahead(self) -> None:
        """Ask for every clip of the queue at once, in order: the speaker renders the first
        sentence first, and the next ones while the first plays."""
        assert self.speaker is not None
        language = self.app.translator.language
        for part in self.queue:
            if part.said not in self.clips and part.said not in self.waiting.values():
                self.requested.append(part.said)
                speech = self.speaker.request(part.said, language)
                self.waiting[id(speech)] = part.said

    def _heard(self, speech: Speech) -> None:
        said = self.waiting.pop(id(speech), None)
        if said is None:
            return
        clip: pygame.mixer.Sound | None = None
        if speech.audio is not None and pygame.mixer.get_init():
            try:
                clip = pygame.mixer.Sound(str(speech.audio))
            except pygame.error as error:
                log.info("cannot play %s: %s", speech.audio, error)
        elif speech.error is not None:
            log.info("no voice for %r: %s", said[:40], speech.error)
        self.clips[said] = clip

    def _play_next(self) -> None:
        part = self.queue[0]
        if part.said not in self.clips:
            return  # still being rendered: the next frames look again
        self.queue.pop(0)
        # A sentence said again later in the queue keeps its clip until then.
        clip = self.clips[part.said] if any(p.said == part.said for p in self.queue) else self.clips.pop(part.said)
        if clip is None:
            return  # nothing to say for it: the next clip
        channel = self._voice_channel()
        if channel is not None:
            channel.play(clip)
        self.playing = Playing(part, self.app.time, clip.get_length())
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
