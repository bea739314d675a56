"""A feed of posts is laid on pages once for its room and the look of its texts: a tap that
sorts a post lays the screen out again without measuring every post anew."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pygame
import pytest

from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.puzzles.feed import FeedView

from .conftest import load

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def _default_feed(pilots: list[Pilot]) -> Pilot:
    """A kiosk showing the default mission's feed at 1920×1080, in French, settled."""
    folder = SCENARIOS / "infox"
    mission = load(folder / "scenario.yaml")
    puzzle = next(p.id for p in mission.puzzles if p.type == "feed")
    pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: folder}, size=(1920, 1080), language="fr")
    pilots.append(pilot)
    stage(pilot.app, pilot.clock, puzzle=puzzle)
    pilot.settle()
    return pilot


def test_sorting_a_post_lays_the_feed_out_without_measuring_its_posts_again(
        pilots: list[Pilot], monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN the default mission's feed on show
    pilot = _default_feed(pilots)
    app = pilot.app
    measured: list[str] = []
    height = FeedView.post_height
    monkeypatch.setattr(FeedView, "post_height",
                        lambda self, card, width: (measured.append(card), height(self, card, width))[1])
    view = app.top.view
    post = next(w.name for w in app.top.widgets if w.name.startswith("post:"))
    box = next(w.name for w in app.top.widgets if w.name.startswith("box:"))
    # WHEN a team puts a post into a box
    pilot.tap(post)
    pilot.tap(box)
    # THEN the post wears its box's tag, and no post was measured again
    assert isinstance(view, FeedView) and view.placed
    assert measured == []
    # AND a larger text size measures them all again (the pages may change)
    app.change_settings(replace(app.settings, text_step=app.settings.text_step + 1))
    pilot.settle()
    assert set(measured) == {p.id for p in view.puzzle.posts}


def test_a_feed_on_several_pages_shows_its_page_number_between_its_page_buttons(pilots: list[Pilot]) -> None:
    # GIVEN the default mission's feed, whose posts take two pages at 1920×1080
    pilot = _default_feed(pilots)
    app = pilot.app
    view = app.top.view
    assert isinstance(view, FeedView) and view.pages == 2
    # WHEN the screen is on show
    surface = app.surface
    assert surface is not None
    back = next(w.rect for w in app.top.widgets if w.name == "page-previous")
    suite = next(w.rect for w in app.top.widgets if w.name == "page-next")
    between = pygame.Rect(back.x, back.bottom, back.w, suite.y - back.bottom)
    # THEN « 1 / 2 » is drawn there in the soft ink, over the feed's tray
    ink = app.palette.ink_soft[:3]
    inked = sum(surface.get_at((x, y))[:3] == ink for x in range(between.x, between.right)
                for y in range(between.y, between.bottom))
    assert inked > 100
