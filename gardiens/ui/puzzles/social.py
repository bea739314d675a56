"""Drawing shared by the views that look like the apps children know: avatars, tags, posts."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

import pygame

from gardiens.ui.draw import panel
from gardiens.ui.puzzles.base import PuzzleView

if TYPE_CHECKING:
    from gardiens.ui.theme import Color
    from gardiens.ui.widgets.base import Canvas


def plain(text: str) -> str:
    """Drop emoji and pictographs: the kiosk's fonts have no glyph for them and would show boxes."""
    kept = []
    for char in text:
        code = ord(char)
        if code >= 0x1F000 or 0x2600 <= code <= 0x27BF or 0xFE00 <= code <= 0xFE0F or code == 0x200D:
            continue
        kept.append(char)
    text = " ".join(part for part in "".join(kept).split(" ") if part)
    # French puts a space before « ! ? : ; » and after «: it must not start or end a line.
    text = re.sub(r" ([!?:;»])", "\u00a0\\1", text)
    return text.replace("« ", "«\u00a0")


def initial(name: str) -> str:
    for char in name:
        if char.isalnum():
            return unicodedata.normalize("NFKD", char)[:1].upper()
    return "?"


def avatar(surface: pygame.Surface, app: Canvas, center: tuple[int, int], radius: int, name: str) -> None:
    """A round avatar with the author's initial; its colour only tells authors apart."""
    p = app.palette
    if app.settings.high_contrast:
        fill, ink = p.surface, p.ink
    else:
        tones = (p.primary, p.accent_dark, p.good, p.bad, p.night, p.primary_dark)
        fill, ink = tones[sum(ord(c) for c in name) % len(tones)], p.on_primary
    pygame.draw.circle(surface, fill, center, radius)
    pygame.draw.circle(surface, p.outline, center, radius, max(2, radius // 12))
    app.type.line(surface, initial(name), center, size=max(8, int(radius * 1.1)), color=ink, bold=True,
                  anchor="center")


def tag(surface: pygame.Surface, app: Canvas, topleft: tuple[int, int], text: str, max_w: int, *,
        icon: str | None = None, strong: bool = False, name: str = "tag") -> pygame.Rect:
    """A small pill with a word on it (a post's « Collaboration commerciale », a stamp)."""
    p = app.palette
    m = app.metrics
    size = round(m.text("small") * 0.85)
    font = app.type.font(size, True)
    icon_w = m.px(34) if icon else 0
    w = min(max_w, font.size(text)[0] + m.px(28) + icon_w)
    rect = pygame.Rect(topleft[0], topleft[1], w, font.get_linesize() + m.px(6))
    fill = p.primary if strong else p.surface_alt
    ink = p.on_primary if strong else p.ink
    panel(surface, rect, fill, radius=rect.h // 2, border=p.primary_dark if strong else p.outline,
          border_width=max(2, m.px(2)))
    x = rect.x + m.px(14)
    if icon:
        image = app.assets.icon(icon, m.px(28), ink)
        surface.blit(image, image.get_rect(midleft=(x, rect.centery)))
        x += icon_w
    app.type.block(surface, text, pygame.Rect(x, rect.y, rect.right - x - m.px(10), rect.h), size=size,
                   color=ink, bold=True, valign="middle", max_lines=1, name=name)
    return rect


def post_header(surface: pygame.Surface, app: Canvas, rect: pygame.Rect, author: str, date: str) -> int:
    """Avatar, author and date along the top of a post; returns the y under it."""
    p = app.palette
    m = app.metrics
    radius = m.px(32)
    avatar(surface, app, (rect.x + radius, rect.y + radius), radius, author)
    x = rect.x + 2 * radius + m.px(14)
    author_size = round(m.text("small") * 0.93)
    date_size = round(m.text("small") * 0.78)
    author_h = app.type.font(author_size, True).get_linesize()
    date_h = app.type.font(date_size).get_linesize()
    # Andika's lines are tall; the two lines share the avatar's height by their centres.
    centre = rect.y + (radius * 3 // 5 if date else radius)
    app.type.block(surface, author, pygame.Rect(x, centre - author_h // 2, rect.right - x, author_h),
                   size=author_size, color=p.ink, bold=True, max_lines=1, name="post-author")
    if date:
        centre = rect.y + radius * 3 // 2 + m.px(2)
        app.type.block(surface, date, pygame.Rect(x, centre - date_h // 2, rect.right - x, date_h),
                       size=date_size, color=p.ink_soft, max_lines=1, name="post-date")
    return rect.y + 2 * radius + m.px(12)


def paint_post(surface: pygame.Surface, app: Canvas, rect: pygame.Rect, *, author: str, date: str, text: str,
               label: str, image: pygame.Surface | None, selected: bool, name: str) -> pygame.Rect:
    """A social post card; returns the room left at its bottom (for a mark or a stamp)."""
    p = app.palette
    m = app.metrics
    panel(surface, rect, p.surface, radius=m.px(22), shadow=p.shadow, depth=m.px(6),
          border=p.primary if selected else p.outline, border_width=m.px(7 if selected else 3))
    inner = rect.inflate(-m.px(32), -m.px(24))
    if image is not None:
        thumb = image.get_rect(topright=(inner.right, inner.y))
        surface.blit(image, thumb)
        pygame.draw.rect(surface, p.outline, thumb, width=max(1, m.px(2)), border_radius=m.px(8))
        head_rect = pygame.Rect(inner.x, inner.y, thumb.x - inner.x - m.px(14), inner.h)
    else:
        head_rect = inner
    y = post_header(surface, app, pygame.Rect(head_rect.x, head_rect.y, head_rect.w - m.px(60), m.px(60)),
                    author, date)
    bottom = inner.bottom
    if label:
        label_h = app.type.font(round(m.text("small") * 0.85), True).get_linesize() + m.px(6)
        tag(surface, app, (inner.x, inner.bottom - label_h), label, head_rect.w, icon="flag", name=f"{name}-label")
        bottom -= label_h + m.px(8)
    app.type.block(surface, text, pygame.Rect(head_rect.x, y, head_rect.w, bottom - y), size=m.text("small"),
                   color=p.ink, name=f"{name}-text")
    return inner


def app_window(surface: pygame.Surface, app: Canvas, rect: pygame.Rect, *, radius: int, bar_height: int,
               bar: Color) -> pygame.Rect:
    """The frame of a made-up app or website: a raised panel with a coloured bar along its top
    (a profile's name, a group chat's title, an address); returns that bar."""
    p = app.palette
    m = app.metrics
    panel(surface, rect, p.surface, radius=radius, shadow=p.shadow, depth=m.px(8), border=p.outline,
          border_width=m.px(3))
    top = pygame.Rect(rect.x, rect.y, rect.w, bar_height)
    pygame.draw.rect(surface, bar, top, border_top_left_radius=radius, border_top_right_radius=radius)
    return top


def mission_picture(view: PuzzleView, image: str | None, size: tuple[int, int]) -> pygame.Surface | None:
    directory = view.app.mission_dir()
    if not image or directory is None or size[0] <= 0 or size[1] <= 0:
        return None
    return view.app.assets.image(directory / image, size)
