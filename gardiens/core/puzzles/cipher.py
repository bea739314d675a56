"""`cipher`: a message encrypted with a Caesar shift; the answer is the plain text."""

from __future__ import annotations

import random
import string
from collections.abc import Mapping
from typing import Literal

from pydantic import Field, StrictBool

from gardiens.core.diagnostics import N_
from gardiens.core.puzzles.answers import Answer, Journaled, Verdict, normalise, read_text, verdict
from gardiens.core.puzzles.base import D_, PuzzleBase
from gardiens.core.puzzles.kind import AnswerText, Effort, PuzzleKind, Translate


class Cipher(PuzzleBase):
    """A message encrypted with a Caesar shift whose key is shown; the answer is the plain text."""

    type: Literal["cipher"]
    method: Literal["caesar"] = "caesar"
    shift: int = Field(ge=1, le=25)
    plaintext: str = Field(
        min_length=1, max_length=40, description=D_("Le message en clair, qui est la réponse.")
    )
    show_key: StrictBool = True


def caesar(text: str, shift: int) -> str:
    """Shift every unaccented letter by `shift` places, keeping case and everything else."""
    out = []
    for char in text:
        if char in string.ascii_lowercase:
            out.append(chr((ord(char) - 97 + shift) % 26 + 97))
        elif char in string.ascii_uppercase:
            out.append(chr((ord(char) - 65 + shift) % 26 + 65))
        else:
            out.append(char)
    return "".join(out)


class CipherKind(PuzzleKind[Cipher]):
    model = Cipher
    label = N_("Message chiffré")
    sign = N_("César")

    def check(self, puzzle: Cipher, answer: object, rewards: Mapping[str, str]) -> Verdict:
        given = normalise(read_text(answer))
        ok = bool(given) and given == normalise(puzzle.plaintext)
        return verdict(puzzle, int(ok), 1, [])

    def solution(self, puzzle: Cipher, rewards: Mapping[str, str]) -> Answer:
        return puzzle.plaintext

    def wrong_answer(
        self, puzzle: Cipher, rewards: Mapping[str, str], rng: random.Random
    ) -> Answer:
        coded = caesar(puzzle.plaintext, puzzle.shift)
        return coded if normalise(coded) != normalise(puzzle.plaintext) else "?"

    def journaled(self, puzzle: Cipher, answer: object) -> Journaled:
        # A decoding attempt is typed freely: nothing of it is kept.
        return None

    def effort(self, puzzle: Cipher) -> Effort:
        return Effort(75, 1)

    def answer_texts(self, puzzle: Cipher) -> tuple[AnswerText, ...]:
        return (AnswerText(("plaintext",), puzzle.plaintext, "plaintext"),)

    def in_language(self, puzzle: Cipher, translate: Translate) -> Cipher:
        # The team decodes a word of its own language: the coded message is made from it.
        translations = translate(puzzle.plaintext)
        if not translations:
            return puzzle
        return puzzle.model_copy(update={"plaintext": translations[0]})
