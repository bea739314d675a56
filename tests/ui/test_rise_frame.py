"""Animations that repaint part of the window: a pop-up's card rising over the screen below is
drawn once and moved, the map's spots popping in are repainted around them alone. Each frame
shows exactly what a whole repaint shows at that moment, and only those parts go to the
display."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pygame
import pytest

from gardiens.core.model import Mission, Scene
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.assets import Assets
from gardiens.ui.screens.play import MapScreen, PopUp, PuzzleSpot
from tests.ui.conftest import MISSION_DIR, display_sent, launch_staged


@pytest.mark.parametrize(("screen", "size"), [("feedback", (1280, 800)), ("success", (1920, 1080)),
                                              ("hints", (1280, 800)), ("story", (1280, 720))])
def test_each_frame_of_a_rise_looks_as_a_whole_repaint(
        mission: Mission, pilots: list[Pilot], screen: str, size: tuple[int, int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a pop-up over a screen, opened again so that its card rises
    pilot = launch_staged(pilots, {mission.id: mission}, {mission.id: MISSION_DIR}, screen, language="fr",
                          size=size, step=0)
    app = pilot.app
    top = app.top
    assert isinstance(top, PopUp) and app.surface is not None
    top.opened_at = app.time
    app.dirty = True
    pilot.advance()
    sent = display_sent(monkeypatch)
    # WHEN it rises, frame after frame
    shown: list[tuple[float, bytes, list[str]]] = []
    while top.animating():
        drawn = len(sent)
        pilot.advance()
        if len(sent) > drawn:  # the frame after the last drawn nothing
            shown.append((app.time, pygame.image.tobytes(app.surface, "RGB"),
                          [fit.text for fit in app.type.report]))
    # THEN each frame sent only the rows around the card, not the whole window
    assert len(shown) >= 5 and sent and all(isinstance(area, pygame.Rect) for area in sent)
    assert all(area.w * area.h < size[0] * size[1] * 0.8 for area in sent)
    assert top.lift() == 0 and app.frame.risen is None
    # AND each showed what repainting the pop-up over the screen below showed at that moment
    for moment, pixels, texts in shown:
        app.time = moment
        app.frame.draw(changed=False)
        assert pygame.image.tobytes(app.surface, "RGB") == pixels, moment
        assert [fit.text for fit in app.type.report] == texts
        # and the veil laid only around the card is the veil laid over everything, then covered
        under = app.frame.under
        assert under is not None
        around, everywhere = under[1].copy(), under[1].copy()
        top.draw(around)
        top.dim(everywhere)
        top.face(everywhere, top.lift())
        assert pygame.image.tobytes(around, "RGB") == pygame.image.tobytes(everywhere, "RGB")
        # and the frame shows the pop-up as it draws itself over the screen below
        app.frame.draw_above(around)
        assert pygame.image.tobytes(around, "RGB") == pixels, moment
    # AND its buttons are where the card is
    for widget in top.widgets:
        assert top.card().contains(widget.rect)


def test_a_rise_is_drawn_whole_when_the_screens_change(
        mission: Mission, pilots: list[Pilot]) -> None:
    # GIVEN a rising pop-up
    pilot = launch_staged(pilots, {mission.id: mission}, {mission.id: MISSION_DIR}, "hints", language="fr",
                          size=(1280, 800), step=0)
    app = pilot.app
    top = app.top
    assert isinstance(top, PopUp)
    top.opened_at = app.time
    app.dirty = True
    pilot.advance()
    pilot.advance()
    assert app.frame.risen is not None
    # WHEN something changes the screens
    app.dirty = True
    pilot.advance()
    # THEN that frame is drawn whole and the card's copy is let go, drawn again on the next frame
    assert app.frame.risen is None
    pilot.advance()
    assert app.frame.risen is not None and app.frame.risen.screen is top


def test_each_pop_up_draws_its_card_on_the_surface_kept_for_it(
        mission: Mission, pilots: list[Pilot]) -> None:
    # GIVEN a puzzle, the full-screen surfaces a team's frames use prepared
    pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: MISSION_DIR}, size=(1280, 800),
                         language="fr")
    pilots.append(pilot)
    app = pilot.app
    stage(app, pilot.clock, puzzle="message")
    pilot.settle()
    app.frame.prepare_canvases()
    kept = app.frame._card_buffer
    assert kept is not None and kept.get_size() == (1280, 800)
    cards = []
    for _ in range(2):
        # WHEN the hints pop up, rise, and are closed
        pilot.tap("hint")
        pilot.advance(2)
        risen = app.frame.risen
        assert risen is not None and isinstance(app.top, PopUp)
        cards.append(risen.card)
        pilot.settle()
        pilot.tap("close")
        pilot.settle()
        assert not isinstance(app.top, PopUp)
    # THEN each card was drawn on that same surface, none on a surface of its own
    assert all(card.get_parent() is kept for card in cards)
    assert app.frame._card_buffer is kept


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_spots_popping_in_repaint_around_them_alone(
        mission: Mission, pilots: list[Pilot], size: tuple[int, int], monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN the map, the spots that can be played popping in (the first one focused)
    pilot = launch_staged(pilots, {mission.id: mission}, {mission.id: MISSION_DIR}, "map", language="fr",
                          size=size, step=0)
    app = pilot.app
    top = app.top
    assert isinstance(top, MapScreen) and app.surface is not None
    spots = [w for w in top.widgets if isinstance(w, PuzzleSpot) and w.enabled]
    assert spots
    top._pops = {spot.name.removeprefix("tile:"): app.time for spot in spots}
    app.show_focus = True
    top.focus = spots[0].name
    top.refresh()
    app.dirty = True
    pilot.advance()
    sent: list[Any] = []
    monkeypatch.setattr(pygame.display, "flip", lambda: sent.append("all"))
    monkeypatch.setattr(pygame.display, "update", lambda *areas: sent.append(areas[0] if areas else "all"))
    # WHEN they pop in, frame after frame
    shown: list[tuple[float, bytes]] = []
    while top.animating():
        drawn = len(sent)
        pilot.advance()
        if len(sent) > drawn:  # the frame after the last drawn nothing
            shown.append((app.time, pygame.image.tobytes(app.surface, "RGB")))
    # THEN each frame sent only the areas around the medallions (close ones merged, never more
    # than half the window)
    assert len(shown) >= 10 and sent and all(isinstance(areas, list) for areas in sent)
    medallions = [spot.popping_area(top.px) for spot in spots]
    for areas in sent:
        assert sum(area.w * area.h for area in areas) <= size[0] * size[1] // 2
        assert all(any(area.contains(m) for area in areas) for m in medallions)
    # AND each showed what repainting the whole map showed at that moment
    for moment, pixels in shown:
        app.time = moment
        app.frame.draw()
        assert pygame.image.tobytes(app.surface, "RGB") == pixels, moment


def test_the_map_waiting_for_its_picture_draws_nothing_until_it_comes(
        mission: Mission, pilots: list[Pilot], monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a map whose scene picture is still read on the worker (plain fog shown), slowly
    read = Assets._load_fitted

    def slowly(path: Path, size: tuple[int, int]) -> pygame.Surface:
        time.sleep(0.2)
        return read(path, size)

    monkeypatch.setattr(Assets, "_load_fitted", staticmethod(slowly))
    spots = {p.id: (10.0 + 80.0 * i / len(mission.puzzles), 50.0) for i, p in enumerate(mission.puzzles)}
    pictured = mission.model_copy(update={"scene": Scene(picture="scene.svg", spots=spots)})
    pilot = Pilot.launch({pictured.id: pictured}, mission_dirs={pictured.id: MISSION_DIR}, size=(1280, 720))
    pilots.append(pilot)
    app = pilot.app
    stage(app, pilot.clock, screen="map")
    pilot.advance()
    top = app.top
    assert isinstance(top, MapScreen) and app.surface is not None and top.animating()
    sent: list[Any] = []
    monkeypatch.setattr(pygame.display, "flip", lambda: sent.append("all"))
    monkeypatch.setattr(pygame.display, "update", lambda *areas: sent.append(areas[0] if areas else "all"))
    # WHEN frames pass until it comes
    frames = 0
    while top.animating() and frames < 5000:
        pilot.advance()
        frames += 1
        time.sleep(0.001)
    # THEN the frames while it was on its way drew nothing, and the one it came in drew all
    assert frames > 10 and not top.animating() and sent == ["all"]
    shown = pygame.image.tobytes(app.surface, "RGB")
    app.frame.draw()
    assert pygame.image.tobytes(app.surface, "RGB") == shown


@pytest.mark.parametrize("rising", [False, True])
def test_a_second_falling_under_a_pop_up_repaints_its_pill_alone(
        mission: Mission, pilots: list[Pilot], rising: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN the feedback over a puzzle, still or rising
    pilot = launch_staged(pilots, {mission.id: mission}, {mission.id: MISSION_DIR}, "feedback", language="fr",
                          size=(1280, 800), step=0)
    app = pilot.app
    top = app.top
    assert isinstance(top, PopUp) and app.surface is not None and pilot.clock is not None
    # (the first look at the clock after staging sees more than the countdown change)
    pilot.clock.advance(1.0)
    app.follower._last_tick = app.time - 1.0
    pilot.advance()
    if rising:
        top.opened_at = app.time
        app.dirty = True
        pilot.advance()
        pilot.advance()
    sent: list[Any] = []
    flip, update = pygame.display.flip, pygame.display.update
    monkeypatch.setattr(pygame.display, "flip", lambda: (sent.append("all"), flip()))
    monkeypatch.setattr(pygame.display, "update",
                        lambda *areas: (sent.append(areas[0] if areas else "all"), update(*areas)))
    # WHEN the countdown's second changes
    before = pygame.image.tobytes(app.surface, "RGB")
    pilot.clock.advance(1.0)
    app.follower._last_tick = app.time - 1.0  # the next frame looks at the clock
    pilot.advance()
    # THEN only the pill (and the card, while it rises) went to the display, the pill changed
    assert sent and "all" not in sent
    areas = sent[-1] if isinstance(sent[-1], list) else [sent[-1]]
    pill = areas[-1]
    assert pill.w * pill.h < 1280 * 800 / 20
    assert pygame.image.tobytes(app.surface, "RGB") != before
    # AND the window shows what repainting it whole shows
    shown = pygame.image.tobytes(app.surface, "RGB")
    app.frame.draw()
    assert pygame.image.tobytes(app.surface, "RGB") == shown
