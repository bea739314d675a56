"""The shared sorting views: cards tapped or dragged into boxes, loose cards in a tray."""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Hashable
from typing import TYPE_CHECKING, cast

import pygame

from gardiens.core.model import Categorise, Feed, Puzzle
from gardiens.ui.draw import panel
from gardiens.ui.puzzles.base import Card, GestureError, Hand, Part, PuzzleView
from gardiens.ui.theme import Color
from gardiens.ui.widgets.base import Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen
    from gardiens.ui.widgets.base import Canvas, Ring


class SortingView(PuzzleView, ABC):
    """Cards to put into boxes: tap a card then its box, or drag it. Every card keeps its place
    in the tray, where it wears the name of the box it was put in: nothing moves under a finger."""

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
    """A card to sort: tap it then a box, or drag it onto a box. Once sorted it stays where it
    is and wears its box's tag."""

    corner = 20

    def __init__(self, view: SortView, card_id: str, rect: pygame.Rect) -> None:
        super().__init__(view, view.card_prefix, card_id, rect, tap=view.tap_card)

    def paint(self, surface: pygame.Surface, app: Canvas, area: pygame.Rect, pressed: bool) -> Ring:
        view = self.view
        # The card keeps the same size sorted or not; the strip under it names its box once sorted.
        body = pygame.Rect(area.x, area.y, area.w, area.h - view.tag_room())
        view.paint_card(surface, self.item_id, body)
        box = view.placed.get(self.item_id)
        if box is not None:
            strip = pygame.Rect(area.x + view.px(12), body.bottom + view.px(6), area.w - view.px(24),
                                area.bottom - body.bottom - view.px(6))
            view.tag(surface, self.item_id, box, strip)
        if view.selected == self.item_id:
            view.selected_mark(surface, body)
        return area, app.metrics.px(self.corner)

    def appearance(self, app: Canvas) -> Hashable | None:
        view = self.view
        return self.appearance_of(view.placed.get(self.item_id), view.selected == self.item_id, self.dragged(),
                                  view.look())


class SortBox(Part["SortView"]):
    """A box that receives cards; tapping it places the selected card (the tray takes it back)."""

    contained = True

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

    def appearance(self, app: Canvas) -> Hashable | None:
        view = self.view
        if self.box_id is None:
            return self.appearance_of()
        held = sum(1 for box in view.placed.values() if box == self.box_id)
        return self.appearance_of(self.box_id, held, view.selected is not None, view.look())


