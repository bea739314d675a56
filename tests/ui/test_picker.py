"""The kiosk's mission picker: every bundled mission as a card with its whole title, its theme and
its duration, readable and tappable at both window sizes and every text size."""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pytest

from gardiens.core.library import load_library
from gardiens.core.model import Mission
from gardiens.testing.audit import SIZES, look
from gardiens.testing.pilot import Pilot
from gardiens.ui.desk.base import CORNER_TARGET
from gardiens.ui.screens.lobby import HIDDEN_CORNER, THEMES
from gardiens.ui.theme import TEXT_STEPS
from gardiens.ui.widgets.mission_card import MissionCard
from tests.ui.conftest import launch_staged
from tests.ui.test_snapshots import check_snapshot, render

LIBRARY = load_library()


Picker = Callable[..., Pilot]


@pytest.fixture
def picker(pilots: list[Pilot]) -> Picker:
    """Start a kiosk holding every bundled mission, staged on its setup screen."""

    def start(*, language: str = "fr", size: tuple[int, int] = (1920, 1080), step: int = 0) -> Pilot:
        return launch_staged(pilots, {mid: mission for mid, (mission, _) in LIBRARY.items()},
                             {mid: file.parent for mid, (_, file) in LIBRARY.items()}, "setup", language=language,
                             size=size, step=step)

    return start


def cards(pilot: Pilot) -> list[MissionCard]:
    return [w for w in pilot.app.all_widgets() if isinstance(w, MissionCard)]


def test_the_library_has_the_six_missions() -> None:
    assert len(LIBRARY) == 6


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_picker_matches_its_reference(picker: Picker, language: str) -> None:
    # GIVEN a kiosk with the six bundled missions, on its setup screen
    pilot = picker(language=language)
    # THEN it looks like its reference: six illustrated cards, the team, the age, the languages
    check_snapshot(f"screen-picker-{language}", render(pilot))


@pytest.mark.parametrize("step", range(len(TEXT_STEPS)))
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_title_is_whole_and_nothing_overlaps(picker: Picker, language: str, size: tuple[int, int],
                                                   step: int) -> None:
    # GIVEN the picker at this size, in this language and at this text size
    pilot = picker(language=language, size=size, step=step)
    # WHEN it is drawn
    problems = look(pilot)
    fits = {fit.name: fit for fit in pilot.app.type.report}
    # THEN each mission has a card whose title is drawn whole, at its full size
    assert len(cards(pilot)) == len(LIBRARY)
    for card in cards(pilot):
        title = fits[f"{card.name}:title"]
        assert title.fit and not title.cut and not title.shrunk, title
        assert title.text == pilot.app.type.shape(card.title)
        for part in ("theme", "duration"):
            fit = fits[f"{card.name}:{part}"]
            assert fit.fit and not fit.cut, fit
    # AND the audit finds nothing: no text under its floor, cut or overlapping, no target too
    # small, overlapping another or off the screen
    assert problems == []


def test_a_card_shows_the_theme_and_the_duration_for_the_age_band(picker: Picker) -> None:
    pilot = picker()
    infox = next(card for card in cards(pilot) if card.name == "mission:infox")
    mission: Mission = LIBRARY["infox"][0]
    assert infox.theme == "Infox"
    assert infox.duration == f"{mission.minutes('9-12')} min"
    # WHEN the team chooses the older band
    pilot.tap("age:13-16")
    infox = next(card for card in cards(pilot) if card.name == "mission:infox")
    # THEN the card gives that band's duration
    assert infox.duration == f"{mission.minutes('13-16')} min"


def test_tapping_a_card_chooses_its_mission_and_marks_it(picker: Picker) -> None:
    # GIVEN the picker, with its first mission chosen
    pilot = picker()
    first, other = cards(pilot)[0], cards(pilot)[3]
    assert first.selected and not other.selected
    # WHEN the team taps another card
    pilot.tap(other.name)
    # THEN that mission is the one chosen, and only its card is marked
    assert pilot.app.state.mission_id == other.name.split(":", 1)[1]
    marked = [card.name for card in cards(pilot) if card.selected]
    assert marked == [other.name]


def test_the_go_button_covers_nothing_and_waits_for_an_age(picker: Picker) -> None:
    # GIVEN the picker before an age band is chosen
    pilot = picker()
    confirm = pilot.find("confirm")
    assert not confirm.enabled
    heading = [fit.text for fit in pilot.fits() if fit.name == "setup-label"]
    assert heading == ["Choisissez votre âge pour continuer."]
    others = [w.rect for w in pilot.app.all_widgets() if w is not confirm]
    assert confirm.rect.collidelist(others) == -1
    # WHEN an age is chosen
    pilot.tap("age:9-12")
    # THEN the button can be tapped and the heading names the choice
    assert pilot.find("confirm").enabled
    assert [fit.text for fit in pilot.fits() if fit.name == "setup-label"] == ["Votre âge"]


def test_a_mission_without_a_cover_shows_its_theme_emblem(picker: Picker) -> None:
    # GIVEN a card whose mission has no cover picture, drawn alone
    pilot = picker()
    card = cards(pilot)[0]
    bare = MissionCard("mission:bare", card.rect, card.title, card.theme, card.duration, cover=None,
                       emblem=THEMES["infox"].emblem, tint=(10, 20, 30), picture_height=card.picture_height)
    surface = pygame.Surface(pilot.app.size)
    surface.fill((255, 255, 255))
    bare.draw(surface, pilot.app, focused=False, pressed=False)
    # THEN its picture band is the tint, with the emblem drawn over it in a lighter colour
    band = pygame.Rect(card.rect.x, card.rect.y, card.rect.w, card.picture_height).inflate(-40, -40)
    colours = {tuple(surface.get_at((x, y)))[:3] for x in range(band.x, band.right, 4)
               for y in range(band.y, band.bottom, 4)}
    assert (10, 20, 30) in colours
    assert any(sum(c) > 300 for c in colours)


def test_every_theme_has_a_look() -> None:
    from gardiens.core.model import THEMES as NAMES

    assert set(THEMES) == set(NAMES)


def test_nothing_to_tap_lies_in_the_facilitators_corner() -> None:
    assert HIDDEN_CORNER == CORNER_TARGET
