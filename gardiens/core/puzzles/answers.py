"""What a team answers and what it is told back: answer shapes, the verdict, and the readers that
refuse an answer whose shape does not fit (a random tap, a paste, a stale screen).

Answers are plain JSON values so that they can be journaled: a string (code, text, cipher),
a list of ids (choice, order, hotspots), or a mapping of ids (true/false, categorise).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeAlias

from gardiens.core.puzzles.base import PuzzleBase, Text

Answer: TypeAlias = str | list[str] | dict[str, bool] | dict[str, str]
# What of a wrong answer the journal keeps: ids, a code, a listed mistake's number, or nothing.
Journaled: TypeAlias = Answer | dict[str, int] | None

# Longer answers are refused before any check: nobody types 200 characters into a padlock.
MAX_TEXT_ANSWER = 200


@dataclass(frozen=True)
class Picks:
    """What a team tapped, counted over its own picks only: the elements it rightly left alone
    are no achievement to report ("3 of your 4 picks are right", not "4 of 6")."""

    right: int
    made: int
    missed: int
    """Wanted elements the team did not tap."""


@dataclass(frozen=True)
class Verdict:
    """The result of checking an answer: right or wrong, and the explanations to show. `score`
    counts the parts answered right; `picks`, for kinds where the team taps elements, its picks."""

    correct: bool
    message: Text
    details: tuple[Text, ...] = ()
    score: tuple[int, int] = (0, 1)
    picks: Picks | None = None


class MalformedAnswer(ValueError):
    """An answer whose shape does not fit the puzzle (a random tap, a paste, a stale screen)."""


def normalise(text: str) -> str:
    """Forgive case, accents, spaces and punctuation: « L'Élysée » and "lelysee" match."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = (c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in "".join(kept).casefold() if c.isalnum())


def verdict(puzzle: PuzzleBase, right: int, total: int, details: list[Text]) -> Verdict:
    """Right when every part is; the puzzle's feedback, and the details only when wrong."""
    correct = right == total
    message = puzzle.feedback.right if correct else puzzle.feedback.wrong
    return Verdict(correct, message, () if correct else tuple(details), (right, total))


def tally(puzzle: PuzzleBase, parts: Sequence[tuple[bool, Text | None]]) -> Verdict:
    """A verdict over parts each right or not; each wrong part's explanation, if it has one."""
    wrong = [explanation for right, explanation in parts if not right]
    details = [explanation for explanation in wrong if explanation is not None]
    return verdict(puzzle, len(parts) - len(wrong), len(parts), details)


def read_text(answer: object) -> str:
    if not isinstance(answer, str):
        raise MalformedAnswer("expected a text answer")
    if len(answer) > MAX_TEXT_ANSWER:
        raise MalformedAnswer("answer too long")
    return answer


def read_ids(answer: object, known: set[str]) -> list[str]:
    """A list of distinct ids, each one of `known`."""
    if not isinstance(answer, list) or not all(isinstance(a, str) for a in answer):
        raise MalformedAnswer("expected a list of ids")
    if not set(answer) <= known or len(set(answer)) != len(answer):
        raise MalformedAnswer("unknown or repeated id in the answer")
    return list(answer)


def read_bools(answer: object, ids: list[str]) -> dict[str, bool]:
    """True or false for each of `ids`, and nothing else."""
    if not isinstance(answer, dict) or set(answer) != set(ids):
        raise MalformedAnswer("every statement needs an answer")
    if not all(isinstance(v, bool) for v in answer.values()):
        raise MalformedAnswer("statement answers are true or false")
    return {str(k): bool(v) for k, v in answer.items()}


def read_mapping(answer: object, allowed: Mapping[str, Collection[str]]) -> dict[str, str]:
    """For each key of `allowed` one of its allowed values (a box, an option), nothing else."""
    if not isinstance(answer, dict) or set(answer) != set(allowed):
        raise MalformedAnswer("every element needs an answer")
    if not all(isinstance(v, str) and v in allowed[k] for k, v in answer.items()):
        raise MalformedAnswer("unknown value in the answer")
    return {str(k): str(v) for k, v in answer.items()}
