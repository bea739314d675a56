"""The shared sorting views: cards tapped or dragged into boxes, loose cards in a tray."""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING

import pygame

from gardiens.core.model import Feed, Pegi, Puzzle
from gardiens.ui.draw import panel
from gardiens.ui.puzzles.base import Card, GestureError, Hand, Part, PuzzleView
from gardiens.ui.theme import Color
from gardiens.ui.widgets.base import Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen
    from gardiens.ui.widgets.base import Canvas, Ring


class SortingView(PuzzleView, ABC):
    """Cards to put into boxes: tap a card then its box, or drag it; loose cards sit in a tray."""

    # The names of the card and box widgets are "<prefix>:<id>".
    card_prefix: str
    box_prefix: str

    def __init__(self, screen: Screen, puzzle: Puzzle) -> None:
        super().__init__(screen, puzzle)
        self.placed: dict[str, str] = {}
        self.selected: str | None = None
        self.tray = pygame.Rect(0, 0, 0, 0)

    @abstractmethod
    def card_ids(self) -> list[str]:
        """Every card to sort, in the puzzle's order."""

    def tap_card(self, card_id: str) -> None:
        box = self.placed.get(card_id)
        if self.selected is not None and self.selected != card_id and box is not None:
            # A full box is mostly cards: a card tapped while another is picked up stands
            # for its box, since children tap inside the box wherever the cards are.
            self.place(box)
            return
        self.selected = None if self.selected == card_id else card_id
        self.changed()

    def place(self, box_id: str | None) -> None:
        """Put the picked-up card into a box, or back into the tray (None)."""
        if self.selected is None:
            return
        if box_id is None:
            self.placed.pop(self.selected, None)
        else:
            self.placed[self.selected] = box_id
        self.selected = None
        self.changed()

    def drop(self, card_id: str, pos: tuple[int, int], boxes: list[tuple[pygame.Rect, str]]) -> None:
        """A dragged card let go at `pos`: into the box under it, the tray, or nowhere."""
        self.selected = card_id
        for rect, box_id in boxes:
            if rect.collidepoint(pos):
                self.place(box_id)
                return
        if self.tray.collidepoint(pos):
            self.place(None)
            return
        self.selected = None
        self.changed()

    def answer(self) -> object | None:
        if not self.placed.keys() >= set(self.card_ids()):
            return None
        return dict(self.placed)

    def enter(self, hand: Hand, answer: object) -> int:
        """The first card is dragged onto its box, the others go by tapping the card then the box."""
        if not isinstance(answer, dict):
            raise GestureError("expected a box for each card")
        for index, (card, box) in enumerate(answer.items()):
            if index == 0:
                hand.drag(f"{self.card_prefix}:{card}", f"{self.box_prefix}:{box}")
            else:
                hand.tap(f"{self.card_prefix}:{card}")
                hand.tap(f"{self.box_prefix}:{box}")
        return 2 * len(answer)


class SortCard(Card["SortView"]):
    """A card to sort: tap it then a box, or drag it onto a box."""

    corner = 20

    def __init__(self, view: SortView, card_id: str, rect: pygame.Rect, *, compact: bool) -> None:
        super().__init__(view, view.card_prefix, card_id, rect, tap=view.tap_card)
        self.compact = compact

    def paint(self, surface: pygame.Surface, app: Canvas, area: pygame.Rect, pressed: bool) -> Ring:
        view = self.view
        view.paint_card(surface, self.item_id, area, compact=self.compact)
        if view.selected == self.item_id:
            view.selected_mark(surface, area)
        return area, app.metrics.px(self.corner)


class SortBox(Part["SortView"]):
    """A box that receives cards; tapping it places the selected card (the tray takes it back)."""

    def __init__(self, view: SortView, name: str, rect: pygame.Rect, box_id: str | None) -> None:
        super().__init__(view, name, rect, on_tap=lambda: view.place(box_id))
        self.box_id = box_id

    def paint(self, surface: pygame.Surface, app: Canvas, area: pygame.Rect, pressed: bool) -> Ring:
        m = app.metrics
        if self.box_id is None:
            panel(surface, area, app.palette.surface_alt, radius=m.px(26), border=app.palette.outline,
                  border_width=m.px(3))
        else:
            self.view.paint_box(surface, self.box_id, area)
        return area, m.px(26)


class SortView(SortingView):
    """Cards laid out in a tray above boxes; each card goes into one box."""

    card_prefix = "card"
    box_prefix = "box"
    card_height = 200
    chip_height = 84
    box_head = 90
    min_box = 230

    def __init__(self, screen: Screen, puzzle: Feed | Pegi) -> None:
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
        self.measure([(c.item_id, c.rect) for c in cards if isinstance(c, SortCard)])
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
            app.type.block(surface, self._("Tout est rangé ! Touchez une carte pour la déplacer, ou validez."),
                           self.tray.inflate(-self.px(40), -self.px(16)), size=app.metrics.text("body"),
                           color=app.palette.ink_soft, align="center", valign="middle", name="tray-empty")

    def on_drag(self, widget: Widget, pos: tuple[int, int]) -> None:
        if isinstance(widget, SortCard):
            self.selected = widget.item_id

    def on_drop(self, widget: Widget, pos: tuple[int, int]) -> None:
        if isinstance(widget, SortCard):
            self.drop(widget.item_id, pos, [(box.rect, box.box_id) for box in self.boxes if box.box_id is not None])

    def status(self) -> str:
        if self.selected is not None:
            return self._("Maintenant, touche la boîte où elle va.")
        return self._("Touchez une carte, puis la boîte où elle va. Vous pouvez aussi la faire glisser.")

    def box_frame(self, surface: pygame.Surface, rect: pygame.Rect, idle: Color) -> pygame.Rect:
        """A box's frame, in the accent colour while a card is picked up; returns the box's head."""
        p = self.app.palette
        ready = self.selected is not None
        panel(surface, rect, p.surface_alt, radius=self.px(26), border=p.accent if ready else idle,
              border_width=self.px(7 if ready else 4))
        return pygame.Rect(rect.x, rect.y, rect.w, self.px(self.box_head))

    def drop_arrow(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """An arrow at the bottom of a box: the picked-up card may go here."""
        icon = self.app.assets.icon("down", self.px(48), self.app.palette.accent_dark)
        surface.blit(icon, icon.get_rect(midbottom=(rect.centerx, rect.bottom - self.px(10))))

    def selected_mark(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The chosen card wears a hand badge: its thick frame is not the only sign."""
        p = self.app.palette
        badge = pygame.Rect(0, 0, self.px(56), self.px(56))
        badge.center = (rect.right - self.px(8), rect.y + self.px(8))
        pygame.draw.ellipse(surface, p.primary, badge)
        pygame.draw.ellipse(surface, p.on_primary, badge, max(2, self.px(3)))
        icon = self.app.assets.icon("touch", self.px(36), p.on_primary)
        surface.blit(icon, icon.get_rect(center=badge.center))
