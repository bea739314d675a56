"""The `qps` pseudo-locale (every text about 40 % longer) fits every screen and every puzzle type."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from gardiens.core.loader import load_mission
from gardiens.core.model import Mission
from gardiens.i18n.pseudo import PSEUDO_LANGUAGE
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import SCREENS, stage

HERE = Path(__file__).parent
MISSION_DIRS = {"essai-ui": HERE / "essai-ui", "essai-themes": HERE / "essai-themes"}
SIZES = [(1920, 1080), (1280, 800)]


def _load(folder: Path) -> Mission:
    result = load_mission(folder / "scenario.yaml")
    assert result.mission is not None, [d.render() for d in result.diagnostics]
    return result.mission


MISSIONS = {name: _load(folder) for name, folder in MISSION_DIRS.items()}
TARGETS = [("essai-ui", "screen", s) for s in SCREENS] + [
    (name, "puzzle", p.id) for name, mission in MISSIONS.items() for p in mission.puzzles
]


@pytest.fixture
def pilots() -> Iterator[list[Pilot]]:
    opened: list[Pilot] = []
    yield opened
    for pilot in opened:
        pilot.close()


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
