"""A bonus (optional) puzzle is counted apart: « 5 sur 5 · +1 bonus » on the debrief screen and
the family sheet, and the map's fog clears with the puzzles the team must solve."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from gardiens.core.session import DebriefData, PuzzleReport, PuzzleState
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.screens.ending import DebriefScreen

SOLVED, OPEN = PuzzleState.SOLVED, PuzzleState.AVAILABLE


def with_bonus(solved_bonus: bool) -> Callable[[DebriefData], DebriefData]:
    """Five required puzzles solved, and one bonus puzzle, solved or not."""
    def change(data: DebriefData) -> DebriefData:
        bonus = PuzzleReport("bonus", SOLVED if solved_bonus else OPEN, 1, 0, 400.0 if solved_bonus else None,
                             optional=True)
        reports = (*(PuzzleReport(f"p{i}", SOLVED, 1, 0, 60.0 * i) for i in range(5)), bonus)
        return replace(data, puzzles=reports, solved=sum(r.state is SOLVED for r in reports))
    return change


def test_the_counts_leave_bonus_puzzles_apart() -> None:
    data = with_bonus(True)(DebriefData(None, "m", "9-12", "fr", 0.0, 0.0, (), (), 0, 0, [], [], ()))
    assert (data.required_solved, data.required_total, data.bonus_solved) == (5, 5, 1)
    assert with_bonus(False)(data).bonus_solved == 0


@pytest.mark.parametrize(("language", "solved_bonus", "expected"), [
    ("fr", True, "Énigmes : 5 sur 5 · +1 bonus"),
    ("fr", False, "Énigmes : 5 sur 5"),
    ("en", True, "Puzzles: 5 of 5 · +1 bonus"),
])
def test_the_debrief_screen_says_five_of_five_plus_one_bonus(
    launch: Callable[..., Pilot], monkeypatch: pytest.MonkeyPatch, language: str, solved_bonus: bool,
    expected: str,
) -> None:
    pilot = launch()
    assert pilot.clock is not None
    stage(pilot.app, pilot.clock, screen="debrief", language=language)
    pilot.advance()
    data = pilot.app.session.debrief()
    assert data is not None
    screen = pilot.app.top
    assert isinstance(screen, DebriefScreen)
    assert screen.puzzles_fact(with_bonus(solved_bonus)(data)) == expected


def test_the_family_sheet_counts_the_bonus_apart(launch: Callable[..., Pilot]) -> None:
    from gardiens.i18n.missions import MissionTexts
    from gardiens.reports import render_report

    pilot = launch()
    assert pilot.clock is not None
    stage(pilot.app, pilot.clock, screen="debrief")
    pilot.advance()
    data = pilot.app.session.debrief()
    mission = pilot.app.mission
    assert data is not None and mission is not None
    # The staged mission's puzzles, its last one played as a bonus and all of them solved.
    *required, last = mission.puzzles
    reports = (*(PuzzleReport(p.id, SOLVED, 1, 0, 60.0) for p in required),
               PuzzleReport(last.id, SOLVED, 1, 0, 90.0, optional=True))
    texts = MissionTexts.load(mission, age="9-12", language="fr")
    html = render_report(replace(data, puzzles=reports, struggled=()), mission, texts, str)
    assert f"<b>{len(required)}/{len(required)} · +1 bonus</b>" in html
