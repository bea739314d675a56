"""A mission as the kiosk's picker offers it: its picture, its whole title, its theme and duration.

    card = MissionCard("mission:infox", rect, title, "Infox", "45 min", cover=folder / "cover.svg",
                       emblem="search", tint=palette.night, picture_height=px(170), selected=True,
                       on_tap=...)
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import pygame

from gardiens.ui.draw import panel, raised_face
from gardiens.ui.picture_text import PictureWords
from gardiens.ui.theme import Color, mix
from gardiens.ui.widgets.base import Canvas, Ring, Widget

# Design pixels at 1920×1080: the padding inside a card, the gap between its title and its
# theme line, its corner radius, and the depth of its shadow.
PAD = 16
GAP = 10
RADIUS = 28
DEPTH = 8
# A picture band smaller than this (very large text) is left out rather than drawn as a sliver.
MIN_PICTURE = 80
# The radius of the chosen card's check mark, which sits at the end of the duration's row.
CHECK = 30


def title_size(app: Canvas) -> int:
    """The title's size: a label, bold, which grows with the text-size setting."""
    return app.metrics.text("button")


def detail_size(app: Canvas) -> int:
    """The size of the theme and the duration: tags glanced at, so labels."""
    return app.metrics.text("small")


def text_height(app: Canvas, title: str, theme: str, width: int) -> int:
    """The height the card's texts take, wrapped at the card's `width` (padding included)."""
    m = app.metrics
    inner = width - 2 * m.px(PAD)
    title_h = app.type.measure(title, title_size(app), inner, bold=True)[2]
    theme_h = app.type.measure(theme, detail_size(app), inner)[2]
    return 2 * m.px(PAD) + title_h + m.px(GAP) + theme_h + m.px(GAP) + _last_row(app)


def _last_row(app: Canvas) -> int:
    """The height of the row of the duration and the check mark."""
    line = app.type.font(detail_size(app)).get_linesize()
    return max(line, 2 * app.metrics.px(CHECK))


