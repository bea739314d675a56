"""Views of the themed puzzles: a social feed, a group chat, privacy settings, a password meter,
a cookie banner, PEGI sorting and hidden-ad spotting, drawn as the screens children know."""

from __future__ import annotations

import math
import re
import unicodedata
from abc import abstractmethod
from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from gardiens.core.checkers import MAX_TEXT_ANSWER, rule_met
from gardiens.core.model import (
    PEGI_RATINGS,
    AdPost,
    Ads,
    Chat,
    CookieButton,
    Cookies,
    Feed,
    FeedPost,
    Password,
    Pegi,
    Settings,
)
from gardiens.ui.draw import focus_ring, panel
from gardiens.ui.theme import Color, mix
from gardiens.ui.widgets.base import Button, Widget
from gardiens.ui.widgets.keys import AnswerField, keyboard
from gardiens.ui.widgets.puzzles import PuzzleView, SortingView, TypedView

if TYPE_CHECKING:
    from gardiens.ui.app import App
    from gardiens.ui.screens.play import PuzzleScreen


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


def avatar(surface: pygame.Surface, app: App, center: tuple[int, int], radius: int, name: str) -> None:
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


def tag(surface: pygame.Surface, app: App, topleft: tuple[int, int], text: str, max_w: int, *,
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


def post_header(surface: pygame.Surface, app: App, rect: pygame.Rect, author: str, date: str) -> int:
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


def paint_post(surface: pygame.Surface, app: App, rect: pygame.Rect, *, author: str, date: str, text: str,
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


def mission_picture(view: PuzzleView, image: str | None, size: tuple[int, int]) -> pygame.Surface | None:
    directory = view.app.mission_dir()
    if not image or directory is None or size[0] <= 0 or size[1] <= 0:
        return None
    return view.app.assets.image(directory / image, size)


# -- sorting into boxes (feed, PEGI) ---------------------------------------------------


class SortCard(Widget):
    """A card to sort: tap it then a box, or drag it onto a box."""

    draggable = True

    def __init__(self, view: SortView, card_id: str, rect: pygame.Rect, *, compact: bool) -> None:
        super().__init__(f"{view.card_prefix}:{card_id}", rect, on_tap=lambda: view.tap_card(card_id))
        self.view = view
        self.card_id = card_id
        self.compact = compact

    def draw(self, surface: pygame.Surface, app: App, *, focused: bool, pressed: bool) -> None:
        drag = app.dragging()
        if drag is not None and drag[0] is self:
            pygame.draw.rect(surface, app.palette.outline, self.rect, width=max(2, app.metrics.px(4)),
                             border_radius=app.metrics.px(20))
            return
        self.view.paint_card(surface, self.card_id, self.rect, compact=self.compact)
        if focused:
            focus_ring(surface, self.rect, app.palette, app.metrics.px(20), app.metrics.px(6))


class SortBox(Widget):
    """A box that receives cards; tapping it places the selected card (the tray takes it back)."""

    def __init__(self, view: SortView, name: str, rect: pygame.Rect, box_id: str | None) -> None:
        super().__init__(name, rect, on_tap=lambda: view.place(box_id))
        self.view = view
        self.box_id = box_id

    def draw(self, surface: pygame.Surface, app: App, *, focused: bool, pressed: bool) -> None:
        m = app.metrics
        if self.box_id is None:
            panel(surface, self.rect, app.palette.surface_alt, radius=m.px(26), border=app.palette.outline,
                  border_width=m.px(3))
        else:
            self.view.paint_box(surface, self.box_id, self.rect)
        if focused:
            focus_ring(surface, self.rect, app.palette, m.px(26), m.px(6))


class SortView(SortingView):
    """Cards laid out in a tray above boxes; each card goes into one box."""

    card_prefix = "card"
    box_prefix = "box"
    card_height = 200
    chip_height = 84
    box_head = 90
    min_box = 230

    def __init__(self, screen: PuzzleScreen, puzzle: Feed | Pegi) -> None:
        super().__init__(screen, puzzle)
        self.boxes: list[SortBox] = []

    @abstractmethod
    def box_ids(self) -> list[str]:
        ...

    @abstractmethod
    def paint_card(self, surface: pygame.Surface, card_id: str, rect: pygame.Rect, *, compact: bool) -> None:
        ...

    def measure(self, cards: list[tuple[str, pygame.Rect]]) -> None:
        """Called with the tray's cards once laid out, e.g. to give their texts one size."""

    @abstractmethod
    def paint_box(self, surface: pygame.Surface, box_id: str, rect: pygame.Rect) -> None:
        ...

    def columns(self, width: int) -> int:
        n = len(self.card_ids())
        if width >= self.px(1500):
            return 4 if n > 6 else 3
        return 2

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        gap = self.px(18)
        ids = self.card_ids()
        loose = [cid for cid in ids if cid not in self.placed]
        cols = self.columns(area.w)
        card_w = (area.w - gap * (cols + 1)) // cols
        rows = math.ceil(len(loose) / cols)
        if rows:
            # Larger text needs taller cards, as long as the boxes keep their room.
            wanted = round(self.px(self.card_height) * self.app.metrics.text_factor)
            card_h = min(wanted, (area.h - self.px(self.min_box) - gap * (rows + 2)) // rows)
            self.tray = pygame.Rect(area.x, area.y, area.w, rows * (card_h + gap) + gap)
        else:
            card_h = 0
            self.tray = pygame.Rect(area.x, area.y, area.w, self.px(96))
        tray = SortBox(self, "tray", self.tray, None)
        tray.focusable = False
        cards: list[Widget] = []
        for r in range(rows):
            row = loose[r * cols:(r + 1) * cols]
            x = self.tray.centerx - (len(row) * card_w + (len(row) - 1) * gap) // 2
            for cid in row:
                rect = pygame.Rect(x, self.tray.y + gap + r * (card_h + gap), card_w, card_h)
                cards.append(SortCard(self, cid, rect, compact=False))
                x += card_w + gap
        self.measure([(c.card_id, c.rect) for c in cards if isinstance(c, SortCard)])
        boxes = self.box_ids()
        top = self.tray.bottom + gap
        bw = (area.w - gap * (len(boxes) - 1)) // len(boxes)
        self.boxes = []
        chips: list[Widget] = []
        head = self.px(self.box_head)
        for i, bid in enumerate(boxes):
            rect = pygame.Rect(area.x + i * (bw + gap), top, bw, area.bottom - top)
            self.boxes.append(SortBox(self, f"{self.box_prefix}:{bid}", rect, bid))
            inside = [cid for cid in ids if self.placed.get(cid) == bid]
            if not inside:
                continue
            step = gap // 2
            room = rect.h - head - gap
            h = min(self.px(self.chip_height), (room - step * (len(inside) - 1)) // len(inside))
            y = rect.y + head + gap // 2
            for cid in inside:
                chips.append(SortCard(self, cid, pygame.Rect(rect.x + gap // 2, y, rect.w - gap, h), compact=True))
                y += h + step
        return [tray, *cards, *self.boxes, *chips]

    def draw(self, surface: pygame.Surface) -> None:
        if self.placed.keys() >= set(self.card_ids()):
            app = self.app
            app.type.block(surface, self._("Tout est rangé ! Touche une carte pour la déplacer, ou valide."),
                           self.tray.inflate(-self.px(40), -self.px(16)), size=app.metrics.text("body"),
                           color=app.palette.ink_soft, align="center", valign="middle", name="tray-empty")

    def draw_over(self, surface: pygame.Surface) -> None:
        drag = self.app.dragging()
        if drag is None or not isinstance(drag[0], SortCard) or drag[0].view is not self:
            return
        rect = drag[0].rect.copy()
        rect.center = drag[1]
        self.paint_card(surface, drag[0].card_id, rect, compact=drag[0].compact)

    def on_drag(self, widget: Widget, pos: tuple[int, int]) -> None:
        if isinstance(widget, SortCard):
            self.selected = widget.card_id

    def on_drop(self, widget: Widget, pos: tuple[int, int]) -> None:
        if isinstance(widget, SortCard):
            self.drop(widget.card_id, pos, [(box.rect, box.box_id) for box in self.boxes if box.box_id is not None])

    def status(self) -> str:
        if self.selected is not None:
            return self._("Maintenant, touche la boîte où elle va.")
        return self._("Touche une carte, puis la boîte où elle va. Tu peux aussi la faire glisser.")

    def selected_mark(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The chosen card wears a hand badge: its thick frame is not the only sign."""
        p = self.app.palette
        badge = pygame.Rect(0, 0, self.px(56), self.px(56))
        badge.center = (rect.right - self.px(8), rect.y + self.px(8))
        pygame.draw.ellipse(surface, p.primary, badge)
        pygame.draw.ellipse(surface, p.on_primary, badge, max(2, self.px(3)))
        icon = self.app.assets.icon("touch", self.px(36), p.on_primary)
        surface.blit(icon, icon.get_rect(center=badge.center))


# -- social feed -------------------------------------------------------------------------


class FeedView(SortView):
    """A phone feed whose posts are sorted into boxes (e.g. harassment or not)."""

    puzzle: Feed
    card_prefix = "post"
    box_prefix = "box"
    min_box = 190

    def posts(self) -> dict[str, FeedPost]:
        return {post.id: post for post in self.puzzle.posts}

    def card_ids(self) -> list[str]:
        return [post.id for post in self.puzzle.posts]

    def box_ids(self) -> list[str]:
        return [cat.id for cat in self.puzzle.categories]

    def paint_card(self, surface: pygame.Surface, card_id: str, rect: pygame.Rect, *, compact: bool) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        post = self.posts()[card_id]
        author = plain(self.text(post.author))
        selected = self.selected == card_id
        if compact:
            panel(surface, rect, p.surface, radius=m.px(18), shadow=p.shadow, depth=m.px(4),
                  border=p.primary if selected else p.outline, border_width=m.px(6 if selected else 3))
            radius = min(m.px(26), rect.h // 2 - m.px(6))
            avatar(surface, app, (rect.x + m.px(12) + radius, rect.centery), radius, author)
            x = rect.x + 2 * radius + m.px(24)
            text = f"{author} — {plain(self.text(post.text))}"
            app.type.block(surface, text, pygame.Rect(x, rect.y + m.px(4), rect.right - x - m.px(14), rect.h - m.px(8)),
                           size=m.text("small"), color=p.ink, valign="middle", max_lines=2, name=f"post:{card_id}")
        else:
            image = None
            if post.image:
                side = min(rect.h - m.px(40), rect.w // 3)
                image = mission_picture(self, post.image, (side, side))
            paint_post(surface, app, rect, author=author, date=plain(self.text(post.date)),
                       text=plain(self.text(post.text)), label=plain(self.text(post.label)), image=image,
                       selected=selected, name=f"post:{card_id}")
        if selected:
            self.selected_mark(surface, rect)

    def paint_box(self, surface: pygame.Surface, box_id: str, rect: pygame.Rect) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        label = next(self.text(c.label) for c in self.puzzle.categories if c.id == box_id)
        ready = self.selected is not None
        panel(surface, rect, p.surface_alt, radius=m.px(26), border=p.accent if ready else p.primary,
              border_width=m.px(7 if ready else 4))
        head = pygame.Rect(rect.x, rect.y, rect.w, m.px(self.box_head))
        pygame.draw.rect(surface, p.primary, head, border_top_left_radius=m.px(26), border_top_right_radius=m.px(26))
        icon = app.assets.icon("box", m.px(46), p.on_primary)
        surface.blit(icon, icon.get_rect(midleft=(head.x + m.px(20), head.centery)))
        count = sum(1 for b in self.placed.values() if b == box_id)
        app.type.line(surface, str(count), (head.right - m.px(24), head.centery), size=m.text("subtitle"),
                      color=p.on_primary, bold=True, anchor="midright")
        app.type.block(surface, label, pygame.Rect(head.x + m.px(80), head.y, head.w - m.px(150), head.h),
                       size=m.text("body"), color=p.on_primary, bold=True, align="center", valign="middle",
                       max_lines=2, name=f"box:{box_id}")
        if ready:
            hint = pygame.Rect(rect.x, head.bottom, rect.w, rect.bottom - head.bottom)
            icon = app.assets.icon("down", m.px(48), p.accent_dark)
            surface.blit(icon, icon.get_rect(midbottom=(hint.centerx, hint.bottom - m.px(10))))


# -- PEGI ------------------------------------------------------------------------------


def pegi_badge(surface: pygame.Surface, app: App, rect: pygame.Rect, rating: str) -> None:
    """A generic age badge: a rounded square with the age; green, orange or red like the scale."""
    p = app.palette
    m = app.metrics
    fill = {"3": p.good, "7": p.good, "12": p.accent_dark, "16": p.accent_dark, "18": p.bad}[rating]
    ink = p.on_primary
    if app.settings.high_contrast:
        fill, ink = p.surface, p.ink
    pygame.draw.rect(surface, fill, rect, border_radius=max(4, rect.w // 6))
    pygame.draw.rect(surface, p.on_primary if not app.settings.high_contrast else p.outline, rect,
                     width=max(2, rect.w // 20), border_radius=max(4, rect.w // 6))
    app.type.block(surface, rating, rect.inflate(-m.px(8), -m.px(8)), size=int(rect.h * 0.62), color=ink, bold=True,
                   align="center", valign="middle", max_lines=1, name=f"pegi-badge:{rating}")


class PegiView(SortView):
    """Made-up games to sort into five age boxes: 3, 7, 12, 16 and 18."""

    puzzle: Pegi
    # Five boxes and the game cards need the whole width.
    side_picture = False
    card_prefix = "game"
    box_prefix = "pegi"
    card_height = 210
    chip_height = 76
    box_head = 104
    min_box = 200

    def __init__(self, screen: PuzzleScreen, puzzle: Pegi) -> None:
        super().__init__(screen, puzzle)
        self.description_size = self.app.metrics.text("small")

    def card_ids(self) -> list[str]:
        return [game.id for game in self.puzzle.games]

    def measure(self, cards: list[tuple[str, pygame.Rect]]) -> None:
        games = {g.id: g for g in self.puzzle.games}
        texts = [plain(self.text(games[cid].description)) for cid, _rect in cards]
        boxes = [self.description_box(rect, games[cid].image) for cid, rect in cards]
        self.description_size = self.app.type.common_size(texts, boxes, self.app.metrics.text("small"))

    def description_box(self, rect: pygame.Rect, image: str | None) -> pygame.Rect:
        m = self.app.metrics
        inner = rect.inflate(-m.px(28), -m.px(20))
        x = inner.x + (min(inner.h, m.px(130)) + m.px(16) if image else 0)
        title_h = self.app.type.font(m.text("body"), True).get_linesize()
        return pygame.Rect(x, inner.y + title_h - m.px(4), inner.right - x, inner.h - title_h + m.px(4))

    def box_ids(self) -> list[str]:
        return list(PEGI_RATINGS)

    def paint_card(self, surface: pygame.Surface, card_id: str, rect: pygame.Rect, *, compact: bool) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        game = next(g for g in self.puzzle.games if g.id == card_id)
        selected = self.selected == card_id
        panel(surface, rect, p.surface, radius=m.px(20), shadow=p.shadow, depth=m.px(5),
              border=p.primary if selected else p.outline, border_width=m.px(7 if selected else 3))
        title = plain(self.text(game.title))
        if compact:
            icon = app.assets.icon("dice", m.px(36), p.primary_dark)
            surface.blit(icon, icon.get_rect(midleft=(rect.x + m.px(14), rect.centery)))
            app.type.block(surface, title, pygame.Rect(rect.x + m.px(58), rect.y + m.px(4), rect.w - m.px(70),
                           rect.h - m.px(8)), size=m.text("small"), color=p.ink, bold=True, valign="middle",
                           max_lines=2, name=f"game:{card_id}")
        else:
            inner = rect.inflate(-m.px(28), -m.px(20))
            side = min(inner.h, m.px(130))
            image = mission_picture(self, game.image, (side, side))
            x = inner.x
            if image is not None:
                surface.blit(image, image.get_rect(midleft=(inner.x, inner.centery)))
                x += image.get_width() + m.px(16)
            title_size = m.text("body")
            title_h = app.type.font(title_size, True).get_linesize()
            icon = app.assets.icon("dice", m.px(38), p.primary_dark)
            surface.blit(icon, icon.get_rect(midleft=(x, inner.y + title_h // 2)))
            app.type.block(surface, title, pygame.Rect(x + m.px(48), inner.y, inner.right - x - m.px(90), title_h),
                           size=title_size, color=p.ink, bold=True, max_lines=1, name=f"game:{card_id}")
            app.type.block(surface, plain(self.text(game.description)), self.description_box(rect, game.image),
                           size=self.description_size, color=p.ink,
                           name=f"game-text:{card_id}")
        if selected:
            self.selected_mark(surface, rect)

    def paint_box(self, surface: pygame.Surface, box_id: str, rect: pygame.Rect) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        ready = self.selected is not None
        panel(surface, rect, p.surface_alt, radius=m.px(26), border=p.accent if ready else p.outline,
              border_width=m.px(7 if ready else 4))
        head = pygame.Rect(rect.x, rect.y, rect.w, m.px(self.box_head))
        badge = pygame.Rect(0, 0, head.h - m.px(18), head.h - m.px(18))
        badge.midleft = (head.x + m.px(14), head.centery)
        pegi_badge(surface, app, badge, box_id)
        x = badge.right + m.px(14)
        app.type.block(surface, self._("PEGI {n}").format(n=box_id), pygame.Rect(x, head.y + m.px(10),
                       head.right - x - m.px(10), head.h // 2 - m.px(6)), size=m.text("body"), color=p.ink,
                       bold=True, max_lines=1, valign="bottom", name=f"pegi:{box_id}")
        app.type.block(surface, self._("dès {n} ans").format(n=box_id), pygame.Rect(x, head.centery,
                       head.right - x - m.px(10), head.h // 2 - m.px(8)), size=m.text("small"), color=p.ink_soft,
                       max_lines=1, name=f"pegi-age:{box_id}")
        if ready and not any(b == box_id for b in self.placed.values()):
            icon = app.assets.icon("down", m.px(48), p.accent_dark)
            surface.blit(icon, icon.get_rect(midbottom=(rect.centerx, rect.bottom - m.px(10))))


# -- ads ---------------------------------------------------------------------------------


class AdCard(Widget):
    """An influencer's post; tapping it marks it as a hidden ad (tap again to take the mark off)."""

    def __init__(self, view: AdsView, post: AdPost, rect: pygame.Rect) -> None:
        super().__init__(f"ad:{post.id}", rect, on_tap=lambda: view.toggle(post.id))
        self.view = view
        self.post = post

    def draw(self, surface: pygame.Surface, app: App, *, focused: bool, pressed: bool) -> None:
        p = app.palette
        m = app.metrics
        view = self.view
        chosen = self.post.id in view.chosen
        rect = self.rect.move(0, m.px(3) if pressed else 0)
        image = None
        if self.post.image:
            side = min(rect.h // 2, rect.w // 3)
            image = mission_picture(view, self.post.image, (side, side))
        inner = paint_post(surface, app, rect, author=plain(view.text(self.post.author)),
                           date=plain(view.text(self.post.date)), text=plain(view.text(self.post.text)),
                           label=plain(view.text(self.post.label)), image=image, selected=chosen,
                           name=self.name)
        box = pygame.Rect(0, 0, m.px(60), m.px(60))
        box.topright = (inner.right, inner.y)
        if chosen:
            panel(surface, box, p.primary, radius=m.px(12), border=p.primary_dark, border_width=m.px(3))
            icon = app.assets.icon("check", m.px(46), p.on_primary)
            surface.blit(icon, icon.get_rect(center=box.center))
            stamp = view._("Pub cachée !")
            font = app.type.font(round(m.text("small") * 0.85), True)
            w = font.size(stamp)[0] + m.px(76)
            tag(surface, app, (inner.right - w, inner.bottom - font.get_linesize() - m.px(6)), stamp, w,
                icon="flag", strong=True, name=f"{self.name}-stamp")
        else:
            panel(surface, box, p.surface, radius=m.px(12), border=p.ink_soft, border_width=m.px(4))
        if focused:
            focus_ring(surface, rect, p, m.px(22), m.px(6))


class AdsView(PuzzleView):
    """Influencer posts: tap every one that advertises without saying so, then validate."""

    puzzle: Ads

    def __init__(self, screen: PuzzleScreen, puzzle: Ads) -> None:
        super().__init__(screen, puzzle)
        self.chosen: list[str] = []

    def toggle(self, post_id: str) -> None:
        if post_id in self.chosen:
            self.chosen.remove(post_id)
        else:
            self.chosen.append(post_id)
        self.changed()

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        posts = self.puzzle.posts
        cols = 3 if len(posts) > 4 and area.w >= self.px(1500) else 2
        rows = math.ceil(len(posts) / cols)
        gap = self.px(22)
        w = (area.w - gap * (cols - 1)) // cols
        h = min(self.px(330), (area.h - gap * (rows - 1)) // rows)
        top = area.y + (area.h - (h * rows + gap * (rows - 1))) // 2
        widgets: list[Widget] = []
        for i, post in enumerate(posts):
            row, col = divmod(i, cols)
            in_row = min(cols, len(posts) - row * cols)
            x0 = area.x + (area.w - (in_row * w + (in_row - 1) * gap)) // 2
            widgets.append(AdCard(self, post, pygame.Rect(x0 + col * (w + gap), top + row * (h + gap), w, h)))
        return widgets

    def answer(self) -> object | None:
        if not self.chosen and any(post.hidden_ad for post in self.puzzle.posts):
            return None
        return list(self.chosen)

    def status(self) -> str:
        n = len(self.chosen)
        return self.ngettext("{n} post marqué « pub cachée ». Touche un post pour le marquer.",
                             "{n} posts marqués « pub cachée ». Touche un post pour le marquer.", n).format(n=n)


# -- chat ----------------------------------------------------------------------------------


class ReactionButton(Button):
    """A reaction to choose; all reactions share one text size so none looks less important."""

    def __init__(self, name: str, rect: pygame.Rect, label: str, *, size: int, icon: str, selected: bool,
                 on_tap: Callable[[], None]) -> None:
        super().__init__(name, rect, label, icon=icon, selected=selected, on_tap=on_tap)
        self.size = size

    @staticmethod
    def text_box(rect: pygame.Rect, app: App) -> pygame.Rect:
        m = app.metrics
        icon = min(m.px(48), rect.h - m.px(16))
        return pygame.Rect(rect.x + icon + m.px(38), rect.y + m.px(6), rect.w - icon - m.px(56), rect.h - m.px(12))

    def draw_content(self, surface: pygame.Surface, app: App, rect: pygame.Rect, ink: Color) -> None:
        m = app.metrics
        name = "check" if self.selected else (self.icon or "circle")
        image = app.assets.icon(name, min(m.px(48), rect.h - m.px(16)), ink)
        surface.blit(image, image.get_rect(midleft=(rect.x + m.px(22), rect.centery)))
        app.type.block(surface, self.label, self.text_box(rect, app), size=self.size, color=ink, bold=True,
                       valign="middle", name=self.name)


class ChatWindow(Widget):
    """The conversation; a finger slides it up and down like a phone chat."""

    focusable = False
    draggable = True

    def __init__(self, view: ChatView, rect: pygame.Rect) -> None:
        super().__init__("chat", rect)
        self.view = view

    def draw(self, surface: pygame.Surface, app: App, *, focused: bool, pressed: bool) -> None:
        self.view.draw_conversation(surface)


class ChatView(PuzzleView):
    """A group chat to read (it scrolls), then the reaction to choose, with big buttons."""

    puzzle: Chat
    # The picture is shared in the conversation, above the first message.
    side_picture = False

    def __init__(self, screen: PuzzleScreen, puzzle: Chat) -> None:
        super().__init__(screen, puzzle)
        self.chosen: list[str] = []
        self.scroll = 0
        self.content_h = 0
        self.window = pygame.Rect(0, 0, 0, 0)
        self.frame = pygame.Rect(0, 0, 0, 0)
        self.bubbles: list[tuple[pygame.Rect, str, str, bool, int]] = []
        self.picture: pygame.Surface | None = None
        self.picture_at = pygame.Rect(0, 0, 0, 0)
        self.drag_y: int | None = None

    def toggle(self, cid: str) -> None:
        if cid in self.chosen:
            self.chosen.remove(cid)
        elif self.puzzle.multiple:
            self.chosen.append(cid)
        else:
            self.chosen = [cid]
        self.changed()

    def toggler(self, cid: str) -> Callable[[], None]:
        return lambda: self.toggle(cid)

    @property
    def max_scroll(self) -> int:
        return max(0, self.content_h - self.window.h)

    def scroll_by(self, dy: int) -> None:
        self.scroll = max(0, min(self.max_scroll, self.scroll + dy))
        self.changed()

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        app = self.app
        m = app.metrics
        gap = self.px(24)
        chat_w = area.w // 2
        self.frame = pygame.Rect(area.x, area.y, chat_w, area.h)
        head_h = self.px(84)
        bar_w = self.px(96)
        self.window = pygame.Rect(self.frame.x + self.px(6), self.frame.y + head_h,
                                  self.frame.w - bar_w - self.px(18), self.frame.h - head_h - self.px(6))
        self.layout_bubbles()
        self.scroll = max(0, min(self.max_scroll, self.scroll))
        step = self.window.h * 2 // 3
        up = Button("chat-up", pygame.Rect(self.window.right + self.px(6), self.window.y + self.px(8), bar_w, bar_w),
                    icon="up", kind="quiet", enabled=self.scroll > 0, on_tap=lambda: self.scroll_by(-step))
        more = self.scroll < self.max_scroll
        down = Button("chat-down", pygame.Rect(self.window.right + self.px(6), self.window.bottom - bar_w - self.px(8),
                                               bar_w, bar_w),
                      icon="down", kind="accent" if more else "quiet", enabled=more,
                      on_tap=lambda: self.scroll_by(step))
        widgets: list[Widget] = [ChatWindow(self, self.window), up, down]
        choices = self.puzzle.choices
        side = pygame.Rect(self.frame.right + gap, area.y, area.right - self.frame.right - gap, area.h)
        head = app.type.font(m.text("body"), True).get_linesize() + self.px(4)
        cgap = self.px(12)
        h = min(self.px(150), (side.h - head - cgap * (len(choices) - 1)) // len(choices))
        self.choices_head = pygame.Rect(side.x, side.y - self.px(4), side.w, head)
        idle = "square" if self.puzzle.multiple else "circle"
        texts = [plain(self.text(c.text)) for c in choices]
        rects = [pygame.Rect(side.x, side.y + head + i * (h + cgap), side.w, h) for i in range(len(choices))]
        # The button face is its rectangle less the pressed depth.
        faces = [ReactionButton.text_box(r.inflate(0, -m.px(7)).move(0, -m.px(3)), app) for r in rects]
        size = app.type.common_size(texts, faces, m.text("small"), bold=True)
        for choice, text, rect in zip(choices, texts, rects, strict=True):
            widgets.append(ReactionButton(f"choice:{choice.id}", rect, text, size=size, icon=idle,
                                          selected=choice.id in self.chosen, on_tap=self.toggler(choice.id)))
        return widgets

    def layout_bubbles(self) -> None:
        """Place every bubble in conversation coordinates (0 = top of the conversation)."""
        app = self.app
        m = app.metrics
        pad = self.px(18)
        width = self.window.w
        size = m.text("small")
        name_size = round(m.text("small") * 0.85)
        name_h = app.type.font(name_size, True).get_linesize()
        radius = self.px(26)
        y = self.px(16)
        self.picture = mission_picture(self, self.puzzle.image, (width // 2, self.px(240)))
        if self.picture is not None:
            self.picture_at = self.picture.get_rect(midtop=(width // 2, y))
            y = self.picture_at.bottom + self.px(20)
        self.bubbles = []
        previous = None
        for message in self.puzzle.messages:
            author = plain(self.text(message.author))
            text = plain(self.text(message.text))
            max_w = width * 3 // 4 - (0 if message.me else 2 * radius + pad)
            _lines, widest, height = app.type.measure(text, size, max_w - 2 * pad)
            show_name = not message.me and author != previous
            bw = max(widest + 2 * pad, app.type.font(name_size, True).size(author)[0] + 2 * pad if show_name else 0)
            bh = height + 2 * self.px(10) + (name_h if show_name else 0)
            x = width - bw - pad if message.me else 2 * radius + pad + self.px(10)
            self.bubbles.append((pygame.Rect(x, y, min(bw, max_w), bh), author, text, message.me,
                                 name_h if show_name else 0))
            y += bh + self.px(12)
            previous = author if not message.me else None
        self.content_h = y + self.px(10)

    def draw_conversation(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        window = self.window
        pygame.draw.rect(surface, mix(p.surface_alt, p.surface, 0.4), window)
        clip = surface.get_clip()
        surface.set_clip(window.clip(clip) if clip else window)
        top = window.y - self.scroll
        if self.picture is not None:
            at = self.picture_at.move(window.x, top)
            panel(surface, at.inflate(self.px(12), self.px(12)), p.surface, radius=self.px(14), shadow=p.shadow,
                  depth=self.px(5))
            surface.blit(self.picture, at)
        size = m.text("small")
        name_size = round(m.text("small") * 0.85)
        radius = self.px(26)
        pad = self.px(18)
        for i, (box, author, text, me, name_h) in enumerate(self.bubbles):
            rect = box.move(window.x, top)
            if rect.bottom < window.y or rect.y > window.bottom:
                continue
            fill = p.primary if me else p.surface
            ink = p.on_primary if me else p.ink
            panel(surface, rect, fill, radius=self.px(24), border=p.primary_dark if me else p.outline,
                  border_width=max(2, self.px(3)))
            if name_h:
                avatar(surface, app, (window.x + pad + radius - self.px(6), rect.y + radius), radius, author)
                app.type.block(surface, author, pygame.Rect(rect.x + pad, rect.y + self.px(8), rect.w - 2 * pad, name_h),
                               size=name_size, color=p.primary_dark if not app.settings.high_contrast else p.ink,
                               bold=True, max_lines=1, name=f"chat-author:{i}")
            body = pygame.Rect(rect.x + pad, rect.y + self.px(10) + name_h, rect.w - 2 * pad + self.px(4),
                               rect.h - name_h - self.px(18))
            app.type.block(surface, text, body, size=size, color=ink, name=f"chat-message:{i}")
        surface.set_clip(clip)
        # A fading edge and the scroll track tell that more of the conversation is hidden.
        if self.scroll < self.max_scroll:
            fade = pygame.Surface((window.w, self.px(60)), pygame.SRCALPHA)
            base = mix(p.surface_alt, p.surface, 0.4)
            for yy in range(fade.get_height()):
                pygame.draw.line(fade, (*base, round(255 * yy / fade.get_height())), (0, yy), (window.w, yy))
            surface.blit(fade, (window.x, window.bottom - fade.get_height()))

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        frame = self.frame
        panel(surface, frame, p.surface, radius=self.px(30), shadow=p.shadow, depth=self.px(8), border=p.outline,
              border_width=self.px(3))
        head = pygame.Rect(frame.x, frame.y, frame.w, self.window.y - frame.y)
        pygame.draw.rect(surface, p.night if not app.settings.high_contrast else p.surface, head,
                         border_top_left_radius=self.px(30), border_top_right_radius=self.px(30))
        ink = (255, 255, 255) if not app.settings.high_contrast else p.ink
        icon = app.assets.icon("people", self.px(48), ink)
        surface.blit(icon, icon.get_rect(midleft=(head.x + self.px(24), head.centery)))
        members = len({self.text(msg.author) for msg in self.puzzle.messages})
        group = plain(self.text(self.puzzle.group))
        app.type.block(surface, group, pygame.Rect(head.x + self.px(90), head.y, head.w - self.px(330), head.h),
                       size=m.text("body"), color=ink, bold=True, valign="middle", max_lines=1, name="chat-group")
        app.type.block(surface, self.ngettext("{n} membre", "{n} membres", members).format(n=members),
                       pygame.Rect(head.right - self.px(230), head.y, self.px(206), head.h), size=m.text("small"),
                       color=ink, valign="middle", align="right", max_lines=1, name="chat-members")
        # Scroll track between the arrows: where the visible part sits in the conversation.
        track = pygame.Rect(self.window.right + self.px(40), self.window.y + self.px(120), self.px(16),
                            self.window.h - self.px(240))
        if track.h > self.px(40) and self.max_scroll > 0:
            pygame.draw.rect(surface, p.surface_alt, track, border_radius=track.w // 2)
            thumb_h = max(self.px(40), track.h * self.window.h // max(1, self.content_h))
            thumb_y = track.y + (track.h - thumb_h) * self.scroll // max(1, self.max_scroll)
            pygame.draw.rect(surface, p.primary, (track.x, thumb_y, track.w, thumb_h), border_radius=track.w // 2)
        question = self._("Plusieurs réactions possibles :") if self.puzzle.multiple else self._("Ta réaction :")
        app.type.block(surface, question, self.choices_head, size=m.text("body"), color=p.ink, bold=True,
                       valign="middle", max_lines=1, name="chat-question")

    def on_drag(self, widget: Widget, pos: tuple[int, int]) -> None:
        if not isinstance(widget, ChatWindow):
            return
        if self.drag_y is not None:
            self.scroll = max(0, min(self.max_scroll, self.scroll - (pos[1] - self.drag_y)))
        self.drag_y = pos[1]

    def on_drop(self, widget: Widget, pos: tuple[int, int]) -> None:
        if isinstance(widget, ChatWindow):
            self.on_drag(widget, pos)
            self.drag_y = None
            self.changed()

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.scroll_by((1 if event.key == pygame.K_PAGEDOWN else -1) * self.window.h * 2 // 3)
            return True
        return False

    def answer(self) -> object | None:
        return list(self.chosen) if self.chosen else None

    def status(self) -> str:
        if self.scroll < self.max_scroll:
            return self._("Lis toute la discussion : fais-la glisser ou touche la flèche.")
        if self.puzzle.multiple:
            return self._("Plusieurs réponses possibles.")
        return self._("Une seule réponse.")


# -- privacy settings ----------------------------------------------------------------------


class Segment(Widget):
    """One option of a setting's segmented control; the chosen one is raised and ticked."""

    def __init__(self, view: SettingsView, setting_id: str, option_id: str, rect: pygame.Rect, label: str,
                 *, first: bool, last: bool) -> None:
        super().__init__(f"setting:{setting_id}:{option_id}", rect,
                         on_tap=lambda: view.choose(setting_id, option_id))
        self.view = view
        self.setting_id = setting_id
        self.option_id = option_id
        self.label = label
        self.first = first
        self.last = last

    def draw(self, surface: pygame.Surface, app: App, *, focused: bool, pressed: bool) -> None:
        p = app.palette
        m = app.metrics
        chosen = self.view.values.get(self.setting_id) == self.option_id
        rect = self.rect.inflate(-m.px(8), -m.px(8))
        if chosen:
            panel(surface, rect, p.primary, radius=m.px(18), shadow=p.primary_dark, depth=m.px(4),
                  border=p.primary_dark, border_width=m.px(4))
            ink = p.on_primary
            icon = app.assets.icon("check", m.px(40), ink)
            surface.blit(icon, icon.get_rect(midleft=(rect.x + m.px(12), rect.centery)))
            box = pygame.Rect(rect.x + m.px(58), rect.y + m.px(4), rect.w - m.px(68), rect.h - m.px(8))
        else:
            if pressed:
                panel(surface, rect, p.surface, radius=m.px(18))
            ink = p.ink
            ring = pygame.Rect(0, 0, m.px(30), m.px(30))
            ring.midleft = (rect.x + m.px(16), rect.centery)
            pygame.draw.ellipse(surface, p.ink_soft, ring, max(2, m.px(3)))
            box = pygame.Rect(rect.x + m.px(58), rect.y + m.px(4), rect.w - m.px(68), rect.h - m.px(8))
        app.type.block(surface, self.label, box, size=m.text("small"), color=ink, bold=chosen, valign="middle",
                       name=self.name)
        if focused:
            focus_ring(surface, rect, p, m.px(18), m.px(6))


class SettingsView(PuzzleView):
    """The privacy panel of a made-up profile: each setting starts where the puzzle says."""

    puzzle: Settings
    # The panel is the picture: a side picture would squeeze its settings.
    side_picture = False

    def __init__(self, screen: PuzzleScreen, puzzle: Settings) -> None:
        super().__init__(screen, puzzle)
        self.values: dict[str, str] = {s.id: s.start for s in puzzle.settings}
        self.cards: list[tuple[pygame.Rect, str]] = []
        self.phone = pygame.Rect(0, 0, 0, 0)

    def choose(self, setting_id: str, option_id: str) -> None:
        self.values[setting_id] = option_id
        self.changed()

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        settings = self.puzzle.settings
        cols = 2 if len(settings) > 3 else 1
        width = area.w if cols == 2 else min(area.w, self.px(1300))
        self.phone = pygame.Rect(area.centerx - width // 2, area.y, width, area.h)
        head_h = self.px(86)
        body = pygame.Rect(self.phone.x + self.px(18), self.phone.y + head_h + self.px(14),
                           self.phone.w - self.px(36), self.phone.h - head_h - self.px(28))
        rows = math.ceil(len(settings) / cols)
        gap = self.px(14)
        w = (body.w - gap * (cols - 1)) // cols
        h = min(self.px(230), (body.h - gap * (rows - 1)) // rows)
        label_h = min(self.px(58), h // 3)
        widgets: list[Widget] = []
        self.cards = []
        for i, setting in enumerate(settings):
            col, row = (i // rows, i % rows) if cols == 2 else (0, i)
            card = pygame.Rect(body.x + col * (w + gap), body.y + row * (h + gap), w, h)
            self.cards.append((card, setting.id))
            track = pygame.Rect(card.x + self.px(14), card.y + label_h + self.px(10), card.w - self.px(28),
                                card.h - label_h - self.px(22))
            n = len(setting.options)
            seg_w = track.w // n
            for k, option in enumerate(setting.options):
                rect = pygame.Rect(track.x + k * seg_w, track.y, seg_w if k < n - 1 else track.right - track.x - k * seg_w,
                                   track.h)
                widgets.append(Segment(self, setting.id, option.id, rect, plain(self.text(option.label)),
                                       first=k == 0, last=k == n - 1))
        self.label_h = label_h
        return widgets

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        phone = self.phone
        panel(surface, phone, p.surface, radius=self.px(34), shadow=p.shadow, depth=self.px(8), border=p.outline,
              border_width=self.px(3))
        head = pygame.Rect(phone.x, phone.y, phone.w, self.px(86))
        dark = not app.settings.high_contrast
        pygame.draw.rect(surface, p.night if dark else p.surface, head, border_top_left_radius=self.px(34),
                         border_top_right_radius=self.px(34))
        ink = (255, 255, 255) if dark else p.ink
        profile = plain(self.text(self.puzzle.profile))
        avatar(surface, app, (head.x + self.px(56), head.centery), self.px(32), profile)
        title = self._("Confidentialité")
        title_w = app.type.font(m.text("body"), True).size(title)[0]
        lock = app.assets.icon("lock", self.px(40), ink)
        surface.blit(lock, lock.get_rect(midright=(head.right - self.px(30) - title_w - self.px(12), head.centery)))
        app.type.line(surface, title, (head.right - self.px(30), head.centery), size=m.text("body"), color=ink,
                      bold=True, anchor="midright")
        app.type.block(surface, profile, pygame.Rect(head.x + self.px(104), head.y, head.w - self.px(190) - title_w
                       - self.px(60), head.h), size=m.text("body"), color=ink, bold=True, valign="middle",
                       max_lines=1, name="settings-profile")
        settings = {s.id: s for s in self.puzzle.settings}
        for card, sid in self.cards:
            setting = settings[sid]
            changed = self.values[sid] != setting.start
            panel(surface, card, p.surface_alt, radius=self.px(22), border=p.outline, border_width=self.px(2))
            label = pygame.Rect(card.x + self.px(20), card.y + self.px(8), card.w - self.px(40), self.label_h)
            if changed:
                mark = self._("modifié")
                font = app.type.font(round(m.text("small") * 0.8), True)
                mw = font.size(mark)[0]
                app.type.line(surface, mark, (label.right, label.centery), size=round(m.text("small") * 0.8),
                              color=p.primary_dark, bold=True, anchor="midright")
                label.w -= mw + self.px(16)
            app.type.block(surface, plain(self.text(setting.label)), label, size=m.text("body"), color=p.ink,
                           bold=True, valign="middle", max_lines=1, name=f"setting:{sid}")
            track = pygame.Rect(card.x + self.px(14), card.y + self.label_h + self.px(10), card.w - self.px(28),
                                card.h - self.label_h - self.px(22))
            panel(surface, track, p.surface, radius=self.px(22), border=p.outline, border_width=self.px(2))

    def answer(self) -> object | None:
        return dict(self.values)

    def status(self) -> str:
        changed = sum(1 for s in self.puzzle.settings if self.values[s.id] != s.start)
        return self.ngettext("Touche une option pour changer un réglage. {n} réglage changé sur {total}.",
                             "Touche une option pour changer un réglage. {n} réglages changés sur {total}.",
                             changed).format(n=changed, total=len(self.puzzle.settings))


# -- password ------------------------------------------------------------------------------

LETTER_ROWS: tuple[tuple[str, ...], ...] = (
    tuple("1234567890"),
    tuple("azertyuiop"),
    tuple("qsdfghjklm"),
    ("shift", *"wxcvbn", "back"),
    ("symbols", "-", "_", "space", ".", "!", "?"),
)
SYMBOL_ROWS: tuple[tuple[str, ...], ...] = (
    tuple("1234567890"),
    tuple("!?#@&*$%+="),
    tuple("-_.,;:/()'"),
    ("letters", *"<>[]{}", "back"),
    ("€", "~", "^", "space", '"', "|", "\\"),
)
MODE_KEYS = ("shift", "symbols", "letters")


def password_char(char: str) -> bool:
    """Characters a password may hold: printable letters, digits, symbols and the space."""
    if char == " ":
        return True
    if len(char) != 1 or not char.isprintable() or char.isspace():
        return False
    return ord(char) < 0x2000 and unicodedata.category(char)[0] in "LNPS"


class Meter(Widget):
    """The strength gauge: filled boxes and a word, not only a colour."""

    focusable = False

    def __init__(self, view: PasswordView, rect: pygame.Rect) -> None:
        super().__init__("meter", rect)
        self.view = view

    def hit(self, pos: tuple[int, int]) -> bool:
        return False

    def draw(self, surface: pygame.Surface, app: App, *, focused: bool, pressed: bool) -> None:
        p = app.palette
        m = app.metrics
        met, total = self.view.score()
        words = self.view.strength_word(met, total)
        head = pygame.Rect(self.rect.x, self.rect.y, self.rect.w, self.rect.h // 2)
        app.type.block(surface, self.view._("Solidité : {word}").format(word=words), head, size=m.text("body"),
                       color=p.ink, bold=True, valign="middle", max_lines=1, name="meter-word")
        bar = pygame.Rect(self.rect.x, head.bottom + m.px(4), self.rect.w, self.rect.h - head.h - m.px(8))
        color: Color = p.bad if met * 2 < total else p.accent if met < total else p.good
        gap = m.px(8)
        w = (bar.w - gap * (total - 1)) / max(1, total)
        for i in range(total):
            cell = pygame.Rect(round(bar.x + i * (w + gap)), bar.y, math.ceil(w), bar.h)
            if i < met:
                panel(surface, cell, color, radius=m.px(10), border=p.ink, border_width=max(1, m.px(2)))
            else:
                panel(surface, cell, p.surface, radius=m.px(10), border=p.outline, border_width=max(1, m.px(2)))


class PasswordView(TypedView):
    """A password typed on an on-screen keyboard, a strength gauge, and the rules it must keep."""

    puzzle: Password

    def __init__(self, screen: PuzzleScreen, puzzle: Password) -> None:
        super().__init__(screen, puzzle)
        self.shift = False
        self.symbols = False
        self.side = pygame.Rect(0, 0, 0, 0)
        self.rules_box = pygame.Rect(0, 0, 0, 0)
        self.persona_box = pygame.Rect(0, 0, 0, 0)

    @property
    def max_length(self) -> int:
        return min(self.puzzle.max_length, MAX_TEXT_ANSWER)

    def accepts(self, char: str) -> bool:
        return password_char(char)

    def score(self) -> tuple[int, int]:
        met = sum(1 for r in self.puzzle.rules if self.keeps(r))
        return met, len(self.puzzle.rules)

    def keeps(self, rule: object) -> bool:
        # An empty field keeps no rule, not even "nothing about the person".
        return bool(self.typed) and rule_met(rule, self.typed)  # type: ignore[arg-type]

    def strength_word(self, met: int, total: int) -> str:
        if not self.typed:
            return self._("vide")
        share = met / max(1, total)
        if share >= 1:
            return self._("en béton !")
        if share >= 0.7:
            return self._("presque")
        if share >= 0.4:
            return self._("moyenne")
        return self._("faible")

    def press(self, key: str) -> None:
        if key == "back":
            self.typed = self.typed[:-1]
        elif key == "shift":
            self.shift = not self.shift
        elif key == "symbols":
            self.symbols = True
        elif key == "letters":
            self.symbols = False
        elif len(self.typed) < self.max_length and password_char(key):
            self.typed += key.upper() if self.shift and key.isalpha() else key
        self.changed()

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        gap = self.px(30)
        side_w = min(self.px(600), area.w * 2 // 5)
        self.side = pygame.Rect(area.x, area.y, side_w, area.h)
        right = pygame.Rect(self.side.right + gap, area.y, area.right - self.side.right - gap, area.h)
        field = pygame.Rect(right.x, right.y, right.w, self.px(104))
        meter = Meter(self, pygame.Rect(self.side.x, self.side.y, self.side.w, self.px(110)))
        persona_h = min(self.px(210), self.side.h // 3)
        self.persona_box = pygame.Rect(self.side.x, self.side.bottom - persona_h, self.side.w, persona_h)
        self.rules_box = pygame.Rect(self.side.x, meter.rect.bottom + self.px(14), self.side.w,
                                     self.persona_box.y - meter.rect.bottom - self.px(28))
        keys_rect = pygame.Rect(right.x, field.bottom + self.px(18), right.w, right.bottom - field.bottom - self.px(18))
        rows = SYMBOL_ROWS if self.symbols else LETTER_ROWS
        keys = keyboard(keys_rect, self.press, self.px(12), space_label=self._("espace"), rows=rows)
        for key in keys:
            if isinstance(key, Button):
                self.dress_key(key)
        return [AnswerField("answer", field, lambda: self.typed, placeholder=self._("Invente un mot de passe")),
                meter, *keys]

    def dress_key(self, key: Button) -> None:
        """Give the shared keyboard's keys their password look: real case, mode keys."""
        name = key.name.removeprefix("key:")
        if name == "shift":
            key.label, key.icon, key.kind = "", "up", "quiet"
            key.selected, key.selected_icon = self.shift, None
        elif name == "symbols":
            key.label, key.kind, key.text_role = "#?!", "quiet", "body"
        elif name == "letters":
            key.label, key.kind, key.text_role = "abc", "quiet", "body"
        elif len(name) == 1 and name.isalpha():
            key.label = name.upper() if self.shift else name

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        box = self.rules_box
        rules = self.puzzle.rules
        each = min(self.px(70), box.h // max(1, len(rules)))
        texts = [plain(self.text(r.label)) for r in rules]
        boxes = [pygame.Rect(box.x + self.px(60), box.y + i * each, box.w - self.px(60), each)
                 for i in range(len(rules))]
        size = app.type.common_size(texts, boxes, m.text("small"))
        for i, rule in enumerate(rules):
            ok = self.keeps(rule)
            row = pygame.Rect(box.x, box.y + i * each, box.w, each)
            mark = pygame.Rect(0, 0, min(self.px(44), each - self.px(6)), min(self.px(44), each - self.px(6)))
            mark.midleft = (row.x + self.px(4), row.centery)
            pygame.draw.ellipse(surface, p.good if ok else p.surface, mark)
            pygame.draw.ellipse(surface, p.good if ok else p.ink_soft, mark, max(2, self.px(3)))
            icon = app.assets.icon("check" if ok else "cross", mark.w * 3 // 4, p.on_primary if ok else p.ink_soft)
            surface.blit(icon, icon.get_rect(center=mark.center))
            app.type.block(surface, texts[i], boxes[i], size=size, color=p.ink if ok else p.ink_soft, bold=ok,
                           valign="middle", name=f"rule:{i}")
        card = self.persona_box
        panel(surface, card, p.surface, radius=self.px(22), border=p.outline, border_width=self.px(3))
        icon = app.assets.icon("people", self.px(44), p.primary)
        surface.blit(icon, (card.x + self.px(18), card.y + self.px(14)))
        app.type.block(surface, self._("Sa fiche"), pygame.Rect(card.x + self.px(74), card.y + self.px(10),
                       card.w - self.px(90), self.px(50)), size=m.text("small"), color=p.primary_dark, bold=True,
                       valign="middle", max_lines=1, name="persona-title")
        app.type.block(surface, plain(self.text(self.puzzle.persona)),
                       pygame.Rect(card.x + self.px(18), card.y + self.px(62), card.w - self.px(36),
                                   card.h - self.px(72)), size=m.text("small"), color=p.ink, name="persona")

    def answer(self) -> object | None:
        return self.typed or None

    def status(self) -> str:
        n = len(self.typed)
        return self.ngettext("{n} caractère sur {max} au plus.", "{n} caractères sur {max} au plus.", n).format(
            n=n, max=self.max_length)


# -- cookies -------------------------------------------------------------------------------


class GreyButton(Button):
    """The small grey button of a cookie banner: made dull on purpose, still a full-size target."""

    def colors(self, app: App) -> tuple[Color, Color, Color, Color]:
        if self.selected:
            return super().colors(app)
        p = app.palette
        return p.locked_soft, p.ink_soft, p.locked, p.locked


class LinkButton(Widget):
    """Tiny underlined text, the banner's hidden way out; its touch area is padded to a finger."""

    def __init__(self, name: str, rect: pygame.Rect, label: str, *, on_tap: Callable[[], None],
                 chosen: bool) -> None:
        super().__init__(name, rect, on_tap=on_tap)
        self.label = label
        self.chosen = chosen

    def draw(self, surface: pygame.Surface, app: App, *, focused: bool, pressed: bool) -> None:
        p = app.palette
        m = app.metrics
        size = round(m.text("small") * 0.8)
        x = self.rect.x + m.px(10)
        if self.chosen:
            panel(surface, self.rect, p.surface, radius=m.px(16), border=p.primary, border_width=m.px(5))
            icon = app.assets.icon("check", m.px(36), p.primary)
            surface.blit(icon, icon.get_rect(midleft=(x, self.rect.centery)))
            x += m.px(44)
        rect = app.type.line(surface, self.label, (x, self.rect.centery), size=size, color=p.ink_soft,
                             anchor="midleft")
        pygame.draw.line(surface, p.ink_soft, (rect.x, rect.bottom - m.px(4)), (rect.right, rect.bottom - m.px(4)),
                         max(1, m.px(2)))
        if focused:
            focus_ring(surface, self.rect, p, m.px(16), m.px(6))


class PurposeSwitch(Widget):
    """A row with a cookie purpose and its on/off switch; the whole row is the target."""

    def __init__(self, view: CookiesView, purpose_id: str, rect: pygame.Rect, label: str) -> None:
        super().__init__(f"purpose:{purpose_id}", rect, on_tap=lambda: view.flip(purpose_id))
        self.view = view
        self.purpose_id = purpose_id
        self.label = label

    def draw(self, surface: pygame.Surface, app: App, *, focused: bool, pressed: bool) -> None:
        p = app.palette
        m = app.metrics
        on = self.view.switches[self.purpose_id]
        panel(surface, self.rect, p.surface, radius=m.px(20), border=p.outline, border_width=m.px(3))
        switch = pygame.Rect(0, 0, m.px(170), min(m.px(70), self.rect.h - m.px(16)))
        switch.midright = (self.rect.right - m.px(18), self.rect.centery)
        fill = p.primary if on else p.locked_soft
        pygame.draw.rect(surface, fill, switch, border_radius=switch.h // 2)
        pygame.draw.rect(surface, p.primary_dark if on else p.locked, switch, width=max(2, m.px(3)),
                         border_radius=switch.h // 2)
        knob = pygame.Rect(0, 0, switch.h - m.px(12), switch.h - m.px(12))
        knob.center = (switch.right - switch.h // 2, switch.centery) if on else (switch.x + switch.h // 2,
                                                                                   switch.centery)
        pygame.draw.ellipse(surface, p.surface, knob)
        pygame.draw.ellipse(surface, p.primary_dark if on else p.locked, knob, max(2, m.px(3)))
        icon = app.assets.icon("check" if on else "cross", knob.w * 2 // 3, p.primary if on else p.locked)
        surface.blit(icon, icon.get_rect(center=knob.center))
        word = self.view._("Oui") if on else self.view._("Non")
        word_x = switch.x + m.px(22) if on else switch.right - m.px(22)
        app.type.line(surface, word, (word_x, switch.centery), size=m.text("small"),
                      color=p.on_primary if on else p.ink, bold=True, anchor="midleft" if on else "midright")
        app.type.block(surface, self.label, pygame.Rect(self.rect.x + m.px(22), self.rect.y + m.px(6),
                       switch.x - self.rect.x - m.px(40), self.rect.h - m.px(12)), size=m.text("small"),
                       color=p.ink, valign="middle", name=self.name)
        if focused:
            focus_ring(surface, self.rect, p, m.px(20), m.px(6))


class CookiesView(PuzzleView):
    """A made-up website under a cookie banner whose buttons are drawn as big, small or a tiny link."""

    puzzle: Cookies
    # The picture is the website, dimmed under the banner.
    side_picture = False

    def __init__(self, screen: PuzzleScreen, puzzle: Cookies) -> None:
        super().__init__(screen, puzzle)
        self.choice: str | None = None
        self.customising = False
        self.switches: dict[str, bool] = {p.id: p.start for p in puzzle.purposes}
        self.site = pygame.Rect(0, 0, 0, 0)
        self.banner = pygame.Rect(0, 0, 0, 0)
        self.text_box = pygame.Rect(0, 0, 0, 0)
        self.picture: pygame.Surface | None = None

    def buttons(self) -> dict[str, CookieButton]:
        return {b.id: b for b in self.puzzle.buttons}

    def tap(self, button_id: str) -> None:
        button = self.buttons()[button_id]
        if button.action == "customise":
            self.customising = True
            self.choice = None
        else:
            self.choice = button_id
        self.changed()

    def flip(self, purpose_id: str) -> None:
        self.switches[purpose_id] = not self.switches[purpose_id]
        if self.choice is not None and self.buttons()[self.choice].action == "customise":
            self.choice = None
        self.changed()

    def save(self) -> None:
        custom = next((b for b in self.puzzle.buttons if b.action == "customise"), None)
        if custom is not None:
            self.choice = custom.id
        self.changed()

    def close_panel(self) -> None:
        self.customising = False
        self.changed()

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        self.site = area.copy()
        bar = self.px(70)
        self.picture = mission_picture(self, self.puzzle.image, (self.site.w, self.site.h - bar))
        width = min(self.site.w - self.px(80), self.px(1500))
        if self.customising:
            return self.layout_panel(width)
        return self.layout_banner(width)

    def layout_banner(self, width: int) -> list[Widget]:
        app = self.app
        m = app.metrics
        pad = self.px(34)
        gap = self.px(20)
        items: list[tuple[CookieButton, int, int]] = []
        for button in self.puzzle.buttons:
            label = plain(self.text(button.label))
            if button.style == "big":
                w = app.type.font(m.text("subtitle"), True).size(label)[0] + self.px(130)
                items.append((button, min(max(w, self.px(340)), width - 2 * pad), self.px(120)))
            elif button.style == "small":
                w = app.type.font(m.text("small"), True).size(label)[0] + self.px(70)
                items.append((button, min(max(w, self.px(200)), width - 2 * pad), self.px(88)))
            else:
                w = app.type.font(round(m.text("small") * 0.8)).size(label)[0] + self.px(70)
                items.append((button, min(w, width - 2 * pad), self.px(88)))
        rows: list[list[tuple[CookieButton, int, int]]] = [[]]
        used = 0
        for item in items:
            if rows[-1] and used + item[1] > width - 2 * pad:
                rows.append([])
                used = 0
            rows[-1].append(item)
            used += item[1] + gap
        buttons_h = sum(max(h for _b, _w, h in row) for row in rows) + gap * (len(rows) - 1)
        text_h = app.type.measure(plain(self.text(self.puzzle.banner)), m.text("body"), width - 2 * pad)[2]
        height = min(self.site.h - self.px(90), self.px(96) + text_h + buttons_h + 2 * pad)
        self.banner = pygame.Rect(self.site.centerx - width // 2, self.site.bottom - height - self.px(16), width, height)
        self.text_box = pygame.Rect(self.banner.x + pad, self.banner.y + self.px(96), width - 2 * pad,
                                    self.banner.h - self.px(96) - buttons_h - 2 * pad + self.px(10))
        widgets: list[Widget] = []
        y = self.banner.bottom - pad - buttons_h
        for row in rows:
            row_h = max(h for _b, _w, h in row)
            x = self.banner.right - pad - (sum(w for _b, w, _h in row) + gap * (len(row) - 1))
            for button, w, h in row:
                widgets.append(self.button_widget(button, pygame.Rect(x, y + (row_h - h) // 2, w, h)))
                x += w + gap
            y += row_h + gap
        return widgets

    def button_widget(self, button: CookieButton, rect: pygame.Rect) -> Widget:
        label = plain(self.text(button.label))
        name = f"cookie:{button.id}"
        chosen = self.choice == button.id
        tap = lambda b=button.id: self.tap(b)  # noqa: E731
        if button.style == "big":
            return Button(name, rect, label, kind="accent", selected=chosen or None, text_role="subtitle",
                          on_tap=tap)
        if button.style == "small":
            return GreyButton(name, rect, label, kind="quiet", selected=chosen or None, text_role="small",
                              on_tap=tap)
        return LinkButton(name, rect, label, on_tap=tap, chosen=chosen)

    def layout_panel(self, width: int) -> list[Widget]:
        pad = self.px(34)
        self.banner = pygame.Rect(self.site.centerx - width // 2, self.site.y + self.px(86), width,
                                  self.site.h - self.px(102))
        purposes = self.puzzle.purposes
        footer = self.px(120)
        body = pygame.Rect(self.banner.x + pad, self.banner.y + self.px(96), width - 2 * pad,
                           self.banner.h - self.px(96) - footer - pad)
        cols = 2 if len(purposes) > 3 else 1
        rows = max(1, math.ceil(len(purposes) / cols))
        gap = self.px(16)
        w = (body.w - gap * (cols - 1)) // cols
        h = min(self.px(120), (body.h - gap * (rows - 1)) // rows)
        widgets: list[Widget] = []
        for i, purpose in enumerate(purposes):
            col, row = divmod(i, rows)
            widgets.append(PurposeSwitch(self, purpose.id, pygame.Rect(body.x + col * (w + gap), body.y + row * (h + gap),
                                                                       w, h), plain(self.text(purpose.label))))
        saved = self.choice is not None
        y = self.banner.bottom - pad - footer + self.px(10)
        widgets.append(Button("cookie-back", pygame.Rect(self.banner.x + pad, y, self.px(300), footer - self.px(10)),
                              self._("Retour"), icon="back", kind="quiet", on_tap=self.close_panel))
        widgets.append(Button("cookie-save", pygame.Rect(self.banner.right - pad - self.px(640), y, self.px(640),
                                                         footer - self.px(10)),
                              self._("Choix enregistrés") if saved else self._("Enregistrer mes choix"),
                              icon="check", kind="accent", selected=saved or None, on_tap=self.save))
        self.text_box = body
        return widgets

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        site = self.site
        panel(surface, site, p.surface, radius=self.px(24), shadow=p.shadow, depth=self.px(8), border=p.outline,
              border_width=self.px(3))
        bar = pygame.Rect(site.x, site.y, site.w, self.px(70))
        pygame.draw.rect(surface, p.surface_alt, bar, border_top_left_radius=self.px(24),
                         border_top_right_radius=self.px(24))
        for k in range(3):
            pygame.draw.circle(surface, p.outline, (bar.x + self.px(36 + 34 * k), bar.centery), self.px(11))
        address = pygame.Rect(bar.x + self.px(150), bar.y + self.px(12), bar.w - self.px(300), bar.h - self.px(24))
        panel(surface, address, p.surface, radius=address.h // 2, border=p.outline, border_width=max(1, self.px(2)))
        lock = app.assets.icon("globe", self.px(32), p.ink_soft)
        surface.blit(lock, lock.get_rect(midleft=(address.x + self.px(16), address.centery)))
        app.type.block(surface, plain(self.text(self.puzzle.site)), address.inflate(-self.px(120), 0),
                       size=m.text("small"), color=p.ink_soft, valign="middle", max_lines=1, name="cookie-site")
        page = pygame.Rect(site.x + self.px(3), bar.bottom, site.w - self.px(6), site.bottom - bar.bottom - self.px(3))
        if self.picture is not None:
            surface.blit(self.picture, self.picture.get_rect(center=page.center))
        else:
            for k in range(5):
                pygame.draw.rect(surface, p.surface_alt, (page.x + self.px(60), page.y + self.px(40 + 70 * k),
                                                          page.w * (3 + k % 3) // 8, self.px(40)),
                                 border_radius=self.px(12))
        # The page behind is dimmed: the banner is what asks for an answer.
        veil = pygame.Surface(page.size, pygame.SRCALPHA)
        veil.fill(p.dim)
        surface.blit(veil, page.topleft)
        banner = self.banner
        panel(surface, banner, p.surface, radius=self.px(28), shadow=p.night, depth=self.px(10), border=p.outline,
              border_width=self.px(3))
        self.cookie(surface, (banner.x + self.px(70), banner.y + self.px(52)), self.px(34))
        title = self._("Paramètres des cookies") if self.customising else plain(self.text(self.puzzle.site))
        app.type.block(surface, title, pygame.Rect(banner.x + self.px(124), banner.y + self.px(14),
                       banner.w - self.px(160), self.px(76)), size=m.text("subtitle"), color=p.ink, bold=True,
                       valign="middle", max_lines=1, name="cookie-title")
        if not self.customising:
            app.type.block(surface, plain(self.text(self.puzzle.banner)), self.text_box, size=m.text("body"),
                           color=p.ink, name="cookie-banner")
        elif not self.puzzle.purposes:
            app.type.block(surface, self._("Aucun réglage à changer ici."), self.text_box, size=m.text("body"),
                           color=p.ink_soft, name="cookie-empty")

    def cookie(self, surface: pygame.Surface, center: tuple[int, int], radius: int) -> None:
        """A drawn biscuit with chocolate chips: the banner's emblem."""
        p = self.app.palette
        dough = p.gold if not self.app.settings.high_contrast else p.surface
        pygame.draw.circle(surface, dough, center, radius)
        pygame.draw.circle(surface, p.accent_dark, center, radius, max(2, radius // 8))
        for dx, dy in ((-0.4, -0.3), (0.3, -0.4), (0.1, 0.1), (-0.3, 0.4), (0.45, 0.3)):
            pygame.draw.circle(surface, p.ink, (center[0] + dx * radius, center[1] + dy * radius), max(2, radius // 7))

    def answer(self) -> object | None:
        if self.choice is None:
            return None
        button = self.buttons()[self.choice]
        if button.action != "customise":
            return {"button": button.id}
        return {"button": button.id} | {pid: "on" if on else "off" for pid, on in self.switches.items()}

    def status(self) -> str:
        if self.customising and self.choice is None:
            return self._("Touche chaque ligne pour dire oui ou non, puis enregistre.")
        if self.choice is not None:
            label = plain(self.text(self.buttons()[self.choice].label))
            return self._("Ton choix : « {label} ». Touche Valider.").format(label=label)
        return self._("Lis le bandeau, puis choisis un de ses boutons.")

    def after_wrong(self) -> None:
        self.choice = None
        self.customising = False
        self.switches = {p.id: p.start for p in self.puzzle.purposes}
