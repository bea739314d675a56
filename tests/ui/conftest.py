"""Fixtures of the interface tests: headless SDL, the test mission, and a pilot factory."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from gardiens.core.loader import load_mission
from gardiens.core.model import Mission
from gardiens.testing.pilot import Pilot

MISSION_DIR = Path(__file__).parent / "essai-ui"


@pytest.fixture(scope="session")
def mission() -> Mission:
    result = load_mission(MISSION_DIR / "scenario.yaml")
    assert result.mission is not None, [d.render() for d in result.diagnostics]
    return result.mission


@pytest.fixture
def launch(mission: Mission) -> Iterator[Callable[..., Pilot]]:
    """Start a pilot on the test mission; every pilot is closed after the test."""
    pilots: list[Pilot] = []

    def start(**options: Any) -> Pilot:
        pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: MISSION_DIR}, **options)
        pilots.append(pilot)
        return pilot

    yield start
    for pilot in pilots:
        pilot.close()
