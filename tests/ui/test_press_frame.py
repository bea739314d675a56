"""The frame a finger comes down on a button repaints around that button alone: what it shows is
exactly what a whole repaint would show, and only that area is sent to the display."""

from __future__ import annotations

import pygame
import pytest

from gardiens.core.model import Mission
from gardiens.testing.pilot import Pilot
from gardiens.ui.widgets.base import Button
from tests.ui.conftest import MISSION_DIR, display_sent, launch_staged


@pytest.mark.parametrize(("screen", "size"), [
    ("setup", (1280, 800)), ("briefing", (1280, 800)), ("map", (1280, 800)), ("debrief", (1280, 800)),
    # A pop-up at rest over a screen: repainted over the copy kept of the screen below.
    ("feedback", (1280, 800)), ("hints", (1920, 1080)), ("questions", (1280, 800)),
])
def test_a_pressed_button_looks_as_in_a_whole_repaint(
        mission: Mission, pilots: list[Pilot], screen: str, size: tuple[int, int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a screen at rest, and a button on it
    pilot = launch_staged(pilots, {mission.id: mission}, {mission.id: MISSION_DIR}, screen, language="fr",
                          size=size, step=0)
    app = pilot.app
    assert app.surface is not None
    button = next(w for w in app.all_widgets() if isinstance(w, Button) and w.enabled and not w.draggable)
    sent = display_sent(monkeypatch)
    # WHEN a finger comes down on it
    pilot._finger(pygame.FINGERDOWN, button.rect.center)
    pilot.advance()
    partial = app.surface.copy()
    # THEN only the area around the button went to the display
    assert len(sent) == 1 and isinstance(sent[0], pygame.Rect)
    assert sent[0].contains(button.rect) and sent[0].w * sent[0].h < app.size[0] * app.size[1] / 4
    # AND the window shows what repainting it whole shows
    app.dirty = True
    pilot.advance()
    assert pygame.image.tobytes(partial, "RGB") == pygame.image.tobytes(app.surface, "RGB")
