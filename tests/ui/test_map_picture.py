"""The map never waits for its scene picture on a frame: the picture is read on the picture
worker (asked as soon as the team has chosen its mission), plain fog shows for the frames it
may still take, and the scene comes in as soon as it is read."""

from __future__ import annotations

import threading
from pathlib import Path

import pygame
import pytest

from gardiens.core.model import Mission, Scene
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.assets import Assets
from gardiens.ui.screens.play import MapScreen
from gardiens.ui.screens.scene import plain_scene
from tests.ui.conftest import MISSION_DIR


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Each picture read: its file's name, and whether it was read on the thread that draws."""
    seen: list[tuple[str, bool]] = []
    original = Assets._load_fitted

    def spy(path: Path, size: tuple[int, int]) -> pygame.Surface:
        seen.append((path.name, threading.current_thread() is threading.main_thread()))
        return original(path, size)

    monkeypatch.setattr(Assets, "_load_fitted", staticmethod(spy))
    return seen


@pytest.fixture
def pictured(mission: Mission) -> Mission:
    spots = {p.id: (10.0 + 80.0 * i / len(mission.puzzles), 50.0) for i, p in enumerate(mission.puzzles)}
    return mission.model_copy(update={"scene": Scene(picture="scene.svg", spots=spots)})


def test_the_map_shows_plain_fog_until_its_picture_is_read_on_the_worker(
        pictured: Mission, pilots: list[Pilot], reads: list[tuple[str, bool]]) -> None:
    pilot = Pilot.launch({pictured.id: pictured}, mission_dirs={pictured.id: MISSION_DIR}, size=(1280, 720))
    pilots.append(pilot)
    app = pilot.app
    stage(app, pilot.clock, screen="map")
    pilot.advance()
    top = app.top
    assert isinstance(top, MapScreen)
    area = top.area()
    plain = plain_scene(app, area.size)
    assert app.surface is not None
    first = app.surface.subsurface(area).copy()
    # Still on its way: the frame showed the fog and says it will change again.
    assert top.animating()
    fog = pygame.mask.from_threshold(first, plain.get_at((0, 0)), (1, 1, 1, 255)).count()
    assert fog > area.w * area.h // 2
    pilot.settle()
    assert not top.animating()
    assert ("scene.svg", False) in reads
    assert ("scene.svg", True) not in reads
    now = app.surface.subsurface(area).copy()
    assert pygame.mask.from_threshold(now, plain.get_at((0, 0)), (1, 1, 1, 255)).count() < fog // 10
