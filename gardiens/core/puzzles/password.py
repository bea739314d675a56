"""`password`: a password to build against a strength meter; what is typed is never stored."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Literal, TypeAlias

from pydantic import Field

from gardiens.core.diagnostics import N_
from gardiens.core.puzzles.answers import (
    Answer,
    Explanation,
    Journaled,
    Verdict,
    normalise,
    read_text,
    tally,
)
from gardiens.core.puzzles.base import D_, PuzzleBase, Strict, Text
from gardiens.core.puzzles.kind import Effort, PuzzleKind

PasswordRuleKind: TypeAlias = Literal[
    "min_length", "lowercase", "uppercase", "digit", "symbol", "avoid"
]


class PasswordRule(Strict):
    kind: PasswordRuleKind
    value: int | None = Field(
        default=None, ge=1, le=64, description=D_("Pour min_length : la longueur.")
    )
    words: list[str] = Field(
        default_factory=list,
        description=D_("Pour avoid : les mots (sur la personne) à ne pas utiliser."),
    )
    label: Text = Field(description=D_("La règle, telle qu'affichée à côté de la jauge."))
    feedback: Text = Field(description=D_("Explication quand la règle n'est pas respectée."))


class Password(PuzzleBase):
    """A password to build against a strength meter; what is typed is never stored."""

    type: Literal["password"]
    persona: Text = Field(description=D_("Ce qu'on sait de la personne (ses mots interdits)."))
    rules: list[PasswordRule] = Field(min_length=1, max_length=8)
    max_length: int = Field(default=32, ge=8, le=64)


def rule_met(rule: PasswordRule, password: str) -> bool:
    """Whether `password` keeps one rule of the strength meter."""
    match rule.kind:
        case "min_length":
            return len(password) >= (rule.value or 12)
        case "lowercase":
            return any(c.islower() for c in password)
        case "uppercase":
            return any(c.isupper() for c in password)
        case "digit":
            return any(c.isdigit() for c in password)
        case "symbol":
            return any(not c.isalnum() and not c.isspace() for c in password)
        case "avoid":
            flat = normalise(password)
            return not any(normalise(w) and normalise(w) in flat for w in rule.words)
    return False


def strong_password(puzzle: Password) -> str:
    """A password that keeps every rule: words a team might pick, made long and varied."""
    length = max([r.value or 12 for r in puzzle.rules if r.kind == "min_length"], default=12)
    candidate = "Kayak-Nuage-Violet-47!"
    while len(candidate) < length:
        candidate += "-Zebre8"
    if all(rule_met(r, candidate) for r in puzzle.rules):
        return candidate
    return "Qw!" + "x7" * length


class PasswordKind(PuzzleKind[Password]):
    model = Password
    label = N_("Mot de passe")
    sign = "***"

    def check(self, puzzle: Password, answer: object, rewards: Mapping[str, str]) -> Verdict:
        password = read_text(answer)
        return tally(
            puzzle,
            [Explanation(r.label, None, rule_met(r, password), r.feedback) for r in puzzle.rules],
        )

    def solution(self, puzzle: Password, rewards: Mapping[str, str]) -> Answer:
        return strong_password(puzzle)

    def wrong_answer(
        self, puzzle: Password, rewards: Mapping[str, str], rng: random.Random
    ) -> Answer:
        words = [w for r in puzzle.rules if r.kind == "avoid" for w in r.words]
        return (words[0] if words else "") + "123"

    def journaled(self, puzzle: Password, answer: object) -> Journaled:
        # A password, even a weak one, is never written anywhere.
        return None

    def effort(self, puzzle: Password) -> Effort:
        return Effort(60, len(puzzle.rules))
