"""The `qps` pseudo-locale (every text about 40 % longer) fits every screen and every puzzle type."""

from __future__ import annotations

from pathlib import Path

import pytest

from gardiens.i18n.pseudo import PSEUDO_LANGUAGE
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import CHECK_SCREENS, SCREENS, stage
from tests.ui.conftest import load

HERE = Path(__file__).parent
MISSION_DIRS = {"essai-ui": HERE / "essai-ui", "essai-themes": HERE / "essai-themes"}
SIZES = [(1920, 1080), (1280, 800)]


MISSIONS = {name: load(folder / "scenario.yaml") for name, folder in MISSION_DIRS.items()}
TARGETS = [("essai-ui", "screen", s) for s in SCREENS if s not in CHECK_SCREENS] + [
    (name, "puzzle", p.id) for name, mission in MISSIONS.items() for p in mission.puzzles
]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(("mission_name", "kind", "name"), TARGETS)
def test_pseudo_locale_fits(
    pilots: list[Pilot], mission_name: str, kind: str, name: str, size: tuple[int, int]
) -> None:
    # GIVEN a kiosk showing the pseudo-locale over a session in the mission's own language
    mission = MISSIONS[mission_name]
    pilot = Pilot.launch(
        {mission.id: mission},
        mission_dirs={mission.id: MISSION_DIRS[mission_name]},
        size=size,
        language=PSEUDO_LANGUAGE,
    )
    pilots.append(pilot)
    # WHEN the screen or puzzle is on show
    if kind == "screen":
        stage(pilot.app, pilot.clock, screen=name)
    else:
        stage(pilot.app, pilot.clock, puzzle=name)
    pilot.settle()
    # THEN it is really in the pseudo-locale, and every text block fits its box
    report = pilot.fits()
    assert pilot.app.language == PSEUDO_LANGUAGE
    assert any(fit.text.startswith("[") for fit in report), [f.text for f in report]
    overflowing = [f for f in report if not f.fit]
    assert not overflowing, overflowing
