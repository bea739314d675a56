"""The "choice" kind: a grid of answers to tap, one or several."""

from __future__ import annotations

import math
from functools import partial
from typing import TYPE_CHECKING

import pygame

from gardiens.core.model import MultipleChoice
from gardiens.ui.puzzles.base import Hand, PuzzleView, ids, taps
from gardiens.ui.widgets.base import Button, Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen


class ChoiceView(PuzzleView):
    """Answer cards; round marks for one answer, square boxes when several are expected."""

    puzzle: MultipleChoice

    def __init__(self, screen: Screen, puzzle: MultipleChoice) -> None:
        super().__init__(screen, puzzle)
        self.chosen: list[str] = []

    def toggle(self, cid: str) -> None:
        if cid in self.chosen:
            self.chosen.remove(cid)
        elif self.puzzle.multiple:
            self.chosen.append(cid)
        else:
            self.chosen = [cid]
        self.changed()

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        choices = self.puzzle.choices
        cols = 2 if len(choices) > 3 else 1
        rows = math.ceil(len(choices) / cols)
        gap = self.px(22)
        w = (area.w - gap * (cols - 1)) // cols
        h = min(self.px(170), (area.h - gap * (rows - 1)) // rows)
        top = area.y + (area.h - (h * rows + gap * (rows - 1))) // 2
        idle = "square" if self.puzzle.multiple else "circle"
        widgets: list[Widget] = []
        for i, choice in enumerate(choices):
            rect = pygame.Rect(area.x + (i % cols) * (w + gap), top + (i // cols) * (h + gap), w, h)
            widgets.append(Button(f"choice:{choice.id}", rect, self.text(choice.text), icon=idle,
                                  selected=choice.id in self.chosen, text_role="body", align="left",
                                  on_tap=partial(self.toggle, choice.id)))
        return widgets

    def answer(self) -> object | None:
        return list(self.chosen) if self.chosen else None

    def status(self) -> str:
        if self.puzzle.multiple:
            return self._("Plusieurs réponses possibles.")
        return self._("Une seule réponse.")

    def enter(self, hand: Hand, answer: object) -> int:
        return taps(hand, [f"choice:{cid}" for cid in ids(answer)])
