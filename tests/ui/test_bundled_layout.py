"""Every puzzle of every bundled mission is readable: no text cut, shrunk too far, or off screen."""

from __future__ import annotations

import pytest

from gardiens.core.library import load_library
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage

LIBRARY = load_library()
SIZES = [(1920, 1080), (1280, 800)]
# Below this (at 1080 lines, scaled with the window) a text is too small to read from a metre.
SMALLEST_TEXT = 18
NARROWEST_BLOCK = 100


def problems(pilot: Pilot, size: tuple[int, int]) -> list[tuple[object, ...]]:
    scale = size[1] / 1080
    found: list[tuple[object, ...]] = []
    for block in pilot.fits():
        x, y, w, h = block.box
        if not block.fit:
            found.append(("cut", block.name, block.text[:40]))
        elif block.size < SMALLEST_TEXT * scale:
            found.append(("tiny", block.name, block.size))
        if x < 0 or y < 0 or x + w > size[0] + 1 or y + h > size[1] + 1:
            found.append(("off screen", block.name, block.box))
        if w < NARROWEST_BLOCK * scale and len(block.text) > 12:
            found.append(("squeezed", block.name, w))
    for widget in pilot.app.all_widgets():
        rect = widget.rect
        if rect.w and (rect.right > size[0] + 1 or rect.bottom > size[1] + 1):
            found.append(("widget off screen", widget.name, tuple(rect)))
    return found


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("mission_id", sorted(LIBRARY))
def test_every_puzzle_fits_in_both_languages_and_bands(mission_id: str, size: tuple[int, int]) -> None:
    mission, path = LIBRARY[mission_id]
    found = []
    for language in ("fr", "en"):
        for age in mission.ages:
            pilot = Pilot.launch(
                {mission.id: mission},
                mission_dirs={mission.id: path.parent},
                size=size,
                language=language,
                age=age,
            )
            try:
                for puzzle in mission.puzzles:
                    stage(pilot.app, pilot.clock, puzzle=puzzle.id, age=age, language=language)
                    pilot.settle()
                    found += [(language, age, puzzle.id, *p) for p in problems(pilot, size)]
            finally:
                pilot.close()
    assert not found, found
