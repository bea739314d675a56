"""`feed`: a social feed to triage, each post into one of the boxes (e.g. fiable / à vérifier)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from gardiens.core.diagnostics import N_
from gardiens.core.puzzles.base import D_, Identifier, PuzzleBase, Strict, Text
from gardiens.core.puzzles.categorise import CategoriesKind, Category


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


class FeedKind(CategoriesKind[Feed]):
    model = Feed
    label = N_("Fil d'actu à trier")
    sign = "#"
    seconds = 30

    def contents(self, puzzle: Feed) -> tuple[list[Category], list[FeedPost]]:
        return puzzle.categories, puzzle.posts
