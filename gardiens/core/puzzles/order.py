"""`order`: items to put back in order; the YAML lists them in the right order."""

from __future__ import annotations

import bisect
import random
from collections.abc import Mapping, Sequence
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


# Shuffles drawn before falling back to the reversed order, which always needs the most moves.
SHUFFLE_TRIES = 50


def moves_to_sort(order: Sequence[str], right: Sequence[str]) -> int:
    """The fewest moves (take one card, insert it elsewhere) that put `order` back as `right`:
    the cards of the longest run already in the right relative order stay, each other moves once."""
    rank = {item: i for i, item in enumerate(right)}
    tails: list[int] = []
    for item in order:
        r = rank[item]
        at = bisect.bisect_left(tails, r)
        if at == len(tails):
            tails.append(r)
        else:
            tails[at] = r
    return len(order) - len(tails)


def needed_moves(count: int) -> int:
    """How many moves a shuffle of `count` items must need: two, so that one drag never solves
    it, except for two items, which one move always sorts."""
    return min(2, count - 1)


def shuffled(right: Sequence[str], rng: random.Random) -> list[str]:
    """The items in an order that takes at least `needed_moves` to put right; the same for the
    same `rng` state."""
    order = list(right)
    wanted = needed_moves(len(order))
    for _ in range(SHUFFLE_TRIES):
        rng.shuffle(order)
        if moves_to_sort(order, right) >= wanted:
            return order
    return list(reversed(right))


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
