"""A tap that changes only some widgets' looks (a key typed, a choice selected, a switch turned)
repaints only their rectangles: what the window then shows is exactly what a whole repaint would
show, and only those rectangles are sent to the display."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest

from gardiens.cli.bench import _default_mission
from gardiens.core.model import Mission
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from tests.ui.conftest import MISSION_DIR
from tests.ui.test_speech import speaking

# Widgets a tap on which leaves the puzzle (or opens a pop-up) or turns its page.
LEAVING = {"back", "submit", "hint", "pause", "a11y", "speaker", "page:back", "page:next"}


def _sent(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    sent: list[Any] = []
    flip, update = pygame.display.flip, pygame.display.update
    monkeypatch.setattr(pygame.display, "flip", lambda: (sent.append("all"), flip()))

    def updated(*areas: Any) -> None:
        shown = areas[0] if areas else "all"
        sent.extend(shown if isinstance(shown, list) else [shown])
        update(*areas)

    monkeypatch.setattr(pygame.display, "update", updated)
    return sent


@pytest.mark.parametrize(("kind", "size"), [("cipher", (1280, 800)), ("text", (1920, 1080)),
                                            ("choice", (1280, 800)), ("text", (1280, 800)),
                                            ("code", (1280, 800)), ("chat", (1920, 1080)),
                                            ("text+voice", (1280, 800))])
def test_a_tap_repaints_only_what_it_changed_as_a_whole_repaint_would(
        mission: Mission, pilots: list[Pilot], kind: str, size: tuple[int, int],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    voice = kind.endswith("+voice")
    kind = kind.removesuffix("+voice")
    # GIVEN a puzzle of that kind on show (the test mission's, else the bundled mission's)
    folder = MISSION_DIR
    if not any(p.type == kind for p in mission.puzzles):
        mission, folder = _default_mission()
    puzzle = next(p for p in mission.puzzles if p.type == kind)
    pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: folder}, size=size, language="fr")
    pilots.append(pilot)
    app = pilot.app
    stage(app, pilot.clock, puzzle=puzzle.id)
    if voice:
        # The speaker button shows beside the prompt, its voice silent until asked.
        speaking(pilot, tmp_path)
        assert app.speech is not None and app.speech.button() is not None
    pilot.settle()
    assert app.surface is not None
    sent = _sent(monkeypatch)
    partial_taps = 0
    names = [w.name for w in app.top.widgets if w.enabled and not w.draggable and w.name not in LEAVING]
    assert names
    # WHEN a finger taps one widget after another (each twice: a choice chosen, then let go)
    for name in [n for n in names[:6] for _ in range(2)]:
        if not pilot.has(name):
            continue
        widget = pilot.find(name)
        pilot._finger(pygame.FINGERDOWN, widget.rect.center)
        pilot.advance()
        sent.clear()
        pilot._finger(pygame.FINGERUP, widget.rect.center)
        pilot.advance()
        shown = app.surface.copy()
        if sent and all(isinstance(area, pygame.Rect) for area in sent):
            partial_taps += 1
            # THEN what went to the display lies around the widgets that changed, not everywhere
            assert all(area.w * area.h < size[0] * size[1] / 2 for area in sent)
        # AND the window shows what repainting it whole shows
        app.dirty = True
        pilot.advance()
        assert pygame.image.tobytes(shown, "RGB") == pygame.image.tobytes(app.surface, "RGB"), name
    # AND most taps repainted only part of the window
    assert partial_taps >= len(names[:6])
