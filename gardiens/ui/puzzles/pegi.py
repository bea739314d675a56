"""The "pegi" kind: games sorted by their PEGI age rating."""

from __future__ import annotations

import math
from collections.abc import Hashable
from typing import TYPE_CHECKING, cast

import pygame

from gardiens.core.model import PEGI_RATINGS, Pegi
from gardiens.ui.draw import panel
from gardiens.ui.puzzles.base import GestureError, Hand
from gardiens.ui.puzzles.social import mission_picture, plain
from gardiens.ui.puzzles.sorting import SortView

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Host, Screen
    from gardiens.ui.widgets.base import Widget


def pegi_badge(surface: pygame.Surface, app: Host, rect: pygame.Rect, rating: str) -> None:
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
    # The cards take the height: their descriptions wrap onto three or four lines. The boxes are
    # targets, a head with the badge and a count, and a strip for the drop arrow.
    card_height = 330
    box_head = 104
    box_height = 150

    def __init__(self, screen: Screen, puzzle: Pegi) -> None:
        super().__init__(screen, puzzle)
        self.description_size = self.app.metrics.text("small")
        # The page each game is on, when the games are paged.
        self.game_pages: dict[str, int] = {}

    def layout(self, area: pygame.Rect) -> list[Widget]:
        """The shared grid when every game fits it whole; else the games a few rows at a time,
        each card as tall as its description, pages turned by a pager between them and the boxes."""
        gap = self.px(18)
        ids = self.card_ids()
        cols = self.columns(area.w)
        card_w = (area.w - gap * (cols + 1)) // cols
        need = max(self.card_need(cid, card_w) for cid in ids)
        room = area.h - self.px(self.box_height) - gap
        rows = math.ceil(len(ids) / cols)
        wanted = round(self.px(self.card_height) * self.app.metrics.text_factor)
        if min(wanted, (room - gap * (rows + 1)) // rows) >= need:
            self.game_pages = {}
            self.pager(area, 1)
            return super().layout(area)
        self.area = area
        touch = self.app.metrics.touch
        # The most games a page can show whole: fewer, wider columns make shorter cards.
        shelf = room - touch - gap * 2
        fits = []
        for n in range(cols, 0, -1):
            width = (area.w - gap * (n + 1)) // n
            tall = max(self.card_need(cid, width) for cid in ids)
            fits.append((n * (shelf // (tall + gap)), n, width, tall))
        per_page, cols, card_w, need = max(fits, key=lambda fit: (fit[0], fit[1]))
        if per_page == 0:
            # Not one game fits whole: one row, as tall as there is room for (its text is cut).
            per_page, cols, card_w, need = fits[0][1], fits[0][1], fits[0][2], shelf - gap
        pages = [ids[i:i + per_page] for i in range(0, len(ids), per_page)]
        self.game_pages = {cid: n for n, page in enumerate(pages) for cid in page}
        shown_rows = math.ceil(per_page / cols)
        self.tray = pygame.Rect(area.x, area.y, area.w, shown_rows * (need + gap) + gap)
        bar = pygame.Rect(area.x, self.tray.bottom + gap, area.w, touch)
        widgets = self.pager(bar, len(pages))
        tray = self.tray_box()
        cards = self.card_rows(pages[self.page], cols, (self.tray.centerx, self.tray.y + gap), (card_w, need), gap)
        tag = self.tag_room()
        self.measure([(c.item_id, pygame.Rect(c.rect.x, c.rect.y, c.rect.w, c.rect.h - tag)) for c in cards])
        top = bar.bottom + gap
        self.box_row(pygame.Rect(area.x, top, area.w, area.bottom - top), gap)
        return [tray, *cards, *widgets, *self.boxes]

    def card_need(self, card_id: str, width: int) -> int:
        """How tall a game's card must be, with its box's tag, for its whole description to show
        at the reading size (see `paint_card`)."""
        m = self.app.metrics
        game = next(g for g in self.puzzle.games if g.id == card_id)
        words_w = width - m.px(28) - (m.px(130) + m.px(16) if game.image else 0)
        title_h = self.title_height(card_id, words_w - m.px(90))
        text_h = self.app.type.measure(plain(self.text(game.description)), m.text("small"), words_w)[2]
        return text_h + title_h - m.px(4) + m.px(20) + self.tag_room()

    def title_height(self, card_id: str, width: int) -> int:
        """The height of a game's title at `width`: one line, or more when a long title in large
        or widely spaced text would be cut."""
        m = self.app.metrics
        game = next(g for g in self.puzzle.games if g.id == card_id)
        one = self.app.type.font(m.text("body"), True).get_linesize()
        return max(one, self.app.type.measure(plain(self.text(game.title)), m.text("body"), width, bold=True)[2])

    def page_of(self, card_id: str) -> int:
        """The page a game's card is on."""
        return self.game_pages.get(card_id, 0)

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_page_count(surface)

    def backdrop(self) -> Hashable | None:
        return (self.page, self.page_total, tuple(self.page_count))

    def look(self) -> Hashable:
        return (*cast("tuple[Hashable, ...]", super().look()), self.description_size)

    def enter(self, hand: Hand, answer: object) -> int:
        """Each game is tapped then its box, the pages turned to it first."""
        if not isinstance(answer, dict):
            raise GestureError("expected a box for each game")
        if not self.game_pages:
            return super().enter(hand, answer)
        made = 0
        for card, box in answer.items():
            made += self.turn_to(hand, self.page_of(str(card)))
            hand.tap(f"{self.card_prefix}:{card}")
            hand.tap(f"{self.box_prefix}:{box}")
            made += 2
        return made

    def card_ids(self) -> list[str]:
        return [game.id for game in self.puzzle.games]

    def measure(self, cards: list[tuple[str, pygame.Rect]]) -> None:
        games = {g.id: g for g in self.puzzle.games}
        texts = [plain(self.text(games[cid].description)) for cid, _rect in cards]
        boxes = [self.description_box(rect, cid) for cid, rect in cards]
        self.description_size = self.app.type.common_size(texts, boxes, self.app.metrics.text("small"))

    def description_box(self, rect: pygame.Rect, card_id: str) -> pygame.Rect:
        m = self.app.metrics
        image = next(g for g in self.puzzle.games if g.id == card_id).image
        inner = rect.inflate(-m.px(28), -m.px(20))
        x = inner.x + (min(inner.h, m.px(130)) + m.px(16) if image else 0)
        title_h = self.title_height(card_id, inner.right - x - m.px(90))
        return pygame.Rect(x, inner.y + title_h - m.px(4), inner.right - x, inner.h - title_h + m.px(4))

    def box_ids(self) -> list[str]:
        return list(PEGI_RATINGS)

    def box_label(self, box_id: str) -> str:
        return self._("PEGI {n}").format(n=box_id)

    def paint_card(self, surface: pygame.Surface, card_id: str, rect: pygame.Rect) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        game = next(g for g in self.puzzle.games if g.id == card_id)
        selected = self.selected == card_id
        panel(surface, rect, p.surface, radius=m.px(20), shadow=p.shadow, depth=m.px(5),
              border=p.primary if selected else p.outline, border_width=m.px(7 if selected else 3))
        inner = rect.inflate(-m.px(28), -m.px(20))
        side = min(inner.h, m.px(130))
        image = mission_picture(self, game.image, (side, side))
        x = inner.x
        if image is not None:
            surface.blit(image, image.get_rect(midleft=(inner.x, inner.centery)))
            x += image.get_width() + m.px(16)
        title_size = m.text("body")
        line_h = app.type.font(title_size, True).get_linesize()
        title_h = self.title_height(card_id, inner.right - x - m.px(90))
        icon = app.assets.icon("dice", m.px(38), p.primary_dark)
        surface.blit(icon, icon.get_rect(midleft=(x, inner.y + line_h // 2)))
        app.type.block(surface, plain(self.text(game.title)), pygame.Rect(x + m.px(48), inner.y,
                       inner.right - x - m.px(90), title_h), size=title_size, color=p.ink, bold=True,
                       name=f"game:{card_id}")
        app.type.block(surface, plain(self.text(game.description)), self.description_box(rect, card_id),
                       size=self.description_size, color=p.ink, name=f"game-text:{card_id}")

    def paint_box(self, surface: pygame.Surface, box_id: str, rect: pygame.Rect) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        head = self.box_frame(surface, rect, p.outline)
        badge = pygame.Rect(0, 0, head.h - m.px(18), head.h - m.px(18))
        badge.midleft = (head.x + m.px(14), head.centery)
        name = self._("PEGI {n}").format(n=box_id)
        age = self._("dès {n} ans").format(n=box_id)
        x = badge.right + m.px(14)
        room = head.right - x - m.px(10)
        # The badge only repeats the age: a name or age too long to sit beside it takes its place.
        if (app.type.measure(name, m.text("body"), 10_000, bold=True)[1] <= room
                and app.type.measure(age, m.text("small"), 10_000)[1] <= room):
            pegi_badge(surface, app, badge, box_id)
        else:
            x = head.x + m.px(14)
        app.type.block(surface, name, pygame.Rect(x, head.y + m.px(10),
                       head.right - x - m.px(10), head.h // 2 - m.px(6)), size=m.text("body"), color=p.ink,
                       bold=True, max_lines=1, valign="bottom", name=f"pegi:{box_id}")
        app.type.block(surface, age, pygame.Rect(x, head.centery,
                       head.right - x - m.px(10), head.h // 2 - m.px(8)), size=m.text("small"), color=p.ink_soft,
                       max_lines=1, name=f"pegi-age:{box_id}")
        count = sum(1 for b in self.placed.values() if b == box_id)
        if count:
            app.type.line(surface, str(count), (rect.centerx, (head.bottom + rect.bottom) // 2),
                          size=m.text("subtitle"), color=p.ink, bold=True, anchor="center")
        elif self.selected is not None:
            self.drop_arrow(surface, rect)
