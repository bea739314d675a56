"""The shared picking view: answers picked by tapping them, one or several."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gardiens.core.checkers import Picks
from gardiens.core.model import Puzzle
from gardiens.ui.puzzles.base import Hand, PuzzleView, ids, taps

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen, ScreenPart


def picks_score(part: ScreenPart, picks: Picks) -> str:
    """How many of the team's own picks are right: what it tapped, not what it rightly left."""
    if picks.right == 0:
        return part.ngettext("Votre choix n'est pas juste.", "Aucun de vos {made} choix n'est juste.",
                             picks.made).format(made=picks.made)
    if picks.right == picks.made:
        return part.ngettext("Votre choix est juste, mais il en manque.",
                             "Vos {made} choix sont justes, mais il en manque.", picks.made).format(made=picks.made)
    return part.ngettext("{right} de vos {made} choix est juste.", "{right} de vos {made} choix sont justes.",
                         picks.right).format(right=picks.right, made=picks.made)


class PickingView(PuzzleView):
    """Answers picked by tapping: with one answer a tap replaces it, with several a tap adds an
    answer or takes it off. The widgets to tap are named "<pick_prefix>:<id>"."""

    pick_prefix = "choice"

    def __init__(self, screen: Screen, puzzle: Puzzle) -> None:
        super().__init__(screen, puzzle)
        self.chosen: list[str] = []

    @property
    def multiple(self) -> bool:
        """Whether several answers may be picked together."""
        return True

    def toggle(self, pick_id: str) -> None:
        if pick_id in self.chosen:
            self.chosen.remove(pick_id)
        elif self.multiple:
            self.chosen.append(pick_id)
        else:
            self.chosen = [pick_id]
        self.changed()

    def answer(self) -> object | None:
        return list(self.chosen) if self.chosen else None

    def enter(self, hand: Hand, answer: object) -> int:
        return taps(hand, [f"{self.pick_prefix}:{pick_id}" for pick_id in ids(answer)])
