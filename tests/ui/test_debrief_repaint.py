"""The debrief screen shows the debrief the session kept when the mission ended: a repaint reads
neither the journal nor folds its events again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame
import pytest

from gardiens.core import session as session_module
from gardiens.core.journal import Event
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage

REPAINTS = 5


def test_repainting_the_debrief_neither_queries_the_journal_nor_folds(
    launch: Callable[..., Pilot], monkeypatch: pytest.MonkeyPatch
) -> None:
    pilot = launch()
    assert pilot.clock is not None
    stage(pilot.app, pilot.clock, screen="debrief")
    pilot.advance()
    assert pilot.screen == "debrief"
    journal = pilot.app.session.journal
    queries: list[str] = []
    folds: list[int] = []
    read_events = journal.events
    fold_debrief = session_module.debrief_of

    def counted_events(session: str) -> list[Event]:
        queries.append(session)
        return read_events(session)

    def counted_debrief(*args: Any, **kwargs: Any) -> Any:
        folds.append(1)
        return fold_debrief(*args, **kwargs)

    monkeypatch.setattr(journal, "events", counted_events)
    monkeypatch.setattr(session_module, "debrief_of", counted_debrief)
    surface = pygame.Surface(pilot.app.size)
    screen = pilot.app.top
    assert screen is not None
    for _ in range(REPAINTS):
        screen.draw(surface)
    assert (len(queries), len(folds)) == (0, 0)
