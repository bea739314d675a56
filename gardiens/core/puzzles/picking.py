"""Kinds whose answer is the elements a team taps among all shown: the hidden ads among posts,
the regions to find on an image. The answer is the list of tapped ids."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from gardiens.core.puzzles.answers import (
    Answer,
    Explanation,
    Journaled,
    Picks,
    Truth,
    Verdict,
    read_ids,
    tally,
)
from gardiens.core.puzzles.base import Text
from gardiens.core.puzzles.kind import P, PuzzleKind


@dataclass(frozen=True)
class Pick:
    """An element to tap or leave, and what to show when it is tapped, or left, wrongly; `item`
    names it in the author's words. A team that answers right reads why for each: what it would
    have read had it tapped an element it rightly left, when nothing is written for leaving it."""

    id: str
    wanted: bool
    if_tapped: Text | None
    if_left: Text | None
    item: Text


class PickingKind(PuzzleKind[P]):
    """A kind of puzzle where the team taps the wanted elements; its kind says which they are."""

    @abstractmethod
    def picks(self, puzzle: P) -> Sequence[Pick]:
        """The elements shown, in the order the puzzle gives them."""

    def check(self, puzzle: P, answer: object, rewards: Mapping[str, str]) -> Verdict:
        tapped = set(self._tapped(puzzle, answer))
        parts = tally(puzzle, [self._explained(p, p.id in tapped) for p in self.picks(puzzle)])
        return replace(parts, picks=self.count(puzzle, tapped))

    def count(self, puzzle: P, tapped: set[str]) -> Picks:
        """The team's picks: how many are wanted, how many it made, how many wanted it left."""
        wanted = {p.id for p in self.picks(puzzle) if p.wanted}
        return Picks(right=len(tapped & wanted), made=len(tapped), missed=len(wanted - tapped))

    @staticmethod
    def _explained(pick: Pick, tapped: bool) -> Explanation:
        right = tapped == pick.wanted
        why = pick.if_tapped if tapped else pick.if_left
        if right and why is None:
            why = pick.if_left if tapped else pick.if_tapped
        return Explanation(pick.item, Truth.PICK if pick.wanted else Truth.LEAVE, right, why)

    def solution(self, puzzle: P, rewards: Mapping[str, str]) -> Answer:
        return [p.id for p in self.picks(puzzle) if p.wanted]

    def journaled(self, puzzle: P, answer: object) -> Journaled:
        # Ids the author wrote.
        return self._tapped(puzzle, answer)

    def _tapped(self, puzzle: P, answer: object) -> list[str]:
        return read_ids(answer, {p.id for p in self.picks(puzzle)})
