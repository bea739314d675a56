"""Text in boxes: word wrapping, shrink-to-fit down to the floors (never below), and a report of
every text drawn (its size, its ink, whether it fitted) for the layout checks. Characters the
reading font lacks (emoji, symbols) are measured and drawn with the bundled fallback fonts."""

from __future__ import annotations

import math
import sys
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Container, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Literal

import pygame

from gardiens.core.glyphs import font_characters
from gardiens.i18n.format import FONT_FALLBACKS, for_font, typographer
from gardiens.i18n.pseudo import unmarked
from gardiens.ui.accents import CHECK_SIZE, Adrift, GlyphSource, Redrawn
from gardiens.ui.assets import FONT_CACHE_BYTES, Assets
from gardiens.ui.bounded import BoundedCache, SurfaceCache, font_bytes
from gardiens.ui.theme import (
    MIN_SHRINK,
    READING_ROLES,
    TEXT_FLOORS,
    WIDE_LETTERS,
    WIDE_LINES,
    WIDE_WORDS,
    Color,
    FontChoice,
    Spacing,
    TextClass,
    TextSize,
)

Align = Literal["left", "center", "right"]
# What a face is found by: its family, spacing, weight and size.
FaceKey = tuple[FontChoice, Spacing, bool, int]
VAlign = Literal["top", "middle", "bottom"]
__all__ = ["READING_ROLES", "TEXT_FLOORS", "AsIs", "Face", "TextClass", "TextFit", "Typesetter"]
LAYOUT_CACHE_SIZE = 800
# Share of a font's line height its letters (accents and descenders included) actually cover,
# and how far below the line's top they start.
INK_SHARE = 0.8
INK_TOP = 0.08
# A noncharacter no font draws: its metrics are those of the font's "missing glyph" box.
_NOT_A_GLYPH = "\uffff"
TYPOGRAPHY_CACHE_SIZE = 2000
INK_CACHE_SIZE = 2000
WORD_CACHE_SIZE = 20000
# Faces (a reading font with its fallbacks) kept: about what three text settings use.
FACES_KEPT = 96
# Words longer than this many letters are measured in part first, and not kept.
LONG_WORD = 256
# Each try of shrink-to-fit is this much smaller than the last.
SHRINK_STEP = 0.92
# How much narrower than in proportion to its size a text is taken to be at a smaller size, in
# guessing which size it fits (see Typesetter._likely_fit).
LIKELY_NARROWER = 0.98
# Where the reading font has no glyph, Andika draws it (for OpenDyslexic), else Noto Emoji.
ANDIKA_FILE = "Andika-Regular.ttf"
FALLBACK_FILE = "NotoEmoji-Regular.ttf"
# With wide spacing every line is set letter by letter, here rather than by the assets' cache;
# kept by count and by the bytes of their pixels, as the assets' lines are (a storm of pastes
# in emoji and scripts the reading font lacks sets every line here).
SPACED_CACHE_SIZE = 1500
MIXED_CACHE_BYTES = 16 << 20


