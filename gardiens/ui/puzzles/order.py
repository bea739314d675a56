"""The "order" kind: cards put in order by swapping or dragging them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from gardiens.core.model import Ordering
from gardiens.core.puzzles.order import shuffled
from gardiens.ui.puzzles.base import Card, GestureError, Hand, PuzzleView, ids, seeded
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
        badge = pygame.Rect(area.x + m.px(14), area.y + m.px(10), area.h - m.px(20), area.h - m.px(20))
        pygame.draw.ellipse(surface, p.accent, badge)
        app.type.line(surface, str(self.position + 1), badge.center, size=m.text("subtitle"), color=p.on_accent,
                      bold=True, anchor="center")
        icon = app.assets.icon("swap" if selected else "grip", m.px(48), ink)
        surface.blit(icon, icon.get_rect(midright=(area.right - m.px(18), area.centery)))
        box = pygame.Rect(badge.right + m.px(20), area.y + m.px(6), area.w - badge.w - m.px(120), area.h - m.px(12))
        app.type.block(surface, self.label, box, size=m.text("body"), color=ink, valign="middle", name=self.name)
        return area, m.px(22)


class OrderView(PuzzleView):
    """Cards to put in order, shuffled the same way each time the puzzle opens."""

    puzzle: Ordering

    def __init__(self, screen: Screen, puzzle: Ordering) -> None:
        super().__init__(screen, puzzle)
        self.order = shuffled([item.id for item in puzzle.items], seeded(puzzle.id))
        self.selected: str | None = None
        self.cards: list[OrderCard] = []

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
        self.area = area
        n = len(self.order)
        gap = self.px(14)
        h = min(self.px(116), (area.h - gap * (n - 1)) // n)
        w = min(area.w, self.px(1400))
        x = area.centerx - w // 2
        texts = {item.id: self.text(item.text) for item in self.puzzle.items}
        self.cards = [OrderCard(self, iid, pygame.Rect(x, area.y + i * (h + gap), w, h), i, texts[iid])
                      for i, iid in enumerate(self.order)]
        return list(self.cards)

    def on_drag(self, widget: Widget, pos: tuple[int, int]) -> None:
        self.selected = None

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
