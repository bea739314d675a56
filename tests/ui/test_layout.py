"""Nothing overflows: every text block fits its box, every control is big enough for a finger."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import CHECK_SCREENS, SCREENS, stage
from gardiens.ui.theme import TOUCH, Settings

PUZZLES = ("message", "vrai-faux", "choix", "ordre", "boites", "indices", "annee", "coffre")
# Keys of the on-screen keyboards are the one place allowed below TOUCH, never below this.
MIN_KEY = 80
# The learning check's screens are those of a mission that has one: the audit lays them out.
TARGETS = [("screen", s) for s in SCREENS if s not in CHECK_SCREENS] + [("puzzle", p) for p in PUZZLES]


def staged(launch: Callable[..., Pilot], kind: str, name: str, language: str, size: tuple[int, int],
           settings: Settings | None = None) -> Pilot:
    pilot = launch(language=language, size=size, settings=settings)
    if kind == "screen":
        stage(pilot.app, pilot.clock, screen=name, language=language)
    else:
        stage(pilot.app, pilot.clock, puzzle=name, language=language)
    pilot.settle()
    return pilot


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(("kind", "name"), TARGETS)
def test_every_text_fits_at_1280x800(launch: Callable[..., Pilot], kind: str, name: str, language: str) -> None:
    pilot = staged(launch, kind, name, language, (1280, 800))
    overflowing = [f for f in pilot.fits() if not f.fit]
    assert not overflowing, overflowing


@pytest.mark.parametrize(("kind", "name"), TARGETS)
def test_every_text_fits_with_the_largest_text(launch: Callable[..., Pilot], kind: str, name: str) -> None:
    pilot = staged(launch, kind, name, "fr", (1920, 1080), Settings(text_step=2, font="opendyslexic"))
    overflowing = [f for f in pilot.fits() if not f.fit]
    assert not overflowing, overflowing


@pytest.mark.parametrize(("kind", "name"), TARGETS)
def test_touch_targets_are_big_enough(launch: Callable[..., Pilot], kind: str, name: str) -> None:
    pilot = staged(launch, kind, name, "fr", (1920, 1080))
    small = []
    for widget in pilot.app.all_widgets():
        if not widget.focusable or not widget.enabled:
            continue
        least = MIN_KEY if widget.name.startswith("key:") else TOUCH - 16
        if min(widget.rect.w, widget.rect.h) < least:
            small.append(widget)
    assert not small, small


def test_sizes_scale_with_the_window(launch: Callable[..., Pilot]) -> None:
    big = staged(launch, "screen", "map", "fr", (1920, 1080))
    small = staged(launch, "screen", "map", "fr", (1280, 800))
    assert small.find("pause").rect.w < big.find("pause").rect.w
    assert small.find("tile:message").rect.right <= 1280
