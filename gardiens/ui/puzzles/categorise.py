"""The "categorise" kind: cards sorted into two to five boxes."""

from __future__ import annotations

import math
from collections.abc import Hashable
from typing import TYPE_CHECKING, cast

import pygame

from gardiens.core.model import Categorise
from gardiens.ui.draw import panel
from gardiens.ui.kit.modal import ModalScreen
from gardiens.ui.picture_text import pictures_of
from gardiens.ui.puzzles.base import GestureError, Hand, Part
from gardiens.ui.puzzles.sorting import CategoryBoxesView
from gardiens.ui.widgets.base import Button, Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Host, Screen
    from gardiens.ui.widgets.base import Canvas, Ring


# Design pixels: the narrowest card (a sentence wraps onto too many lines below it), the space
# around a card's text, the row of the page buttons, and the picture button beside the boxes.
NARROWEST_CARD = 300
TEXT_PAD = 16
PAGER = 84
PICTURE_BUTTON = 230
# Design pixels: what a box's head keeps beside its name (the box icon, the count), and the strip
# under the head where the drop arrow shows.
LABEL_ROOM = 126
# Design pixels: what a card's tag keeps beside its box's name (the margins, the box icon).
TAG_ROOM = 24 + 74
ARROW_ROOM = 50


class PicturePanel(ModalScreen[None]):
    """The puzzle's picture, as large as the screen allows, over the puzzle."""

    name = "picture"

    def __init__(self, app: Host, picture: pygame.Surface | None) -> None:
        super().__init__(app)
        self.picture = picture

    def card(self) -> pygame.Rect:
        rect = pygame.Rect(0, 0, self.width - self.px(160), self.height - self.px(120))
        rect.center = (self.width // 2, self.height // 2)
        return rect

    def layout(self) -> None:
        card = self.card()
        h = self.px(120)
        w = self.px(400)
        self.widgets = [Button("close", pygame.Rect(card.right - self.px(40) - w, card.bottom - self.px(30) - h, w, h),
                               self._("Fermer"), icon="check", kind="accent", on_tap=self.close)]

    def draw(self, surface: pygame.Surface) -> None:
        p = self.app.palette
        card = self.card()
        self.draw_card(surface, card, edge=p.primary, shadow=p.primary_dark)
        if self.picture is not None:
            room = pygame.Rect(card.x + self.px(40), card.y + self.px(40), card.w - self.px(80),
                               card.h - self.px(40 + 60 + 120))
            scale = min(room.w / self.picture.get_width(), room.h / self.picture.get_height())
            size = (round(self.picture.get_width() * scale), round(self.picture.get_height() * scale))
            image = pygame.transform.smoothscale(self.picture, size)
            surface.blit(image, image.get_rect(center=room.center))
        self.draw_widgets(surface)


class PictureButton(Part["CategoriseView"]):
    """The puzzle's picture in small, beside the boxes: a tap shows it full size."""

    def __init__(self, view: CategoriseView, rect: pygame.Rect) -> None:
        super().__init__(view, "picture", rect, on_tap=view.show_picture)

    def paint(self, surface: pygame.Surface, app: Canvas, area: pygame.Rect, pressed: bool) -> Ring:
        p = app.palette
        m = app.metrics
        panel(surface, area, p.surface, radius=m.px(22), shadow=p.shadow, depth=m.px(5), border=p.outline,
              border_width=m.px(3))
        inner = area.inflate(-m.px(16), -m.px(16))
        thumb = self.view.picture(inner.size)
        if thumb is not None:
            surface.blit(thumb, thumb.get_rect(center=inner.center))
        badge = pygame.Rect(0, 0, m.px(64), m.px(64))
        badge.bottomright = (area.right - m.px(8), area.bottom - m.px(8))
        pygame.draw.ellipse(surface, p.primary, badge)
        icon = app.assets.icon("search", m.px(40), p.on_primary)
        surface.blit(icon, icon.get_rect(center=badge.center))
        return area, m.px(22)

    def appearance(self, app: Canvas) -> Hashable | None:
        return self.appearance_of()


class CategoriseView(CategoryBoxesView):
    """Cards to sort into two to five boxes. Every card keeps its place in a grid, wearing its
    box's name once sorted; the cards are paged when they do not all fit, and the picture is a
    button beside the boxes that shows it full size."""

    puzzle: Categorise
    side_picture = False
    card_prefix = "item"
    box_prefix = "box"
    box_head = 90
    box_icon = 40
    box_icon_inset = 16
    box_count_inset = 20
    box_label_left = 66
    box_label_room = LABEL_ROOM
    # A long box name takes two lines on a sorted card's tag (the tag grows to hold them).
    tag_lines = 2

    def __init__(self, screen: Screen, puzzle: Categorise) -> None:
        super().__init__(screen, puzzle)
        self.pages: list[list[str]] = [self.card_ids()]
        self.size = self.app.metrics.text("small")
        self.head = self.px(self.box_head)
        self.tag_h = self.px(self.tag_height)

    def head_height(self) -> int:
        return self.head

    def look(self) -> Hashable:
        return (*cast("tuple[Hashable, ...]", super().look()), self.size)

    def backdrop(self) -> Hashable | None:
        # What `draw_over` paints: the page count.
        return (self.page, self.page_total, tuple(self.page_count))

    def tag_room(self) -> int:
        return self.tag_h

    def card_ids(self) -> list[str]:
        return [item.id for item in self.puzzle.items]

    def card_text(self, card_id: str) -> str:
        return next(self.text(item.text) for item in self.puzzle.items if item.id == card_id)

    def picture(self, size: tuple[int, int]) -> pygame.Surface | None:
        directory = self.app.mission_dir()
        if not self.puzzle.image or directory is None or min(size) <= 0:
            return None
        words = self.app.words
        return self.app.assets.image(directory / self.puzzle.image, size,
                                     pictures_of(words, self.app.type.family))

    def show_picture(self) -> None:
        self.app.push(PicturePanel(self.app, self.picture((self.app.size[0], self.app.size[1]))))

    def _grid(self, width: int, room: int) -> tuple[int, int, list[list[str]]]:
        """Columns, card height and pages: the fewest columns that hold every card on one page,
        else the split that needs the fewest pages."""
        ids = self.card_ids()
        gap = self.px(18)
        texts = {card_id: self.card_text(card_id) for card_id in ids}
        most = max(1, min(len(ids), (width + gap) // (self.px(NARROWEST_CARD) + gap)))
        best: tuple[int, int, list[list[str]]] | None = None
        for cols in range(min(2, most), most + 1):
            card_w = (width - gap * (cols - 1)) // cols
            text_h = max(self.app.type.measure(texts[i], self.size, card_w - 2 * self.px(TEXT_PAD))[2] for i in ids)
            self.tag_h = self.tag_for(card_w)
            card_h = max(self.px(100), text_h + 2 * self.px(TEXT_PAD)) + self.tag_h
            rows = math.ceil(len(ids) / cols)
            if rows * card_h + (rows - 1) * gap <= room:
                return cols, card_h, [ids]
            fit_rows = (room - self.px(PAGER)) // (card_h + gap)
            if fit_rows < 1:
                # Not one row above the page buttons; more columns may still hold every card
                # without them (a low tray above a tall grid of boxes).
                continue
            per_page = fit_rows * cols
            pages = [ids[i:i + per_page] for i in range(0, len(ids), per_page)]
            if best is None or len(pages) < len(best[2]):
                best = (cols, card_h, pages)
        if best is None:
            # Text too large for any grid: one card a page, as wide as the tray.
            text_h = max(self.app.type.measure(texts[i], self.size, width - 2 * self.px(TEXT_PAD))[2] for i in ids)
            best = (1, text_h + 2 * self.px(TEXT_PAD) + self.tag_for(width), [[i] for i in ids])
        self.tag_h = self.tag_for((width - gap * (best[0] - 1)) // best[0])
        return best

    def rows_height(self, pages: list[list[str]], cols: int, card_h: int) -> int:
        """The height of the fullest page's rows of cards."""
        lines = math.ceil(max(len(page) for page in pages) / cols)
        return lines * card_h + (lines - 1) * self.px(18)

    def tag_for(self, card_w: int) -> int:
        """The strip a sorted card's tag takes: its box's name on one line, or two when it is long."""
        m = self.app.metrics
        names = max(self.app.type.measure(self.box_label(b), m.text("small"), card_w - self.px(TAG_ROOM), bold=True)[2]
                    for b in self.box_ids())
        return max(self.px(self.tag_height), names + self.px(14))

    def layout(self, area: pygame.Rect) -> list[Widget]:
        """Places for every card, whether sorted or not, so that no card moves when one is."""
        self.area = area
        gap = self.px(18)
        self.size = self.app.metrics.text("small")
        boxes = self.box_ids()
        has_picture = self.puzzle.image is not None and self.app.mission_dir() is not None
        row_x = area.x + (self.px(PICTURE_BUTTON) + gap if has_picture else 0)
        bw = (area.right - row_x - gap * (len(boxes) - 1)) // len(boxes)
        # A box's head holds its name on one or two lines, whatever the text size; the drop arrow goes under it.
        names = [self.app.type.measure(self.box_label(b), self.app.metrics.text("body"), bw - self.px(LABEL_ROOM),
                                       bold=True)[2] for b in boxes]
        self.head = max(self.px(self.box_head), max(names) + self.px(14))
        row = pygame.Rect(area.x, area.bottom - self.head - self.px(ARROW_ROOM), area.w, self.head + self.px(ARROW_ROOM))
        self.tray = pygame.Rect(area.x, area.y, area.w, row.y - gap - area.y)
        inner = self.tray.inflate(-2 * gap, -2 * gap)
        cols, card_h, self.pages = self._grid(inner.w, inner.h)
        side = len(self.pages) > 1 and self.rows_height(self.pages, cols, card_h) + gap + self.px(PAGER) > inner.h
        top = inner.y
        row_w = inner.w
        if side:
            # A low tray over tall boxes (large, widely spaced text): the page buttons go at both
            # ends of the row of cards rather than under it.
            row_w = inner.w - 2 * (self.px(PAGER) + gap)
            cols, card_h, self.pages = self._grid(row_w, inner.h + self.px(PAGER) + gap)
            top = inner.y + max(0, inner.h - self.rows_height(self.pages, cols, card_h)) // 2
        self.page = max(0, min(self.page, len(self.pages) - 1))
        card_w = (row_w - gap * (cols - 1)) // cols
        widgets: list[Widget] = [self.tray_box()]
        widgets += self.card_rows(self.pages[self.page], cols, (inner.centerx, top), (card_w, card_h), gap)
        if side and len(self.pages) > 1:
            widgets += self.pager(pygame.Rect(inner.x, inner.centery - self.px(PAGER) // 2, inner.w, self.px(PAGER)),
                                  len(self.pages), square=True)
            # No room for the page count between the buttons: the cards are there. The next
            # button's colour tells that more cards follow.
            self.page_count = pygame.Rect(0, 0, 0, 0)
        elif len(self.pages) > 1:
            widgets += self.pager(pygame.Rect(inner.x, inner.bottom - self.px(PAGER), inner.w, self.px(PAGER)),
                                  len(self.pages))
        else:
            self.pager(inner, 1)
        if has_picture:
            widgets.append(PictureButton(self, pygame.Rect(row.x, row.y, self.px(PICTURE_BUTTON), row.h)))
        return [*widgets, *self.box_row(pygame.Rect(row_x, row.y, area.right - row_x, row.h), gap)]

    def paint_card(self, surface: pygame.Surface, card_id: str, rect: pygame.Rect) -> None:
        app = self.app
        p = app.palette
        selected = self.selected == card_id
        panel(surface, rect, p.surface, radius=self.px(20), shadow=p.shadow, depth=self.px(5),
              border=p.primary if selected else p.outline, border_width=self.px(7 if selected else 3))
        app.type.block(surface, self.card_text(card_id), rect.inflate(-2 * self.px(TEXT_PAD), -2 * self.px(TEXT_PAD) // 2),
                       size=self.size, color=p.ink, align="center", valign="middle", name=f"item:{card_id}")

    def draw_over(self, surface: pygame.Surface) -> None:
        # The page count sits on the tray, which is a widget: it is drawn over the widgets.
        self.draw_page_count(surface)
        super().draw_over(surface)

    def page_of(self, card_id: str) -> int:
        return next(n for n, page in enumerate(self.pages) if card_id in page)

    def enter(self, hand: Hand, answer: object) -> int:
        """The cards of each page in turn: the first dragged onto its box, the others tapped, then their box."""
        if not isinstance(answer, dict):
            raise GestureError("expected a box for each card")
        gestures = 0
        for index, (card, box) in enumerate(sorted(answer.items(), key=lambda kv: self.page_of(str(kv[0])))):
            gestures += self.turn_to(hand, self.page_of(str(card)))
            if index == 0:
                hand.drag(f"{self.card_prefix}:{card}", f"{self.box_prefix}:{box}")
            else:
                hand.tap(f"{self.card_prefix}:{card}")
                hand.tap(f"{self.box_prefix}:{box}")
            gestures += 2
        return gestures
