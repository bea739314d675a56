"""A puzzle a team may open next from the map is prepared ahead and kept drawn: the tap on its tile
shows that very screen, its pixels copied (the countdown and the progress brought up to date),
exactly as drawing it anew would show it. Whenever the session has moved on since, the puzzle is
made and drawn as before."""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pytest

from gardiens.core.commands import AddTime
from gardiens.core.model import Mission
from gardiens.testing.pilot import Pilot
from gardiens.ui.screens.play import PopUp, PuzzleScreen, ready_puzzle

from .conftest import to_map
from .test_ahead import drain
from .test_kept_frame import _as_whole


def _on_map_prepared(launch: Callable[..., Pilot], mission: Mission, size: tuple[int, int]) -> tuple[Pilot, str]:
    """A team on the map, everything prepared, and the first puzzle open there."""
    pilot = launch(size=size)
    to_map(pilot)
    pilot.settle()
    assert pilot.screen == "map"
    drain(pilot)
    app = pilot.app
    first = next(p.id for p in mission.puzzles if app.state.puzzles[p.id].state.name == "AVAILABLE")
    return pilot, first


def _drawn_puzzles(monkeypatch: pytest.MonkeyPatch) -> list[PuzzleScreen]:
    """The puzzle screens drawn from now on."""
    drawn: list[PuzzleScreen] = []
    draw = PuzzleScreen.draw

    def noted(screen: PuzzleScreen, surface: pygame.Surface) -> None:
        drawn.append(screen)
        draw(screen, surface)

    monkeypatch.setattr(PuzzleScreen, "draw", noted)
    return drawn


def _window(pilot: Pilot) -> bytes:
    assert pilot.app.surface is not None
    return pygame.image.tobytes(pilot.app.surface, "RGB")


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_a_puzzle_prepared_on_the_map_opens_with_its_kept_pixels_as_a_whole_repaint_shows_it(
        launch: Callable[..., Pilot], mission: Mission, monkeypatch: pytest.MonkeyPatch,
        size: tuple[int, int]) -> None:
    # GIVEN a team on the map, the first puzzle prepared and kept drawn
    pilot, first = _on_map_prepared(launch, mission, size)
    app = pilot.app
    assert app.frame.holds_ready(ready_puzzle(first))
    kept = app.frame.ready[ready_puzzle(first)].screen
    # (and the countdown has gone down since)
    pilot.wait(3)
    drawn = _drawn_puzzles(monkeypatch)
    # WHEN the team taps its tile
    pilot.tap(f"tile:{first}")
    # THEN the screen shown is the one kept, and its first frame did not draw it
    assert app.top is kept
    assert drawn == []
    assert not app.frame.holds_ready(ready_puzzle(first))
    # AND the window shows what drawing it anew shows, countdown included
    assert _window(pilot) == _as_whole(pilot)
    assert drawn == [kept]


def test_its_kept_pixels_are_the_copy_a_pop_up_opened_over_it_finds(
        launch: Callable[..., Pilot], mission: Mission, monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a puzzle just opened from its kept pixels
    pilot, first = _on_map_prepared(launch, mission, (1280, 800))
    pilot.tap(f"tile:{first}")
    app = pilot.app
    assert app.frame.kept is not None
    # WHEN the team at once asks for a hint (the finger's coming down repaints the button alone)
    button = pilot.find("hint").rect.center
    pilot._finger(pygame.FINGERDOWN, button)
    pilot.advance()
    drawn = _drawn_puzzles(monkeypatch)
    pilot._finger(pygame.FINGERUP, button)
    pilot.advance()
    # THEN the pop-up opens over the puzzle without drawing it, as a whole repaint shows it
    assert isinstance(app.top, PopUp)
    assert drawn == []
    assert _window(pilot) == _as_whole(pilot)


def test_a_puzzle_kept_before_the_session_moved_on_is_made_and_drawn_anew(
        launch: Callable[..., Pilot], mission: Mission, monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN the first puzzle kept drawn, then the facilitator adds time (an event of the
    # session) and the team taps at once, before any frame prepares it again
    pilot, first = _on_map_prepared(launch, mission, (1280, 800))
    app = pilot.app
    kept = app.frame.ready[ready_puzzle(first)].screen
    app.command(AddTime(seconds=60))
    assert not app.frame.holds_ready(ready_puzzle(first))
    drawn = _drawn_puzzles(monkeypatch)
    pilot.tap(f"tile:{first}")
    # THEN another screen shows the puzzle, drawn whole
    assert pilot.screen == f"puzzle:{first}"
    assert app.top is not kept
    assert drawn == [app.top]
    assert _window(pilot) == _as_whole(pilot)


def test_a_puzzle_left_for_the_map_is_kept_drawn_again_for_the_next_tap(
        launch: Callable[..., Pilot], mission: Mission, monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a team that opened the first puzzle from its kept pixels, then went back to the map
    pilot, first = _on_map_prepared(launch, mission, (1280, 800))
    pilot.tap(f"tile:{first}")
    pilot.tap("back")
    pilot.settle()
    assert pilot.screen == "map"
    # WHEN the team reads the map a while, then opens the same puzzle again
    drain(pilot)
    app = pilot.app
    assert app.frame.holds_ready(ready_puzzle(first))
    drawn = _drawn_puzzles(monkeypatch)
    pilot.tap(f"tile:{first}")
    # THEN it opens from its kept pixels once more
    assert drawn == []
    assert _window(pilot) == _as_whole(pilot)
