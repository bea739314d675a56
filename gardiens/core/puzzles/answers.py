"""What a team answers and what it is told back: answer shapes, the verdict, and the readers that
refuse an answer whose shape does not fit (a random tap, a paste, a stale screen).

Answers are plain JSON values so that they can be journaled: a string (code, text, cipher),
a list of ids (choice, order, hotspots), or a mapping of ids (true/false, categorise).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TypeAlias

from gardiens.core.puzzles.base import PuzzleBase, Text

Answer: TypeAlias = str | list[str] | dict[str, bool] | dict[str, str]
# What of a wrong answer the journal keeps: ids, a code, a listed mistake's number, or nothing.
Journaled: TypeAlias = Answer | dict[str, int] | None

# Longer answers are refused before any check: nobody types 200 characters into a padlock.
MAX_TEXT_ANSWER = 200


class Truth(Enum):
    """What is right for an item when the puzzle has no words of its own for it: the screen
    says it in the team's language."""

    TRUE = "true"  # a statement that is true
    FALSE = "false"  # a statement that is false
    PICK = "pick"  # a choice, a post or a place to pick
    LEAVE = "leave"  # one to leave alone
    ON = "on"  # a cookie purpose to accept
    OFF = "off"  # one to refuse


@dataclass(frozen=True)
class Explanation:
    """What the team can read about one item of a puzzle (a statement, a post, a choice, a
    setting…): the item in the author's words, what is right for it, whether the team's answer
    got it right, and the author's explanation of why."""

    item: Text | None
    answer: Text | Truth | None
    right: bool
    why: Text | None


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
    """The result of checking an answer: right or wrong, and the explanations to show.

    `details` holds, for a wrong answer, the explanation of each item the team got wrong; for a
    right one, the explanation of every item, so that a team learns from success too. Items
    without an explanation are left out. `score` counts the parts answered right; `picks`, for
    kinds where the team taps elements, its picks."""

    correct: bool
    message: Text
    details: tuple[Explanation, ...] = ()
    score: tuple[int, int] = (0, 1)
    picks: Picks | None = None


class MalformedAnswer(ValueError):
    """An answer whose shape does not fit the puzzle (a random tap, a paste, a stale screen)."""


def normalise(text: str) -> str:
    """Forgive case, accents, spaces and punctuation: « L'Élysée » and "lelysee" match."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = (c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in "".join(kept).casefold() if c.isalnum())


def verdict(puzzle: PuzzleBase, right: int, total: int, items: Sequence[Explanation]) -> Verdict:
    """Right when every part is; the puzzle's feedback, and the explanations of the items: all
    of them when right, the wrongly answered ones when wrong."""
    correct = right == total
    message = puzzle.feedback.right if correct else puzzle.feedback.wrong
    details = tuple(e for e in items if e.why is not None and (correct or not e.right))
    return Verdict(correct, message, details, (right, total))


def tally(puzzle: PuzzleBase, items: Sequence[Explanation]) -> Verdict:
    """A verdict over items each answered right or not, one part each."""
    return verdict(puzzle, sum(e.right for e in items), len(items), items)


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
