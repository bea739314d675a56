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
from gardiens.ui.puzzles.categorise import CategoriseView
from gardiens.ui.puzzles.feed import FeedView
from gardiens.ui.puzzles.hotspots import HotspotsView
from gardiens.ui.puzzles.pegi import PegiView
from gardiens.ui.puzzles.social import go_to_page
from gardiens.ui.puzzles.sorting import SortView
from gardiens.ui.theme import Settings
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
    ("influence", "hamecons", CategoriseView, (1280, 800)),
    ("jeux-video", "signaux", CategoriseView, (1920, 1080)),
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
    seen: dict[str, pygame.Rect] = {}

    def unmoved() -> bool:
        """Every card and box shown is where it was first seen (a paged tray shows some cards only)."""
        now = card_rects(pilot, prefix) | card_rects(pilot, f"{view.box_prefix}:")
        same = all(seen.get(name, rect) == rect for name, rect in now.items())
        seen.update(now)
        return same

    assert unmoved()
    answer = solution(view.puzzle, {})
    assert isinstance(answer, dict) and len(answer) >= 2
    # WHEN the cards are put in their boxes one by one, the first one dragged
    for index, (card, box) in enumerate(answer.items()):
        if isinstance(view, FeedView):
            # A feed too long for the screen turns pages: the boxes stay, the page's cards stay.
            go_to_page(pilot, lambda: view.page, view.page_of[card])
        if isinstance(view, CategoriseView | PegiView):
            view.turn_to(pilot, view.page_of(card))
        if index == 0:
            pilot.drag(f"{prefix}{card}", f"{view.box_prefix}:{box}")
        else:
            pilot.tap(f"{prefix}{card}")
            pilot.tap(f"{view.box_prefix}:{box}")
        # THEN no card and no box has moved, and the sorted card wears its box's name
        assert unmoved()
        assert view.placed[card] == box
        assert drawn(pilot, f"tag:{card}") == [view.box_label(box)]
    # AND taking a card back out moves nothing either
    first = next(iter(answer))
    if isinstance(view, FeedView):
        go_to_page(pilot, lambda: view.page, view.page_of[first])
    if isinstance(view, CategoriseView | PegiView):
        view.turn_to(pilot, view.page_of(first))
    pilot.drag(f"{prefix}{first}", "tray")
    assert unmoved()
    assert first not in view.placed

def test_pegi_games_are_paged_whole_at_the_largest_text(pilots: list[Pilot]) -> None:
    # GIVEN the PEGI puzzle with the largest text on a small screen
    folder = SCENARIOS / "jeux-video"
    loaded = load(folder / "scenario.yaml")
    pilots.append(Pilot.launch({loaded.id: loaded}, mission_dirs={loaded.id: folder}, size=(1280, 800),
                               settings=Settings(text_step=2)))
    pilot = pilots[-1]
    view = staged_view(pilot, "rayon-jeux", PegiView)
    # WHEN the team turns every page of games
    assert view.page_total > 1
    shown: set[str] = set()
    for page in range(view.page_total):
        view.turn_to(pilot, page)
        pilot.settle()
        # THEN each page shows its games' whole descriptions, and the five boxes stay in place
        cut = [f for f in pilot.fits() if not f.fit]
        assert not cut, cut
        assert all(pilot.has(f"pegi:{age}") for age in ("3", "7", "12", "16", "18"))
        shown |= {name.removeprefix("game:") for name in card_rects(pilot, "game:")}
    # AND every game was on one page
    assert shown == set(view.card_ids())


def test_a_categorise_puzzle_with_many_cards_keeps_its_picture(pilots: list[Pilot]) -> None:
    # GIVEN a puzzle with seven cards to sort and a picture, on a small screen
    folder = SCENARIOS / "influence"
    loaded = load(folder / "scenario.yaml")
    pilots.append(Pilot.launch({loaded.id: loaded}, mission_dirs={loaded.id: folder}, size=(1280, 800)))
    pilot = pilots[-1]
    view = staged_view(pilot, "hamecons", CategoriseView)
    assert len(view.puzzle.items) > 5 and view.puzzle.image
    # THEN the picture shows beside the boxes, apart from them and from the cards
    button = next(w for w in pilot.app.top.widgets if w.name == "picture")  # type: ignore[union-attr]
    others = [r for name, r in (card_rects(pilot, "item:") | card_rects(pilot, "box:")).items()]
    assert not any(button.rect.colliderect(r) for r in others)
    # WHEN it is tapped, it opens full size, and closes again
    pilot.tap("picture")
    assert pilot.screen == "picture"
    pilot.tap("close")
    assert pilot.screen.startswith("puzzle")


@pytest.mark.parametrize(("mission", "puzzle"), [("donnees-personnelles", "post-bavard"),
                                                 ("influence", "photo-retouchee")])
def test_every_hotspot_is_a_finger_wide_and_apart_from_the_others(pilots: list[Pilot], mission: str,
                                                                   puzzle: str) -> None:
    # GIVEN a hotspots puzzle with a thin zone (a caption) on a small screen
    folder = SCENARIOS / mission
    loaded = load(folder / "scenario.yaml")
    pilots.append(Pilot.launch({loaded.id: loaded}, mission_dirs={loaded.id: folder}, size=(1280, 800)))
    pilot = pilots[-1]
    view = staged_view(pilot, puzzle, HotspotsView)
    floor = round(64 * 800 / 1080)
    areas = [view.targets[r.id] for r in view.puzzle.regions]
    # THEN each place is tapped in an area at least a finger wide, holding its zone, crossing no other
    for region, area in zip(view.puzzle.regions, areas, strict=True):
        assert min(area.size) >= floor and area.contains(view.region_rect(region))
    assert not any(a.colliderect(b) and not a.contains(b) and not b.contains(a)
                   for i, a in enumerate(areas) for b in areas[i + 1:])
    # AND a tap just beside a thin zone, inside its area, chooses it
    thin = min(view.puzzle.regions, key=lambda r: view.region_rect(r).h)
    zone, area = view.region_rect(thin), view.targets[thin.id]
    if area.h > zone.h:
        pilot.tap((zone.centerx, area.y if area.y < zone.y else area.bottom - 1))
        assert thin.id in view.chosen
