"""Lumi's briefing gives its story the room it needs: nothing of it is cut, whatever the text
size and spacing; Lumi shrinks first, then the story is told in pages."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from gardiens.core.library import load_library
from gardiens.core.model import Mission
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.screens.lobby import BriefingScreen
from gardiens.ui.text import TEXT_FLOORS
from gardiens.ui.theme import Settings

SENTENCE = "Le Brouillard numéro {n} a caché un morceau du message de Lumi."
LONG = " ".join(SENTENCE.format(n=n + 1) for n in range(16))


def briefing(pilot: Pilot) -> BriefingScreen:
    assert pilot.clock is not None
    stage(pilot.app, pilot.clock, screen="briefing")
    pilot.settle()
    screen = pilot.app.top
    assert isinstance(screen, BriefingScreen)
    return screen


def stories(pilot: Pilot) -> list[str]:
    return [fit.text for fit in pilot.fits() if fit.name == "briefing-story"]


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_a_story_too_long_for_the_bubble_is_told_in_pages_never_cut(
    mission: Mission, pilots: list[Pilot], size: tuple[int, int],
) -> None:
    # GIVEN a story far longer than the bubble, in the largest and widest text
    long = mission.model_copy(update={"briefing": LONG})
    pilot = Pilot.launch({long.id: long}, size=size, settings=Settings(text_step=2, spacing="wide"))
    pilots.append(pilot)
    screen = briefing(pilot)
    assert screen.small_lumi
    scale = size[1] / 1080
    # WHEN the team turns its pages to the end
    seen: list[str] = []
    while True:
        # THEN each page shows its sentences whole, never under the floor; the page count and the button to
        # start stay there
        fits = [fit for fit in pilot.fits() if fit.name == "briefing-story"]
        assert fits and all(fit.fit and not fit.cut and fit.size >= TEXT_FLOORS[fit.kind] * scale for fit in fits), fits
        seen += stories(pilot)
        assert [fit.name for fit in pilot.fits() if fit.name == "story-page"] == ["story-page"]
        assert pilot.find("start").rect.h >= 64 * scale
        if not pilot.has("story:next"):
            break
        assert pilot.find("story:next").rect.h >= 64 * scale
        pilot.tap("story:next")
    assert len(seen) > 1
    assert " ".join(seen) == LONG
    # AND the team can go back a page, or start from the last one
    pilot.tap("story:back")
    assert stories(pilot) == seen[-2:-1]
    pilot.tap("start")
    assert pilot.screen == "map"


def test_a_story_that_fits_beside_lumi_has_no_pages(launch: Callable[..., Pilot]) -> None:
    pilot = launch(size=(1280, 800))
    screen = briefing(pilot)
    assert not screen.small_lumi
    assert len(stories(pilot)) == 1
    assert not pilot.has("story:next") and not pilot.has("story:back")
    assert not [fit for fit in pilot.fits() if fit.name == "story-page"]


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_each_bundled_story_is_told_whole_at_its_size_in_the_largest_widest_text(
    pilots: list[Pilot], size: tuple[int, int],
) -> None:
    # GIVEN every bundled mission, in the largest and widest text
    library = load_library()
    for mission, folder in library.values():
        for band in mission.ages:
            pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: folder.parent}, size=size,
                                 age=band, settings=Settings(text_step=2, spacing="wide"))
            pilots.append(pilot)
            # WHEN its briefing shows
            briefing(pilot)
            # THEN the story is whole on one page, never under the floor
            fits = [fit for fit in pilot.fits() if fit.name == "briefing-story"]
            assert len(fits) == 1 and fits[0].fit and not fits[0].cut, (mission.id, band)
            assert fits[0].size >= TEXT_FLOORS[fits[0].kind] * size[1] / 1080, (mission.id, band)
            assert not pilot.has("story:next")
            pilot.close()
            pilots.remove(pilot)
