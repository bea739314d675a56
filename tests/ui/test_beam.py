"""The lamp's beam drawn through a kept scratch surface gives the pixels of the plain drawing."""

from __future__ import annotations

import random

import pygame
import pytest

from gardiens.ui.draw import beam


@pytest.fixture()
def backdrop() -> pygame.Surface:
    pygame.init()
    rng = random.Random(5)
    surface = pygame.Surface((480, 270))
    surface.fill((30, 40, 90))
    for _ in range(60):
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        pygame.draw.circle(surface, colour, (rng.randrange(480), rng.randrange(270)), rng.randrange(4, 60))
    return surface


def test_beam_through_scratch_matches_the_plain_drawing_and_leaves_it_black(backdrop: pygame.Surface) -> None:
    rng = random.Random(9)
    scratch = pygame.Surface(backdrop.get_size())
    # Cones of every direction, cut by every edge, in light colours that saturate where bright.
    for _ in range(120):
        origin = (rng.randrange(-60, 540), rng.randrange(-60, 330))
        angle, length, spread = rng.uniform(-4, 4), rng.randrange(5, 700), rng.uniform(0.02, 0.7)
        plain, kept = backdrop.copy(), backdrop.copy()
        beam(plain, origin, angle, length, spread, (255, 236, 160), 80)
        beam(kept, origin, angle, length, spread, (255, 236, 160), 80, scratch=scratch)
        assert pygame.image.tobytes(kept, "RGB") == pygame.image.tobytes(plain, "RGB")
        assert not any(pygame.image.tobytes(scratch, "RGB"))


def test_beam_lights_the_backdrop(backdrop: pygame.Surface) -> None:
    lit = backdrop.copy()
    beam(lit, (10, 260), -0.5, 600, 0.2, (255, 236, 160), 80, scratch=pygame.Surface(backdrop.get_size()))
    assert lit.get_at((200, 160))[:3] != backdrop.get_at((200, 160))[:3]
    assert all(a >= b for a, b in zip(lit.get_at((200, 160))[:3], backdrop.get_at((200, 160))[:3], strict=True))
