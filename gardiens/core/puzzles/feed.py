"""`feed`: a social feed to triage, each post into one of the boxes (e.g. fiable / à vérifier)."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Literal

from pydantic import Field

from gardiens.core.puzzles.answers import Answer, Journaled, Verdict, read_mapping, verdict
from gardiens.core.puzzles.base import Identifier, PuzzleBase, Strict, Text
from gardiens.core.puzzles.categorise import Category
from gardiens.core.puzzles.kind import Effort, PuzzleKind


class Post(Strict):
    """A post in a made-up social feed: invented authors only, never a real account."""

    id: Identifier
    author: Text = Field(description="Auteur inventé (jamais un vrai compte ni une vraie marque).")
    text: Text
    image: str | None = Field(default=None, description="Image du post, relative au dossier.")
    date: Text | None = Field(
        default=None, description="Date ou ancienneté affichée (ex. « il y a 2 h »)."
    )
    label: Text | None = Field(
        default=None,
        description="Mention affichée sur le post (ex. « Collaboration commerciale »).",
    )


class FeedPost(Post):
    category: Identifier = Field(description="La case où ranger ce post.")
    feedback: Text | None = Field(default=None, description="Explication si le post est mal rangé.")


class Feed(PuzzleBase):
    """A social feed to triage: each post goes into one of the boxes (e.g. fiable / à vérifier)."""

    type: Literal["feed"]
    categories: list[Category] = Field(min_length=2, max_length=4)
    posts: list[FeedPost] = Field(min_length=2, max_length=8)


def _placed(puzzle: Feed, answer: object) -> dict[str, str]:
    boxes = {c.id for c in puzzle.categories}
    return read_mapping(answer, [p.id for p in puzzle.posts], lambda v: v in boxes)


class FeedKind(PuzzleKind[Feed]):
    model = Feed
    label = "Fil d'actu à trier"
    sign = "#"

    def check(self, puzzle: Feed, answer: object, rewards: Mapping[str, str]) -> Verdict:
        placed = _placed(puzzle, answer)
        wrong = [p for p in puzzle.posts if placed[p.id] != p.category]
        return verdict(
            puzzle,
            len(puzzle.posts) - len(wrong),
            len(puzzle.posts),
            [p.feedback for p in wrong if p.feedback is not None],
        )

    def solution(self, puzzle: Feed, rewards: Mapping[str, str]) -> Answer:
        return {p.id: p.category for p in puzzle.posts}

    def wrong_answer(self, puzzle: Feed, rewards: Mapping[str, str], rng: random.Random) -> Answer:
        post = rng.choice(puzzle.posts)
        box = rng.choice([c.id for c in puzzle.categories if c.id != post.category])
        return {p.id: (box if p.id == post.id else p.category) for p in puzzle.posts}

    def journaled(self, puzzle: Feed, answer: object) -> Journaled:
        return _placed(puzzle, answer)

    def effort(self, puzzle: Feed) -> Effort:
        return Effort(30, len(puzzle.posts))