class SortView(SortingView):
    """Cards in a grid of fixed places above a row of boxes; each card goes into one box."""

    card_prefix = "card"
    box_prefix = "box"
    card_height = 240
    box_head = 90
    # Boxes are targets, not shelves: a head with the box's name and how many cards it holds.
    box_height = 130
    # The strip at the bottom of a sorted card that names its box, and the lines its name may take.
    tag_height = 48
    tag_lines = 1

    def __init__(self, screen: Screen, puzzle: Puzzle) -> None:
        super().__init__(screen, puzzle)
        self.boxes: list[SortBox] = []

    @abstractmethod
    def box_ids(self) -> list[str]:
        ...

    @abstractmethod
    def box_label(self, box_id: str) -> str:
        """The box's name, as the tag of a card put in it says it."""

    @abstractmethod
    def paint_card(self, surface: pygame.Surface, card_id: str, rect: pygame.Rect) -> None:
        """The card itself, above the strip where its box's tag goes once sorted."""

    def look(self) -> Hashable:
        """What every card's and box's pixels depend on, set when the view is laid out."""
        return (self.tag_room(), self.head_height(), self.tag_lines)

    def measure(self, cards: list[tuple[str, pygame.Rect]]) -> None:
        """Called with the cards' content boxes once laid out, e.g. to give their texts one size."""

    @abstractmethod
    def paint_box(self, surface: pygame.Surface, box_id: str, rect: pygame.Rect) -> None:
        ...

    def tap_card(self, card_id: str) -> None:
        # Sorted cards stay in the tray, apart from their boxes: a tap on one picks it up.
        self.selected = None if self.selected == card_id else card_id
        self.changed()

    def columns(self, width: int) -> int:
        n = len(self.card_ids())
        if width >= self.px(1500):
            return 4 if n > 6 else 3
        return 2

    def layout(self, area: pygame.Rect) -> list[Widget]:
        """Places for every card, whether sorted or not, so that no card moves when one is."""
        self.area = area
        gap = self.px(18)
        ids = self.card_ids()
        cols = self.columns(area.w)
        card_w = (area.w - gap * (cols + 1)) // cols
        rows = max(1, math.ceil(len(ids) / cols))
        box_h = self.px(self.box_height)
        room = area.h - box_h - gap
        wanted = round(self.px(self.card_height) * self.app.metrics.text_factor)
        card_h = min(wanted, (room - gap * (rows + 1)) // rows)
        self.tray = pygame.Rect(area.x, area.y, area.w, rows * (card_h + gap) + gap)
        tray = self.tray_box()
        cards = self.card_rows(ids, cols, (self.tray.centerx, self.tray.y + gap), (card_w, card_h), gap)
        # Texts get the room left above a tag, sorted or not: a card's text keeps its size once sorted.
        tag = self.px(self.tag_height)
        self.measure([(c.item_id, pygame.Rect(c.rect.x, c.rect.y, c.rect.w, c.rect.h - tag)) for c in cards])
        # Boxes sit under the cards and take what is left: large targets that never move.
        top = self.tray.bottom + gap
        self.box_row(pygame.Rect(area.x, top, area.w, area.bottom - top), gap)
        return [tray, *cards, *self.boxes]

    def tray_box(self) -> SortBox:
        """The tray, where a card goes back when it is dropped there; not a stop of the focus."""
        tray = SortBox(self, "tray", self.tray, None)
        tray.focusable = False
        return tray

    def card_rows(self, ids: list[str], cols: int, top: tuple[int, int], size: tuple[int, int],
                  gap: int) -> list[SortCard]:
        """Cards of `size` in rows of `cols`, from `top` (the rows' centre x and first y) down,
        every row centred, the last one too."""
        centerx, y = top
        card_w, card_h = size
        cards: list[SortCard] = []
        for index, cid in enumerate(ids):
            r, c = divmod(index, cols)
            in_row = min(cols, len(ids) - r * cols)
            x = centerx - (in_row * card_w + (in_row - 1) * gap) // 2 + c * (card_w + gap)
            cards.append(SortCard(self, cid, pygame.Rect(x, y + r * (card_h + gap), card_w, card_h)))
        return cards

    def box_row(self, row: pygame.Rect, gap: int) -> list[SortBox]:
        """The boxes side by side across `row`, kept in `boxes`."""
        boxes = self.box_ids()
        bw = (row.w - gap * (len(boxes) - 1)) // len(boxes)
        self.boxes = [SortBox(self, f"{self.box_prefix}:{bid}", pygame.Rect(row.x + i * (bw + gap), row.y, bw, row.h),
                              bid) for i, bid in enumerate(boxes)]
        return self.boxes

    def on_drag(self, widget: Widget, pos: tuple[int, int]) -> None:
        if isinstance(widget, SortCard) and self.selected != widget.item_id:
            # The boxes show where it may go: the frame repaints (the cards keep their places).
            self.selected = widget.item_id
            self.app.dirty = True

    def on_drop(self, widget: Widget, pos: tuple[int, int]) -> None:
        if isinstance(widget, SortCard):
            self.drop(widget.item_id, pos, [(box.rect, box.box_id) for box in self.boxes if box.box_id is not None])

    def status(self) -> str:
        if self.selected is not None:
            return self._("Maintenant, touchez la boîte où elle va.")
        if self.placed.keys() >= set(self.card_ids()):
            return self._("Tout est rangé ! Touchez une carte pour la déplacer, ou validez.")
        return self._("Touchez une carte, puis la boîte où elle va. Vous pouvez aussi la faire glisser.")

    def box_frame(self, surface: pygame.Surface, rect: pygame.Rect, idle: Color) -> pygame.Rect:
        """A box's frame, in the accent colour while a card is picked up; returns the box's head."""
        p = self.app.palette
        ready = self.selected is not None
        panel(surface, rect, p.surface_alt, radius=self.px(26), border=p.accent if ready else idle,
              border_width=self.px(7 if ready else 4))
        return pygame.Rect(rect.x, rect.y, rect.w, self.head_height())

    def tag_room(self) -> int:
        """The height of the strip under a card that names its box once sorted, in pixels."""
        return self.px(self.tag_height)

    def head_height(self) -> int:
        """The height of a box's head, in pixels."""
        return self.px(self.box_head)

    def drop_arrow(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """An arrow at the bottom of a box: the picked-up card may go here."""
        below = rect.bottom - rect.y - self.head_height()
        icon = self.app.assets.icon("down", max(8, min(self.px(48), below - self.px(12))), self.app.palette.accent_dark)
        surface.blit(icon, icon.get_rect(midbottom=(rect.centerx, rect.bottom - self.px(6))))

    def tag(self, surface: pygame.Surface, card_id: str, box_id: str, rect: pygame.Rect) -> None:
        """The tag that names the box a card was put in: a box icon and the box's name, on
        `tag_lines` lines at the most."""
        app = self.app
        p = app.palette
        m = app.metrics
        pygame.draw.rect(surface, p.primary, rect, border_radius=m.px(14))
        icon = app.assets.icon("box", m.px(34), p.on_primary)
        surface.blit(icon, icon.get_rect(midleft=(rect.x + m.px(14), rect.centery)))
        app.type.block(surface, self.box_label(box_id), pygame.Rect(rect.x + m.px(60), rect.y, rect.w - m.px(74),
                       rect.h), size=m.text("small"), color=p.on_primary, bold=True, valign="middle", max_lines=self.tag_lines,
                       name=f"tag:{card_id}")

    def selected_mark(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The chosen card wears a hand badge: its thick frame is not the only sign."""
        p = self.app.palette
        badge = pygame.Rect(0, 0, self.px(56), self.px(56))
        badge.center = (rect.right - self.px(8), rect.y + self.px(8))
        pygame.draw.ellipse(surface, p.primary, badge)
        pygame.draw.ellipse(surface, p.on_primary, badge, max(2, self.px(3)))
        icon = self.app.assets.icon("touch", self.px(36), p.on_primary)
        surface.blit(icon, icon.get_rect(center=badge.center))


class CategoryBoxesView(SortView):
    """A sorting view whose boxes are the puzzle's categories."""

    puzzle: Categorise | Feed

    def box_ids(self) -> list[str]:
        return [cat.id for cat in self.puzzle.categories]

    def box_label(self, box_id: str) -> str:
        return next(self.text(c.label) for c in self.puzzle.categories if c.id == box_id)

    # A box's head, in design pixels: its icon's size and inset, the count's inset from the right,
    # where the name starts and how much of the head's width the icon and the count keep.
    box_icon = 46
    box_icon_inset = 20
    box_count_inset = 24
    box_label_left = 80
    box_label_room = 150
    # The lines a box's name may take in its head, and the size role it is set in.
    box_lines = 2
    box_role = "body"

    def look(self) -> Hashable:
        return (*cast("tuple[Hashable, ...]", super().look()), self.box_role, self.box_lines)

    def paint_box(self, surface: pygame.Surface, box_id: str, rect: pygame.Rect) -> None:
        """A box: its coloured head with the box icon, its name on up to two lines and how many
        cards it holds; the drop arrow while a card is picked up."""
        app = self.app
        p = app.palette
        m = app.metrics
        head = self.box_frame(surface, rect, p.primary)
        # A box with no strip under its head (a tight match view) is all head, rounded all round.
        low = m.px(26) if head.bottom >= rect.bottom else 0
        pygame.draw.rect(surface, p.primary, head, border_top_left_radius=m.px(26), border_top_right_radius=m.px(26),
                         border_bottom_left_radius=low, border_bottom_right_radius=low)
        icon = app.assets.icon("box", m.px(self.box_icon), p.on_primary)
        surface.blit(icon, icon.get_rect(midleft=(head.x + m.px(self.box_icon_inset), head.centery)))
        count = sum(1 for b in self.placed.values() if b == box_id)
        app.type.line(surface, str(count), (head.right - m.px(self.box_count_inset), head.centery),
                      size=m.text("subtitle"), color=p.on_primary, bold=True, anchor="midright")
        app.type.block(surface, self.box_label(box_id), pygame.Rect(head.x + m.px(self.box_label_left), head.y,
                       head.w - m.px(self.box_label_room), head.h), size=m.text(self.box_role), color=p.on_primary,
                       bold=True, align="center", valign="middle", max_lines=self.box_lines, name=f"box:{box_id}")
        if self.selected is not None:
            self.drop_arrow(surface, rect)
