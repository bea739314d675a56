"""`true_false`: statements to judge true or false, « info ou intox »."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Literal

from pydantic import Field, StrictBool

from gardiens.core.diagnostics import N_
from gardiens.core.puzzles.answers import (
    Answer,
    Explanation,
    Journaled,
    Truth,
    Verdict,
    read_bools,
    tally,
)
from gardiens.core.puzzles.base import D_, Identifier, PuzzleBase, Strict, Text
from gardiens.core.puzzles.kind import Effort, PuzzleKind


class Statement(Strict):
    id: Identifier
    text: Text
    answer: StrictBool = Field(
        description=D_("true si l'affirmation est vraie (info), false sinon (intox).")
    )
    explanation: Text = Field(description=D_("Pourquoi c'est vrai ou faux."))


class TrueFalse(PuzzleBase):
    """A series of statements, each to be judged true or false ("info ou intox")."""

    type: Literal["true_false"]
    statements: list[Statement] = Field(min_length=1, max_length=8)
    labels: tuple[Text, Text] | None = Field(
        default=None, description=D_("Libellés des deux boutons, vrai puis faux (ex. Info, Intox).")
    )


class TrueFalseKind(PuzzleKind[TrueFalse]):
    model = TrueFalse
    label = N_("Vrai ou faux")
    sign = N_("V/F")

    def check(self, puzzle: TrueFalse, answer: object, rewards: Mapping[str, str]) -> Verdict:
        given = read_bools(answer, [s.id for s in puzzle.statements])
        return tally(
            puzzle,
            [
                Explanation(s.text, self.side(puzzle, s.answer), given[s.id] == s.answer, s.explanation)
                for s in puzzle.statements
            ],
        )

    @staticmethod
    def side(puzzle: TrueFalse, value: bool) -> Text | Truth:
        """How the puzzle names true or false: its own labels (Info, Intox) if it has them."""
        if puzzle.labels is not None:
            return puzzle.labels[0] if value else puzzle.labels[1]
        return Truth.TRUE if value else Truth.FALSE

    def solution(self, puzzle: TrueFalse, rewards: Mapping[str, str]) -> Answer:
        return {s.id: s.answer for s in puzzle.statements}

    def wrong_answer(
        self, puzzle: TrueFalse, rewards: Mapping[str, str], rng: random.Random
    ) -> Answer:
        flipped = rng.choice(puzzle.statements).id
        return {s.id: (not s.answer if s.id == flipped else s.answer) for s in puzzle.statements}

    def journaled(self, puzzle: TrueFalse, answer: object) -> Journaled:
        return read_bools(answer, [s.id for s in puzzle.statements])

    def effort(self, puzzle: TrueFalse) -> Effort:
        return Effort(20, len(puzzle.statements))
