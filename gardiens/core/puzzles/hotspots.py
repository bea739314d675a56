"""`hotspots`: regions to find on an image."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Literal

from pydantic import Field, StrictBool

from gardiens.core.diagnostics import N_
from gardiens.core.puzzles.answers import Answer, Journaled, Verdict, read_ids, tally
from gardiens.core.puzzles.base import D_, Identifier, PuzzleBase, Strict, Text
from gardiens.core.puzzles.kind import Effort, PuzzleKind


class Region(Strict):
    """A rectangle on the image, in fractions of its width and height (0 to 1)."""

    id: Identifier
    label: Text
    x: float = Field(ge=0, le=1)
    y: float = Field(ge=0, le=1)
    w: float = Field(gt=0, le=1)
    h: float = Field(gt=0, le=1)
    correct: StrictBool = Field(
        description=D_("true si cette zone fait partie de ce qu'il faut trouver.")
    )
    feedback: Text | None = None

    def contains(self, fx: float, fy: float) -> bool:
        return self.x <= fx <= self.x + self.w and self.y <= fy <= self.y + self.h


class Hotspots(PuzzleBase):
    """Regions to find on an image; every correct region must be found, no wrong one chosen."""

    type: Literal["hotspots"]
    image: str = Field(description=D_("L'image où chercher, relative au dossier de la mission."))
    regions: list[Region] = Field(min_length=1, max_length=12)


class HotspotsKind(PuzzleKind[Hotspots]):
    model = Hotspots
    label = N_("Zones sur une image")
    sign = "(+)"

    def check(self, puzzle: Hotspots, answer: object, rewards: Mapping[str, str]) -> Verdict:
        chosen = set(read_ids(answer, {r.id for r in puzzle.regions}))
        return tally(
            puzzle,
            [
                ((r.id in chosen) == r.correct, r.feedback if r.id in chosen else None)
                for r in puzzle.regions
            ],
        )

    def solution(self, puzzle: Hotspots, rewards: Mapping[str, str]) -> Answer:
        return [r.id for r in puzzle.regions if r.correct]

    def wrong_answer(
        self, puzzle: Hotspots, rewards: Mapping[str, str], rng: random.Random
    ) -> Answer:
        right = [r.id for r in puzzle.regions if r.correct]
        wrong = [r.id for r in puzzle.regions if not r.correct]
        return [*right, rng.choice(wrong)] if wrong else right[:-1]

    def journaled(self, puzzle: Hotspots, answer: object) -> Journaled:
        return read_ids(answer, {r.id for r in puzzle.regions})

    def effort(self, puzzle: Hotspots) -> Effort:
        return Effort(40, len(puzzle.regions))
