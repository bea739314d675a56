"""Text in boxes: word wrapping, shrink-to-fit, and a report of every block that did not fit."""

from __future__ import annotations

import unicodedata
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Literal

import pygame

from gardiens.i18n.format import FONT_FALLBACKS, for_font, typographer
from gardiens.ui.assets import Assets
from gardiens.ui.theme import MIN_SHRINK, Color, FontChoice

Align = Literal["left", "center", "right"]
VAlign = Literal["top", "middle", "bottom"]
LAYOUT_CACHE_SIZE = 800
# Share of a font's line height its letters (accents and descenders included) actually cover,
# and how far below the line's top they start.
INK_SHARE = 0.8
INK_TOP = 0.08
# A noncharacter no font draws: its metrics are those of the font's "missing glyph" box.
_NOT_A_GLYPH = "\uffff"
TYPOGRAPHY_CACHE_SIZE = 2000
WORD_CACHE_SIZE = 20000
# Each try of shrink-to-fit is this much smaller than the last.
SHRINK_STEP = 0.92


@dataclass(frozen=True)
class TextFit:
    """How one text block was set: the layout check used by tests."""

    name: str
    text: str
    box: tuple[int, int, int, int]
    size: int
    wanted_size: int
    lines: int
    fit: bool

    @property
    def shrunk(self) -> bool:
        return self.size < self.wanted_size


def clean(text: str) -> str:
    """Drop control and unpaired surrogate characters that fonts cannot render."""
    return "".join(
        c for c in text if c == "\n" or unicodedata.category(c) not in ("Cc", "Cs", "Cf", "Co")
    )


