"""`PuzzleKind`: everything the game knows about one kind of puzzle, apart from how it is drawn.

A kind names its pydantic `model` (a `PuzzleBase` whose `type` is a literal), says how an
answer is checked, what a right and a plausibly wrong answer are, what of a wrong answer may be
journaled, how much effort it asks of a team, and how the mission map calls it.
"""

from __future__ import annotations

import random
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar, get_args

from gardiens.core.puzzles.answers import Answer, Journaled, Verdict
from gardiens.core.puzzles.base import PuzzleBase

P = TypeVar("P", bound=PuzzleBase)

# What a source answer is in the team's language: the answers accepted there, none if untranslated.
Translate = Callable[[str], Sequence[str]]


@dataclass(frozen=True)
class AnswerText:
    """A word a team types to answer, written by the author, which a translator translates so
    that a team types it in its own language: an accepted answer, the answer of a listed
    mistake, or the plain text of a cipher."""

    path: tuple[str | int, ...]
    """Where it sits in the puzzle, e.g. ("mistakes", 0, "answers", 1)."""
    text: str
    role: Literal["answer", "mistake", "plaintext"]


@dataclass(frozen=True)
class Effort:
    """What a puzzle asks of an average team the first time: seconds to understand what is
    asked, and how many things there are to read or handle (each adds its own seconds)."""

    seconds: float
    elements: int


class PuzzleKind(ABC, Generic[P]):
    """One kind of puzzle. A subclass sets `model`, `label` and `sign`, and writes every method
    below; an instance goes into `KINDS` (`gardiens.core.puzzles`).

    `journaled` has no default on purpose: each kind decides what of a child's answer may be
    kept, and free text typed by a child never is.
    """

    model: type[P]
    label: str
    """What the mission map calls the kind: a French message id marked with `N_`, translated
    where the map is drawn."""
    sign: str
    """A short sign drawn in the corner of the kind's box on the map ("123"); marked with `N_`
    when it holds words, as the map is translated."""

    def __init__(self) -> None:
        missing = [name for name in ("model", "label", "sign") if not hasattr(self, name)]
        if missing:
            raise TypeError(f"{type(self).__name__} must set {', '.join(missing)}")

    @property
    def name(self) -> str:
        """The `type:` an author writes, read from the model's literal."""
        (name,) = get_args(self.model.model_fields["type"].annotation)
        return str(name)

    @abstractmethod
    def check(self, puzzle: P, answer: object, rewards: Mapping[str, str]) -> Verdict:
        """Is `answer` right, and what does the team learn from it? `rewards` maps every
        reward id to its value. Raises `MalformedAnswer` if the answer's shape does not fit."""

    @abstractmethod
    def solution(self, puzzle: P, rewards: Mapping[str, str]) -> Answer:
        """A right answer, given the values of the rewards the team holds."""

    @abstractmethod
    def wrong_answer(self, puzzle: P, rewards: Mapping[str, str], rng: random.Random) -> Answer:
        """A plausible wrong answer, as a team might give: one swap, one flip, one slip."""

    @abstractmethod
    def journaled(self, puzzle: P, answer: object) -> Journaled:
        """What of a wrong (but well-formed) answer is written to the journal: ids, a code, or
        the number of the listed mistake it matches; never free text a child typed."""

    @abstractmethod
    def effort(self, puzzle: P) -> Effort:
        """What the puzzle asks of a team, for playtests' duration estimates."""

    def answer_texts(self, puzzle: P) -> tuple[AnswerText, ...]:
        """The words a team types to answer, to be translated; most kinds are answered by
        tapping, with nothing to type."""
        return ()

    def in_language(self, puzzle: P, translate: Translate) -> P:
        """The puzzle as a team of another language plays it: its `answer_texts` replaced by
        their translations (kept where there is none)."""
        return puzzle

    def rewards_needed(self, puzzle: P) -> tuple[str, ...]:
        """Rewards whose values the answer is made of: a team holds them before answering."""
        return ()
