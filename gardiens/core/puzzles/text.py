"""`text`: a short typed answer; case, accents, spaces and listed variants are forgiven."""

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
    Verdict,
    normalise,
    read_text,
    verdict,
)
from gardiens.core.puzzles.base import D_, PuzzleBase, Strict, Text
from gardiens.core.puzzles.kind import AnswerText, Effort, PuzzleKind, Translate


class Mistake(Strict):
    answers: list[str] = Field(min_length=1)
    feedback: Text


class ShortText(PuzzleBase):
    """A short typed answer; case, accents, spaces and listed variants are forgiven."""

    type: Literal["text"]
    answers: list[str] = Field(min_length=1, description=D_("Réponses acceptées."))
    mistakes: list[Mistake] = Field(
        default_factory=list, description=D_("Erreurs fréquentes, chacune avec son explication.")
    )
    max_length: int = Field(default=24, ge=1, le=60)


def known_mistake(puzzle: ShortText, answer: str) -> int | None:
    """Index of the listed mistake an answer matches, so that free text is never journaled."""
    given = normalise(answer)
    for index, mistake in enumerate(puzzle.mistakes):
        if any(given == normalise(a) for a in mistake.answers):
            return index
    return None


class TextKind(PuzzleKind[ShortText]):
    model = ShortText
    label = N_("Réponse courte")
    sign = "Abc"

    def check(self, puzzle: ShortText, answer: object, rewards: Mapping[str, str]) -> Verdict:
        given = normalise(read_text(answer))
        if given and any(given == normalise(a) for a in puzzle.answers):
            return verdict(puzzle, 1, 1, [])
        # What the team typed is not repeated back: only the listed mistake's explanation.
        details = [
            Explanation(None, None, False, m.feedback)
            for m in puzzle.mistakes
            if any(given == normalise(a) for a in m.answers)
        ]
        return verdict(puzzle, 0, 1, details)

    def solution(self, puzzle: ShortText, rewards: Mapping[str, str]) -> Answer:
        return puzzle.answers[0]

    def wrong_answer(
        self, puzzle: ShortText, rewards: Mapping[str, str], rng: random.Random
    ) -> Answer:
        if puzzle.mistakes:
            return rng.choice(puzzle.mistakes).answers[0]
        return "je ne sais pas"

    def journaled(self, puzzle: ShortText, answer: object) -> Journaled:
        # What the child typed is free text: only the number of the listed mistake it matches.
        index = known_mistake(puzzle, read_text(answer))
        return None if index is None else {"mistake": index}

    def effort(self, puzzle: ShortText) -> Effort:
        return Effort(45, 1)

    def answer_texts(self, puzzle: ShortText) -> tuple[AnswerText, ...]:
        accepted = [AnswerText(("answers", i), a, "answer") for i, a in enumerate(puzzle.answers)]
        listed = [
            AnswerText(("mistakes", m, "answers", i), a, "mistake")
            for m, mistake in enumerate(puzzle.mistakes)
            for i, a in enumerate(mistake.answers)
        ]
        return (*accepted, *listed)

    def in_language(self, puzzle: ShortText, translate: Translate) -> ShortText:
        mistakes = [
            m.model_copy(update={"answers": _translated(m.answers, translate)})
            for m in puzzle.mistakes
        ]
        answers = _translated(puzzle.answers, translate)
        return puzzle.model_copy(update={"answers": answers, "mistakes": mistakes})


def _translated(answers: list[str], translate: Translate) -> list[str]:
    """Each answer's translations, in order and once each; an untranslated answer stays."""
    out: list[str] = []
    for answer in answers:
        out += [t for t in translate(answer) or [answer] if t not in out]
    return out
