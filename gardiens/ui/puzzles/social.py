"""Drawing shared by the views that look like the apps children know: avatars, tags, posts."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, TypeAlias

import pygame

from gardiens.core.glyphs import drawable
from gardiens.ui.draw import panel
from gardiens.ui.picture_text import pictures_of
from gardiens.ui.puzzles.base import Hand, PuzzleView
from gardiens.ui.widgets.base import Button, Widget

if TYPE_CHECKING:
    from gardiens.core.model import Post, Puzzle
    from gardiens.ui.kit.screen import Screen
    from gardiens.ui.theme import Color
    from gardiens.ui.widgets.base import Canvas


# The texts of the posts on show and of a few puzzles prepared ahead: each is made plain again
# at every tap that lays the posts out, so the last few hundred are kept (emptied between teams).
PLAIN_KEPT = 512


@lru_cache(maxsize=PLAIN_KEPT)
def plain(text: str) -> str:
    """Drop the emoji and pictographs no bundled font draws (they would show as boxes), and the
    joiners and selectors of emoji sequences; the fallback font draws the others."""
    kept = []
    for char in text:
        code = ord(char)
        if 0xFE00 <= code <= 0xFE0F or code == 0x200D or (
                (code >= 0x1F000 or 0x2600 <= code <= 0x27BF) and code not in drawable()):
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
                  anchor="center", as_is="letter")


def tag_size(app: Canvas, text: str, max_w: int, *, icon: bool = False) -> tuple[int, int]:
    """The width and height of a tag holding `text`: one line when it fits `max_w`, more when not."""
    m = app.metrics
    size = app.type.floored(round(m.text("small") * 0.85), "label")
    icon_w = m.px(34) if icon else 0
    pads = m.px(24) + icon_w
    _lines, widest, height = app.type.measure(text, size, max(1, max_w - pads), bold=True)
    return min(max_w, widest + pads + m.px(2)), height + m.px(12)


def tag(surface: pygame.Surface, app: Canvas, topleft: tuple[int, int], text: str, max_w: int, *,
        icon: str | None = None, strong: bool = False, name: str = "tag") -> pygame.Rect:
    """A small pill with a word on it (a post's « Collaboration commerciale », a stamp); a long
    one takes more lines rather than losing its end."""
    p = app.palette
    m = app.metrics
    size = app.type.floored(round(m.text("small") * 0.85), "label")
    w, h = tag_size(app, text, max_w, icon=icon is not None)
    rect = pygame.Rect(topleft[0], topleft[1], w, h)
    fill = p.primary if strong else p.surface_alt
    ink = p.on_primary if strong else p.ink
    panel(surface, rect, fill, radius=min(rect.h // 2, m.px(24)), border=p.primary_dark if strong else p.outline,
          border_width=max(2, m.px(2)))
    x = rect.x + m.px(12)
    if icon:
        image = app.assets.icon(icon, m.px(28), ink)
        surface.blit(image, image.get_rect(midleft=(x, rect.y + min(rect.h // 2, m.px(24)))))
        x += m.px(34)
    app.type.block(surface, text, pygame.Rect(x, rect.y, rect.right - x - m.px(10), rect.h), size=size,
                   color=ink, bold=True, valign="middle", name=name, kind="label")
    return rect


@dataclass(frozen=True)
class PostShape:
    """Where the parts of a post card go, from its top left corner; `height` is the whole card's."""

    avatar: tuple[int, int]
    radius: int
    author: pygame.Rect
    date: pygame.Rect
    thumb: pygame.Rect
    text: pygame.Rect
    label: pygame.Rect
    height: int


def post_sizes(app: Canvas) -> tuple[int, int, int]:
    """The sizes of a post's author name and date (labels) and of its text (reading)."""
    m = app.metrics
    small = m.text("small")
    return (app.type.floored(round(small * 0.93), "label"), app.type.floored(round(small * 0.8), "label"),
            app.type.floored(small))


def post_shape(app: Canvas, width: int, *, author: str, date: str, text: str, label: str, thumb: int = 0,
               corner: int = 0, footer: int = 0) -> PostShape:
    """Lay a post out in `width`, every text whole at its size: the card is as tall as they need.

    `thumb` is the side of its picture (top right), `corner` the width kept free at the top right
    (a check box) and `footer` the height kept free at the bottom (a stamp)."""
    m = app.metrics
    pad_x, pad_y, gap = m.px(16), m.px(10), m.px(8)
    inner_w = width - 2 * pad_x
    radius = m.px(32)
    author_size, date_size, text_size = post_sizes(app)
    side = min(thumb, inner_w // 3) if thumb else 0
    column = inner_w - (side + m.px(14) if side else 0)
    head_x = pad_x + 2 * radius + m.px(14)
    head_w = max(1, pad_x + column - head_x - (corner if not side else 0))
    author_h = app.type.measure(author, author_size, head_w, bold=True)[2]
    date_h = app.type.measure(date, date_size, head_w)[2] if date else 0
    head_h = author_h + (m.px(4) + date_h if date else 0)
    # The name and the date stand by the avatar's middle, or under its top when they need more room.
    head_y = pad_y + max(0, (2 * radius - head_h) // 2)
    author_rect = pygame.Rect(head_x, head_y, head_w, author_h)
    date_rect = pygame.Rect(head_x, author_rect.bottom + m.px(4), head_w, date_h)
    y = max(pad_y + 2 * radius, head_y + head_h) + gap
    text_h = app.type.measure(text, text_size, column)[2]
    text_rect = pygame.Rect(pad_x, y, column, text_h)
    bottom = text_rect.bottom
    thumb_rect = pygame.Rect(pad_x + inner_w - side, pad_y, side, side)
    if side:
        bottom = max(bottom, thumb_rect.bottom)
    label_rect = pygame.Rect(pad_x, bottom, 0, 0)
    if label:
        w, h = tag_size(app, label, inner_w, icon=True)
        label_rect = pygame.Rect(pad_x, bottom + gap, w, h)
        bottom = label_rect.bottom
    if footer:
        bottom += gap + footer
    return PostShape((pad_x + radius, pad_y + radius), radius, author_rect, date_rect, thumb_rect, text_rect,
                     label_rect, bottom + pad_y)


def paint_post(surface: pygame.Surface, app: Canvas, rect: pygame.Rect, *, author: str, date: str, text: str,
               label: str, image: pygame.Surface | None, selected: bool, name: str, corner: int = 0,
               footer: int = 0) -> pygame.Rect:
    """A social post card, every text whole (lay it out `rect.h` >= `post_shape(...).height`);
    returns its inner area (for a mark or a stamp)."""
    p = app.palette
    m = app.metrics
    panel(surface, rect, p.surface, radius=m.px(22), shadow=p.shadow, depth=m.px(6),
          border=p.primary if selected else p.outline, border_width=m.px(7 if selected else 3))
    shape = post_shape(app, rect.w, author=author, date=date, text=text, label=label,
                       thumb=image.get_width() if image is not None else 0, corner=corner, footer=footer)
    x, y = rect.topleft
    author_size, date_size, text_size = post_sizes(app)
    avatar(surface, app, (x + shape.avatar[0], y + shape.avatar[1]), shape.radius, author)
    app.type.block(surface, author, shape.author.move(x, y), size=author_size, color=p.ink, bold=True,
                   name="post-author", kind="label")
    if date:
        app.type.block(surface, date, shape.date.move(x, y), size=date_size, color=p.ink_soft, name="post-date",
                       kind="label")
    if image is not None and shape.thumb.w:
        thumb = shape.thumb.move(x, y)
        surface.blit(pygame.transform.smoothscale(image, thumb.size) if image.get_size() != thumb.size else image,
                     thumb)
        pygame.draw.rect(surface, p.outline, thumb, width=max(1, m.px(2)), border_radius=m.px(8))
    app.type.block(surface, text, shape.text.move(x, y), size=text_size, color=p.ink, name=f"{name}-text")
    if label:
        tag(surface, app, shape.label.move(x, y).topleft, label, shape.label.w, icon="flag", name=f"{name}-label")
    return rect.inflate(-m.px(32), -m.px(24))


# Cards laid out page by page: for each page, each card's id and place.
Pages: TypeAlias = list[list[tuple[str, pygame.Rect]]]


def _pack(ids: list[str], area: pygame.Rect, cols: int, gap: int, height: Callable[[str, int], int]) -> Pages:
    w = (area.w - gap * (cols - 1)) // cols
    heights = [height(card, w) for card in ids]
    pages: Pages = [[]]
    y = area.y
    for start in range(0, len(ids), cols):
        row = ids[start:start + cols]
        h = max(heights[start:start + cols])
        if pages[-1] and y + h > area.bottom:
            pages.append([])
            y = area.y
        x = area.centerx - (len(row) * w + (len(row) - 1) * gap) // 2
        pages[-1] += [(card, pygame.Rect(x + i * (w + gap), y, w, h)) for i, card in enumerate(row)]
        y += h + gap
    return pages


def lay_pages(ids: list[str], area: pygame.Rect, *, columns: list[int], gap: int, side: int,
              height: Callable[[str, int], int]) -> Pages:
    """Cards in rows as tall as their tallest card, rows grouped into pages that fit `area`.
    `columns` are the counts to try, the preferred first: the first that shows every card on
    one page is kept; failing that, the one with the fewest pages in `area` less `side` on the
    right (where the page buttons go) — `height(card, width)` gives a card's height."""
    for cols in columns:
        pages = _pack(ids, area, cols, gap, height)
        if len(pages) == 1 and not _spills(pages, area.bottom):
            return pages
    narrower = pygame.Rect(area.x, area.y, area.w - side, area.h)
    # A card taller than the area (narrow columns, large or widely spaced text) would run under
    # what is below it: a count of columns whose cards all fit comes first.
    return min((_pack(ids, narrower, cols, gap, height) for cols in columns),
               key=lambda pages: (_spills(pages, narrower.bottom), len(pages)))


def _spills(pages: Pages, bottom: int) -> bool:
    """Whether a card of `pages` runs past `bottom`."""
    return any(rect.bottom > bottom for page in pages for _card, rect in page)


class PageButton(Button):
    """A tall, narrow page button by the cards: its arrow above its word."""

    contained = True

    def appearance(self, app: Canvas) -> Hashable | None:
        return self.appearance_of(app)

    def draw_content(self, surface: pygame.Surface, app: Canvas, rect: pygame.Rect, ink: Color) -> None:
        m = app.metrics
        size = min(m.px(56), rect.w - m.px(20))
        icon = app.assets.icon(self.icon or "next", size, ink)
        label_size = m.text("button")
        label_h = app.type.measure(self.label, label_size, rect.w - m.px(12), bold=True)[2] if self.label else 0
        top = rect.centery - (size + m.px(8) + label_h) // 2 if self.label else rect.centery - size // 2
        surface.blit(icon, icon.get_rect(midtop=(rect.centerx, top)))
        if not self.label:
            return
        app.type.block(surface, self.label, pygame.Rect(rect.x + m.px(6), top + size + m.px(8), rect.w - m.px(12),
                       max(label_h, rect.bottom - top - size - m.px(16))), size=label_size, color=ink, bold=True,
                       align="center", name=self.name, kind="label")


def page_column(view: PuzzleView) -> int:
    """The width of the column of page buttons: « Suite » on one line."""
    m = view.app.metrics
    return max(view.px(130), view.app.type.measure(view._("Suite"), m.text("button"), 10_000, bold=True)[1]
               + view.px(30))


def page_buttons(view: PuzzleView, column: pygame.Rect, page: int, pages: int,
                 turn: Callable[[int], object]) -> list[Widget]:
    """The way back (an arrow) at the top of `column`, « Suite » under it; « Suite » stands out
    while cards are left to see, so that the team knows there is more. The page number goes
    between them."""
    _ = view._
    last = page >= pages - 1
    back_h = column.h * 2 // 5
    number = view.px(70)
    return [
        PageButton("page-previous", pygame.Rect(column.x, column.y, column.w, back_h), "", icon="back",
                   kind="plain", enabled=page > 0, on_tap=lambda: turn(-1)),
        PageButton("page-next", pygame.Rect(column.x, column.y + back_h + number, column.w,
                                            column.h - back_h - number), _("Suite"), icon="next",
                   kind="plain" if last else "accent", enabled=not last, on_tap=lambda: turn(1)),
    ]


def page_number(surface: pygame.Surface, app: Canvas, column: pygame.Rect, page: int, pages: int) -> None:
    """« 1 / 2 » between the page buttons."""
    back_h = column.h * 2 // 5
    row = pygame.Rect(column.x, column.y + back_h, column.w, app.metrics.px(70))
    app.type.block(surface, f"{page + 1} / {pages}", row, size=app.metrics.text("subtitle"), color=app.palette.ink_soft,
                   bold=True, align="center", valign="middle", max_lines=1, name="page-number")


class PostPages(PuzzleView):
    """A view of posts that shows each whole and turns pages when they do not all fit: it keeps
    the page on show, the page of every post and the column of the page buttons. It comes first
    among a view's bases."""

    def __init__(self, screen: Screen, puzzle: Puzzle) -> None:
        super().__init__(screen, puzzle)
        self.page = 0
        self.pages = 1
        self.page_of: dict[str, int] = {}
        self.nav = pygame.Rect(0, 0, 0, 0)

    def words(self, post: Post) -> tuple[str, str, str, str]:
        """The post's author, date, text and label, as drawn."""
        return (plain(self.text(post.author)), plain(self.text(post.date)), plain(self.text(post.text)),
                plain(self.text(post.label)))

    def keep_pages(self, pages: Pages) -> list[tuple[str, pygame.Rect]]:
        """Keeps how the posts were laid on pages; returns the page on show, kept in range."""
        self.pages = len(pages)
        self.page = max(0, min(self.pages - 1, self.page))
        self.page_of = {post_id: index for index, page in enumerate(pages) for post_id, _rect in page}
        return pages[self.page]

    def turn(self, step: int) -> None:
        self.page = max(0, min(self.pages - 1, self.page + step))
        self.changed()

    def page_span(self) -> int:
        return self.pages

    def draw_over(self, surface: pygame.Surface) -> None:
        # Over the widgets: a feed's tray lies under its page buttons and would hide it.
        if self.pages > 1:
            page_number(surface, self.app, self.nav, self.page, self.pages)

    def backdrop(self) -> Hashable | None:
        # What `draw_over` paints: the page number by the page buttons.
        return (self.page, self.pages, tuple(self.nav))


def go_to_page(hand: Hand, view_page: Callable[[], int], page: int) -> int:
    """Tap « Suite » or « Précédent » until `page` is on show; returns the taps made."""
    made = 0
    while view_page() != page and made < 50:
        hand.tap("page-next" if view_page() < page else "page-previous")
        made += 1
    return made


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
    words = view.app.words
    return view.app.assets.image(directory / image, size,
                                 pictures_of(words, view.app.type.family))
