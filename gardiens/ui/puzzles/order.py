"""The "order" kind: cards put in order by swapping or dragging them."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

import pygame

from gardiens.core.model import Ordering
from gardiens.core.puzzles.order import shuffled
from gardiens.ui.draw import panel
from gardiens.ui.puzzles.base import Card, GestureError, Hand, PuzzleView, ids, seeded
from gardiens.ui.puzzles.social import mission_picture
from gardiens.ui.widgets.base import Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen
    from gardiens.ui.widgets.base import Canvas, Ring


class OrderCard(Card["OrderView"]):
    """One card of an ordering puzzle: tap two cards to swap them, or drag one to its place."""

    def __init__(self, view: OrderView, item_id: str, rect: pygame.Rect, position: int, text: str) -> None:
        super().__init__(view, "order", item_id, rect, label=text, tap=view.tap)
        self.position = position

    def carried(self, pos: tuple[int, int]) -> pygame.Rect:
        # A dragged card keeps to its column, a little aside: the cards it passes stay readable.
        rect = self.rect.copy()
        rect.centery = pos[1]
        return rect.move(self.view.px(12), 0)

    def paint(self, surface: pygame.Surface, app: Canvas, area: pygame.Rect, pressed: bool) -> Ring:
        p = app.palette
        m = app.metrics
        selected = self.view.selected == self.item_id
        ink = self.raised(surface, app, area, picked=selected, depth=6)
        # A card taller than the others (its text wraps onto more lines) keeps their badge.
        side = min(area.h, self.view.card_base) - m.px(20)
        badge = pygame.Rect(area.x + m.px(14), area.centery - side // 2, side, side)
        pygame.draw.ellipse(surface, p.accent, badge)
        app.type.line(surface, str(self.position + 1), badge.center, size=m.text("subtitle"), color=p.on_accent,
                      bold=True, anchor="center")
        icon = app.assets.icon("swap" if selected else "grip", m.px(48), ink)
        surface.blit(icon, icon.get_rect(midright=(area.right - m.px(18), area.centery)))
        box = pygame.Rect(badge.right + m.px(20), area.y + m.px(6), area.w - badge.w - m.px(120), area.h - m.px(12))
        app.type.block(surface, self.label, box, size=m.text(self.view.text_role), color=ink, valign="middle",
                       name=self.name)
        return area, m.px(22)

    def appearance(self, app: Canvas) -> Hashable | None:
        view = self.view
        return self.appearance_of(self.position, self.label, view.selected == self.item_id, self.dragged(),
                                  view.card_base, view.text_role)


class OrderView(PuzzleView):
    """Cards to put in order, shuffled the same way each time the puzzle opens."""

    puzzle: Ordering
    # The view places the picture itself: it gives way when the cards need the room.
    side_picture = False

    def __init__(self, screen: Screen, puzzle: Ordering) -> None:
        super().__init__(screen, puzzle)
        self.order = shuffled([item.id for item in puzzle.items], seeded(puzzle.id))
        self.selected: str | None = None
        self.cards: list[OrderCard] = []
        self.card_base = self.px(116)
        self.picture: pygame.Surface | None = None
        self.picture_rect = pygame.Rect(0, 0, 0, 0)
        # The size role of the cards' texts: "small" only when at "body" they need more room than the column has.
        self.text_role = "body"

    def tap(self, item_id: str) -> None:
        if self.selected is None:
            self.selected = item_id
        elif self.selected == item_id:
            self.selected = None
        else:
            a, b = self.order.index(self.selected), self.order.index(item_id)
            self.order[a], self.order[b] = self.order[b], self.order[a]
            self.selected = None
        self.changed()

    def layout(self, area: pygame.Rect) -> list[Widget]:
        """The cards in a column, the puzzle's picture on the left when it leaves them the room to
        be read whole; else the picture gives way to them."""
        self.area = area
        self.picture = None
        if self.puzzle.image:
            side = pygame.Rect(area.x, area.y, area.w * 2 // 5, area.h)
            column = pygame.Rect(side.right + self.px(40), area.y, area.right - side.right - self.px(40), area.h)
            picture = mission_picture(self, self.puzzle.image, side.size)
            if picture is not None and self.lay_cards(column):
                self.picture = picture
                self.picture_rect = picture.get_rect(center=side.center)
                return list(self.cards)
        self.lay_cards(area)
        return list(self.cards)

    def lay_cards(self, area: pygame.Rect) -> bool:
        """The cards in `area`, kept in `cards`; False when a text is cut."""
        n = len(self.order)
        gap = self.px(14)
        h = min(self.px(116), (area.h - gap * (n - 1)) // n)
        self.card_base = h
        w = min(area.w, self.px(1400))
        x = area.centerx - w // 2
        texts = {item.id: self.text(item.text) for item in self.puzzle.items}
        # A text that wraps onto more lines than the others (large or widely spaced letters) makes
        # its card taller, when the column has the room; failing that, the texts are set one size
        # down; failing that too, every card keeps the same height.
        text_w = w - (h - self.px(20)) - self.px(120)
        heights = dict.fromkeys(texts, h)
        self.text_role = "body"
        fits = False
        for role in ("body", "small"):
            size = self.app.metrics.text(role)
            needed = {iid: max(h, self.app.type.measure(text, size, text_w)[2] + self.px(12))
                      for iid, text in texts.items()}
            if sum(needed.values()) + gap * (n - 1) <= area.h:
                heights, self.text_role, fits = needed, role, True
                break
        self.cards = []
        top = area.y
        for i, iid in enumerate(self.order):
            self.cards.append(OrderCard(self, iid, pygame.Rect(x, top, w, heights[iid]), i, texts[iid]))
            top += heights[iid] + gap
        return fits

    def draw(self, surface: pygame.Surface) -> None:
        if self.picture is not None:
            p = self.app.palette
            frame = self.picture_rect.inflate(self.px(16), self.px(16))
            panel(surface, frame, p.surface, radius=self.px(16), shadow=p.shadow, depth=self.px(8))
            surface.blit(self.picture, self.picture_rect)

    def backdrop(self) -> Hashable | None:
        # What `draw` paints: the puzzle's picture, when it has the room.
        return (id(self.picture), tuple(self.picture_rect)) if self.picture is not None else ()

    def on_drag(self, widget: Widget, pos: tuple[int, int]) -> None:
        if self.selected is not None:
            self.selected = None
            self.app.dirty = True

    def on_drop(self, widget: Widget, pos: tuple[int, int]) -> None:
        if not isinstance(widget, OrderCard) or not self.cards:
            return
        target = min(range(len(self.cards)), key=lambda i: abs(self.cards[i].rect.centery - pos[1]))
        self.order.remove(widget.item_id)
        self.order.insert(target, widget.item_id)
        self.selected = None
        self.changed()

    def answer(self) -> object | None:
        return list(self.order)

    def status(self) -> str:
        return self._("Touchez deux cartes pour les échanger, ou faites-les glisser.")

    def enter(self, hand: Hand, answer: object) -> int:
        """The first card is dragged into place, the rest are swapped by tapping two cards."""
        wanted = ids(answer)
        gestures = 0
        first = wanted[0]
        if self.order[0] != first:
            hand.drag(f"order:{first}", f"order:{self.order[0]}")
            gestures += 1
        for index, item in enumerate(wanted):
            current = self.order[index]
            if current != item:
                hand.tap(f"order:{current}")
                hand.tap(f"order:{item}")
                gestures += 2
        if self.order != wanted:
            raise GestureError(f"ordering ended as {self.order}, wanted {wanted}")
        return gestures