class Face:
    """A reading font and its fallbacks, measured and drawn as one: a run of characters the font
    lacks is set with the first fallback that has them, on the same baseline. Text the font can
    draw whole goes straight to it."""

    def __init__(self, main: pygame.font.Font,
                 fallbacks: list[tuple[Callable[[], pygame.font.Font], frozenset[int]]],
                 adrift: Container[str] = frozenset(), *, letters: int = 0, words: int = 0,
                 pitch: int = 0) -> None:
        self.main = main
        # Wide spacing (WCAG 1.4.12), in pixels: added after each letter, after each space, and the
        # least distance from a line to the next. A spaced face sets text letter by letter.
        self.letters = letters
        self.words = words
        self.pitch = pitch
        self.spaced = bool(letters or words)
        self._widths: dict[str, int] = {}
        # Accented letters the font draws with the accent far above: drawn with it put back.
        self.adrift = adrift
        self._redrawn = Redrawn(main, adrift)
        # Each fallback is opened the first time it draws something.
        self.fallbacks = fallbacks
        self._opened: dict[int, pygame.font.Font] = {}
        self._notdef = main.metrics(_NOT_A_GLYPH)[0]
        self._has: set[str] = set()
        self._lacks: set[str] = set()

    def get_linesize(self) -> int:
        """The distance from a line to the next: the font's, or more with wide spacing."""
        return max(self.main.get_linesize(), self.pitch)

    def natural_linesize(self) -> int:
        """The font's own line height, which its letters fill (whatever the spacing)."""
        return self.main.get_linesize()

    def lacks(self, text: str) -> bool:
        """Whether some character of `text` is not in the reading font (but in a fallback)."""
        chars = set(text)
        if chars <= self._has:
            return False
        for char in chars - self._has - self._lacks:
            code = ord(char)
            missing = char in self.adrift or (
                self.main.metrics(char)[0] == self._notdef and any(code in have for _, have in self.fallbacks))
            (self._lacks if missing else self._has).add(char)
        return not chars.isdisjoint(self._lacks)

    def runs(self, text: str) -> list[tuple[GlyphSource, str]]:
        """`text` cut where the font that draws it changes (each run sliced once, so a long
        run costs its length, not its square)."""
        runs: list[tuple[GlyphSource, str]] = []
        current: GlyphSource | None = None
        start = 0
        for index, char in enumerate(text):
            font = self._fallback_for(char) if char in self._lacks else self.main
            if font is not current:
                if current is not None:
                    runs.append((current, text[start:index]))
                current, start = font, index
        if current is not None:
            runs.append((current, text[start:]))
        return runs

    def _fallback_for(self, char: str) -> GlyphSource:
        if char in self.adrift:
            return self._redrawn
        index = next(i for i, (_, have) in enumerate(self.fallbacks) if ord(char) in have)
        return self._opened.get(index) or self._opened.setdefault(index, self.fallbacks[index][0]())

    def size(self, text: str) -> tuple[int, int]:
        if self.spaced:
            return sum(self._advance(font, char) for font, char in self._letters(text)), self.main.get_height()
        if not self.lacks(text):
            return self.main.size(text)
        return sum(font.size(run)[0] for font, run in self.runs(text)), self.main.get_height()

    def _letters(self, text: str) -> list[tuple[GlyphSource, str]]:
        """Each letter of `text` with the font that draws it."""
        if not self.lacks(text):
            return [(self.main, char) for char in text]
        return [(font, char) for font, run in self.runs(text) for char in run]

    def _advance(self, font: GlyphSource, char: str) -> int:
        """How far a spaced letter moves the pen: its width, the letter spacing, and the word
        spacing after a space. Additive, so a line measures as the sum of its words and spaces
        and the wrapping stays exact."""
        width = self._widths.get(char)
        if width is None:
            width = self._widths[char] = font.size(char)[0] + self.letters + (self.words if char == " " else 0)
        return width

    def render(self, text: str, antialias: bool, color: Color) -> pygame.Surface:
        if self.spaced:
            return self._render_spaced(text, antialias, color)
        if not self.lacks(text):
            return self.main.render(text, antialias, color)
        parts = [(font, font.render(run, antialias, color)) for font, run in self.runs(text)]
        height = self.main.get_height()
        line = pygame.Surface((sum(part.get_width() for _, part in parts), height), pygame.SRCALPHA)
        x = 0
        for font, part in parts:
            baseline = self.main.get_ascent() - font.get_ascent()
            line.blit(part, (x, max(0, min(baseline, height - part.get_height()))))
            x += part.get_width()
        return line

    def _render_spaced(self, text: str, antialias: bool, color: Color) -> pygame.Surface:
        """`text` set letter by letter, each moved on by its advance (see `_advance`)."""
        letters = self._letters(text)
        height = self.main.get_height()
        line = pygame.Surface((max(1, sum(self._advance(font, char) for font, char in letters)), height),
                              pygame.SRCALPHA)
        x = 0
        for font, char in letters:
            if char != " ":
                glyph = font.render(char, antialias, color)
                baseline = self.main.get_ascent() - font.get_ascent()
                line.blit(glyph, (x, max(0, min(baseline, height - glyph.get_height()))))
            x += self._advance(font, char)
        return line


# Letters left out of a text: none (""), replaced by "…", or beyond the right edge of its box.
Cut = Literal["", "ellipsised", "clipped"]
# Why a text drawn needs no translation, said by the code that draws it: a language's or a font's
# name written in its own way, a letter shown as itself (a key of the keyboard, the alphabet of a
# cipher, an initial), a puzzle's code made from its answer, a place in a file. Texts without a
# letter (digits, a time) need no saying.
AsIs = Literal["language-name", "font-name", "letter", "code", "location"]


@dataclass(frozen=True, slots=True)
class TextFit:
    """How one text was set, for the layout checks: the box it was given, the size it was drawn
    at, the rectangle its letters cover (`ink`), whether it fitted and whether letters were left
    out (`cut`)."""

    name: str
    text: str
    box: tuple[int, int, int, int]
    size: int
    wanted_size: int
    lines: int
    fit: bool
    kind: TextClass = "reading"
    ink: tuple[int, int, int, int] = (0, 0, 0, 0)
    cut: Cut = ""
    # What of the text (with letters) did not come through a translation, as the pseudo-locale's
    # marks tell (see gardiens.i18n.pseudo), and where it was drawn from (`module.py:line`).
    untranslated: str = ""
    source: str = ""
    # For reading aloud: the text as given (before typography), the lines drawn and their pitch.
    said: str = ""
    line_texts: tuple[str, ...] = ()
    line_height: int = 0

    @property
    def shrunk(self) -> bool:
        return self.size < self.wanted_size

    def moved(self, dx: int, dy: int) -> TextFit:
        """The same text drawn `dx`, `dy` pixels away (a button's look reused elsewhere)."""
        x, y, w, h = self.box
        ix, iy, iw, ih = self.ink
        # Built field by field: `dataclasses.replace` looks the fields up on each call, and a
        # keyboard's keys move their texts on every frame that draws them.
        return TextFit(self.name, self.text, (x + dx, y + dy, w, h), self.size, self.wanted_size,
                       self.lines, self.fit, self.kind, (ix + dx, iy + dy, iw, ih), self.cut,
                       self.untranslated, self.source, self.said, self.line_texts, self.line_height)


