"""Kinds whose answer puts every element in one box: items into categories, posts into a
feed's boxes, games under their PEGI rating. The answer is `{"element id": "box id"}`."""

from __future__ import annotations

import random
from abc import abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from gardiens.core.puzzles.answers import (
    Answer,
    Explanation,
    Journaled,
    Verdict,
    read_mapping,
    tally,
)
from gardiens.core.puzzles.base import Text
from gardiens.core.puzzles.kind import P, PuzzleKind


@dataclass(frozen=True)
class Placement:
    """An element to sort, the box it belongs in, and why it belongs there: shown when it is put
    elsewhere, and to a team that sorted everything right. `item` names the element and `label`
    its box, in the author's words."""

    id: str
    box: str
    feedback: Text | None
    item: Text
    label: Text


class SortingKind(PuzzleKind[P]):
    """A kind of puzzle that is sorting; its kind says what the boxes and elements are."""

    @abstractmethod
    def boxes(self, puzzle: P) -> Sequence[str]:
        """The boxes' ids, in the order the puzzle gives them."""

    @abstractmethod
    def elements(self, puzzle: P) -> Sequence[Placement]:
        """The elements to sort, in the order the puzzle gives them."""

    def check(self, puzzle: P, answer: object, rewards: Mapping[str, str]) -> Verdict:
        placed = self._placed(puzzle, answer)
        return tally(
            puzzle,
            [
                Explanation(e.item, e.label, placed[e.id] == e.box, e.feedback)
                for e in self.elements(puzzle)
            ],
        )

    def solution(self, puzzle: P, rewards: Mapping[str, str]) -> Answer:
        return {e.id: e.box for e in self.elements(puzzle)}

    def wrong_answer(self, puzzle: P, rewards: Mapping[str, str], rng: random.Random) -> Answer:
        elements = self.elements(puzzle)
        moved = rng.choice(elements)
        other = rng.choice([box for box in self.boxes(puzzle) if box != moved.box])
        return {e.id: (other if e.id == moved.id else e.box) for e in elements}

    def journaled(self, puzzle: P, answer: object) -> Journaled:
        # Element and box ids, all of them written by the author.
        return self._placed(puzzle, answer)

    def _placed(self, puzzle: P, answer: object) -> dict[str, str]:
        boxes = set(self.boxes(puzzle))
        return read_mapping(answer, {e.id: boxes for e in self.elements(puzzle)})
