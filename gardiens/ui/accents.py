"""Accented letters a font draws with the accent adrift, redrawn with it over their letter.

OpenDyslexic Regular (2016, the version Debian ships) puts the acute and grave of « é à ù É »
high and to the right of the letter, so « début » reads « de´but ». Each reading font is
checked once: a letter whose accent, standing apart above it, is off its centre or far above
it, is drawn from the font's own glyph with the accent moved back.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from typing import Protocol

import pygame

Color = tuple[int, int, int]
# The letters with an accent above them that French writes.
FRENCH_ACCENTED = "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ"
# An accent standing higher above its letter than this share of the letter's height is adrift
# (OpenDyslexic Regular's « é »: 0.39; Andika's letters: 0.07 to 0.19); it is put back this
# high, and centred over the letter.
ADRIFT = 0.25
GAP = 0.1
# The size the fonts are checked at: large enough for a pixel to be a small share of a letter.
CHECK_SIZE = 96


class GlyphSource(Protocol):
    """What draws a run of text: a pygame font, or a font whose letters are redrawn."""

    def size(self, text: str, /) -> tuple[int, int]: ...

    def render(self, text: str, antialias: bool, color: Color, /) -> pygame.Surface: ...

    def get_ascent(self) -> int: ...


def _parts(glyph: pygame.Surface) -> tuple[pygame.Rect, pygame.Rect] | None:
    """The ink of the accent and of the letter under it, where blank rows part them."""
    mask = pygame.mask.from_surface(glyph, 1)
    w, h = mask.get_size()
    # A row is inked when a full-width line overlaps it (one test in C per row, not per pixel:
    # the fonts are checked as the kiosk draws its first frame).
    line = pygame.mask.Mask((w, 1), fill=True)
    inked = [mask.overlap(line, (0, y)) is not None for y in range(h)]
    rows = [y for y in range(h) if inked[y]]
    if not rows:
        return None
    top = rows[0]
    gap = next((y for y in range(top, h) if not inked[y]), None)
    if gap is None or not any(inked[gap:]):
        return None
    below = next(y for y in range(gap, h) if inked[y])
    accent = _ink(mask, top, gap)
    letter = _ink(mask, below, rows[-1] + 1)
    return accent, letter


def _ink(mask: pygame.mask.Mask, first: int, end: int) -> pygame.Rect:
    column = pygame.mask.Mask((1, end - first), fill=True)
    columns = [x for x in range(mask.get_size()[0]) if mask.overlap(column, (x, first)) is not None]
    return pygame.Rect(columns[0], first, columns[-1] - columns[0] + 1, end - first)


def is_adrift(font: pygame.font.Font, char: str) -> bool:
    """Whether `font` draws the accented letter `char` with its accent far above the letter."""
    parts = _parts(font.render(char, True, (0, 0, 0)))
    return parts is not None and parts[1].top - parts[0].bottom > ADRIFT * parts[1].h


def adrift(font: pygame.font.Font) -> frozenset[str]:
    """The accented letters `font` draws with their accent far above the letter."""
    return frozenset(char for char in FRENCH_ACCENTED if is_adrift(font, char))


class Adrift:
    """The accented letters a font draws with their accent far above the letter, each letter
    checked the first time a text holds it: the kiosk's first frame checks the one or two its
    texts have (« é »), not all of them (about 18 ms of its start-up). The font is asked of
    `font` when a letter is checked, so none is kept open once every letter is known."""

    def __init__(self, font: Callable[[], pygame.font.Font]) -> None:
        self._font = font
        self._checked: dict[str, bool] = {}

    def __contains__(self, char: object) -> bool:
        if not isinstance(char, str) or len(char) != 1 or char not in FRENCH_ACCENTED:
            return False
        known = self._checked.get(char)
        if known is None:
            known = self._checked[char] = is_adrift(self._font(), char)
        return known


class Redrawn:
    """`font`, whose letters in `letters` are drawn with their accent put back over them; each
    letter is redrawn once per colour."""

    def __init__(self, font: pygame.font.Font, letters: Container[str]) -> None:
        self.font = font
        self.letters = letters
        self._glyphs: dict[tuple[str, Color, bool], pygame.Surface] = {}

    def size(self, text: str, /) -> tuple[int, int]:
        return self.font.size(text)

    def get_ascent(self) -> int:
        return self.font.get_ascent()

    def render(self, text: str, antialias: bool, color: Color, /) -> pygame.Surface:
        line = pygame.Surface(self.font.size(text), pygame.SRCALPHA)
        x = 0
        for char in text:
            line.blit(self._glyph(char, color, antialias), (x, 0))
            x += self.font.size(char)[0]
        return line

    def _glyph(self, char: str, color: Color, antialias: bool) -> pygame.Surface:
        if char not in self.letters:
            return self.font.render(char, antialias, color)
        key = (char, color, antialias)
        glyph = self._glyphs.get(key)
        if glyph is None:
            glyph = self._glyphs[key] = self._redraw(self.font.render(char, antialias, color))
        return glyph

    def _redraw(self, drawn: pygame.Surface) -> pygame.Surface:
        parts = _parts(drawn)
        # Without antialiasing a glyph has no alpha to lift the accent from: it is left as drawn.
        if parts is None or not drawn.get_flags() & pygame.SRCALPHA:
            return drawn
        accent_rect, letter = parts
        accent = drawn.subsurface(accent_rect).copy()
        glyph = drawn.copy()
        glyph.fill((0, 0, 0, 0), accent_rect)
        glyph.blit(accent, accent.get_rect(midbottom=(letter.centerx, letter.top - round(GAP * letter.h))))
        return glyph