def text_class(size: int, default: TextClass) -> TextClass:
    """Reading text or label, by the theme role the size was taken from (`default` when it
    was computed rather than taken from the theme)."""
    role = getattr(size, "role", None)
    if role is None:
        return default
    return "reading" if role in READING_ROLES else "label"


def _same_role(wanted: int, size: int) -> int:
    """`size`, keeping the theme role of `wanted` (the size it was shrunk from)."""
    if size is wanted or not isinstance(wanted, TextSize):
        return size
    return TextSize(size, wanted.role)


def _caller() -> str:
    """`path:line` of the code that asked the typesetter to draw (the first frame outside it)."""
    frame = sys._getframe(1)
    while frame.f_back is not None and frame.f_code.co_filename == __file__:
        frame = frame.f_back
    path = frame.f_code.co_filename.replace("\\", "/")
    package = path.rfind("gardiens/")
    return f"{path[package:] if package >= 0 else path.rsplit('/', 1)[-1]}:{frame.f_lineno}"


def _untranslated(text: str, as_is: AsIs | None) -> tuple[str, str]:
    """What of `text` did not come through a translation and where it is drawn from; nothing
    when the drawing code says it needs none."""
    if as_is is not None:
        return "", ""
    left = unmarked(text)
    return (left, _caller()) if left else ("", "")


