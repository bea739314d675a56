"""Hotspots and sorting under the finger: marks that never hide the picture, a score of the
team's own picks, cards that keep their place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from gardiens.core.checkers import solution
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.puzzles.feed import FeedView
from gardiens.ui.puzzles.hotspots import HotspotsView
from gardiens.ui.puzzles.pegi import PegiView
from gardiens.ui.puzzles.social import go_to_page
from gardiens.ui.puzzles.sorting import SortView
from tests.ui.conftest import load, staged_view

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def drawn(pilot: Pilot, name: str) -> list[str]:
    return [fit.text.replace("\u202f", " ").replace("\u00a0", " ") for fit in pilot.fits() if fit.name == name]


def test_the_hotspots_score_counts_the_team_s_picks(launch: Callable[..., Pilot]) -> None:
    # GIVEN a picture with two zones to find and one to leave alone
    pilot = launch()
    staged_view(pilot, "indices", HotspotsView)
    # WHEN the team picks one right zone and the wrong one
    pilot.tap("region:titre")
    pilot.tap("region:ciel")
    pilot.tap("submit")
    # THEN the score speaks of its two picks, not of the three zones
    assert pilot.screen == "feedback"
    assert drawn(pilot, "feedback-score") == ["1 de vos 2 choix est juste."]


def test_the_hotspots_score_in_english(launch: Callable[..., Pilot]) -> None:
    pilot = launch(language="en")
    stage(pilot.app, pilot.clock, puzzle="indices", language="en")
    pilot.tap("region:titre")
    pilot.tap("submit")
    assert drawn(pilot, "feedback-score") == ["Your pick is right, but some are missing."]


def frame(pilot: Pilot) -> pygame.Surface:
    pilot.app.dirty = True
    pilot.advance()
    assert pilot.app.surface is not None
    return pilot.app.surface.copy()


def test_hotspot_marks_hug_their_zone_and_stay_on_the_picture(launch: Callable[..., Pilot]) -> None:
    # GIVEN the picture before any choice
    pilot = launch()
    view = staged_view(pilot, "indices", HotspotsView)
    before = frame(pilot)
    # WHEN the team picks every zone
    for region in view.puzzle.regions:
        pilot.tap(f"region:{region.id}")
    after = frame(pilot)
    # THEN each outline hugs its zone, each number sits inside the picture, apart from the others
    pic = view.picture
    for region in view.puzzle.regions:
        mark = view.mark_rect(region)
        assert pic.contains(mark)
        assert view.region_rect(region).inflate(view.px(16), view.px(16)).contains(mark)
    badges = view.badges()
    assert len(badges) == len(view.puzzle.regions)
    assert all(pic.contains(b) and b.w <= view.px(60) for b in badges)
    assert not any(a.colliderect(b) for i, a in enumerate(badges) for b in badges[i + 1:])
    # AND nothing is drawn over the instruction bar above the picture
    bar = pygame.Rect(0, 0, pilot.app.size[0], pic.y - view.px(10))
    assert pygame.image.tobytes(before.subsurface(bar), "RGB") == pygame.image.tobytes(after.subsurface(bar), "RGB")


def card_rects(pilot: Pilot, prefix: str) -> dict[str, pygame.Rect]:
    return {w.name: w.rect.copy() for w in pilot.app.top.widgets if w.name.startswith(prefix)}  # type: ignore[union-attr]


@pytest.mark.parametrize(("mission", "puzzle", "view_type", "size"), [
    ("infox", "fil-actu", FeedView, (1920, 1080)),
    ("infox", "fil-actu", FeedView, (1280, 800)),
    ("jeux-video", "rayon-jeux", PegiView, (1920, 1080)),
])
def test_sorted_cards_keep_their_place(pilots: list[Pilot], mission: str, puzzle: str, view_type: type[SortView],
                                       size: tuple[int, int]) -> None:
    # GIVEN a sorting puzzle of a bundled mission and where each of its cards and boxes is
    folder = SCENARIOS / mission
    loaded = load(folder / "scenario.yaml")
    pilots.append(Pilot.launch({loaded.id: loaded}, mission_dirs={loaded.id: folder}, size=size))
    pilot = pilots[-1]
    view = staged_view(pilot, puzzle, view_type)
    prefix = f"{view.card_prefix}:"
    first = card_rects(pilot, prefix) | card_rects(pilot, f"{view.box_prefix}:")
    answer = solution(view.puzzle, {})
    assert isinstance(answer, dict) and len(answer) >= 2
    # WHEN the cards are put in their boxes one by one, the first one dragged
    for index, (card, box) in enumerate(answer.items()):
        if isinstance(view, FeedView):
            # A feed too long for the screen turns pages: the boxes stay, the page's cards stay.
            go_to_page(pilot, lambda: view.page, view.page_of[card])
            first = card_rects(pilot, prefix) | card_rects(pilot, f"{view.box_prefix}:")
        if index == 0:
            pilot.drag(f"{prefix}{card}", f"{view.box_prefix}:{box}")
        else:
            pilot.tap(f"{prefix}{card}")
            pilot.tap(f"{view.box_prefix}:{box}")
        # THEN no card and no box has moved, and the sorted card wears its box's name
        assert card_rects(pilot, prefix) | card_rects(pilot, f"{view.box_prefix}:") == first
        assert view.placed[card] == box
        assert drawn(pilot, f"tag:{card}") == [view.box_label(box)]
    # AND taking a card back out moves nothing either
    if isinstance(view, FeedView):
        go_to_page(pilot, lambda: view.page, view.page_of[next(iter(answer))])
        first = card_rects(pilot, prefix) | card_rects(pilot, f"{view.box_prefix}:")
    pilot.drag(f"{prefix}{next(iter(answer))}", "tray")
    assert card_rects(pilot, prefix) | card_rects(pilot, f"{view.box_prefix}:") == first
