"""`categorise`: items to sort into boxes."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from gardiens.core.diagnostics import N_
from gardiens.core.puzzles.base import D_, Identifier, PuzzleBase, Strict, Text
from gardiens.core.puzzles.kind import Effort
from gardiens.core.puzzles.sorting import Placement, SortingKind


class Category(Strict):
    id: Identifier
    label: Text


class CategoriseItem(Strict):
    id: Identifier
    text: Text
    category: Identifier
    feedback: Text | None = Field(
        default=None, description=D_("Explication affichée si l'élément est mal rangé.")
    )


class Categorise(PuzzleBase):
    """Items to sort into boxes."""

    type: Literal["categorise"]
    categories: list[Category] = Field(min_length=2, max_length=5)
    items: list[CategoriseItem] = Field(min_length=2, max_length=10)


class CategoriseKind(SortingKind[Categorise]):
    model = Categorise
    label = N_("Ranger dans des boîtes")
    sign = "[ ][ ]"

    def boxes(self, puzzle: Categorise) -> list[str]:
        return [c.id for c in puzzle.categories]

    def elements(self, puzzle: Categorise) -> list[Placement]:
        labels = {c.id: c.label for c in puzzle.categories}
        return [
            Placement(i.id, i.category, i.feedback, i.text, labels.get(i.category, i.category))
            for i in puzzle.items
        ]

    def effort(self, puzzle: Categorise) -> Effort:
        return Effort(25, len(puzzle.items))
