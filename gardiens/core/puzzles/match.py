"""`match`: each fragment the puzzles gave, matched to the reflex (the target) it calls for."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import Field

from gardiens.core.diagnostics import N_
from gardiens.core.puzzles.base import D_, Identifier, PuzzleBase, Strict, Text
from gardiens.core.puzzles.kind import Effort
from gardiens.core.puzzles.sorting import Placement, SortingKind


class MatchTarget(Strict):
    """A target a fragment goes with: a reflex, a rule, a help to call."""

    id: Identifier
    text: Text = Field(description=D_("Le texte de la cible (un réflexe, une règle)."))


class Match(PuzzleBase):
    """Earned fragments to match: each reward's label is a situation or a clue, and the team
    matches each one to the target (a reflex the mission taught) it goes with."""

    type: Literal["match"]
    fragments: list[Identifier] = Field(
        alias="from",
        min_length=2,
        max_length=8,
        description=D_(
            "Les récompenses dont le texte (« label ») est une situation ou un indice à associer."
        ),
    )
    targets: list[MatchTarget] = Field(
        min_length=2,
        max_length=6,
        description=D_(
            "Les cibles (des réflexes) : de 2 à 6, elles peuvent être plus nombreuses que les "
            "morceaux."
        ),
    )
    pairs: dict[Identifier, Identifier] = Field(
        description=D_("Pour chaque morceau de « from », l'identifiant de sa bonne cible.")
    )


class MatchKind(SortingKind[Match]):
    """A sorting whose elements are the earned fragments and whose boxes are the targets: the
    checking, the bots' answers and the journal (fragment and target ids) come with sorting."""

    model = Match
    label = N_("Morceaux à associer")
    sign = "A-1"

    def boxes(self, puzzle: Match) -> Sequence[str]:
        return [t.id for t in puzzle.targets]

    def elements(self, puzzle: Match) -> Sequence[Placement]:
        # The fragments' words belong to the puzzles that give them; the journal and the
        # explanations need only their ids.
        texts = {t.id: t.text for t in puzzle.targets}
        return [
            Placement(f, puzzle.pairs.get(f, ""), None, f, texts.get(puzzle.pairs.get(f, ""), ""))
            for f in puzzle.fragments
        ]

    def effort(self, puzzle: Match) -> Effort:
        # The fragments were read when earned; the targets are new, and each match is a choice.
        return Effort(20, len(puzzle.fragments) + len(puzzle.targets))

    def rewards_needed(self, puzzle: Match) -> tuple[str, ...]:
        return tuple(puzzle.fragments)
