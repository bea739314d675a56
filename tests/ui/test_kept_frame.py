"""A pop-up a tap opens over a puzzle (a feedback, the hints) finds the puzzle already drawn: a
frame that drew nothing kept it, whole and without what lies over it, in the copy an overlay's
first frame would otherwise draw it into; so did the last frame that drew it whole. That frame
then shows exactly what drawing everything anew shows; whenever the puzzle may look otherwise than
when kept, it is drawn as before."""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pytest

from gardiens.core.model import Mission
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.screens.play import PopUp, PuzzleScreen
from tests.ui.conftest import MISSION_DIR


def _on_puzzle(pilots: list[Pilot], mission: Mission, puzzle: str, size: tuple[int, int]) -> Pilot:
    pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: MISSION_DIR}, size=size, language="fr")
    pilots.append(pilot)
    stage(pilot.app, pilot.clock, puzzle=puzzle)
    pilot.settle()
    return pilot


def _drawing(screen: PuzzleScreen, monkeypatch: pytest.MonkeyPatch) -> list[pygame.Surface]:
    """The surfaces `screen` is drawn on from now on."""
    drawn: list[pygame.Surface] = []
    draw = screen.draw
    monkeypatch.setattr(screen, "draw", lambda surface: (drawn.append(surface), draw(surface)))
    return drawn


def _as_whole(pilot: Pilot) -> bytes:
    """The window as drawing everything anew at this moment shows it."""
    app = pilot.app
    assert app.surface is not None
    app.frame.kept = None
    app.frame.draw(changed=True)
    return pygame.image.tobytes(app.surface, "RGB")


@pytest.mark.parametrize(("puzzle", "size", "taps"), [
    ("choix", (1280, 800), ["choice:partager", "submit"]),
    ("choix", (1920, 1080), ["choice:verifier", "choice:adulte", "submit"]),
    ("message", (1920, 1080), ["hint"]),
    ("annee", (1280, 720), ["hint"]),
])
def test_a_pop_up_a_tap_opens_shows_the_puzzle_kept_under_it_as_a_whole_repaint_would(
        mission: Mission, pilots: list[Pilot], puzzle: str, size: tuple[int, int], taps: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a puzzle on show, its answer chosen, and a frame that drew nothing since
    pilot = _on_puzzle(pilots, mission, puzzle, size)
    app = pilot.app
    for name in taps[:-1]:
        pilot.tap(name)
    pilot.advance(2)
    screen = app.top
    assert isinstance(screen, PuzzleScreen) and app.frame.kept is not None
    # (and the countdown has gone down since: its pill alone was repainted)
    pilot.wait(3)
    # WHEN the team taps the button that opens a pop-up over it
    button = pilot.find(taps[-1]).rect.center
    pilot._finger(pygame.FINGERDOWN, button)
    pilot.advance()
    drawn = _drawing(screen, monkeypatch)
    pilot._finger(pygame.FINGERUP, button)
    pilot.advance()
    # THEN the pop-up's first frame did not draw the puzzle
    assert isinstance(app.top, PopUp) and app.stack[-2] is screen
    assert drawn == []
    assert app.surface is not None
    shown = pygame.image.tobytes(app.surface, "RGB")
    # AND it shows what drawing the puzzle and the pop-up anew shows
    assert shown == _as_whole(pilot)
    assert drawn and app.frame.kept is None


def _whole_frame(pilot: Pilot) -> None:
    pilot.app.dirty = True


def _focus_ring(pilot: Pilot) -> None:
    pilot.app.show_focus = True
    pilot.app.dirty = True


@pytest.mark.parametrize("change", [_whole_frame, _focus_ring])
def test_a_puzzle_drawn_whole_again_is_kept_as_it_now_looks(
        mission: Mission, pilots: list[Pilot], change: Callable[[Pilot], None],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a puzzle kept by a frame that drew nothing
    pilot = _on_puzzle(pilots, mission, "message", (1280, 800))
    app = pilot.app
    pilot.advance(2)
    screen = app.top
    assert isinstance(screen, PuzzleScreen) and app.frame.kept is not None
    # WHEN it is drawn whole again (a change no tap made), or looks otherwise
    change(pilot)
    pilot.advance()
    # THEN that frame drew it into the copy, kept as it looks now
    assert app.frame.kept is not None and app.frame.kept == app.frame.look(screen)
    drawn = _drawing(screen, monkeypatch)
    # AND a tap that opens a pop-up over it at once does not draw it: the pop-up's first frame
    # shows what drawing everything anew shows
    button = pilot.find("hint").rect.center
    pilot._finger(pygame.FINGERDOWN, button)
    pilot.advance()
    drawn.clear()
    pilot._finger(pygame.FINGERUP, button)
    pilot.advance()
    assert isinstance(app.top, PopUp)
    assert drawn == []
    assert app.surface is not None
    assert pygame.image.tobytes(app.surface, "RGB") == _as_whole(pilot)


def test_a_tap_that_changes_the_puzzle_brings_the_copy_kept_up_to_date(
        mission: Mission, pilots: list[Pilot], monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a puzzle kept by a frame that drew nothing
    pilot = _on_puzzle(pilots, mission, "choix", (1280, 800))
    app = pilot.app
    pilot.advance(2)
    screen = app.top
    assert isinstance(screen, PuzzleScreen) and app.surface is not None
    before = app.frame.kept
    assert before is not None
    drawn = _drawing(screen, monkeypatch)
    # WHEN a finger comes down on a choice (drawn pressed: the copy stays as it was)
    choice = pilot.find("choice:partager").rect.center
    pilot._finger(pygame.FINGERDOWN, choice)
    pilot.advance()
    assert app.frame.kept == before
    # AND lifts, the choice now chosen (only its button is repainted)
    pilot._finger(pygame.FINGERUP, choice)
    pilot.advance()
    # THEN the copy kept looks as the puzzle now does, with no drawing of its own
    assert app.frame.kept == app.frame.look(screen) != before
    assert all(surface is app.surface for surface in drawn)
    under = app.frame.under
    assert under is not None
    fresh = pygame.Surface(app.surface.get_size(), 0, app.surface)
    screen.draw(fresh)
    assert pygame.image.tobytes(under[1], "RGB") == pygame.image.tobytes(fresh, "RGB")
    # AND a frame that draws nothing has nothing left to keep
    drawn.clear()
    pilot.advance(2)
    assert drawn == []


def test_the_copy_is_not_kept_on_a_screen_that_cannot_say_how_it_looks(
        mission: Mission, pilots: list[Pilot]) -> None:
    # GIVEN the map, whose look a tap may change in ways it does not describe
    pilot = _on_puzzle(pilots, mission, "message", (1280, 800))
    app = pilot.app
    pilot.tap("back")
    pilot.settle()
    # WHEN frames draw nothing
    pilot.advance(3)
    # THEN nothing is kept
    assert app.frame.kept is None
