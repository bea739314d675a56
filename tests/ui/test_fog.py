"""Le Brouillard's layer, drawn a screen's width at a time: the pixels of one layer twice as wide."""

from __future__ import annotations

import math
import os
import random

import pygame
import pytest

from gardiens.ui.draw import fog_layer

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

FOG = (190, 194, 206)


def whole_layer(size: tuple[int, int], color: tuple[int, int, int], seed: int, density: float) -> pygame.Surface:
    """The fog drawn the plain way: every puff twice, a screen's width apart, on one layer."""
    w, h = size
    rng = random.Random(seed)
    puffs = []
    for _ in range(int(26 * density)):
        r = rng.uniform(0.08, 0.2) * h
        x = rng.uniform(0, w)
        y = rng.uniform(0.55, 1.05) * h
        puffs.append((x, y, r))
    top = min(h - 1, max(0, min((math.floor(y - r) - 2 for _, y, r in puffs), default=h)))
    layer = pygame.Surface((w * 2, h - top), pygame.SRCALPHA)
    for x, y, r in puffs:
        for dx in (0, w):
            for k, a in ((1.0, 26), (0.7, 30), (0.45, 34)):
                pygame.draw.circle(layer, (*color, a), (x + dx, y - top), r * k)
    return layer


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800), (1280, 720), (1366, 768), (640, 400)])
@pytest.mark.parametrize(("seed", "density"), [(3, 1.0), (7, 0.6), (1, 1.4)])
def test_the_two_halves_are_the_layer_twice_the_screens_width(size: tuple[int, int], seed: int,
                                                              density: float) -> None:
    # GIVEN the fog as one layer twice the screen's width
    whole = whole_layer(size, FOG, seed, density)
    w, height = size[0], whole.get_height()
    # WHEN it is drawn a half at a time
    halves = [fog_layer(size, FOG, seed, density, half=half) for half in (0, 1)]
    # THEN each half holds the pixels of its part of the whole layer, down to the last one
    for half, layer in enumerate(halves):
        assert layer.get_size() == (w, height)
        part = whole.subsurface(pygame.Rect(half * w, 0, w, height))
        assert pygame.image.tobytes(layer, "RGBA") == pygame.image.tobytes(part, "RGBA")