class MissionCard(Widget):
    """One mission to choose: tapping it chooses it. Chosen, it wears a thick outline and a check
    mark on its picture, not only another colour. Without a cover picture it shows an emblem of
    its theme (`emblem`, an interface icon) on the theme's colour."""

    def __init__(
        self,
        name: str,
        rect: pygame.Rect,
        title: str,
        theme: str,
        duration: str,
        *,
        cover: Path | None,
        cover_words: PictureWords | None = None,
        emblem: str,
        tint: Color,
        picture_height: int,
        selected: bool = False,
        on_tap: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(name, rect, on_tap=on_tap)
        self.title = title
        self.theme = theme
        self.duration = duration
        self.cover = cover
        self.cover_words = cover_words
        self.emblem = emblem
        self.tint = tint
        self.picture_height = picture_height
        self.selected = selected

    def paint(self, surface: pygame.Surface, app: Canvas, area: pygame.Rect, pressed: bool) -> Ring:
        m = app.metrics
        p = app.palette
        face, depth = raised_face(area, m.px(DEPTH), pressed, sunk=m.px(2))
        radius = m.px(RADIUS)
        border = p.primary if self.selected else p.outline
        width = max(2, m.px(8) if self.selected else m.px(3))
        fill = mix(p.surface, p.primary, 0.08) if self.selected and not app.settings.high_contrast else p.surface
        panel(surface, face, fill, radius=radius, shadow=p.primary_dark if self.selected else p.shadow, depth=depth)
        pad = m.px(PAD)
        y = face.y
        if self.picture_height >= m.px(MIN_PICTURE):
            band = pygame.Rect(face.x, face.y, face.w, self.picture_height)
            self._picture(surface, app, band, radius)
            y = band.bottom
        inner = pygame.Rect(face.x + pad, y + pad, face.w - 2 * pad, face.bottom - y - 2 * pad)
        row = pygame.Rect(inner.x, inner.bottom - _last_row(app), inner.w, _last_row(app))
        theme_h = app.type.measure(self.theme, detail_size(app), inner.w)[2]
        theme_box = pygame.Rect(inner.x, row.y - m.px(GAP) - theme_h, inner.w, theme_h)
        title_box = pygame.Rect(inner.x, inner.y, inner.w, theme_box.y - m.px(GAP) - inner.y)
        app.type.block(surface, self.title, title_box, size=title_size(app), color=p.ink, bold=True,
                       name=f"{self.name}:title")
        app.type.block(surface, self.theme, theme_box, size=detail_size(app), color=p.ink_soft,
                       name=f"{self.name}:theme", kind="label")
        clock = app.assets.icon("clock", m.px(36), p.ink_soft)
        surface.blit(clock, clock.get_rect(midleft=row.midleft))
        duration_box = pygame.Rect(row.x + clock.get_width() + m.px(GAP), row.y,
                                   row.w - clock.get_width() - 2 * m.px(CHECK) - 2 * m.px(GAP), row.h)
        app.type.block(surface, self.duration, duration_box, size=detail_size(app), color=p.ink_soft,
                       valign="middle", name=f"{self.name}:duration", kind="label")
        pygame.draw.rect(surface, border, face, width=width, border_radius=radius)
        if self.selected:
            self._check(surface, app, (row.right - m.px(CHECK), row.centery))
        return face, radius

    def _picture(self, surface: pygame.Surface, app: Canvas, band: pygame.Rect, radius: int) -> None:
        """The cover filling the band (cut at its sides, not squeezed), else the theme's emblem,
        with the card's rounded corners at the top."""
        picture = pygame.Surface(band.size, pygame.SRCALPHA)
        picture.fill(self.tint)
        image = self._cover(app, band.size)
        if image is not None:
            picture.blit(image, image.get_rect(center=(band.w // 2, band.h // 2)))
        else:
            size = min(band.h - 2 * app.metrics.px(PAD), band.w // 2)
            p = app.palette
            ink = max((p.on_primary, p.ink), key=lambda colour: _contrast(colour, self.tint))
            icon = app.assets.icon(self.emblem, size, ink)
            picture.blit(icon, icon.get_rect(center=(band.w // 2, band.h // 2)))
        corners = pygame.Surface(band.size, pygame.SRCALPHA)
        pygame.draw.rect(corners, (255, 255, 255, 255), corners.get_rect(), border_top_left_radius=radius,
                         border_top_right_radius=radius)
        picture.blit(corners, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
        surface.blit(picture, band)

    def _cover(self, app: Canvas, size: tuple[int, int]) -> pygame.Surface | None:
        """The cover picture at the least size that covers `size`, or None without one."""
        if self.cover is None:
            return None
        fitted = app.assets.image(self.cover, size, self.cover_words)
        if fitted is None or fitted.get_width() <= 0 or fitted.get_height() <= 0:
            return None
        scale = max(size[0] / fitted.get_width(), size[1] / fitted.get_height())
        if scale <= 1.0:
            return fitted
        return app.assets.image(self.cover, (math.ceil(fitted.get_width() * scale),
                                             math.ceil(fitted.get_height() * scale)), self.cover_words)

    def _check(self, surface: pygame.Surface, app: Canvas, centre: tuple[int, int]) -> None:
        """The chosen card's check mark, in a disc."""
        p = app.palette
        r = app.metrics.px(CHECK)
        pygame.draw.circle(surface, p.primary, centre, r)
        icon = app.assets.icon("check", round(r * 1.3), p.on_primary)
        surface.blit(icon, icon.get_rect(center=centre))


def _contrast(a: Color, b: Color) -> float:
    """How far apart two colours are in brightness (0 to 255)."""
    return abs(_brightness(a) - _brightness(b))


def _brightness(colour: Color) -> float:
    r, g, b = colour
    return 0.299 * r + 0.587 * g + 0.114 * b
