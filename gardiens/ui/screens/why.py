"""« Pourquoi ? »: after a right answer, one card per item of the puzzle (a statement, a post, a
choice…) with what is right for it and the author's explanation, browsed with big buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import pygame

from gardiens.core.checkers import Explanation, Truth
from gardiens.core.model import Puzzle, Text
from gardiens.ui.draw import panel
from gardiens.ui.kit.screen import ScreenPart
from gardiens.ui.widgets.base import Button, Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Host

# Design pixels: the head (title and counter), the gap under it, the row of buttons at the foot.
HEAD = 120
GAP = 30
FOOT = 200
# The height of the chip that says what is right for an item.
CHIP = 76


_SIDE_ICONS = {Truth.TRUE: "check", Truth.FALSE: "cross", Truth.PICK: "check", Truth.LEAVE: "cross",
               Truth.ON: "check", Truth.OFF: "cross"}


class WhyCards(ScreenPart):
    """The series of cards, drawn inside the card of the feedback pop-up that shows them."""

    def __init__(self, app: Host, puzzle: Puzzle, explanations: Sequence[Explanation]) -> None:
        self.app = app
        self.puzzle = puzzle
        self.explanations = tuple(explanations)
        self.page = 0
        # An explanation too long for its card goes on over more sheets: which one is shown.
        self.sheet = 0
        self.card = pygame.Rect(0, 0, 0, 0)

    def __len__(self) -> int:
        return len(self.explanations)

    def turn(self, step: int) -> None:
        """Go to the previous (-1) or the next (+1) sheet: the rest of a long explanation, or
        the card of another item, staying within the series."""
        sheets = len(self.sheets(self.card)[1])
        if 0 <= self.sheet + step < sheets:
            self.sheet += step
            return
        page = max(0, min(len(self) - 1, self.page + step))
        if page != self.page:
            self.page = page
            self.sheet = 0

    def more(self) -> bool:
        """Whether « Suivant » has something to show: more of this explanation, or another card."""
        return self.page < len(self) - 1 or self.sheet < len(self.sheets(self.card)[1]) - 1

    def widgets(self, card: pygame.Rect, on_continue: Callable[[], object],
                on_turn: Callable[[int], object]) -> list[Widget]:
        """Previous and next on the left, « Continuer » (which skips the rest) on the right."""
        _ = self._
        self.card = card
        y = card.bottom - self.px(FOOT) + self.px(30)
        h = self.px(130)
        last = not self.more()
        return [
            Button("why-previous", pygame.Rect(card.x + self.px(50), y, self.px(330), h), _("Précédent"),
                   icon="back", kind="plain", enabled=self.page > 0 or self.sheet > 0,
                   on_tap=lambda: on_turn(-1)),
            Button("why-next", pygame.Rect(card.x + self.px(400), y, self.px(330), h), _("Suivant"),
                   icon="next", kind="primary", enabled=not last, on_tap=lambda: on_turn(1)),
            Button("continue", pygame.Rect(card.right - self.px(470), y, self.px(420), h), _("Continuer"),
                   icon="next", kind="accent" if last else "plain", on_tap=on_continue, text_role="subtitle"),
        ]

    def side(self, answer: Text | Truth | None) -> str:
        """What is right for the item, in the team's language."""
        _ = self._
        words = self.app.words
        if isinstance(answer, Truth):
            return {
                Truth.TRUE: _("Vrai"),
                Truth.FALSE: _("Faux"),
                Truth.PICK: _("Bon choix"),
                Truth.LEAVE: _("Pas le bon choix"),
                Truth.ON: _("À accepter"),
                Truth.OFF: _("À refuser"),
            }[answer]
        return words.text(answer, puzzle_id=self.puzzle.id) if words is not None else ""

    def draw(self, surface: pygame.Surface, card: pygame.Rect) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        words = app.words
        if words is None or not self.explanations:
            return
        _ = self._
        shown = self.explanations[self.page]
        inner = card.inflate(-self.px(120), 0)
        head = pygame.Rect(inner.x, card.y + self.px(36), inner.w, self.px(HEAD))
        counter = f"{self.page + 1} / {len(self)}"
        counter_w = app.type.measure(counter, m.text("title"), inner.w)[1] + self.px(20)
        app.type.block(surface, _("Pourquoi ?"), pygame.Rect(head.x, head.y, head.w - counter_w - self.px(20),
                       head.h), size=m.text("title"), color=p.good, bold=True, valign="middle", max_lines=1,
                       name="why-title")
        app.type.block(surface, counter, pygame.Rect(head.right - counter_w, head.y, counter_w, head.h),
                       size=m.text("title"), color=p.ink_soft, bold=True, align="right", valign="middle",
                       max_lines=1, name="why-counter")
        size, parts = self.sheets(card)
        sheet = min(self.sheet, len(parts) - 1)
        y = head.bottom + self.px(GAP)
        if sheet == 0:
            item, side = self._item(shown)
            if item or side:
                y = self._draw_item(surface, pygame.Rect(inner.x, y, inner.w, 0), item, side,
                                    _SIDE_ICONS.get(shown.answer, "next") if isinstance(shown.answer, Truth)
                                    else "next")
                y += self.px(GAP)
        box = pygame.Rect(inner.x, y, inner.w, card.bottom - self.px(FOOT) - y)
        app.type.block(surface, parts[sheet], box, size=size, color=p.ink, name="why-explanation", kind="reading")

    def _item(self, shown: Explanation) -> tuple[str, str]:
        words = self.app.words
        item = words.text(shown.item, puzzle_id=self.puzzle.id) if words is not None else ""
        return item, self.side(shown.answer)

    def sheets(self, card: pygame.Rect) -> tuple[int, list[str]]:
        """The size of the shown explanation and its text sheet by sheet: whole under its item
        when it fits there (larger when it can), else split between its lines, the rest going
        on over sheets of their own."""
        app = self.app
        m = app.metrics
        words = app.words
        if words is None or not self.explanations or not card.h:
            return m.text("body"), [""]
        shown = self.explanations[self.page]
        why = words.text(shown.why, puzzle_id=self.puzzle.id)
        inner_w = card.w - self.px(120)
        top = card.y + self.px(36 + HEAD + GAP)
        bottom = card.bottom - self.px(FOOT)
        item, side = self._item(shown)
        first = bottom - top - (self._item_height(inner_w, item, side) + self.px(GAP) if item or side else 0)
        for size in (m.text("subtitle"), m.text("body")):
            lines, _w, height = app.type.measure(why, size, inner_w)
            if height <= first:
                return size, [why]
        line_h = app.type.font(size).get_linesize()
        sheets: list[str] = []
        room = first
        while lines:
            # An item that leaves no room for a line under it is shown alone on its sheet.
            count = room // line_h if not sheets else max(1, room // line_h)
            sheets.append(" ".join(lines[:count]))
            lines = lines[count:]
            room = bottom - top
        return size, sheets

    def _item_height(self, width: int, item: str, side: str) -> int:
        """The height of the box quoting the item and its chip (see `_draw_item`)."""
        m = self.app.metrics
        pad = self.px(26)
        item_h = self.app.type.measure(item, m.text("body"), width - 2 * pad)[2] if item else 0
        return pad + item_h + (self.px(16) + self.px(CHIP) if side else 0) + pad

    def _draw_item(self, surface: pygame.Surface, area: pygame.Rect, item: str, side: str, icon_name: str) -> int:
        """The item, quoted in a box, and the chip that says what is right for it (its icon
        says it too: a tick for true, a cross for false, an arrow to a box); returns where the
        box ends."""
        app = self.app
        p = app.palette
        m = app.metrics
        pad = self.px(26)
        chip_h = self.px(CHIP)
        text_w = area.w - 2 * pad
        item_h = app.type.measure(item, m.text("body"), text_w)[2] if item else 0
        box = pygame.Rect(area.x, area.y, area.w, self._item_height(area.w, item, side))
        panel(surface, box, p.surface_alt, radius=self.px(24), border=p.outline, border_width=self.px(3))
        y = box.y + pad
        if item:
            app.type.block(surface, item, pygame.Rect(box.x + pad, y, text_w, item_h), size=m.text("body"),
                           color=p.ink, name="why-item")
            y += item_h + self.px(16)
        if side:
            icon_size = self.px(48)
            label_w = min(text_w - icon_size - self.px(60),
                          app.type.measure(side, m.text("button"), text_w)[1] + self.px(10))
            chip = pygame.Rect(box.x + pad, y, icon_size + label_w + self.px(60), chip_h)
            panel(surface, chip, p.good_soft, radius=chip_h // 2, border=p.good, border_width=self.px(3))
            icon = app.assets.icon(icon_name, icon_size, p.good)
            surface.blit(icon, icon.get_rect(midleft=(chip.x + self.px(20), chip.centery)))
            app.type.block(surface, side, pygame.Rect(chip.x + self.px(30) + icon_size, chip.y, label_w, chip.h),
                           size=m.text("button"), color=p.ink, bold=True, valign="middle", max_lines=1,
                           name="why-answer")
        return box.bottom
