"""`feed`: a social feed to triage, each post into one of the boxes (e.g. fiable / à vérifier)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from gardiens.core.diagnostics import N_
from gardiens.core.puzzles.base import D_, Identifier, PuzzleBase, Strict, Text
from gardiens.core.puzzles.categorise import Category
from gardiens.core.puzzles.kind import Effort
from gardiens.core.puzzles.sorting import Placement, SortingKind


class Post(Strict):
    """A post in a made-up social feed: invented authors only, never a real account."""

    id: Identifier
    author: Text = Field(
        description=D_("Auteur inventé (jamais un vrai compte ni une vraie marque).")
    )
    text: Text
    image: str | None = Field(default=None, description=D_("Image du post, relative au dossier."))
    date: Text | None = Field(
        default=None, description=D_("Date ou ancienneté affichée (ex. « il y a 2 h »).")
    )
    label: Text | None = Field(
        default=None,
        description=D_("Mention affichée sur le post (ex. « Collaboration commerciale »)."),
    )


class FeedPost(Post):
    category: Identifier = Field(description=D_("La case où ranger ce post."))
    feedback: Text | None = Field(
        default=None, description=D_("Explication si le post est mal rangé.")
    )


class Feed(PuzzleBase):
    """A social feed to triage: each post goes into one of the boxes (e.g. fiable / à vérifier)."""

    type: Literal["feed"]
    categories: list[Category] = Field(min_length=2, max_length=4)
    posts: list[FeedPost] = Field(min_length=2, max_length=8)


class FeedKind(SortingKind[Feed]):
    model = Feed
    label = N_("Fil d'actu à trier")
    sign = "#"

    def boxes(self, puzzle: Feed) -> list[str]:
        return [c.id for c in puzzle.categories]

    def elements(self, puzzle: Feed) -> list[Placement]:
        labels = {c.id: c.label for c in puzzle.categories}
        return [
            Placement(p.id, p.category, p.feedback, p.text, labels.get(p.category, p.category))
            for p in puzzle.posts
        ]

    def effort(self, puzzle: Feed) -> Effort:
        return Effort(30, len(puzzle.posts))
