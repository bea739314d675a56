"""`categorise`: items to sort into boxes."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Sequence
from typing import Literal, Protocol

from pydantic import Field

from gardiens.core.diagnostics import N_
from gardiens.core.puzzles.base import D_, Identifier, PuzzleBase, Strict, Text
from gardiens.core.puzzles.kind import Effort, P
from gardiens.core.puzzles.sorting import Placement, SortingKind


class Category(Strict):
    id: Identifier
    label: Text


class Sortable(Protocol):
    """An element that names the category it belongs in: an item, a post."""

    @property
    def id(self) -> str: ...
    @property
    def text(self) -> Text: ...
    @property
    def category(self) -> str: ...
    @property
    def feedback(self) -> Text | None: ...


class CategoriesKind(SortingKind[P]):
    """A sorting kind whose boxes are the puzzle's categories and whose elements each name their
    own; `seconds` is what understanding it asks, before the elements are read."""

    seconds: float

    @abstractmethod
    def contents(self, puzzle: P) -> tuple[Sequence[Category], Sequence[Sortable]]:
        """The puzzle's categories, and the elements to sort into them, in the puzzle's order."""

    def boxes(self, puzzle: P) -> list[str]:
        categories, _ = self.contents(puzzle)
        return [c.id for c in categories]

    def elements(self, puzzle: P) -> list[Placement]:
        categories, elements = self.contents(puzzle)
        labels = {c.id: c.label for c in categories}
        return [
            Placement(e.id, e.category, e.feedback, e.text, labels.get(e.category, e.category))
            for e in elements
        ]

    def effort(self, puzzle: P) -> Effort:
        return Effort(self.seconds, len(self.contents(puzzle)[1]))


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


class CategoriseKind(CategoriesKind[Categorise]):
    model = Categorise
    label = N_("Ranger dans des boîtes")
    sign = "[ ][ ]"
    seconds = 25

    def contents(self, puzzle: Categorise) -> tuple[list[Category], list[CategoriseItem]]:
        return puzzle.categories, puzzle.items
