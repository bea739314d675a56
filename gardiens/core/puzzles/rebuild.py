"""`rebuild`: the fragments the puzzles gave, put back in order to form the mission's message."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Literal

from pydantic import Field

from gardiens.core.diagnostics import N_
from gardiens.core.puzzles.answers import (
    Answer,
    Journaled,
    MalformedAnswer,
    Verdict,
    read_ids,
    verdict,
)
from gardiens.core.puzzles.base import D_, Identifier, PuzzleBase
from gardiens.core.puzzles.kind import Effort, PuzzleKind


class Rebuild(PuzzleBase):
    """A message to rebuild from earned fragments: each reward's label is a word group, and the
    team puts them back in order."""

    type: Literal["rebuild"]
    fragments: list[Identifier] = Field(
        alias="from",
        min_length=2,
        max_length=8,
        description=D_(
            "Les récompenses dont le texte (« label ») est un morceau du message à reformer."
        ),
    )
    order: list[Identifier] = Field(
        min_length=2,
        max_length=8,
        description=D_("Les mêmes récompenses, dans l'ordre qui forme le message."),
    )


class RebuildKind(PuzzleKind[Rebuild]):
    model = Rebuild
    label = N_("Message à reformer")
    sign = "A B C"

    def check(self, puzzle: Rebuild, answer: object, rewards: Mapping[str, str]) -> Verdict:
        given = read_ids(answer, set(puzzle.fragments))
        if len(given) != len(puzzle.order):
            raise MalformedAnswer("every fragment must be placed")
        right = sum(at == wanted for at, wanted in zip(given, puzzle.order, strict=True))
        return verdict(puzzle, right, len(puzzle.order), [])

    def solution(self, puzzle: Rebuild, rewards: Mapping[str, str]) -> Answer:
        return list(puzzle.order)

    def wrong_answer(
        self, puzzle: Rebuild, rewards: Mapping[str, str], rng: random.Random
    ) -> Answer:
        order = list(puzzle.order)
        a = rng.randrange(len(order) - 1)
        order[a], order[a + 1] = order[a + 1], order[a]
        return order

    def journaled(self, puzzle: Rebuild, answer: object) -> Journaled:
        # Reward ids, written by the author: the order a team tried says which step it missed.
        return read_ids(answer, set(puzzle.fragments))

    def effort(self, puzzle: Rebuild) -> Effort:
        # The fragments were read when earned: little is new, most of the time goes to moving them.
        return Effort(20, len(puzzle.order))

    def rewards_needed(self, puzzle: Rebuild) -> tuple[str, ...]:
        return tuple(puzzle.fragments)
