"""A true/false puzzle keeps its picture beside the statements, however many there are: the
statements that do not fit at their reading size are shown a page at a time."""

from __future__ import annotations

import pytest

from gardiens.core import checkers
from gardiens.core.library import load_library
from gardiens.core.session import PuzzleState
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.puzzles.true_false import TrueFalseView
from gardiens.ui.screens.play import PuzzleScreen

MISSION, MISSION_FILE = load_library()["cyberharcelement"]
PUZZLE = "ligne-3018"  # seven statements and a poster of the 3018


@pytest.fixture
def pilot(request: pytest.FixtureRequest) -> Pilot:
    size = getattr(request, "param", (1920, 1080))
    pilot = Pilot.launch({MISSION.id: MISSION}, mission_dirs={MISSION.id: MISSION_FILE.parent}, size=size,
                         language="fr", age="9-12")
    request.addfinalizer(pilot.close)
    stage(pilot.app, pilot.clock, puzzle=PUZZLE, age="9-12", language="fr")
    pilot.settle()
    return pilot


def screen_of(pilot: Pilot) -> PuzzleScreen:
    top = pilot.app.top
    assert isinstance(top, PuzzleScreen) and isinstance(top.view, TrueFalseView)
    return top


@pytest.mark.parametrize("pilot", [(1920, 1080), (1280, 800)], indirect=True)
def test_the_poster_stays_beside_seven_statements_in_pages(pilot: Pilot) -> None:
    screen = screen_of(pilot)
    view = screen.view
    assert isinstance(view, TrueFalseView)
    # GIVEN seven statements: THEN the picture is shown, and the statements are paged
    assert screen.picture is not None
    assert len(view.pages) > 1
    assert sorted(i for page in view.pages for i in page) == list(range(7))
    # and no statement is shrunk, cut, or drawn over the picture
    scale = pilot.app.metrics.height / 1080
    statements = [fit for fit in pilot.fits() if fit.name.startswith("statement:")]
    assert statements
    for fit in statements:
        assert fit.fit and not fit.cut and not fit.shrunk, fit.name
        assert fit.size >= 28 * scale
        assert fit.box[0] > screen.picture_rect.right
    for name in ("tf-previous", "tf-next"):
        assert pilot.find(name).rect.h >= 64 * scale


def test_next_stands_out_once_a_page_is_answered_and_every_page_is_reached(pilot: Pilot) -> None:
    view = screen_of(pilot).view
    assert isinstance(view, TrueFalseView)
    assert pilot.find("tf-next").kind == "plain"  # type: ignore[attr-defined]
    for index in view.pages[0]:
        pilot.tap(f"tf:{view.puzzle.statements[index].id}:true")
    assert pilot.find("tf-next").kind == "accent"  # type: ignore[attr-defined]
    pilot.tap("tf-next")
    assert view.page == 1
    pilot.tap("tf-previous")
    assert view.page == 0


def test_the_team_answers_across_pages_and_solves_it(pilot: Pilot) -> None:
    view = screen_of(pilot).view
    puzzle = MISSION.puzzle(PUZZLE)
    right = checkers.solution(puzzle, {})
    assert view.enter(pilot, right) > len(right)  # page turns are gestures too
    assert view.answer() == right
    pilot.tap("submit")
    pilot.settle()
    assert pilot.app.state.puzzles[PUZZLE].state is PuzzleState.SOLVED
