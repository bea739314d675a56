"""`code`: a padlock with digits, its code written out or assembled from earned rewards."""

from __future__ import annotations

import random
import string
from collections.abc import Mapping
from typing import Literal

from pydantic import Field, model_validator

from gardiens.core.diagnostics import N_
from gardiens.core.puzzles.answers import Answer, Journaled, Verdict, read_text, verdict
from gardiens.core.puzzles.base import D_, Identifier, PuzzleBase
from gardiens.core.puzzles.kind import Effort, PuzzleKind


class CodeLock(PuzzleBase):
    """A padlock with digits. Its code is written out, or assembled from earned rewards."""

    type: Literal["code"]
    code: str | None = Field(
        default=None,
        pattern=r"^[0-9]{1,8}$",
        description=D_("Le code (chiffres). Écrire « code » ou « code_from », pas les deux."),
    )
    code_from: list[Identifier] | None = Field(
        default=None,
        description=D_("Le code est la suite des valeurs de ces récompenses, dans cet ordre."),
    )

    @model_validator(mode="after")
    def _one_code_source(self) -> CodeLock:
        if (self.code is None) == (self.code_from is None):
            raise ValueError("write exactly one of `code` or `code_from`")
        if self.code_from is not None and not self.code_from:
            raise ValueError("`code_from` needs at least one reward")
        return self


def expected_code(puzzle: CodeLock, rewards: Mapping[str, str]) -> str:
    """The lock's code: written out, or the values of the named rewards put end to end."""
    if puzzle.code is not None:
        return puzzle.code
    return "".join(rewards.get(rid, "?") for rid in puzzle.code_from or [])


class CodeKind(PuzzleKind[CodeLock]):
    model = CodeLock
    label = N_("Cadenas à code")
    sign = "123"

    def check(self, puzzle: CodeLock, answer: object, rewards: Mapping[str, str]) -> Verdict:
        ok = read_text(answer).strip() == expected_code(puzzle, rewards)
        return verdict(puzzle, int(ok), 1, [])

    def solution(self, puzzle: CodeLock, rewards: Mapping[str, str]) -> Answer:
        return expected_code(puzzle, rewards)

    def wrong_answer(
        self, puzzle: CodeLock, rewards: Mapping[str, str], rng: random.Random
    ) -> Answer:
        code = expected_code(puzzle, rewards)
        pos = rng.randrange(len(code))
        digit = rng.choice([d for d in string.digits if d != code[pos]])
        return code[:pos] + digit + code[pos + 1 :]

    def journaled(self, puzzle: CodeLock, answer: object) -> Journaled:
        # The keypad types digits only: anything else did not come from it and is not kept.
        code = read_text(answer)
        return code if code.isascii() and code.isdigit() else None

    def effort(self, puzzle: CodeLock) -> Effort:
        return Effort(25, 1)

    def rewards_needed(self, puzzle: CodeLock) -> tuple[str, ...]:
        return tuple(puzzle.code_from or ())
