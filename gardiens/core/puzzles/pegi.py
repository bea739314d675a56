"""`pegi`: made-up games to sort by PEGI rating, which is about content, not difficulty."""

from __future__ import annotations

from typing import Literal, TypeAlias

from pydantic import Field

from gardiens.core.diagnostics import N_
from gardiens.core.puzzles.base import D_, Identifier, PuzzleBase, Strict, Text
from gardiens.core.puzzles.kind import Effort
from gardiens.core.puzzles.sorting import Placement, SortingKind

PegiRating: TypeAlias = Literal["3", "7", "12", "16", "18"]
PEGI_RATINGS: tuple[PegiRating, ...] = ("3", "7", "12", "16", "18")


class Game(Strict):
    id: Identifier
    title: Text = Field(description=D_("Titre de jeu inventé (jamais un vrai jeu)."))
    description: Text
    image: str | None = None
    rating: PegiRating
    feedback: Text | None = None


class Pegi(PuzzleBase):
    """Games (made up) to sort by PEGI age rating, which is about content, not difficulty."""

    type: Literal["pegi"]
    games: list[Game] = Field(min_length=2, max_length=6)


class PegiKind(SortingKind[Pegi]):
    model = Pegi
    label = N_("Classement PEGI")
    sign = "PEGI"

    def boxes(self, puzzle: Pegi) -> tuple[str, ...]:
        return PEGI_RATINGS

    def elements(self, puzzle: Pegi) -> list[Placement]:
        return [Placement(g.id, g.rating, g.feedback, g.title, f"PEGI {g.rating}") for g in puzzle.games]

    def effort(self, puzzle: Pegi) -> Effort:
        return Effort(30, len(puzzle.games))