class Typesetter:
    """Sets text into rectangles with the current font choice, caching line breaks."""

    def __init__(self, assets: Assets, family: FontChoice, *, min_scale: float = MIN_SHRINK,
                 language: str = "fr") -> None:
        self.assets = assets
        self.family = family
        # Punctuation is spaced the way this language's readers expect (French: « a : b ! »).
        self.language = language
        # With larger text chosen, a block may shrink back to what the normal setting allows.
        self.min_scale = min_scale
        self.report: list[TextFit] = []
        # While a screen is drawn ahead of time, its text blocks are set aside here, to be set
        # one at a time later rather than all in the same frame.
        self.deferred: list[Callable[[], object]] | None = None
        self._layouts: OrderedDict[tuple[str, FontChoice, bool, int, int],
                                   tuple[list[str], int, int]] = OrderedDict()
        self._fits: OrderedDict[tuple[str, FontChoice, bool, int, int, int, int, float],
                                tuple[int, list[str], bool]] = OrderedDict()
        self._word_widths: dict[tuple[tuple[FontChoice, bool, int], str], int] = {}
        self._shaped: OrderedDict[tuple[str, str, FontChoice], str] = OrderedDict()
        self._missing: dict[FontChoice, frozenset[str]] = {}

    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        return self.assets.font(self.family, size, bold)

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
            font = self.font(32)
            unknown = font.metrics(_NOT_A_GLYPH)[0]
            missing = frozenset(c for c in FONT_FALLBACKS if font.metrics(c)[0] == unknown)
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

    def _measured(self, text: str, size: int, width: int, bold: bool) -> tuple[list[str], int, int]:
        key = (text, self.family, bold, size, width)
        cached = self._layouts.get(key)
        if cached is not None:
            return cached
        font = self.font(size, bold)
        lines: list[str] = []
        for paragraph in text.split("\n"):
            lines += self._break(font, (self.family, bold, size), paragraph, width)
        widest = max((font.size(line)[0] for line in lines), default=0)
        measured = (lines, widest, _height(font, len(lines)))
        self._layouts[key] = measured
        if len(self._layouts) > LAYOUT_CACHE_SIZE:
            self._layouts.popitem(last=False)
        return measured

    def _break(self, font: pygame.font.Font, face: tuple[FontChoice, bool, int], paragraph: str,
               width: int) -> list[str]:
        """The lines of greedy wrapping, found with few measures of whole lines.

        Each line's end is first guessed from the widths of its words (measured once per word
        and font, kept), then settled by measuring the guessed line and its neighbours: the lines
        are exactly those of adding words one by one until one does not fit.
        """
        words = paragraph.split(" ")
        known = self._word_widths
        widths: list[int] = []
        for word in words:
            word_key = (face, word)
            word_w = known.get(word_key)
            if word_w is None:
                word_w = known[word_key] = font.size(word)[0]
                if len(known) > WORD_CACHE_SIZE:
                    known.pop(next(iter(known)))
            widths.append(word_w)
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
                extra = widths[end] + (space if head or end > start else 0)
                if guess + extra > width:
                    break
                guess += extra
                end += 1
            if end > start and not fits(end):
                end -= 1
                while end > start and not fits(end):
                    end -= 1
            else:
                while end < count and fits(end + 1):
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
            line = words[start]
            start += 1
            while font.size(line)[0] > width and len(line) > 1:
                cut = _longest_prefix(font, line, width)
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
        return lines

    def fit_size(
        self, text: str, size: int, box: pygame.Rect, bold: bool = False, max_lines: int = 0
    ) -> tuple[int, list[str], bool]:
        """The largest size (down to MIN_SHRINK of `size`) at which `text` fits `box`."""
        key = (text, self.family, bold, size, box.w, box.h, max_lines, self.min_scale)
        cached = self._fits.get(key)
        if cached is not None:
            return cached
        smallest = max(8, round(size * self.min_scale))
        current = size
        while True:
            lines, widest, height = self._measured(text, current, box.w, bold)
            fits = widest <= box.w and height <= box.h and (not max_lines or len(lines) <= max_lines)
            if fits or current <= smallest:
                found = (current, lines, fits)
                self._fits[key] = found
                if len(self._fits) > LAYOUT_CACHE_SIZE:
                    self._fits.popitem(last=False)
                return found
            current = max(smallest, int(current * SHRINK_STEP))

    def stacked(self, texts: list[str], width: int, height: int, size: int, gap: int,
                bold: bool = False) -> tuple[int, list[int]]:
        """One size for texts set one below the other in a column: the largest (down to the
        smallest allowed) at which all fit `height` with `gap` between them; and the height
        each one takes at that size."""
        smallest = max(8, round(size * self.min_scale))
        current = size
        while True:
            heights = [self.measure(text, current, width, bold)[2] for text in texts]
            if sum(heights) + gap * max(0, len(texts) - 1) <= height or current <= smallest:
                return current, heights
            current = max(smallest, int(current * SHRINK_STEP))

    def common_size(self, texts: list[str], boxes: list[pygame.Rect], size: int, bold: bool = False) -> int:
        """One size for sibling blocks (a list of messages) so that none looks smaller than the rest."""
        return min((self.fit_size(self.shape(t), size, b, bold)[0] for t, b in zip(texts, boxes, strict=True)),
                   default=size)

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
    ) -> TextFit:
        """Draw `text` inside `box`, shrinking it if needed; what does not fit is cut with ….

        `verbatim` text (a `file:line:col: CODE` location) is drawn without typography.
        """
        if self.deferred is not None:
            self.deferred.append(partial(
                self.block, surface, text, pygame.Rect(box), size=size, color=color, bold=bold,
                align=align, valign=valign, name=name, max_lines=max_lines, verbatim=verbatim))
            return TextFit(name or text[:40], text, (box.x, box.y, box.w, box.h), size, size, 1, True)
        text = for_font(clean(text), self.missing_glyphs()) if verbatim else self.shape(text)
        used, lines, fits = self.fit_size(text, size, box, bold, max_lines)
        font = self.font(used, bold)
        line_h = font.get_linesize()
        room = max(1, (box.h - _height(font, 1)) // line_h + 1)
        if max_lines:
            room = min(room, max_lines)
        if len(lines) > room:
            lines = [*lines[: room - 1], _ellipsize(font, lines[room - 1], box.w)]
        total = _height(font, len(lines))
        # Fonts leave room above and below the letters; the visible ink starts a little lower.
        y = box.y - round(line_h * INK_TOP)
        if valign == "middle":
            y += (box.h - total) // 2
        elif valign == "bottom":
            y += box.h - total
        for line in lines:
            rendered = self.assets.text(line, self.family, used, color, bold)
            if align == "center":
                x = box.x + (box.w - rendered.get_width()) // 2
            elif align == "right":
                x = box.right - rendered.get_width()
            else:
                x = box.x
            surface.blit(rendered, (x, y), area=pygame.Rect(0, 0, box.w, line_h))
            y += line_h
        fit = TextFit(name or text[:40], text, (box.x, box.y, box.w, box.h), used, size, len(lines), fits)
        self.report.append(fit)
        return fit

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
    ) -> pygame.Rect:
        """One short line (a number, a label) placed by an anchor of its rectangle."""
        rendered = self.assets.text(self.shape(text), self.family, size, color, bold)
        rect = rendered.get_rect(**{anchor: pos})
        surface.blit(rendered, rect)
        return rect


def _height(font: pygame.font.Font, lines: int) -> int:
    """Height taken by `lines` lines: full line spacing between them, the ink of the last one."""
    if lines <= 0:
        return 0
    line_h = font.get_linesize()
    return (lines - 1) * line_h + round(line_h * INK_SHARE)


def _longest_prefix(font: pygame.font.Font, word: str, width: int) -> int:
    low, high = 1, len(word)
    while low < high:
        mid = (low + high + 1) // 2
        if font.size(word[:mid])[0] <= width:
            low = mid
        else:
            high = mid - 1
    return low


def _ellipsize(font: pygame.font.Font, line: str, width: int) -> str:
    while line and font.size(line + "…")[0] > width:
        line = line[:-1]
    return line + "…"
