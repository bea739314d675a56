"""Fixtures of the interface tests: headless SDL, the test mission, and a pilot factory."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pygame
import pytest

from gardiens.core.loader import load_mission
from gardiens.core.model import Mission
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.puzzles.base import PuzzleView
from gardiens.ui.theme import Settings

MISSION_DIR = Path(__file__).parent / "essai-ui"
V = TypeVar("V", bound=PuzzleView)


def display_sent(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """What each frame sends to the display from now on: "all" for a flip, else the rectangles
    updated (the display is still updated)."""
    sent: list[Any] = []
    flip, update = pygame.display.flip, pygame.display.update
    monkeypatch.setattr(pygame.display, "flip", lambda: (sent.append("all"), flip()))

    def updated(*areas: Any) -> None:
        shown = areas[0] if areas else "all"
        sent.extend(shown if isinstance(shown, list) else [shown])
        update(*areas)

    monkeypatch.setattr(pygame.display, "update", updated)
    return sent


def load(scenario: Path) -> Mission:
    """A test mission, which must load without an error."""
    result = load_mission(scenario)
    assert result.mission is not None, [d.render() for d in result.diagnostics]
    return result.mission


@pytest.fixture(scope="session")
def mission() -> Mission:
    return load(MISSION_DIR / "scenario.yaml")


@pytest.fixture
def pilots() -> Iterator[list[Pilot]]:
    """The pilots a test starts: each is closed after the test."""
    started: list[Pilot] = []
    yield started
    for pilot in started:
        pilot.close()


@pytest.fixture
def launch(mission: Mission, pilots: list[Pilot]) -> Callable[..., Pilot]:
    """Start a pilot on the test mission."""

    def start(**options: Any) -> Pilot:
        pilots.append(Pilot.launch({mission.id: mission}, mission_dirs={mission.id: MISSION_DIR}, **options))
        return pilots[-1]

    return start


def launch_staged(pilots: list[Pilot], missions: dict[str, Mission], dirs: dict[str, Path], screen: str, *,
                  language: str, size: tuple[int, int], step: int) -> Pilot:
    """A pilot on `missions` at the text size `step`, staged on `screen` and settled; it is closed
    after the test with the other `pilots`."""
    pilot = Pilot.launch(missions, mission_dirs=dirs, size=size, language=language, settings=Settings(text_step=step))
    pilots.append(pilot)
    stage(pilot.app, pilot.clock, screen=screen, language=language)
    pilot.settle()
    return pilot


def to_map(pilot: Pilot) -> None:
    """From the attract screen to the map, with touches only: start, an age, confirm, start."""
    pilot.tap("start")
    pilot.tap("age:9-12")
    pilot.tap("confirm")
    pilot.tap("start")


def staged_view(pilot: Pilot, puzzle: str, kind: type[V]) -> V:
    """The view of `puzzle`, its screen staged, checked to be a `kind`."""
    stage(pilot.app, pilot.clock, puzzle=puzzle)
    view = pilot.app.top.view  # type: ignore[union-attr]
    assert isinstance(view, kind)
    return view
