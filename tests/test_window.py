"""The window names the game and carries its icon (not "pygame window")."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import pygame
from gardiens.ui.app import App
app = App(None, size=(640, 400), fullscreen=False).open()
icon = app.assets.app_icon()
opaque = sum(1 for x in range(icon.get_width()) for y in range(icon.get_height())
             if icon.get_at((x, y)).a > 0)
print(pygame.display.get_caption()[0])
print(icon.get_size(), opaque > icon.get_width() * icon.get_height() // 2)
app.close()
"""


def test_the_window_is_titled_with_the_game_and_has_its_icon() -> None:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               PYGAME_HIDE_SUPPORT_PROMPT="1")
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, check=True
    ).stdout.splitlines()
    assert out == ["Les Gardiens du numérique", "(64, 64) True"]
