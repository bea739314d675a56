"""Text in boxes: word wrapping, shrink-to-fit, and a report of every block that did not fit."""

from __future__ import annotations

import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
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
        self._layouts: OrderedDict[tuple[str, FontChoice, bool, int, int], list[str]] = (
            OrderedDict()
        )
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
        key = (text, self.family, bold, size, width)
        cached = self._layouts.get(key)
        if cached is not None:
            return cached
        font = self.font(size, bold)
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line = ""
            for word in paragraph.split(" "):
                candidate = f"{line} {word}" if line else word
                if font.size(candidate)[0] <= width:
                    line = candidate
                    continue
                if line:
                    lines.append(line)
                line = word
                while font.size(line)[0] > width and len(line) > 1:
                    cut = _longest_prefix(font, line, width)
                    lines.append(line[:cut])
                    line = line[cut:]
            lines.append(line)
        self._layouts[key] = lines
        if len(self._layouts) > LAYOUT_CACHE_SIZE:
            self._layouts.popitem(last=False)
        return lines

    def measure(
        self, text: str, size: int, width: int, bold: bool = False
    ) -> tuple[list[str], int, int]:
        """Lines, widest line and total height of `text` wrapped at `width`."""
        lines = self.wrap(self.shape(text), size, width, bold)
        font = self.font(size, bold)
        widest = max((font.size(line)[0] for line in lines), default=0)
        return lines, widest, _height(font, len(lines))

    def fit_size(
        self, text: str, size: int, box: pygame.Rect, bold: bool = False, max_lines: int = 0
    ) -> tuple[int, list[str], bool]:
        """The largest size (down to MIN_SHRINK of `size`) at which `text` fits `box`."""
        smallest = max(8, round(size * self.min_scale))
        current = size
        while True:
            lines, widest, height = self.measure(text, current, box.w, bold)
            fits = widest <= box.w and height <= box.h and (not max_lines or len(lines) <= max_lines)
            if fits or current <= smallest:
                return current, lines, fits
            current = max(smallest, int(current * 0.92))

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
