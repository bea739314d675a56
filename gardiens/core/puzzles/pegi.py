"""`pegi`: made-up games to sort by PEGI rating, which is about content, not difficulty."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Literal, TypeAlias

from pydantic import Field

from gardiens.core.puzzles.answers import Answer, Journaled, Verdict, read_mapping, verdict
from gardiens.core.puzzles.base import Identifier, PuzzleBase, Strict, Text
from gardiens.core.puzzles.kind import Effort, PuzzleKind

PegiRating: TypeAlias = Literal["3", "7", "12", "16", "18"]
PEGI_RATINGS: tuple[PegiRating, ...] = ("3", "7", "12", "16", "18")


class Game(Strict):
    id: Identifier
    title: Text = Field(description="Titre de jeu inventé (jamais un vrai jeu).")
    description: Text
    image: str | None = None
    rating: PegiRating
    feedback: Text | None = None


class Pegi(PuzzleBase):
    """Games (made up) to sort by PEGI age rating, which is about content, not difficulty."""

    type: Literal["pegi"]
    games: list[Game] = Field(min_length=2, max_length=6)


def _rated(puzzle: Pegi, answer: object) -> dict[str, str]:
    return read_mapping(answer, [g.id for g in puzzle.games], lambda v: v in PEGI_RATINGS)


class PegiKind(PuzzleKind[Pegi]):
    model = Pegi
    label = "Classement PEGI"
    sign = "PEGI"

    def check(self, puzzle: Pegi, answer: object, rewards: Mapping[str, str]) -> Verdict:
        rated = _rated(puzzle, answer)
        wrong = [g for g in puzzle.games if rated[g.id] != g.rating]
        return verdict(
            puzzle,
            len(puzzle.games) - len(wrong),
            len(puzzle.games),
            [g.feedback for g in wrong if g.feedback is not None],
        )

    def solution(self, puzzle: Pegi, rewards: Mapping[str, str]) -> Answer:
        return {g.id: str(g.rating) for g in puzzle.games}

    def wrong_answer(self, puzzle: Pegi, rewards: Mapping[str, str], rng: random.Random) -> Answer:
        game = rng.choice(puzzle.games)
        other = rng.choice([r for r in PEGI_RATINGS if r != game.rating])
        return {g.id: str(other if g.id == game.id else g.rating) for g in puzzle.games}

    def journaled(self, puzzle: Pegi, answer: object) -> Journaled:
        return _rated(puzzle, answer)

    def effort(self, puzzle: Pegi) -> Effort:
        return Effort(30, len(puzzle.games))
