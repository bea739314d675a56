"""What a kiosk open all day keeps in memory: each picture once, at the size drawn; a picture
drawn into a layer not kept beside it; the caches within their byte budgets after a session."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from gardiens.core.model import Mission
from gardiens.testing.soak import Team, launch_kiosk, play_sessions
from gardiens.ui.assets import Assets
from gardiens.ui.bounded import surface_bytes
from tests.ui.conftest import MISSION_DIR

SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300">
<rect width="400" height="300" fill="#88AACC"/>
<text x="200" y="60" font-size="40" text-anchor="middle" fill="#1F2A44">Publié en 2016</text>
</svg>"""


@pytest.fixture
def picture(tmp_path: Path) -> Path:
    path = tmp_path / "page.svg"
    path.write_text(SVG, encoding="utf-8")
    return path


@pytest.fixture
def assets(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Assets, list[Path]]]:
    """Assets that count the pictures they read from disk (with a display: pictures are
    converted for fast drawing)."""
    pygame.display.init()
    pygame.display.set_mode((64, 64))
    pygame.font.init()
    reads: list[Path] = []
    load = Assets._load_fitted

    def counted(path: Path, size: tuple[int, int]) -> pygame.Surface:
        reads.append(path)
        return load(path, size)

    monkeypatch.setattr(Assets, "_load_fitted", staticmethod(counted))
    yield Assets(), reads
    pygame.display.quit()


def test_a_picture_with_words_is_read_once_and_kept_once(
        assets: tuple[Assets, list[Path]], picture: Path) -> None:
    cache, reads = assets
    first = cache.image(picture, (200, 150))
    again = cache.image(picture, (200, 150))
    assert first is not None and again is first and first.get_size() == (200, 150)
    assert reads == [picture]
    # Its words were drawn on the raster read, which is not kept apart.
    assert len(cache._rasters) == 0
    assert cache._images.bytes == surface_bytes(first)


def test_a_picture_read_ahead_is_kept_once_drawn(assets: tuple[Assets, list[Path]], picture: Path) -> None:
    cache, reads = assets
    while not cache.request_image(picture, (200, 150)):
        pygame.time.wait(5)
    assert len(cache._rasters) == 1
    drawn = cache.image(picture, (200, 150))
    assert drawn is not None and reads == [picture]
    assert len(cache._rasters) == 0 and len(cache._images) == 1
    cache.close()


def test_pictures_read_ahead_and_never_drawn_are_let_go(
        assets: tuple[Assets, list[Path]], picture: Path) -> None:
    from gardiens.ui.assets import PENDING_KEPT, RASTER_CACHE_BYTES

    cache, reads = assets
    # GIVEN screens prepared ahead at every text size, whose pictures no team opened
    sizes = [(800 + 12 * step, 600 + 9 * step) for step in range(3 * PENDING_KEPT)]
    for size in sizes:
        cache.request_image(picture, size)
    # WHEN the worker has read the last, while the kiosk went on asking
    while not cache.request_image(picture, sizes[-1]):
        pygame.time.wait(5)
        cache.request_image(picture, sizes[-2])
    # THEN those let go before the worker came to them were never read
    assert len(reads) < len(sizes)
    # AND no more wait than the kiosk keeps, nor more bytes than its budget but for the newest
    assert len(cache._pending) <= PENDING_KEPT
    largest = 4 * sizes[-1][0] * sizes[-1][1]
    assert cache.pending_bytes() + cache._rasters.bytes <= RASTER_CACHE_BYTES + largest
    # AND the newest asked for is ready to be drawn
    assert (picture, sizes[-1]) in cache._rasters
    cache.close()


def test_forgetting_the_pictures_forgets_what_the_audit_was_asked_about(
        assets: tuple[Assets, list[Path]], picture: Path) -> None:
    cache, _reads = assets
    for width in range(100, 400, 10):
        cache.image(picture, (width, width))
    assert cache.cache_sizes()["asked"] == 30
    cache.clear_images()
    assert cache.cache_sizes()["asked"] == 0 and cache.picture_misfits() == []


def test_a_picture_drawn_into_a_layer_is_not_kept_and_its_shape_needs_no_drawing(
        assets: tuple[Assets, list[Path]], picture: Path) -> None:
    cache, reads = assets
    size = cache.fitted_size(picture, (1600, 1600))
    assert size == (1600, 1200) and reads == []
    drawn = cache.image(picture, (1600, 1600), keep=False)
    assert drawn is not None and drawn.get_size() == size
    assert len(cache._images) == 0 and len(cache._rasters) == 0
    # What the audit reports on a picture does not depend on its being kept.
    assert cache.picture_misfits() == []


