"""The mission map: each tile's title whole, its number, icons and state word apart, whatever
the count of puzzles, the window and the text size; a map too large for one screen turns pages."""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pytest

from gardiens.core.model import Mission
from gardiens.testing.audit import SIZES, look
from gardiens.testing.pilot import Pilot
from gardiens.ui.screens.play import MapScreen, PuzzleTile
from gardiens.ui.theme import TEXT_STEPS
from tests.ui.conftest import MISSION_DIR, launch_staged

# Titles of the length authors write, for the puzzles added to the test mission.
TITLES = [
    "Qui a publié cette photo ?",
    "Le compte qui n'existait pas",
    "Vrai, faux ou à vérifier ?",
    "Le site qui se moque de tout",
    "Une vidéo sortie de son contexte",
    "La rumeur du collège",
    "Le titre trop beau pour être vrai",
    "Remonter le temps",
]

Map = Callable[..., Pilot]


def crowded(mission: Mission, count: int) -> Mission:
    """The test mission with `count` puzzles (at most 16), its goal last: its own puzzles, then
    copies of them under new titles, each opened by the first puzzle."""
    goal = mission.puzzle(mission.goal)
    others = [p for p in mission.puzzles if p.id != mission.goal]
    copies = [
        p.model_copy(update={"id": f"bis{i}-{p.id}", "title": title, "requires": [others[0].id],
                             "rewards": [r.model_copy(update={"id": f"bis{i}-{r.id}"}) for r in p.rewards]})
        for i, (p, title) in enumerate(zip([*others, others[0]], TITLES, strict=True))]
    puzzles = [*others, *copies][: count - 1]
    first = puzzles[0] if puzzles else goal
    goal = goal.model_copy(update={"requires": [first.id] if puzzles else []})
    return mission.model_copy(update={"puzzles": [*puzzles, goal]})


@pytest.fixture
def on_map(mission: Mission, pilots: list[Pilot]) -> Map:
    """Start a pilot on the map of the test mission grown to `count` puzzles."""

    def start(count: int, *, language: str = "fr", size: tuple[int, int] = (1920, 1080), step: int = 0) -> Pilot:
        grown = crowded(mission, count)
        return launch_staged(pilots, {grown.id: grown}, {grown.id: MISSION_DIR}, "map", language=language, size=size,
                             step=step)

    return start


def tiles(pilot: Pilot) -> list[PuzzleTile]:
    return [w for w in pilot.app.all_widgets() if isinstance(w, PuzzleTile)]


def screen(pilot: Pilot) -> MapScreen:
    top = pilot.app.top
    assert isinstance(top, MapScreen)
    return top


def test_the_crowded_mission_has_sixteen_puzzles_and_its_goal_last(mission: Mission) -> None:
    grown = crowded(mission, 16)
    assert len(grown.puzzles) == 16 and len({p.id for p in grown.puzzles}) == 16
    assert grown.puzzles[-1].id == grown.goal


@pytest.mark.parametrize("step", range(len(TEXT_STEPS)))
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("count", [1, 5, 8, 12, 16])
def test_every_tile_is_whole_and_nothing_overlaps(on_map: Map, count: int, size: tuple[int, int],
                                                  step: int) -> None:
    # GIVEN a map of `count` puzzles at this size and text size
    pilot = on_map(count, size=size, step=step)
    shown = screen(pilot)
    seen: list[str] = []
    for page in range(shown.pages):
        if page:
            pilot.tap("map-next")
        # WHEN each page is drawn
        problems = look(pilot)
        fits = {fit.name: fit for fit in pilot.app.type.report}
        # THEN each tile's title and state word are drawn whole, at their size
        for tile in tiles(pilot):
            seen.append(tile.name)
            for name in (tile.name, f"{tile.name}-state"):
                fit = fits[name]
                assert fit.fit and not fit.cut and not fit.shrunk, fit
            # AND its badge, mark, number, title and state word lie apart, inside the tile
            parts = tile.parts(pilot.app)
            inks = {"number": next(pygame.Rect(f.ink) for f in pilot.app.type.report
                                   if f.text == str(tile.number) and tile.rect.contains(pygame.Rect(f.ink))),
                    "title": pygame.Rect(fits[tile.name].ink),
                    "status": pygame.Rect(fits[f"{tile.name}-state"].ink)}
            drawn = {**{k: v for k, v in parts.items() if k in ("badge", "mark")}, **inks}
            for name, rect in drawn.items():
                assert tile.rect.contains(rect), (tile.name, name)
                others = [r for other, r in drawn.items() if other != name]
                assert rect.collidelist(others) == -1, (tile.name, name)
        # AND the audit finds nothing on the page
        assert problems == []
    # AND every puzzle has had its tile, once
    assert len(seen) == count and len(set(seen)) == count


@pytest.mark.parametrize("language", ["fr", "en"])
def test_sixteen_puzzles_are_shown_on_pages_with_arrows(on_map: Map, language: str) -> None:
    # GIVEN a map of 16 puzzles on the large screen
    pilot = on_map(16, language=language)
    shown = screen(pilot)
    # THEN it has pages, and the count says which one is on show
    assert shown.pages >= 2
    first = [t.number for t in tiles(pilot)]
    assert first[0] == 1
    look(pilot)
    assert [f.text for f in pilot.app.type.report if f.name == "map-page"] == [f"1 / {shown.pages}"]
    assert not pilot.find("map-previous").enabled
    # WHEN the team turns to the next page
    pilot.tap("map-next")
    # THEN the next tiles show, numbered on from the first page
    second = [t.number for t in tiles(pilot)]
    assert second[0] == first[-1] + 1
    assert pilot.find("map-previous").enabled
    # AND the previous arrow brings the first page back
    pilot.tap("map-previous")
    assert [t.number for t in tiles(pilot)] == first


@pytest.mark.parametrize("count", [1, 8])
def test_a_map_that_fits_has_no_pages(on_map: Map, count: int) -> None:
    pilot = on_map(count, size=(1280, 800))
    assert screen(pilot).pages == 1
    assert "map-next" not in pilot.names() and "map-previous" not in pilot.names()
    assert len(tiles(pilot)) == count
