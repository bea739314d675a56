"""Hotspots and sorting under the finger: marks that never hide the picture, a score of the
team's own picks, cards that keep their place."""

from __future__ import annotations

from collections.abc import Callable

from gardiens.testing.pilot import Pilot
from gardiens.ui.puzzles.hotspots import HotspotsView
from tests.ui.conftest import staged_view


def drawn(pilot: Pilot, name: str) -> list[str]:
    return [fit.text.replace("\u202f", " ").replace("\u00a0", " ") for fit in pilot.fits() if fit.name == name]


def test_the_hotspots_score_counts_the_team_s_picks(launch: Callable[..., Pilot]) -> None:
    # GIVEN a picture with two zones to find and one to leave alone
    pilot = launch()
    staged_view(pilot, "indices", HotspotsView)
    # WHEN the team picks one right zone and the wrong one
    pilot.tap("region:titre")
    pilot.tap("region:ciel")
    pilot.tap("submit")
    # THEN the score speaks of its two picks, not of the three zones
    assert pilot.screen == "feedback"
    assert drawn(pilot, "feedback-score") == ["1 de vos 2 choix est juste."]


def test_the_hotspots_score_in_english(launch: Callable[..., Pilot]) -> None:
    pilot = launch(language="en")
    staged_view(pilot, "indices", HotspotsView)
    pilot.tap("region:titre")
    pilot.tap("submit")
    assert drawn(pilot, "feedback-score") == ["Your pick is right, but some are missing."]
