"""The "categorise" kind: cards sorted into two to five boxes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from gardiens.core.model import Categorise
from gardiens.ui.draw import panel
from gardiens.ui.puzzles.base import Card, Part
from gardiens.ui.puzzles.sorting import SortingView
from gardiens.ui.widgets.base import Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen
    from gardiens.ui.widgets.base import Canvas, Ring


class ItemChip(Card["CategoriseView"]):
    """A card to sort: tap it then a box, or drag it onto a box."""

    corner = 18

    def __init__(self, view: CategoriseView, item_id: str, rect: pygame.Rect, text: str) -> None:
        super().__init__(view, view.card_prefix, item_id, rect, label=text, tap=view.tap_card)

    def paint(self, surface: pygame.Surface, app: Canvas, area: pygame.Rect, pressed: bool) -> Ring:
        m = app.metrics
        selected = self.view.selected == self.item_id
        ink = self.raised(surface, app, area, picked=selected, depth=5)
        inner = area.inflate(-m.px(28), -m.px(8))
        if selected:
            icon = app.assets.icon("touch", m.px(40), ink)
            surface.blit(icon, icon.get_rect(midleft=(inner.x, area.centery)))
            inner = pygame.Rect(inner.x + m.px(50), inner.y, inner.w - m.px(50), inner.h)
        app.type.block(surface, self.label, inner, size=m.text("small"), color=ink, valign="middle",
                       align="center", name=self.name)
        return area, m.px(18)


class CategoryBox(Part["CategoriseView"]):
    """A box that receives cards; tapping it places the selected card."""

    def __init__(self, view: CategoriseView, name: str, rect: pygame.Rect, label: str,
                 category: str | None) -> None:
        super().__init__(view, name, rect, on_tap=lambda: view.place(category))
        self.label = label
        self.category = category

    def paint(self, surface: pygame.Surface, app: Canvas, area: pygame.Rect, pressed: bool) -> Ring:
        p = app.palette
        m = app.metrics
        if self.category is None:
            panel(surface, area, p.surface_alt, radius=m.px(26), border=p.outline, border_width=m.px(3))
        else:
            ready = self.view.selected is not None
            panel(surface, area, p.surface, radius=m.px(26), border=p.accent if ready else p.primary,
                  border_width=m.px(6 if ready else 4))
            head = pygame.Rect(area.x, area.y, area.w, m.px(84))
            pygame.draw.rect(surface, p.primary, head, border_top_left_radius=m.px(26),
                             border_top_right_radius=m.px(26))
            icon = app.assets.icon("box", m.px(46), p.on_primary)
            surface.blit(icon, icon.get_rect(midleft=(head.x + m.px(18), head.centery)))
            app.type.block(surface, self.label, head.inflate(-m.px(100), -m.px(10)).move(m.px(30), 0),
                           size=m.text("body"), color=p.on_primary, bold=True, valign="middle", align="center",
                           name=self.name)
        return area, m.px(26)


class CategoriseView(SortingView):
    """Cards to sort into two to five boxes."""

    puzzle: Categorise
    card_prefix = "item"
    box_prefix = "box"

    @property
    def side_picture(self) -> bool:  # type: ignore[override]
        # Beside a picture, a long tray of cards pushes the boxes off the screen.
        return len(self.puzzle.items) <= 5

    def __init__(self, screen: Screen, puzzle: Categorise) -> None:
        super().__init__(screen, puzzle)
        self.boxes: list[CategoryBox] = []
        self.tray_text = ""

    def card_ids(self) -> list[str]:
        return [item.id for item in self.puzzle.items]

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        app = self.app
        m = app.metrics
        gap = self.px(18)
        chip_h = self.px(96)
        texts = {item.id: self.text(item.text) for item in self.puzzle.items}
        loose = [item.id for item in self.puzzle.items if item.id not in self.placed]
        font = app.type.font(m.text("small"))
        widths = {iid: min(self.px(520), font.size(texts[iid])[0] + self.px(64)) for iid in loose}
        rows: list[list[str]] = [[]]
        used = 0
        for iid in loose:
            if rows[-1] and used + widths[iid] > area.w - self.px(40):
                rows.append([])
                used = 0
            rows[-1].append(iid)
            used += widths[iid] + gap
        # A card too long for one line at its size takes two: its row of the tray grows with it.
        size = m.text("small")
        heights = {iid: max(chip_h, app.type.measure(texts[iid], size, widths[iid] - self.px(28))[2] + self.px(30))
                   for iid in loose}
        row_h = [max((heights[iid] for iid in row), default=chip_h) for row in rows]
        self.tray = pygame.Rect(area.x, area.y, area.w, sum(h + gap for h in row_h) + gap)
        tray_widget = CategoryBox(self, "tray", self.tray, "", None)
        tray_widget.focusable = False
        chips: list[Widget] = []
        y = self.tray.y + gap
        for row, h in zip(rows, row_h, strict=True):
            total = sum(widths[i] for i in row) + gap * (len(row) - 1)
            x = self.tray.centerx - total // 2
            for iid in row:
                chips.append(ItemChip(self, iid, pygame.Rect(x, y, widths[iid], h), texts[iid]))
                x += widths[iid] + gap
            y += h + gap
        self.tray_text = "" if loose else self._("Toutes les cartes sont rangées.")
        cats = self.puzzle.categories
        top = self.tray.bottom + gap
        bw = (area.w - gap * (len(cats) - 1)) // len(cats)
        bh = area.bottom - top
        self.boxes = []
        for i, cat in enumerate(cats):
            rect = pygame.Rect(area.x + i * (bw + gap), top, bw, bh)
            self.boxes.append(CategoryBox(self, f"{self.box_prefix}:{cat.id}", rect, self.text(cat.label), cat.id))
            inside = [item.id for item in self.puzzle.items if self.placed.get(item.id) == cat.id]
            if not inside:
                continue
            room = rect.h - self.px(84) - gap
            h = min(chip_h, (room - gap * (len(inside) - 1)) // len(inside))
            cy = rect.y + self.px(84) + gap // 2
            for iid in inside:
                chips.append(ItemChip(self, iid, pygame.Rect(rect.x + gap, cy, rect.w - 2 * gap, h), texts[iid]))
                cy += h + gap // 2
        return [tray_widget, *self.boxes, *chips]

    def draw(self, surface: pygame.Surface) -> None:
        if self.tray_text:
            app = self.app
            app.type.block(surface, self.tray_text, self.tray.inflate(-self.px(40), -self.px(20)),
                           size=app.metrics.text("body"), color=app.palette.ink_soft, align="center",
                           valign="middle", name="tray-empty")

    def on_drag(self, widget: Widget, pos: tuple[int, int]) -> None:
        if isinstance(widget, ItemChip):
            self.selected = widget.item_id

    def on_drop(self, widget: Widget, pos: tuple[int, int]) -> None:
        if isinstance(widget, ItemChip):
            targets = [(box.rect, box.category) for box in self.boxes if box.category is not None]
            self.drop(widget.item_id, pos, targets)

    def status(self) -> str:
        return self._("Touchez une carte, puis la boîte où elle va.")