def test_after_a_session_the_caches_are_within_their_byte_budgets(
        mission: Mission, tmp_path: Path) -> None:
    # GIVEN a kiosk at 1920×1080, the size whose layers are largest
    pilot = launch_kiosk({mission.id: mission}, {mission.id: MISSION_DIR}, (1920, 1080), tmp_path)
    try:
        # WHEN a team plays to the end and the kiosk waits for the next
        play_sessions(pilot, {mission.id: mission}, 1, random.Random(4))
        pilot.wait(5)
        app = pilot.app
        # THEN every cache of surfaces holds no more than its budget
        for cache in (app.assets._texts, app.assets._images, app.assets._rasters, app.assets._icons,
                      app.frame.layers):
            assert cache.bytes <= cache.budget
            assert cache.bytes == sum(surface_bytes(s) for s in cache.values())
        assert app.errors == []
    finally:
        pilot.close()
        pilot.app.session.journal.close()



def test_while_the_kiosk_waits_for_the_next_team_only_the_attract_screen_is_kept(
        mission: Mission, tmp_path: Path) -> None:
    # GIVEN a kiosk where a team played to the end and pressed « Terminer »
    pilot = launch_kiosk({mission.id: mission}, {mission.id: MISSION_DIR}, (1920, 1080), tmp_path)
    try:
        Team(pilot, mission, random.Random(4)).play()
        app = pilot.app
        assert app.frame.layers and app.assets._texts
        fonts = app.assets.cache_sizes()["fonts"]
        if app.music is not None:
            app.music.prepare(mission.theme)
            assert app.music.kept()
        pilot.tap("finish")
        pilot.settle()
        # WHEN it has waited on its attract screen a few seconds
        pilot.wait(4)
        pilot.wait(1)
        # THEN what the team's screens drew is gone: the full-screen layers are the attract
        # screen's own (its night and its fog), no copy is kept under an overlay, no screen is
        # drawn ahead off screen, no picture of the mission is held, and only the fonts of the
        # attract screen's own texts are open
        assert pilot.screen == "attract"
        assert app.assets.cache_sizes()["fonts"] < fonts / 3
        # and no music loop of the last team's mission is kept (none plays while it waits)
        assert app.music is None or app.music.kept() == []
        assert {key[0] for key in app.frame.layers} <= {"night", "fog"}
        assert app.frame.under is None
        assert app.ahead._scratch is None
        assert app.assets.cache_sizes()["images"] == 0
        # (nor its icons: the attract screen's own are drawn again)
        assert app.assets.cache_sizes()["icons"] <= 4
        # AND a second team still plays to the end
        play_sessions(pilot, {mission.id: mission}, 1, random.Random(5))
        assert app.errors == []
    finally:
        pilot.close()
        pilot.app.session.journal.close()


def test_changing_text_settings_all_day_keeps_a_bounded_number_of_fonts_open(
        mission: Mission, tmp_path: Path) -> None:
    from gardiens.ui.assets import FONT_CACHE_BYTES, FONTS_KEPT
    from gardiens.ui.bounded import font_bytes
    from gardiens.ui.text import FACES_KEPT

    # GIVEN a kiosk whose panel is used again and again: every text size, font and spacing
    pilot = launch_kiosk({mission.id: mission}, {mission.id: MISSION_DIR}, (1280, 800), tmp_path)
    try:
        app = pilot.app
        for size in range(10, 200):
            for bold in (False, True):
                app.type.font(size, bold)
        for family in ("andika", "opendyslexic"):
            app.type.family = family
            for size in range(20, 120, 3):
                app.type.font(size)
        for size in range(150, 400, 10):
            app.type.font(size)
        # THEN no more fonts and faces are open than the kiosk keeps, by count and by the most
        # their glyphs may hold
        assert app.assets.cache_sizes()["fonts"] <= FONTS_KEPT
        assert app.type.cache_sizes()["faces"] <= FACES_KEPT
        for fonts in (app.assets._fonts, app.type._faces):
            assert fonts.bytes <= FONT_CACHE_BYTES
            assert fonts.bytes == sum(font_bytes(key[-1]) for key in fonts)
        # AND a font used again is the one kept, not opened anew
        again = app.assets.font("andika", 40)
        assert app.assets.font("andika", 40) is again
    finally:
        pilot.close()
        pilot.app.session.journal.close()


def test_a_storm_of_pasted_emoji_keeps_its_lines_within_their_byte_budget(
        mission: Mission, tmp_path: Path) -> None:
    from gardiens.ui.text import MIXED_CACHE_BYTES

    # GIVEN a kiosk at 1920×1080
    pilot = launch_kiosk({mission.id: mission}, {mission.id: MISSION_DIR}, (1920, 1080), tmp_path)
    try:
        app = pilot.app
        # WHEN hundreds of long lines of emoji (set with the fallback font) are drawn
        for index in range(300):
            app.type._rendered(f"{index} " + "😀🎉👍🏽" * 30, 64, (0, 0, 0), False)
        # THEN the lines kept hold no more than their budget, counted right
        mixed = app.type._mixed
        assert 0 < len(mixed) < 300
        assert mixed.bytes <= MIXED_CACHE_BYTES
        assert mixed.bytes == sum(surface_bytes(s) for s in mixed.values())
    finally:
        pilot.close()
        pilot.app.session.journal.close()
