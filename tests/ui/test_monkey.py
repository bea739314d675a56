"""A long seeded stream of random taps, drags, keys and pasted text over every screen: the kiosk
never raises, its memory stays flat and the run stays short."""

from __future__ import annotations

import random
import tracemalloc
from collections.abc import Callable

import pygame

from gardiens.core.commands import Reset
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import CHECK_SCREENS, SCREENS, stage
from gardiens.testing.soak import storm as any_storm

PASTES = (
    "😀🎉👍🏽" * 20,
    "שלום עולם مرحبا بالعالم",
    "\u202eevil\u202c\x00\x07\ud800",
    "é" * 10_000,
    "Zalgo z̷̛̠a̴l̸g̶o̵",
)


def storm(pilot: Pilot, rng: random.Random, actions: int) -> None:
    """`gardiens soak`'s storm, with these pastes (a lone surrogate among them)."""
    any_storm(pilot, rng, actions, PASTES)


def test_random_input_on_every_screen(launch: Callable[..., Pilot]) -> None:
    rng = random.Random(2024)
    # The learning check's screens are stormed on a mission that has one (test_learning.py).
    for screen in (s for s in SCREENS if s not in CHECK_SCREENS):
        pilot = launch()
        stage(pilot.app, pilot.clock, screen=screen)
        storm(pilot, rng, 25)
        assert pilot.app.errors == []
    for puzzle in ("message", "vrai-faux", "choix", "ordre", "boites", "indices", "annee", "coffre"):
        pilot = launch()
        stage(pilot.app, pilot.clock, puzzle=puzzle)
        storm(pilot, rng, 25)
        assert pilot.app.errors == []


def test_memory_stays_flat_under_a_long_storm(launch: Callable[..., Pilot]) -> None:
    rng = random.Random(7)
    pilot = launch()
    stage(pilot.app, pilot.clock, puzzle="annee")
    storm(pilot, rng, 80)  # warm the caches first
    pygame.event.clear()
    # Silence while allocations are traced: on Python 3.11, tracemalloc crashes the process when
    # the mixer's audio thread takes the GIL at the end of a sound (the thread state it allocates
    # is traced without the GIL). What is measured here is the kiosk's heap, not the mixer's.
    pygame.mixer.stop()
    pilot.app.sounds = None
    pilot.app.music = None
    tracemalloc.start()
    try:
        before = tracemalloc.take_snapshot()
        for _ in range(3):
            stage_again = rng.choice(("annee", "ordre", "boites"))
            pilot.app.command(Reset())
            stage(pilot.app, pilot.clock, puzzle=stage_again)
            storm(pilot, rng, 60)
        after = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    grown = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
    assert grown < 3_000_000, f"memory grew by {grown} bytes"
    assert pilot.app.errors == []
