"""`chat`: a group chat to read, then the reaction to choose among several."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Literal

from pydantic import Field, StrictBool

from gardiens.core.diagnostics import N_
from gardiens.core.puzzles.answers import Answer, Journaled, Verdict, read_ids
from gardiens.core.puzzles.base import D_, PuzzleBase, Strict, Text
from gardiens.core.puzzles.choice import Choice, check_choices
from gardiens.core.puzzles.kind import Effort, PuzzleKind


class ChatMessage(Strict):
    author: Text = Field(description=D_("Pseudonyme inventé de la personne qui écrit."))
    text: Text
    me: StrictBool = Field(
        default=False, description=D_("true pour un message de la personne qui joue.")
    )


class Chat(PuzzleBase):
    """A group chat to read, then the reaction to choose among several."""

    type: Literal["chat"]
    group: Text = Field(description=D_("Nom du groupe de discussion (inventé)."))
    messages: list[ChatMessage] = Field(min_length=1, max_length=12)
    choices: list[Choice] = Field(min_length=2, max_length=6)
    multiple: StrictBool = False


class ChatKind(PuzzleKind[Chat]):
    model = Chat
    label = N_("Discussion de groupe")
    sign = "..."

    def check(self, puzzle: Chat, answer: object, rewards: Mapping[str, str]) -> Verdict:
        return check_choices(puzzle, puzzle.choices, answer)

    def solution(self, puzzle: Chat, rewards: Mapping[str, str]) -> Answer:
        return [c.id for c in puzzle.choices if c.correct]

    def wrong_answer(self, puzzle: Chat, rewards: Mapping[str, str], rng: random.Random) -> Answer:
        wrong = [c.id for c in puzzle.choices if not c.correct]
        return [rng.choice(wrong)] if wrong else []

    def journaled(self, puzzle: Chat, answer: object) -> Journaled:
        return read_ids(answer, {c.id for c in puzzle.choices})

    def effort(self, puzzle: Chat) -> Effort:
        return Effort(40, len(puzzle.choices) + len(puzzle.messages))
