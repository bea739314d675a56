"""The "choice" kind: a grid of answers to tap, one or several."""

from __future__ import annotations

from collections.abc import Hashable
from functools import partial
from typing import TYPE_CHECKING

import pygame

from gardiens.core.model import MultipleChoice
from gardiens.ui.puzzles.base import Hand, ids, paginate, taps
from gardiens.ui.puzzles.picking import PickingView
from gardiens.ui.widgets.base import Button, Widget
from gardiens.ui.widgets.layout import grid

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen


class ChoiceView(PickingView):
    """Answer cards; round marks for one answer, square boxes when several are expected."""

    puzzle: MultipleChoice

    def __init__(self, screen: Screen, puzzle: MultipleChoice) -> None:
        super().__init__(screen, puzzle)
        # The page each answer is on, when they are paged.
        self.page_of: dict[str, int] = {}

    @property
    def multiple(self) -> bool:
        return self.puzzle.multiple

    def layout(self, area: pygame.Rect) -> list[Widget]:
        """Two columns when every answer fits its cell there; else one column of full-width rows
        as tall as their text, paged when they do not all fit."""
        self.area = area
        choices = self.puzzle.choices
        texts = [self.text(choice.text) for choice in choices]
        gap = self.px(22)
        cells: list[pygame.Rect] = []
        shown = list(range(len(choices)))
        widgets: list[Widget] = []
        if len(choices) > 3:
            grid_cells = grid(area, len(choices), columns=2, gap=gap, max_height=self.px(170), middle=True)
            if all(self.height(text, cell.w) <= cell.h for text, cell in zip(texts, grid_cells, strict=True)):
                cells = grid_cells
        if not cells:
            heights = [max(self.app.metrics.touch, min(self.height(text, area.w), area.h)) for text in texts]
            pages = paginate(heights, area.h, gap)
            if len(pages) > 1:
                bar = pygame.Rect(area.x, area.bottom - self.app.metrics.touch, area.w, self.app.metrics.touch)
                room = area.h - bar.h - gap
                heights = [min(h, room) for h in heights]
                pages = paginate(heights, room, gap)
                widgets += self.pager(bar, len(pages))
            else:
                room = area.h
                self.pager(area, 1)
            self.page_of = {choices[i].id: n for n, page in enumerate(pages) for i in page}
            shown = pages[self.page]
            used = sum(heights[i] for i in shown) + gap * (len(shown) - 1)
            top = area.y + (room - used) // 2
            for i in shown:
                cells.append(pygame.Rect(area.x, top, area.w, heights[i]))
                top += heights[i] + gap
        else:
            self.pager(area, 1)
            self.page_of = {}
        idle = "square" if self.multiple else "circle"
        widgets += [Button(f"choice:{choices[i].id}", rect, texts[i], icon=idle, selected=choices[i].id in self.chosen,
                           text_role="body", align="left", on_tap=partial(self.toggle, choices[i].id))
                    for i, rect in zip(shown, cells, strict=True)]
        return widgets

    def height(self, text: str, width: int) -> int:
        """How tall an answer's button must be for its text to fit at `width` (see Button.draw_content)."""
        m = self.app.metrics
        words_w = width - 3 * self.px(18) - self.px(56)
        return self.app.type.measure(text, m.text("body"), words_w, bold=True)[2] + 2 * self.px(8) + self.px(7) \
            + self.px(16)

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_page_count(surface)

    def backdrop(self) -> Hashable | None:
        return (self.page, self.page_total, tuple(self.page_count))

    def enter(self, hand: Hand, answer: object) -> int:
        made = 0
        for pick in ids(answer):
            made += self.turn_to(hand, self.page_of.get(pick, self.page))
            made += taps(hand, [f"choice:{pick}"])
        return made

    def status(self) -> str:
        if self.multiple:
            return self._("Plusieurs réponses possibles.")
        return self._("Une seule réponse.")
