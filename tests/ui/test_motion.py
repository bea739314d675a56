"""Reduced motion: the panel's second page turns it on, and every animated screen then stands
still (no frame asks for more, and two frames far apart draw the same pixels)."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.theme import Settings


def frame_at(pilot: Pilot, seconds: float) -> bytes:
    """The picture drawn after `seconds` more of the kiosk's time, the screen redrawn."""
    pilot.app.step(seconds)
    pilot.app.dirty = True
    pilot.app.step(0.0)
    assert pilot.app.surface is not None
    return pygame.image.tobytes(pilot.app.surface, "RGB")


def test_the_panel_turns_to_its_second_page_and_reduces_motion(launch: Callable[..., Pilot]) -> None:
    # GIVEN the accessibility panel open on its first page
    pilot = launch()
    pilot.tap("a11y")
    assert pilot.has("music:off") and not pilot.has("motion:reduced")
    # WHEN the team turns the page and chooses reduced motion
    pilot.tap("a11y-page:2")
    pilot.tap("motion:reduced")
    # THEN the setting holds, and the panel stays on its second page
    assert pilot.app.settings.reduced_motion
    assert pilot.has("spacing:wide") and pilot.has("a11y-page:1")
    pilot.tap("a11y-page:1")
    assert pilot.has("music:off")


def test_the_attract_screen_stands_still(launch: Callable[..., Pilot]) -> None:
    # GIVEN the attract screen, once moving and once still
    moving = launch()
    still = launch(settings=Settings(reduced_motion=True))
    # THEN the moving one changes between two moments, the still one draws the same picture
    assert frame_at(moving, 1.3) != frame_at(moving, 1.7)
    assert frame_at(still, 1.3) == frame_at(still, 1.7)
    # AND, still, it asks for no redraw of its own
    still.app.dirty = False
    still.app.step(1.0)
    assert not still.app.dirty


def test_the_victory_and_a_pop_up_do_not_animate(launch: Callable[..., Pilot]) -> None:
    # GIVEN reduced motion
    pilot = launch(settings=Settings(reduced_motion=True))
    # WHEN the victory shows
    stage(pilot.app, pilot.clock, screen="victory")
    # THEN nothing animates, and its picture (confetti, beam, Lumi) is the same a moment later
    assert pilot.app.top is not None and not pilot.app.top.animating()
    assert frame_at(pilot, 0.5) == frame_at(pilot, 2.5)
    # AND a pop-up is in place as soon as it opens
    hints = launch(settings=Settings(reduced_motion=True))
    stage(hints.app, hints.clock, screen="hints")
    assert hints.app.top is not None and not hints.app.top.animating()