def clean(text: str) -> str:
    """Drop control and unpaired surrogate characters that fonts cannot render, and compose
    letters and their accents (NFC): a font draws « é » well, « e » + U+0301 often not."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # Each distinct character is looked at once: a long text costs a pass in C, not a Python
    # call per character.
    dropped = {ord(c): None for c in set(text)
               if c != "\n" and unicodedata.category(c) in ("Cc", "Cs", "Cf", "Co")}
    return text.translate(dropped) if dropped else text


class Typesetter:
    """Sets text into rectangles with the current font choice, caching line breaks."""

    def __init__(self, assets: Assets, family: FontChoice, *, min_scale: float = MIN_SHRINK,
                 language: str = "fr", floors: Mapping[TextClass, int] = TEXT_FLOORS,
                 spacing: Spacing = "normal") -> None:
        self.assets = assets
        self.family = family
        # Letter, word and line spacing: as the font sets them, or wide (see Face). Part of every
        # cache key that depends on it, widths and lines as rendered lines.
        self.spacing = spacing
        # No text is drawn below its class's floor (in pixels for this window): a text that does
        # not fit at its floor is reported as not fitting, never set smaller.
        self.floors = dict(floors)
        # Punctuation is spaced the way this language's readers expect (French: « a : b ! »).
        self.language = language
        # With larger text chosen, a block may shrink back to what the normal setting allows.
        self.min_scale = min_scale
        self.report: list[TextFit] = []
        # While a screen is drawn ahead of time, its text blocks are set aside here, to be set
        # one at a time later rather than all in the same frame.
        self.deferred: list[Callable[[], object]] | None = None
        self._layouts: OrderedDict[tuple[str, FontChoice, Spacing, bool, int, int, int],
                                   tuple[list[str], int, int]] = OrderedDict()
        self._fits: OrderedDict[tuple[str, FontChoice, Spacing, bool, int, int, int, int, float, TextClass],
                                tuple[int, list[str], bool]] = OrderedDict()
        self._word_widths: dict[tuple[FaceKey, str], int] = {}
        self._shaped: OrderedDict[tuple[str, str, FontChoice], str] = OrderedDict()
        self._missing: dict[FontChoice, frozenset[str]] = {}
        self._inks: OrderedDict[tuple[str, FontChoice, Spacing, bool, int], tuple[int, int, int, int]] = OrderedDict()
        # A face holds its fonts open: bounded by their glyphs' bytes, as the assets' fonts are.
        self._faces: BoundedCache[FaceKey, Face] = BoundedCache(
            FACES_KEPT, FONT_CACHE_BYTES, lambda key, _face: font_bytes(key[3]))
        self._adrift_letters: dict[tuple[FontChoice, bool], Adrift] = {}
        self._mixed: SurfaceCache[tuple[str, FontChoice, Spacing, bool, int, Color], pygame.Surface] = (
            SurfaceCache(SPACED_CACHE_SIZE, MIXED_CACHE_BYTES))

    def forget(self) -> None:
        """Close every font and forget every line break and width worked out (between two
        teams): a font's glyphs, kept once drawn, are most of what text costs in memory."""
        for cache in (self._layouts, self._fits, self._word_widths, self._shaped, self._inks,
                      self._faces, self._mixed):
            cache.clear()
        self.assets.close_fonts()

    def mark(self) -> None:
        """A setting changed (the language: the others make a new typesetter): the faces and
        mixed lines held now go at `sweep` unless used before (see `BoundedCache.mark`)."""
        self._faces.mark()
        self._mixed.mark()

    def sweep(self) -> int:
        """Let go of the faces and mixed lines not used since `mark`; how many went."""
        return self._faces.sweep() + self._mixed.sweep()

    @contextmanager
    def spaced(self, spacing: Spacing) -> Iterator[None]:
        """Text set with `spacing` while inside, whatever the setting: the facilitator's screens,
        made for adults, keep the fonts' own spacing when the team chose wide spacing."""
        kept, self.spacing = self.spacing, spacing
        try:
            yield
        finally:
            self.spacing = kept

    def cache_sizes(self) -> dict[str, int]:
        """How many entries each cache holds (what `gardiens soak` watches grow)."""
        return {"layouts": len(self._layouts), "fits": len(self._fits),
                "word_widths": len(self._word_widths), "shaped": len(self._shaped),
                "inks": len(self._inks), "mixed": len(self._mixed), "faces": len(self._faces)}

    def cache_bytes(self) -> dict[str, int]:
        """The bytes of the faces (the most their glyphs may hold) and of the mixed lines kept."""
        return {"faces": self._faces.bytes, "mixed": self._mixed.bytes}

    def font(self, size: int, bold: bool = False) -> Face:
        """The reading font at `size`, with its fallbacks for the characters it lacks."""
        key = (self.family, self.spacing, bold, size)
        face = self._faces.get(key)
        if face is None:
            folder = self.assets.root / "fonts"
            main = self.assets.font(self.family, size, bold)
            fallbacks: list[tuple[Callable[[], pygame.font.Font], frozenset[int]]] = []
            if self.family != "andika":
                andika = partial(self.assets.font, "andika", bold=bold)
                fallbacks.append((partial(_fitted, andika, size, main.get_height()),
                                  font_characters(folder / ANDIKA_FILE)))
            if (folder / FALLBACK_FILE).is_file():
                emoji = partial(pygame.font.Font, folder / FALLBACK_FILE)
                fallbacks.append((partial(_fitted, emoji, size, main.get_height()),
                                  font_characters(folder / FALLBACK_FILE)))
            wide = self.spacing == "wide"
            face = Face(
                main, fallbacks, self._adrift(bold), letters=round(size * WIDE_LETTERS) if wide else 0,
                words=round(size * WIDE_WORDS) if wide else 0, pitch=math.ceil(size * WIDE_LINES) if wide else 0)
            self._faces[key] = face
        return face

    def _adrift(self, bold: bool) -> Adrift:
        """The accented letters the reading font draws with the accent adrift, each checked once."""
        key = (self.family, bold)
        letters = self._adrift_letters.get(key)
        if letters is None:
            letters = self._adrift_letters[key] = Adrift(partial(self.assets.font, self.family, CHECK_SIZE, bold))
        return letters

    def _rendered(self, line: str, size: int, color: Color, bold: bool) -> pygame.Surface:
        """One line, rendered once: by the assets' cache, or here when a fallback draws part of it."""
        face = self.font(size, bold)
        if not face.spaced and not face.lacks(line):
            return self.assets.text(line, self.family, size, color, bold)
        key = (line, self.family, self.spacing, bold, size, color)
        surface = self._mixed.get(key)
        if surface is None:
            surface = self._mixed[key] = face.render(line, True, color)
        return surface

    def shape(self, text: str) -> str:
        """`text` as it is drawn: cleaned, with the language's typography, in glyphs the font has."""
        key = (text, self.language, self.family)
        shaped = self._shaped.get(key)
        if shaped is None:
            shaped = for_font(typographer(clean(text), self.language), self.missing_glyphs())
            self._shaped[key] = shaped
            if len(self._shaped) > TYPOGRAPHY_CACHE_SIZE:
                self._shaped.popitem(last=False)
        return shaped

    def missing_glyphs(self) -> frozenset[str]:
        """The typographic characters the current font cannot draw (OpenDyslexic lacks U+202F)."""
        missing = self._missing.get(self.family)
        if missing is None:
            face = self.font(32)
            unknown = face.main.metrics(_NOT_A_GLYPH)[0]
            # A character a fallback font has is drawn by it (OpenDyslexic's U+202F by Andika, as
            # narrow as it should be); only one no font has is swapped, here for a wider space.
            missing = frozenset(c for c in FONT_FALLBACKS if face.main.metrics(c)[0] == unknown
                                and not any(ord(c) in have for _, have in face.fallbacks))
            self._missing[self.family] = missing
        return missing

    def wrap(self, text: str, size: int, width: int, bold: bool = False) -> list[str]:
        """Greedy word wrap; a word wider than the box is broken between letters."""
        return self._measured(text, size, width, bold)[0]

    def measure(
        self, text: str, size: int, width: int, bold: bool = False
    ) -> tuple[list[str], int, int]:
        """Lines, widest line and total height of `text` wrapped at `width`."""
        return self._measured(self.shape(text), size, width, bold)

    def _measured(self, text: str, size: int, width: int, bold: bool,
                  limit: int = 0) -> tuple[list[str], int, int]:
        """Lines, widest line and height of `text` wrapped at `width`; with a `limit`, only the
        first `limit` lines are laid out (a box that shows fewer needs no more to be cut)."""
        whole = (text, self.family, self.spacing, bold, size, width, 0)
        part = (text, self.family, self.spacing, bold, size, width, limit)
        cached = self._layouts.get(whole)
        if cached is None and limit:
            cached = self._layouts.get(part)
        if cached is not None:
            return cached
        font = self.font(size, bold)
        lines: list[str] = []
        for paragraph in text.split("\n"):
            lines += self._break(font, (self.family, self.spacing, bold, size), paragraph, width,
                                 limit - len(lines) if limit else 0)
            if limit and len(lines) >= limit:
                break
        widest = max((font.size(line)[0] for line in lines), default=0)
        measured = (lines, widest, _height(font, len(lines)))
        # Fewer lines than the limit: the layout is whole and serves any later request.
        key = whole if not limit or len(lines) < limit else part
        self._layouts[key] = measured
        if len(self._layouts) > LAYOUT_CACHE_SIZE:
            self._layouts.popitem(last=False)
        return measured

    def _break(self, font: Face, face: FaceKey, paragraph: str,
               width: int, limit: int = 0) -> list[str]:
        """The lines of greedy wrapping, found with few measures of whole lines, in time that
        grows with the length of the paragraph (or of its first `limit` lines), not its square.

        Each line's end is first guessed from the widths of its words (measured once per word
        and font, kept), then settled by measuring the guessed line and its neighbours: the lines
        are exactly those of adding words one by one until one does not fit. A word wider than
        the box is cut where a search on its next letters finds the line full.
        """
        words = paragraph.split(" ")
        known = self._word_widths
        widths: list[int] = []

        def word_width(index: int) -> int:
            while len(widths) <= index:
                widths.append(self._word_width(font, face, words[len(widths)], width))
            return widths[index]

        space = known.get((face, " "))
        if space is None:
            space = known[(face, " ")] = font.size(" ")[0]
        lines: list[str] = []
        line = ""
        start = 0
        count = len(words)
        while start < count:
            head = line
            if not head and not words[start]:
                start += 1  # spaces at the start of a line are dropped
                continue

            def fits(end: int, head: str = head, start: int = start) -> bool:
                joined = " ".join(words[start:end])
                return font.size(f"{head} {joined}" if head else joined)[0] <= width

            guess = font.size(head)[0] if head else 0
            end = start
            while end < count:
                extra = word_width(end) + (space if head or end > start else 0)
                if guess + extra > width:
                    break
                guess += extra
                end += 1
            if end > start and not fits(end):
                end -= 1
                while end > start and not fits(end):
                    end -= 1
            else:
                # A word wider than the box alone cannot fit with more beside it: not measured.
                while end < count and word_width(end) <= width and fits(end + 1):
                    end += 1
            if end > start:
                joined = " ".join(words[start:end])
                line = f"{head} {joined}" if head else joined
                start = end
                if start == count:
                    break
            # The next word does not fit on this line: it starts the next one, broken between
            # letters while wider than the box.
            if line:
                lines.append(line)
                if limit and len(lines) >= limit:
                    return lines
            word = words[start]
            line = word
            if word_width(start) > width:
                at = 0
                while True:
                    cut = _longest_prefix(font, word, width, at)
                    if at + cut >= len(word):
                        break
                    lines.append(word[at:at + cut])
                    if limit and len(lines) >= limit:
                        return lines
                    at += cut
                line = word[at:]
            start += 1
        lines.append(line)
        return lines

    def _word_width(self, font: Face, face: FaceKey, word: str, width: int) -> int:
        """The width of `word`, kept for the next time; for a long word, only as much as the
        wrapping needs: when its first letters are already wider than the box, their width."""
        known = self._word_widths
        if len(word) > width:
            # More letters than the box has pixels: never one line, whatever its letters'
            # widths (marks that take no room are cut into lines too, not drawn by the million).
            return width + 1
        if len(word) > LONG_WORD:
            # Not kept: a long word would hold its letters in the cache, and is rarely seen again.
            first = font.size(word[:LONG_WORD])[0]
            return first if first > width else font.size(word)[0]
        word_w = known.get((face, word))
        if word_w is None:
            word_w = known[(face, word)] = font.size(word)[0]
            if len(known) > WORD_CACHE_SIZE:
                known.pop(next(iter(known)))
        return word_w

    def floored(self, size: int, kind: TextClass | None = None, default: TextClass = "reading") -> int:
        """`size`, raised to the floor of its class (keeping its theme role)."""
        floor = self.floors[kind or text_class(size, default)]
        return size if size >= floor else _same_role(size, floor)

    def smallest(self, size: int, kind: TextClass | None = None) -> int:
        """The smallest size a text wanted at `size` may shrink to: a share of it, never under
        the floor of its class."""
        return max(self.floors[kind or text_class(size, "reading")], round(size * self.min_scale))

    def fit_size(
        self, text: str, size: int, box: pygame.Rect, bold: bool = False, max_lines: int = 0,
        kind: TextClass | None = None,
    ) -> tuple[int, list[str], bool]:
        """The largest size (down to MIN_SHRINK of `size`, never under the floor of the text's
        class) at which `text` fits `box`; False when it does not fit even there, with only the
        lines the box shows and one more laid out."""
        kind = kind or text_class(size, "reading")
        key = (text, self.family, self.spacing, bold, size, box.w, box.h, max_lines, self.min_scale, kind)
        cached = self._fits.get(key)
        if cached is not None:
            return cached
        size = self.floored(size, kind)
        sizes = shrink_sizes(size, self.smallest(size, kind))

        def tried(index: int) -> tuple[list[str], bool]:
            # Lines beyond those the box can show are not laid out: one more says it overflows.
            current = sizes[index]
            lines, widest, height = self._measured(text, current, box.w, bold,
                                                   _room(self.font(current, bold), box.h, max_lines) + 1)
            return lines, widest <= box.w and height <= box.h and (not max_lines or len(lines) <= max_lines)

        # The result is the first size of `sizes` at which the text fits (the last if none
        # does), as trying each in turn would find; each size tried is a new face whose letters
        # are drawn and measured (a few milliseconds for a title), so few are tried: the first,
        # then the one its measure points at, then its neighbours until the boundary is found.
        # At a larger size a text takes no fewer lines, so a size whose line height leaves no
        # room for the lines a smaller one took is known not to fit without measuring it.
        lines, fits = tried(0)
        at = 0
        if not fits and len(sizes) > 1:
            whole = len(lines) <= _room(self.font(sizes[0], bold), box.h, max_lines)
            at = self._likely_fit(text, lines, whole, sizes, box, bold, max_lines)
            lines, fits = tried(at)
            if fits:
                while at > 1 and not self._too_tall(sizes[at - 1], len(lines), box, bold, max_lines):
                    larger, larger_fits = tried(at - 1)
                    if not larger_fits:
                        break
                    at, lines = at - 1, larger
            else:
                while at < len(sizes) - 1 and not fits:
                    at += 1
                    lines, fits = tried(at)
        found = (_same_role(size, sizes[at]), lines, fits)
        self._fits[key] = found
        if len(self._fits) > LAYOUT_CACHE_SIZE:
            self._fits.popitem(last=False)
        return found

    def _likely_fit(self, text: str, lines: list[str], whole: bool, sizes: list[int], box: pygame.Rect,
                    bold: bool, max_lines: int) -> int:
        """Which of `sizes` (after the first) the text likely fits first, from its `lines` at the
        first (`whole`: all of them): its width scales with the size, so its paragraphs' widths
        there say how many lines each smaller size takes, and that size's line height whether
        they fit the box."""
        first = self.font(sizes[0], bold)
        if whole:
            widths = [first.size(paragraph)[0] for paragraph in text.split("\n")]
        else:
            # Only the first lines were laid out (the text overflows many times): the rest is
            # taken to be as wide for its letters.
            laid = sum(len(line) for line in lines)
            widths = [sum(first.size(line)[0] for line in lines) * len(text) // max(1, laid)]
        for index in range(1, len(sizes)):
            # Letters set smaller round to slightly narrower widths than the size says: a text
            # on the edge of one line fewer is taken to have it (else the size above is measured).
            scale = sizes[index] / sizes[0] * LIKELY_NARROWER
            count = sum(max(1, math.ceil(width * scale / max(1, box.w))) for width in widths)
            if not self._too_tall(sizes[index], count, box, bold, max_lines):
                return index
        return len(sizes) - 1

    def _too_tall(self, size: int, lines: int, box: pygame.Rect, bold: bool, max_lines: int) -> bool:
        """Whether `lines` lines at `size` overflow `box` (by the font's line height only)."""
        return _height(self.font(size, bold), lines) > box.h or bool(max_lines and lines > max_lines)

    def stacked(self, texts: list[str], width: int, height: int, size: int, gap: int,
                bold: bool = False) -> tuple[int, list[int]]:
        """One size for texts set one below the other in a column: the largest (down to the
        smallest allowed) at which all fit `height` with `gap` between them; and the height
        each one takes at that size."""
        size = self.floored(size)
        smallest = self.smallest(size)
        current = size
        while True:
            heights = [self.measure(text, current, width, bold)[2] for text in texts]
            if sum(heights) + gap * max(0, len(texts) - 1) <= height or current <= smallest:
                return _same_role(size, current), heights
            current = max(smallest, int(current * SHRINK_STEP))

    def common_size(self, texts: list[str], boxes: list[pygame.Rect], size: int, bold: bool = False,
                    kind: TextClass | None = None) -> int:
        """One size for sibling blocks (a list of messages) so that none looks smaller than the rest."""
        return min((self.fit_size(self.shape(t), size, b, bold, kind=kind)[0]
                    for t, b in zip(texts, boxes, strict=True)), default=self.floored(size, kind))

    def block(
        self,
        surface: pygame.Surface,
        text: str,
        box: pygame.Rect,
        *,
        size: int,
        color: Color,
        bold: bool = False,
        align: Align = "left",
        valign: VAlign = "top",
        name: str = "",
        max_lines: int = 0,
        verbatim: bool = False,
        kind: TextClass | None = None,
        as_is: AsIs | None = None,
        source: str = "",
    ) -> TextFit:
        """Draw `text` inside `box`, shrinking it if needed down to its floor; what does not fit
        there is cut with … and reported as not fitting.

        `verbatim` text (a `file:line:col: CODE` location) is drawn without typography. `kind`
        says whether it is reading text or a label when its size does not come from a theme role
        that says so. `as_is` says why a text needs no translation (see AsIs); `source` is where
        it is drawn from, the caller when not given.
        """
        untranslated, caller = _untranslated(text, as_is)
        source = source or caller
        said = text
        if self.deferred is not None:
            self.deferred.append(partial(
                self.block, surface, text, pygame.Rect(box), size=size, color=color, bold=bold,
                align=align, valign=valign, name=name, max_lines=max_lines, verbatim=verbatim,
                kind=kind, as_is=as_is, source=source))
            return TextFit(name or text[:40], text, (box.x, box.y, box.w, box.h), size, size, 1, True)
        text = for_font(clean(text), self.missing_glyphs()) if verbatim else self.shape(text)
        kind = kind or text_class(size, "reading")
        used, lines, fits = self.fit_size(text, size, box, bold, max_lines, kind)
        font = self.font(used, bold)
        line_h = font.get_linesize()
        room = _room(font, box.h, max_lines)
        cut: Cut = ""
        if len(lines) > room:
            cut = "ellipsised"
            lines = [*lines[: room - 1], _ellipsize(font, lines[room - 1], box.w)]
        total = _height(font, len(lines))
        # Fonts leave room above and below the letters; the visible ink starts a little lower.
        top = box.y
        if valign == "middle":
            top += (box.h - total) // 2
        elif valign == "bottom":
            top += box.h - total
        y = top - round(font.natural_linesize() * INK_TOP)
        # The rectangle the letters cover (left, top, right, bottom), line after line.
        ink = [box.x, top, box.x, top]
        inked = False
        for line in lines:
            rendered = self._rendered(line, used, color, bold)
            width = rendered.get_width()
            if align == "center":
                x = box.x + (box.w - width) // 2
            elif align == "right":
                x = box.right - width
            else:
                x = box.x
            surface.blit(rendered, (x, y), area=pygame.Rect(0, 0, box.w, line_h))
            lx, ly, lw, lh = self._ink(rendered, line, used, bold)
            if lw:
                # Only the first `box.w` pixels of a line are drawn: letters beyond are lost.
                if lx + lw > box.w:
                    cut = cut or "clipped"
                    lw = max(0, box.w - lx)
                left, upper, right, lower = x + lx, y + ly, x + lx + lw, y + min(ly + lh, line_h)
                if not inked:
                    ink = [left, upper, right, lower]
                    inked = True
                else:
                    ink = [min(ink[0], left), min(ink[1], upper), max(ink[2], right), max(ink[3], lower)]
            y += line_h
        fit = TextFit(name or text[:40], text, (box.x, box.y, box.w, box.h), used, size, len(lines),
                      fits, kind,
                      _visible(surface, (ink[0], ink[1], ink[2] - ink[0], ink[3] - ink[1])), cut,
                      untranslated, source, said, tuple(lines), line_h)
        self.report.append(fit)
        return fit

    def _ink(self, rendered: pygame.Surface, line: str, size: int, bold: bool) -> tuple[int, int, int, int]:
        """Where the letters of a rendered line are, in it: measured once per line and font."""
        key = (line, self.family, self.spacing, bold, size)
        ink = self._inks.get(key)
        if ink is None:
            bounds = rendered.get_bounding_rect()
            ink = self._inks[key] = (bounds.x, bounds.y, bounds.w, bounds.h)
            if len(self._inks) > INK_CACHE_SIZE:
                self._inks.popitem(last=False)
        return ink

    def line(
        self,
        surface: pygame.Surface,
        text: str,
        pos: tuple[int, int],
        *,
        size: int,
        color: Color,
        bold: bool = False,
        anchor: str = "topleft",
        kind: TextClass | None = None,
        as_is: AsIs | None = None,
    ) -> pygame.Rect:
        """One short line (a number, a label) placed by an anchor of its rectangle, at least as
        large as its floor; `as_is` as for `block`."""
        untranslated, source = _untranslated(text, as_is)
        kind = kind or text_class(size, "label")
        size = self.floored(size, kind)
        shaped = self.shape(text)
        rendered = self._rendered(shaped, size, color, bold)
        rect = rendered.get_rect(**{anchor: pos})
        surface.blit(rendered, rect)
        lx, ly, lw, lh = self._ink(rendered, shaped, size, bold)
        self.report.append(TextFit(shaped[:40], shaped, (rect.x, rect.y, rect.w, rect.h), size, size, 1, True,
                                   kind,
                                   _visible(surface, (rect.x + lx, rect.y + ly, lw, lh)), "",
                                   untranslated, source, text, (shaped,), rect.h))
        return rect


def _fitted(open_font: Callable[[int], pygame.font.Font], size: int, height: int) -> pygame.font.Font:
    """A fallback font at `size`, or smaller if its glyphs would stand taller than the line."""
    font = open_font(size)
    if font.get_height() > height:
        font = open_font(max(1, size * height // font.get_height()))
    return font


def _visible(surface: pygame.Surface, ink: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """The part of `ink` a clipping set on the surface lets through (a scrolled list hides the
    rest); the surface's own edges clip nothing here: a text past them is off the screen."""
    clip = surface.get_clip()
    x, y, w, h = ink
    if (clip.x <= x and clip.y <= y and x + w <= clip.right and y + h <= clip.bottom) or (
            clip.topleft == (0, 0) and clip.size == surface.get_size()):
        return ink
    shown = clip.clip(ink)
    return (shown.x, shown.y, shown.w, shown.h)


def _height(font: Face, lines: int) -> int:
    """Height taken by `lines` lines: full line spacing between them, the ink of the last one."""
    if lines <= 0:
        return 0
    return (lines - 1) * font.get_linesize() + round(font.natural_linesize() * INK_SHARE)


def shrink_sizes(size: int, smallest: int) -> list[int]:
    """The sizes a text wanted at `size` is tried at, largest first, down to `smallest`: each
    SHRINK_STEP of the last."""
    sizes = [size]
    while sizes[-1] > smallest:
        sizes.append(max(smallest, int(sizes[-1] * SHRINK_STEP)))
    return sizes


def _room(font: Face, height: int, max_lines: int = 0) -> int:
    """How many lines a box `height` high shows (at least one, at most `max_lines` if given)."""
    room = max(1, (height - _height(font, 1)) // font.get_linesize() + 1)
    return min(room, max_lines) if max_lines else room


def _longest_prefix(font: Face, word: str, width: int, start: int = 0) -> int:
    """How many letters of `word` from `start` fit `width` (at least one, at most `width`): found
    by doubling a guess then halving, so that the letters measured scale with a line, not with
    the word."""
    def fits(count: int) -> bool:
        return font.size(word[start:start + count])[0] <= width

    # A line holds at most as many letters as the box has pixels (see Typesetter._word_width).
    rest = min(len(word) - start, max(1, width))
    low, probe = 1, 2
    while probe < rest and fits(probe):
        low, probe = probe, probe * 2
    high = min(probe, rest)
    if high == rest and high > low and fits(high):
        return high
    high -= 1 if high > low else 0
    while low < high:
        mid = (low + high + 1) // 2
        if fits(mid):
            low = mid
        else:
            high = mid - 1
    return low


def _ellipsize(font: Face, line: str, width: int) -> str:
    """`line` shortened until it fits `width` with a "…" after it (the longest such start)."""
    if not line or font.size(line + "…")[0] <= width:
        return line + "…"
    low, high = 0, len(line) - 1
    while low < high:
        mid = (low + high + 1) // 2
        if font.size(line[:mid] + "…")[0] <= width:
            low = mid
        else:
            high = mid - 1
    return line[:low] + "…"
