"""`order`: items to put back in order; the YAML lists them in the right order."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Literal

from pydantic import Field

from gardiens.core.diagnostics import N_
from gardiens.core.puzzles.answers import (
    Answer,
    Explanation,
    Journaled,
    MalformedAnswer,
    Verdict,
    read_ids,
    tally,
)
from gardiens.core.puzzles.base import Identifier, PuzzleBase, Strict, Text
from gardiens.core.puzzles.kind import Effort, PuzzleKind


class OrderItem(Strict):
    id: Identifier
    text: Text


class Ordering(PuzzleBase):
    """Items to put in order; the YAML lists them in the right order."""

    type: Literal["order"]
    items: list[OrderItem] = Field(min_length=2, max_length=8)


class OrderKind(PuzzleKind[Ordering]):
    model = Ordering
    label = N_("Remettre en ordre")
    sign = "1-2-3"

    def check(self, puzzle: Ordering, answer: object, rewards: Mapping[str, str]) -> Verdict:
        given = read_ids(answer, {i.id for i in puzzle.items})
        if len(given) != len(puzzle.items):
            raise MalformedAnswer("every item must be placed")
        pairs = zip(puzzle.items, given, strict=True)
        return tally(puzzle, [Explanation(item.text, None, item.id == at, None) for item, at in pairs])

    def solution(self, puzzle: Ordering, rewards: Mapping[str, str]) -> Answer:
        return [i.id for i in puzzle.items]

    def wrong_answer(
        self, puzzle: Ordering, rewards: Mapping[str, str], rng: random.Random
    ) -> Answer:
        order = [i.id for i in puzzle.items]
        a = rng.randrange(len(order) - 1)
        order[a], order[a + 1] = order[a + 1], order[a]
        return order

    def journaled(self, puzzle: Ordering, answer: object) -> Journaled:
        return read_ids(answer, {i.id for i in puzzle.items})

    def effort(self, puzzle: Ordering) -> Effort:
        return Effort(30, len(puzzle.items))
