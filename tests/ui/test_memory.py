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
from gardiens.ui.ahead import SWEEP_AT_LATEST
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
        assert app.frame.under is None and app.frame._card_buffer is None
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


def test_a_sweep_lets_go_of_what_was_not_used_since_the_mark() -> None:
    from gardiens.ui.bounded import BoundedCache

    dropped: list[str] = []
    cache: BoundedCache[str, int] = BoundedCache(10, 1000, lambda _key, value: value, dropped.append)
    for key, cost in (("old size", 100), ("both sizes", 50), ("replaced", 10)):
        cache[key] = cost
    # Nothing goes without a mark
    assert cache.sweep() == 0 and len(cache) == 3
    # GIVEN a setting changed (a mark), then the new setting used some entries and made its own
    cache.mark()
    assert cache.get("both sizes") == 50
    cache["replaced"] = 20
    cache["new size"] = 200
    # WHEN the pause comes
    gone = cache.sweep()
    # THEN only what the new setting did not use went, its bytes with it
    assert gone == 1 and dropped == ["old size"]
    assert set(cache) == {"both sizes", "replaced", "new size"}
    assert cache.bytes == 270
    # AND a second sweep without a new mark drops nothing
    assert cache.sweep() == 0


def lines_asked(monkeypatch: pytest.MonkeyPatch) -> set[tuple[object, ...]]:
    """The text lines asked of the pictures' cache from now on, keyed as it keys them."""
    asked: set[tuple[object, ...]] = set()
    text = Assets.text

    def counted(assets: Assets, line: str, family: str, size: int, color: tuple[int, int, int],
                bold: bool = False) -> pygame.Surface:
        asked.add((line, family, bold, size, color))
        return text(assets, line, family, size, color, bold)  # type: ignore[arg-type]

    monkeypatch.setattr(Assets, "text", counted)
    return asked


def test_a_change_of_setting_leaves_nothing_of_the_old_one_after_a_pause(
        mission: Mission, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a team on the map, everything a tap may open prepared at the first text size
    pilot = launch_kiosk({mission.id: mission}, {mission.id: MISSION_DIR}, (1280, 800), tmp_path)
    try:
        app = pilot.app
        Team(pilot, mission, random.Random(4))
        for name in ("start", "age:9-12", "confirm", "start"):
            pilot.tap(name)
        pilot.settle()
        assert pilot.screen == "map"
        pilot.wait(2)
        before = set(app.assets._texts)
        old_palette = app.palette
        assert any(key[-1] == old_palette for key in app.frame.layers)
        asked = lines_asked(monkeypatch)
        # WHEN the team chooses larger text in high contrast, and the kiosk goes on drawing
        for name in ("a11y", "text:2", "contrast:on", "close"):
            pilot.tap(name)
        pilot.settle()
        # THEN nothing goes while it draws (a pause has not come yet)
        assert before <= set(app.assets._texts)
        # WHEN the team reads a moment without touching
        pilot.wait(2)
        # THEN every line kept was asked for under the new setting, the old ones are gone
        kept = set(app.assets._texts)
        assert kept <= asked
        assert not before - asked & kept
        assert before - asked
        # AND no full-screen layer of the old contrast is kept
        assert app.frame.layers
        assert all(key[-1] == app.palette != old_palette for key in app.frame.layers)
        # AND the map still draws, with every text it shows
        app.dirty = True
        pilot.advance()
        assert app.errors == []
        # AND a change made without a touch (the facilitator's reset, in a pause) is let go of
        # in the frames that follow
        app.change_settings(app.settings.with_(text_step=0, high_contrast=False))
        pilot.settle()
        pilot.advance(2)
        assert app.frame.layers
        assert all(key[-1] == app.palette == old_palette for key in app.frame.layers)
    finally:
        pilot.close()
        pilot.app.session.journal.close()


def test_the_heap_goes_back_to_the_system_once_a_pause(
        mission: Mission, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    released: list[float] = []
    monkeypatch.setattr("gardiens.ui.ahead.release_heap", lambda: released.append(pilot.app.time) or True)
    # GIVEN a team on the map, everything prepared
    pilot = launch_kiosk({mission.id: mission}, {mission.id: MISSION_DIR}, (1280, 800), tmp_path)
    try:
        for name in ("start", "age:9-12", "confirm", "start"):
            pilot.tap(name)
        pilot.settle()
        pilot.wait(2)
        released.clear()
        # WHEN the team taps and taps again, less than a second apart
        for _ in range(5):
            pilot.tap("a11y")
            pilot.settle()
            pilot.tap("close")
            pilot.settle()
        # THEN the heap is left alone while it taps
        assert released == []
        # WHEN it then reads a while
        pilot.wait(3)
        pilot.wait(3)
        # THEN the heap was released once, a second after the last touch
        assert len(released) == 1
        assert released[0] - pilot.app.last_input >= 1.0
        # AND once more after the next touch and pause
        pilot.tap("a11y")
        pilot.wait(2)
        assert len(released) == 2
    finally:
        pilot.close()
        pilot.app.session.journal.close()


def test_a_kiosk_fixes_the_heap_thresholds_in_its_first_quiet_moment(
        mission: Mission, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gardiens.ui import bounded

    asked: list[tuple[int, int]] = []
    monkeypatch.setattr(bounded, "_glibc", lambda name: (lambda parameter, value: asked.append((parameter, value)) or 1)
                        if name == "mallopt" else None)
    # WHEN a kiosk starts and draws its first frames
    pilot = launch_kiosk({mission.id: mission}, {mission.id: MISSION_DIR}, (1280, 800), tmp_path)
    try:
        pilot.advance(3)
        # THEN large blocks get pages of their own, at a fixed threshold (not one that rises with
        # each full-screen surface freed), and the top of the heap is kept within its own; once
        assert asked == [(-3, bounded.MMAP_THRESHOLD), (-1, bounded.TRIM_THRESHOLD)]
    finally:
        pilot.close()
        pilot.app.session.journal.close()
    # AND where the C library is not glibc nothing is asked
    monkeypatch.setattr(bounded, "_glibc", lambda name: None)
    assert not bounded.tune_heap()
    monkeypatch.undo()
    # AND glibc accepts both values
    assert bounded.tune_heap() is (bounded._glibc("mallopt") is not None)


def test_a_change_of_setting_is_swept_even_when_the_touches_never_pause(
        mission: Mission, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a team on the map, everything prepared at the first text size
    pilot = launch_kiosk({mission.id: mission}, {mission.id: MISSION_DIR}, (1280, 800), tmp_path)
    try:
        app = pilot.app
        for name in ("start", "age:9-12", "confirm", "start"):
            pilot.tap(name)
        pilot.settle()
        pilot.wait(2)
        before = set(app.assets._texts)
        asked = lines_asked(monkeypatch)
        # WHEN it chooses the largest text, then keeps tapping, never a second apart, for longer
        # than a sweep may wait
        for name in ("a11y", "text:2", "close"):
            pilot.tap(name)
            pilot.wait(0.2)
        for _ in range(int(SWEEP_AT_LATEST / 0.4) + 4):
            pilot.tap("a11y")
            pilot.wait(0.2)
            pilot.tap("close")
            pilot.wait(0.2)
        # THEN the lines of the old size went all the same: every line kept was asked for since
        kept = set(app.assets._texts)
        assert before - asked
        assert kept <= asked
        assert app.errors == []
    finally:
        pilot.close()
        pilot.app.session.journal.close()
