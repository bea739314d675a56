"""Is an answer right, what is a right or a plausibly wrong one, and what of it is journaled:
each puzzle's kind says (`gardiens.core.puzzles`); these functions find the kind and ask it.

Answers are plain JSON values so that they can be journaled: a string (code, text, cipher),
a list of ids (choice, order, hotspots), or a mapping of ids (true/false, categorise).
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from gardiens.core.puzzles import kind_of
from gardiens.core.puzzles.answers import (
    MAX_TEXT_ANSWER,
    Answer,
    Explanation,
    Journaled,
    MalformedAnswer,
    Picks,
    Truth,
    Verdict,
    normalise,
)
from gardiens.core.puzzles.base import PuzzleBase
from gardiens.core.puzzles.cipher import caesar
from gardiens.core.puzzles.code import expected_code
from gardiens.core.puzzles.kind import AnswerText, P, Translate
from gardiens.core.puzzles.password import rule_met, strong_password
from gardiens.core.puzzles.text import known_mistake

__all__ = [
    "MAX_TEXT_ANSWER",
    "Answer",
    "AnswerText",
    "Explanation",
    "Journaled",
    "MalformedAnswer",
    "Picks",
    "Translate",
    "Truth",
    "Verdict",
    "answer_texts",
    "caesar",
    "check",
    "expected_code",
    "in_language",
    "journaled",
    "known_mistake",
    "normalise",
    "rule_met",
    "solution",
    "strong_password",
    "wrong_answer",
]


def check(puzzle: PuzzleBase, answer: object, rewards: Mapping[str, str]) -> Verdict:
    """Check `answer` against `puzzle`; `rewards` maps every reward id to its value."""
    return kind_of(puzzle).check(puzzle, answer, rewards)


def solution(puzzle: PuzzleBase, rewards: Mapping[str, str]) -> Answer:
    """A right answer, given the values of the rewards the team holds."""
    return kind_of(puzzle).solution(puzzle, rewards)


def wrong_answer(puzzle: PuzzleBase, rewards: Mapping[str, str], rng: random.Random) -> Answer:
    """A plausible wrong answer, as a team might give: one swap, one flip, one slip."""
    return kind_of(puzzle).wrong_answer(puzzle, rewards, rng)


def journaled(puzzle: PuzzleBase, answer: object) -> Journaled:
    """What of a wrong, well-formed answer may be journaled: ids and codes, never free text."""
    return kind_of(puzzle).journaled(puzzle, answer)


def answer_texts(puzzle: PuzzleBase) -> tuple[AnswerText, ...]:
    """The words a team types to answer the puzzle, which a translator translates."""
    return kind_of(puzzle).answer_texts(puzzle)


def in_language(puzzle: P, translate: Translate) -> P:
    """The puzzle with the answers a team types in its language (`translate` gives them)."""
    played: P = kind_of(puzzle).in_language(puzzle, translate)
    return played
