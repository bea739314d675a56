"""Every screen and every puzzle type, in French and English, compared with reference pictures.

References live in tests/snapshots/ at half scale; they are written only when
GARDIENS_UPDATE_SNAPSHOTS=1. A failing comparison writes expected | actual | difference to
tests/snapshots/_failures/.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from gardiens.core.model import Mission
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import CHECK_SCREENS, SCREENS, stage
from gardiens.ui.theme import Settings

SNAPSHOTS = Path(__file__).resolve().parents[1] / "snapshots"
FAILURES = SNAPSHOTS / "_failures"
SCALE = 0.5
# A pixel counts as different past this colour distance (0..1); the picture fails past this share.
PIXEL_DISTANCE = 0.12
ALLOWED_SHARE = 0.004
PUZZLES = ("message", "vrai-faux", "choix", "ordre", "boites", "indices", "annee", "coffre")


def render(pilot: Pilot) -> pygame.Surface:
    pilot.settle()
    pilot.app.dirty = True
    pilot.advance()
    surface = pilot.app.surface
    assert surface is not None
    w, h = surface.get_size()
    return pygame.transform.smoothscale(surface, (round(w * SCALE), round(h * SCALE)))


def different_pixels(actual: pygame.Surface, expected: pygame.Surface) -> tuple[int, pygame.Surface]:
    """How many pixels differ, and a picture of where (black where they match)."""
    a = pygame.PixelArray(actual.convert())
    b = pygame.PixelArray(expected.convert(actual))
    same = a.compare(b, distance=PIXEL_DISTANCE)
    marks = same.make_surface()
    del a, b, same
    mask = pygame.mask.from_threshold(marks, (0, 0, 0), (1, 1, 1, 255))
    diff = pygame.Surface(actual.get_size())
    diff.fill((0, 0, 0))
    mask.to_surface(diff, setcolor=(255, 0, 80), unsetcolor=(0, 0, 0))
    return mask.count(), diff


def check_snapshot(name: str, actual: pygame.Surface) -> None:
    reference = SNAPSHOTS / f"{name}.png"
    if os.environ.get("GARDIENS_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOTS.mkdir(parents=True, exist_ok=True)
        pygame.image.save(actual, str(reference))
        return
    if not reference.exists():
        pytest.fail(f"no reference picture {reference.name}; run with GARDIENS_UPDATE_SNAPSHOTS=1 to create it")
    expected = pygame.image.load(str(reference))
    if expected.get_size() != actual.get_size():
        pytest.fail(f"{name}: size {actual.get_size()} differs from the reference {expected.get_size()}")
    count, diff = different_pixels(actual, expected)
    share = count / (actual.get_width() * actual.get_height())
    if share > ALLOWED_SHARE:
        FAILURES.mkdir(parents=True, exist_ok=True)
        w, h = actual.get_size()
        sheet = pygame.Surface((w * 3, h))
        sheet.blit(expected, (0, 0))
        sheet.blit(actual, (w, 0))
        sheet.blit(diff, (2 * w, 0))
        out = FAILURES / f"{name}.png"
        pygame.image.save(sheet, str(out))
        pytest.fail(f"{name}: {share:.2%} of the pixels differ from the reference; see {out}")


@pytest.mark.parametrize("language", ["fr", "en"])
# The learning check's screens are those of a mission that has one (tests/ui/test_learning.py).
@pytest.mark.parametrize("screen", [s for s in SCREENS if s not in CHECK_SCREENS])
def test_screen_matches_its_reference(launch: Callable[..., Pilot], screen: str, language: str) -> None:
    # GIVEN a kiosk staged on the screen
    pilot = launch(language=language)
    stage(pilot.app, pilot.clock, screen=screen, language=language)
    # THEN it looks like its reference
    check_snapshot(f"screen-{screen}-{language}", render(pilot))


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("puzzle", PUZZLES)
def test_puzzle_matches_its_reference(launch: Callable[..., Pilot], mission: Mission, puzzle: str,
                                      language: str) -> None:
    pilot = launch(language=language)
    stage(pilot.app, pilot.clock, puzzle=puzzle, language=language)
    check_snapshot(f"puzzle-{mission.puzzle(puzzle).type}-{language}", render(pilot))


def test_every_generic_puzzle_type_has_a_snapshot(mission: Mission) -> None:
    generic = {"code", "choice", "true_false", "order", "categorise", "hotspots", "text", "cipher"}
    assert {mission.puzzle(p).type for p in PUZZLES} == generic


@pytest.mark.parametrize("screen", ["attract", "victory"])
def test_a_still_screen_matches_its_reference(launch: Callable[..., Pilot], screen: str) -> None:
    # GIVEN a kiosk set to reduced motion, staged on a screen that moves otherwise
    pilot = launch(settings=Settings(reduced_motion=True))
    stage(pilot.app, pilot.clock, screen=screen)
    # THEN its still pose looks like its reference
    check_snapshot(f"still-{screen}-fr", render(pilot))


@pytest.mark.parametrize(("screen", "puzzle"), [("briefing", None), (None, "choix")])
def test_wide_spacing_matches_its_reference(launch: Callable[..., Pilot], screen: str | None,
                                            puzzle: str | None) -> None:
    # GIVEN a kiosk set to wide letter, word and line spacing
    pilot = launch(settings=Settings(spacing="wide"))
    stage(pilot.app, pilot.clock, screen=screen, puzzle=puzzle)
    # THEN the screen looks like its reference
    check_snapshot(f"wide-{screen or puzzle}-fr", render(pilot))
