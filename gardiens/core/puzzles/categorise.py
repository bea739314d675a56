"""`categorise`: items to sort into boxes."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Literal

from pydantic import Field

from gardiens.core.puzzles.answers import (
    Answer,
    Journaled,
    MalformedAnswer,
    Verdict,
    verdict,
)
from gardiens.core.puzzles.base import Identifier, PuzzleBase, Strict, Text
from gardiens.core.puzzles.kind import Effort, PuzzleKind


class Category(Strict):
    id: Identifier
    label: Text


class CategoriseItem(Strict):
    id: Identifier
    text: Text
    category: Identifier
    feedback: Text | None = Field(
        default=None, description="Explication affichée si l'élément est mal rangé."
    )


class Categorise(PuzzleBase):
    """Items to sort into boxes."""

    type: Literal["categorise"]
    categories: list[Category] = Field(min_length=2, max_length=5)
    items: list[CategoriseItem] = Field(min_length=2, max_length=10)


def _boxes(answer: object, puzzle: Categorise) -> dict[str, str]:
    boxes = {c.id for c in puzzle.categories}
    if not isinstance(answer, dict) or set(answer) != {i.id for i in puzzle.items}:
        raise MalformedAnswer("every item needs a box")
    if not all(isinstance(v, str) and v in boxes for v in answer.values()):
        raise MalformedAnswer("unknown box in the answer")
    return {str(k): str(v) for k, v in answer.items()}


class CategoriseKind(PuzzleKind[Categorise]):
    model = Categorise
    label = "Ranger dans des boîtes"
    sign = "[ ][ ]"

    def check(self, puzzle: Categorise, answer: object, rewards: Mapping[str, str]) -> Verdict:
        placed = _boxes(answer, puzzle)
        wrong = [i for i in puzzle.items if placed[i.id] != i.category]
        details: list[Text] = [i.feedback for i in wrong if i.feedback is not None]
        return verdict(puzzle, len(puzzle.items) - len(wrong), len(puzzle.items), details)

    def solution(self, puzzle: Categorise, rewards: Mapping[str, str]) -> Answer:
        return {i.id: i.category for i in puzzle.items}

    def wrong_answer(
        self, puzzle: Categorise, rewards: Mapping[str, str], rng: random.Random
    ) -> Answer:
        moved = rng.choice(puzzle.items)
        other = rng.choice([c.id for c in puzzle.categories if c.id != moved.category])
        return {i.id: (other if i.id == moved.id else i.category) for i in puzzle.items}

    def journaled(self, puzzle: Categorise, answer: object) -> Journaled:
        return _boxes(answer, puzzle)

    def effort(self, puzzle: Categorise) -> Effort:
        return Effort(25, len(puzzle.items))
