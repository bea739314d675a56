"""The attract screen's backdrop drawn for less before the kiosk's first frame, to the same pixels:
the gradient filled row by row, the night painted straight on the window the first time, the fog
a screen's width at a time."""

from __future__ import annotations

import math
import os
import random
from collections.abc import Callable

import pygame
import pytest

from gardiens.testing.pilot import Pilot
from gardiens.ui.draw import fog_layer, vertical_gradient
from gardiens.ui.theme import Color, Settings, mix

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


def scaled_gradient(size: tuple[int, int], top: Color, bottom: Color) -> pygame.Surface:
    """The gradient the plain way: a strip of 256 steps smoothed down the height, then widened."""
    strip = pygame.Surface((1, 256))
    for y in range(256):
        strip.set_at((0, y), mix(top, bottom, y / 255))
    return pygame.transform.scale(pygame.transform.smoothscale(strip, (1, size[1])), size)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800), (640, 400), (7, 3)])
@pytest.mark.parametrize(("top", "bottom"), [((12, 20, 52), (30, 44, 96)), ((255, 250, 240), (236, 220, 190)),
                                             ((0, 0, 0), (255, 255, 255))])
def test_the_gradient_is_the_strip_widened(size: tuple[int, int], top: Color, bottom: Color) -> None:
    pygame.display.init()
    made = vertical_gradient(size, top, bottom)
    plain = scaled_gradient(size, top, bottom)
    assert made.get_size() == plain.get_size() and made.get_bitsize() == plain.get_bitsize()
    assert pygame.image.tobytes(made, "RGBA") == pygame.image.tobytes(plain, "RGBA")


def test_the_first_attract_frame_is_painted_without_a_layer_and_looks_as_the_next(
        launch: Callable[..., Pilot]) -> None:
    # GIVEN a kiosk just started, its attract screen standing still (each frame the same)
    # WHEN its first frame is on screen
    pilot = launch(settings=Settings(reduced_motion=True))
    top = pilot.app.top
    assert top is not None and top.name == "attract" and pilot.app.surface is not None
    first = pygame.image.tobytes(pilot.app.surface, "RGB")
    # THEN no full-screen layer was made for it, nor the fog that scrolls in
    assert not {key[:2] for key in pilot.app.frame.layers} & {("night", pilot.app.size), ("fog", 1)}
    # AND the next frame, drawn over the night's layer, is the same picture
    pilot.app.dirty = True
    pilot.app.step(0.0)
    assert "night" in {key[0] for key in pilot.app.frame.layers}
    assert pygame.image.tobytes(pilot.app.surface, "RGB") == first
