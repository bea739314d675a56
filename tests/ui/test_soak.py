"""`gardiens soak`: whole sessions and a storm played through the interface, the memory sampled
after each; what is checked is that they complete and report, not how much memory they use."""

from __future__ import annotations

import random
from pathlib import Path

import pygame
import pytest

from gardiens.cli import main
from gardiens.cli.soak import sparkline
from gardiens.core.model import Mission
from gardiens.testing.soak import launch_kiosk, play_sessions, random_storm
from gardiens.ui.assets import Assets
from gardiens.ui.bounded import SurfaceCache, surface_bytes
from tests.ui.conftest import MISSION_DIR


def test_two_sessions_play_to_the_end_and_give_a_sample_each(mission: Mission, tmp_path: Path) -> None:
    # GIVEN a kiosk with the test mission, its journal on disk
    pilot = launch_kiosk({mission.id: mission}, {mission.id: MISSION_DIR}, (1280, 800), tmp_path)
    try:
        # WHEN two teams play it, one after the other
        samples = play_sessions(pilot, {mission.id: mission}, 2, random.Random(3))
        # THEN each session ended, was sampled, and the kiosk is back on its attract screen
        assert [s.index for s in samples] == [1, 2]
        assert all(s.rss_mb > 0 and s.note.startswith(mission.id) for s in samples)
        assert pilot.screen == "attract"
        assert pilot.app.errors == []
        assert len(pilot.app.session.journal.sessions()) == 2
    finally:
        pilot.close()
        pilot.app.session.journal.close()


def test_a_storm_is_sampled_from_its_start(mission: Mission, tmp_path: Path) -> None:
    pilot = launch_kiosk({mission.id: mission}, {mission.id: MISSION_DIR}, (1280, 800), tmp_path)
    try:
        samples = random_storm(pilot, 0.05, random.Random(5), every=1.0)
        assert samples[0].index == 1 and len(samples) >= 2
        assert pilot.app.errors == []
    finally:
        pilot.close()
        pilot.app.session.journal.close()


def test_a_surface_cache_keeps_its_bytes_under_budget_newest_kept() -> None:
    dropped: list[int] = []
    line = pygame.Surface((100, 10), pygame.SRCALPHA)
    cache: SurfaceCache[int, pygame.Surface] = SurfaceCache(100, 3 * surface_bytes(line), dropped.append)
    for key in range(5):
        cache[key] = line
    cache.get(2)
    cache[5] = line
    assert list(cache) == [4, 2, 5]
    assert dropped == [0, 1, 3]
    assert cache.bytes == 3 * surface_bytes(line)
    huge = pygame.Surface((1000, 100), pygame.SRCALPHA)
    cache[6] = huge
    assert list(cache) == [6]


def test_the_text_cache_stays_within_its_byte_budget() -> None:
    pygame.font.init()
    assets = Assets()
    for n in range(400):
        assets.text(f"{n} " + "une longue ligne de texte " * 8, "andika", 60, (0, 0, 0))
    texts = assets._texts
    assert texts.bytes <= texts.budget
    assert len(texts) < 400


def test_the_command_shows_a_table_and_a_curve(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["soak", "--sessions", "1", "--size", "1280x800"]) == 0
    out = capsys.readouterr().out
    assert "RSS MB" in out and "Après la première partie" in out and "trop court pour le dire" in out
    assert sparkline([1.0, 2.0, 3.0]) == "▁▅█"


def test_a_surface_taken_out_of_its_cache_takes_its_bytes_with_it() -> None:
    line = pygame.Surface((100, 10), pygame.SRCALPHA)
    cache: SurfaceCache[int, pygame.Surface] = SurfaceCache(10, 10 * surface_bytes(line))
    cache[1] = line
    cache[2] = line
    assert cache.pop(1) is line
    assert cache.bytes == surface_bytes(line)
    assert cache.pop(1, None) is None
    with pytest.raises(KeyError):
        cache.pop(1)

