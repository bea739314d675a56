"""`cookies`: a cookie banner full of traps; refuse, or customise every purpose as expected."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Literal, TypeAlias

from pydantic import Field, StrictBool

from gardiens.core.diagnostics import N_
from gardiens.core.puzzles.answers import (
    Answer,
    Explanation,
    Journaled,
    MalformedAnswer,
    Truth,
    Verdict,
    tally,
    verdict,
)
from gardiens.core.puzzles.base import D_, Identifier, PuzzleBase, Strict, Text
from gardiens.core.puzzles.kind import Effort, PuzzleKind

CookieAction: TypeAlias = Literal["accept_all", "refuse_all", "customise"]


class CookieButton(Strict):
    id: Identifier
    label: Text
    action: CookieAction
    style: Literal["big", "small", "link"] = Field(
        default="big", description=D_("Taille du bouton : les pièges rendent le refus petit.")
    )
    feedback: Text | None = None


class CookiePurpose(Strict):
    id: Identifier
    label: Text
    start: StrictBool = Field(
        description=D_("Case cochée au départ (piège fréquent : tout est coché).")
    )
    expected: StrictBool = Field(description=D_("Réglage attendu."))
    feedback: Text | None = None


class Cookies(PuzzleBase):
    """A cookie banner full of traps: refuse, or customise every purpose as expected."""

    type: Literal["cookies"]
    site: Text = Field(description=D_("Nom du site inventé."))
    banner: Text = Field(description=D_("Le texte du bandeau."))
    buttons: list[CookieButton] = Field(min_length=2, max_length=5)
    purposes: list[CookiePurpose] = Field(default_factory=list, max_length=6)


def _on(value: bool) -> str:
    return "on" if value else "off"


def _button(puzzle: Cookies, answer: object) -> tuple[CookieButton, Mapping[object, str]]:
    """The button pressed, and the answer's switches (not yet checked)."""
    if not isinstance(answer, dict) or not all(isinstance(v, str) for v in answer.values()):
        raise MalformedAnswer("a cookie answer is a button and switches")
    button = {b.id: b for b in puzzle.buttons}.get(str(answer.get("button")))
    if button is None:
        raise MalformedAnswer("unknown button")
    return button, answer


def _explained(button: CookieButton, *, right: bool) -> Explanation:
    """A button's explanation: « accept everything » is the one not to press."""
    side = Truth.LEAVE if button.action == "accept_all" else Truth.PICK
    return Explanation(button.label, side, right, button.feedback)


def _explained_purpose(purpose: CookiePurpose, *, right: bool) -> Explanation:
    return Explanation(purpose.label, Truth.ON if purpose.expected else Truth.OFF, right, purpose.feedback)


class CookiesKind(PuzzleKind[Cookies]):
    model = Cookies
    label = N_("Bandeau de cookies")
    sign = "cookies"

    def check(self, puzzle: Cookies, answer: object, rewards: Mapping[str, str]) -> Verdict:
        button, given = _button(puzzle, answer)
        total = 1 + len(puzzle.purposes)
        if button.action == "accept_all":
            return verdict(puzzle, 0, total, [_explained(button, right=False)])
        buttons = [_explained(b, right=True) for b in puzzle.buttons]
        if button.action == "refuse_all":
            purposes = [_explained_purpose(p, right=True) for p in puzzle.purposes]
            return verdict(puzzle, total, total, [*buttons, *purposes])
        switches = {p.id: given.get(p.id, _on(p.start)) for p in puzzle.purposes}
        if not all(v in ("on", "off") for v in switches.values()):
            raise MalformedAnswer("a switch is on or off")
        purposes = [
            _explained_purpose(p, right=switches[p.id] == _on(p.expected)) for p in puzzle.purposes
        ]
        # The button counts as one right part: it did not accept everything. The buttons'
        # explanations are read only by a team that got everything right.
        if all(p.right for p in purposes):
            return verdict(puzzle, total, total, [*buttons, *purposes])
        return tally(puzzle, [Explanation(button.label, None, True, None), *purposes])

    def solution(self, puzzle: Cookies, rewards: Mapping[str, str]) -> Answer:
        refuse = [b for b in puzzle.buttons if b.action == "refuse_all"]
        if refuse:
            return {"button": refuse[0].id}
        custom = next(b for b in puzzle.buttons if b.action == "customise")
        return {"button": custom.id} | {p.id: _on(p.expected) for p in puzzle.purposes}

    def wrong_answer(
        self, puzzle: Cookies, rewards: Mapping[str, str], rng: random.Random
    ) -> Answer:
        accept = [b for b in puzzle.buttons if b.action == "accept_all"]
        if accept:
            return {"button": rng.choice(accept).id}
        custom = next(b for b in puzzle.buttons if b.action == "customise")
        return {"button": custom.id} | {p.id: _on(p.start) for p in puzzle.purposes}

    def journaled(self, puzzle: Cookies, answer: object) -> Journaled:
        # Rebuilt from the banner's own ids: other keys an answer may carry are not kept.
        button, given = _button(puzzle, answer)
        switches = {
            p.id: given[p.id] for p in puzzle.purposes if given.get(p.id) in ("on", "off")
        }
        return {"button": button.id} | switches

    def effort(self, puzzle: Cookies) -> Effort:
        return Effort(45, len(puzzle.buttons) + len(puzzle.purposes))
