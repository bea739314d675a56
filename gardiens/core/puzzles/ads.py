"""`ads`: influencer posts; tap the ones that are advertising without saying so."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Literal

from pydantic import Field, StrictBool

from gardiens.core.diagnostics import N_
from gardiens.core.puzzles.answers import Answer
from gardiens.core.puzzles.base import D_, PuzzleBase, Text
from gardiens.core.puzzles.feed import Post
from gardiens.core.puzzles.kind import Effort
from gardiens.core.puzzles.picking import Pick, PickingKind


class AdPost(Post):
    hidden_ad: StrictBool = Field(
        description=D_("true si le post est une publicité qui ne le dit pas.")
    )
    feedback: Text | None = None


class Ads(PuzzleBase):
    """Influencer posts: tap the ones that are advertising without saying so."""

    type: Literal["ads"]
    posts: list[AdPost] = Field(min_length=2, max_length=6)


class AdsKind(PickingKind[Ads]):
    model = Ads
    label = N_("Publicités cachées")
    sign = N_("pub")

    def picks(self, puzzle: Ads) -> list[Pick]:
        return [Pick(p.id, p.hidden_ad, p.feedback, p.feedback, p.text) for p in puzzle.posts]

    def wrong_answer(self, puzzle: Ads, rewards: Mapping[str, str], rng: random.Random) -> Answer:
        return [p.id for p in puzzle.posts if not p.hidden_ad][:1]

    def effort(self, puzzle: Ads) -> Effort:
        return Effort(30, len(puzzle.posts))
