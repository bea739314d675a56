"""`hotspots`: regions to find on an image."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Literal

from pydantic import Field, StrictBool

from gardiens.core.diagnostics import N_
from gardiens.core.puzzles.answers import Answer
from gardiens.core.puzzles.base import D_, Identifier, PuzzleBase, Strict, Text
from gardiens.core.puzzles.kind import Effort
from gardiens.core.puzzles.picking import Pick, PickingKind


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


class HotspotsKind(PickingKind[Hotspots]):
    model = Hotspots
    label = N_("Zones sur une image")
    sign = "(+)"

    def picks(self, puzzle: Hotspots) -> list[Pick]:
        return [Pick(r.id, r.correct, r.feedback, None, r.label) for r in puzzle.regions]

    def wrong_answer(
        self, puzzle: Hotspots, rewards: Mapping[str, str], rng: random.Random
    ) -> Answer:
        right = [r.id for r in puzzle.regions if r.correct]
        wrong = [r.id for r in puzzle.regions if not r.correct]
        return [*right, rng.choice(wrong)] if wrong else right[:-1]

    def effort(self, puzzle: Hotspots) -> Effort:
        return Effort(40, len(puzzle.regions))
