"""`choice`: one or several right answers among choices, each with its own explanation."""

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
    read_ids,
    tally,
)
from gardiens.core.puzzles.base import D_, Identifier, PuzzleBase, Strict, Text
from gardiens.core.puzzles.kind import Effort, PuzzleKind


class Choice(Strict):
    id: Identifier
    text: Text
    correct: StrictBool = False
    feedback: Text | None = Field(
        default=None, description=D_("Explication propre à ce choix, affichée s'il est choisi à tort.")
    )


class MultipleChoice(PuzzleBase):
    """One or several right answers among choices, each with its own explanation."""

    type: Literal["choice"]
    choices: list[Choice] = Field(min_length=2, max_length=8)
    multiple: StrictBool = Field(
        default=False, description=D_("Vrai si plusieurs réponses sont à cocher ensemble.")
    )


def check_choices(puzzle: PuzzleBase, choices: list[Choice], answer: object) -> Verdict:
    """Every choice counts: right if ticked when correct or left when not. A choice ticked
    wrongly shows its explanation; a right answer shows every choice's."""
    chosen = set(read_ids(answer, {c.id for c in choices}))
    return tally(
        puzzle,
        [
            Explanation(
                c.text,
                Truth.PICK if c.correct else Truth.LEAVE,
                (c.id in chosen) == c.correct,
                # A right choice left out says nothing: its explanation would give it away.
                None if c.correct and c.id not in chosen else c.feedback,
            )
            for c in choices
        ],
    )


class ChoiceKind(PuzzleKind[MultipleChoice]):
    model = MultipleChoice
    label = N_("QCM")
    sign = "A/B"

    def check(
        self, puzzle: MultipleChoice, answer: object, rewards: Mapping[str, str]
    ) -> Verdict:
        return check_choices(puzzle, puzzle.choices, answer)

    def solution(self, puzzle: MultipleChoice, rewards: Mapping[str, str]) -> Answer:
        return [c.id for c in puzzle.choices if c.correct]

    def wrong_answer(
        self, puzzle: MultipleChoice, rewards: Mapping[str, str], rng: random.Random
    ) -> Answer:
        wrong = [c.id for c in puzzle.choices if not c.correct]
        right = [c.id for c in puzzle.choices if c.correct]
        if not wrong:
            return right[:-1]
        return [rng.choice(wrong)] if not puzzle.multiple else [*right[:-1], rng.choice(wrong)]

    def journaled(self, puzzle: MultipleChoice, answer: object) -> Journaled:
        return read_ids(answer, {c.id for c in puzzle.choices})

    def effort(self, puzzle: MultipleChoice) -> Effort:
        return Effort(35, len(puzzle.choices))
