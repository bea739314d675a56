"""The "choice" kind: a grid of answers to tap, one or several."""

from __future__ import annotations

from functools import partial

import pygame

from gardiens.core.model import MultipleChoice
from gardiens.ui.puzzles.picking import PickingView
from gardiens.ui.widgets.base import Button, Widget
from gardiens.ui.widgets.layout import grid


class ChoiceView(PickingView):
    """Answer cards; round marks for one answer, square boxes when several are expected."""

    puzzle: MultipleChoice

    @property
    def multiple(self) -> bool:
        return self.puzzle.multiple

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        choices = self.puzzle.choices
        cells = grid(area, len(choices), columns=2 if len(choices) > 3 else 1, gap=self.px(22),
                     max_height=self.px(170), middle=True)
        idle = "square" if self.multiple else "circle"
        return [Button(f"choice:{choice.id}", rect, self.text(choice.text), icon=idle,
                       selected=choice.id in self.chosen, text_role="body", align="left",
                       on_tap=partial(self.toggle, choice.id))
                for choice, rect in zip(choices, cells, strict=True)]

    def status(self) -> str:
        if self.multiple:
            return self._("Plusieurs réponses possibles.")
        return self._("Une seule réponse.")
