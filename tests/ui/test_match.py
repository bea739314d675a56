"""The match view: snapshots, readable and touchable at both sizes, fragments matched and picked
up again by touch, a wrong answer's score in its own words, and a
win by touch."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gardiens.core import checkers
from gardiens.core.library import load_library, scenarios_dir
from gardiens.core.model import Mission
from gardiens.core.session import PuzzleState
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.testing.ui_autoplay import enter_answer
from gardiens.ui.puzzles.match import MatchView
from gardiens.ui.screens.play import PuzzleScreen
from gardiens.ui.theme import TOUCH, Settings
from tests.ui.conftest import load
from tests.ui.test_picking_kinds import drawn
from tests.ui.test_snapshots import check_snapshot, render

MATCH_DIR = Path(__file__).parent / "essai-association"


@pytest.fixture(scope="module")
def mission() -> Mission:
    return load(MATCH_DIR / "scenario.yaml")


def launch(mission: Mission, pilots: list[Pilot], **options: Any) -> Pilot:
    pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: MATCH_DIR}, **options)
    pilots.append(pilot)
    stage(pilot.app, pilot.clock, puzzle="phare", language=options.get("language", "fr"))
    pilot.settle()
    return pilot


@pytest.fixture
def open_match(mission: Mission, pilots: list[Pilot]) -> Callable[..., Pilot]:
    """A pilot showing the match, every fragment earned."""

    def start(**options: Any) -> Pilot:
        return launch(mission, pilots, **options)

    return start


def view_of(pilot: Pilot) -> MatchView:
    view = pilot.app.top.view  # type: ignore[union-attr]
    assert isinstance(view, MatchView)
    return view


@pytest.mark.parametrize("language", ["fr", "en"])
def test_match_matches_its_reference(open_match: Callable[..., Pilot], language: str) -> None:
    pilot = open_match(language=language)
    pilot.tap("fragment:situation-rumeur")
    pilot.tap("target:ne-pas-relayer")
    pilot.tap("fragment:situation-lourd")
    check_snapshot(f"puzzle-match-{language}", render(pilot))


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
@pytest.mark.parametrize("settings", [Settings(), Settings(text_step=2, font="opendyslexic")])
def test_every_fragment_and_target_fits_and_is_finger_sized(open_match: Callable[..., Pilot],
                                                             size: tuple[int, int], settings: Settings) -> None:
    pilot = open_match(size=size, settings=settings)
    pilot.tap("fragment:situation-rumeur")
    pilot.tap("target:captures")
    assert not [f for f in pilot.fits() if not f.fit]
    shown = [w for w in pilot.app.all_widgets() if w.name.startswith(("fragment:", "target:"))]
    # Every target shows; the fragments may be paged when the text is large.
    assert len([w for w in shown if w.name.startswith("target:")]) == 4
    assert any(w.name.startswith("fragment:") for w in shown)
    assert all(min(w.rect.w, w.rect.h) >= TOUCH * size[1] / 1080 - 16 for w in shown), shown


def test_a_fragment_goes_to_the_tapped_target_and_a_second_tap_picks_it_up(open_match: Callable[..., Pilot]) -> None:
    pilot = open_match()
    view = view_of(pilot)
    # WHEN a fragment is tapped, then a target
    pilot.tap("fragment:situation-preuves")
    pilot.tap("target:repondre")
    assert view.placed == {"situation-preuves": "repondre"}
    # THEN tapping it again picks it up, and the next target tapped takes it instead
    pilot.tap("fragment:situation-preuves")
    pilot.tap("target:captures")
    assert view.placed == {"situation-preuves": "captures"}
    assert view.answer() is None


def test_a_wrong_answer_says_how_many_fragments_are_in_the_right_box(open_match: Callable[..., Pilot]) -> None:
    pilot = open_match()
    for fragment, target in (("situation-rumeur", "ne-pas-relayer"), ("situation-preuves", "repondre"),
                             ("situation-lourd", "captures")):
        pilot.tap(f"fragment:{fragment}")
        pilot.tap(f"target:{target}")
    pilot.tap("submit")
    pilot.settle()
    assert pilot.screen == "feedback"
    assert drawn(pilot, "feedback-score") == ["1 morceau sur 3 est dans la bonne case."]
    below = pilot.app.stack[-2]
    assert isinstance(below, PuzzleScreen) and isinstance(below.view, MatchView)


def test_match_is_won_by_touch(open_match: Callable[..., Pilot], mission: Mission) -> None:
    pilot = open_match()
    puzzle = mission.puzzle("phare")
    enter_answer(pilot, puzzle, checkers.solution(puzzle, {}))
    pilot.tap("submit")
    pilot.settle()
    assert pilot.screen == "feedback"
    assert pilot.app.session.state.puzzles["phare"].state is PuzzleState.SOLVED
    assert not pilot.app.errors


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
@pytest.mark.parametrize("step", [0, 1, 2])
def test_a_bundled_finale_shows_its_fragments_side_by_side_clear_of_the_page_buttons(
        pilots: list[Pilot], language: str, size: tuple[int, int], step: int) -> None:
    # GIVEN cyberharcelement's finale, whose reflexes are long sentences, at every text size
    library = load_library()
    missions = {mid: mission for mid, (mission, _path) in library.items()}
    pilot = Pilot.launch(missions, mission_dirs={mid: scenarios_dir() / mid for mid in missions}, size=size,
                         language=language, settings=Settings(text_step=step))
    pilots.append(pilot)
    stage(pilot.app, pilot.clock, puzzle="phare", language=language)
    pilot.settle()
    view = view_of(pilot)
    # THEN the fragments lie in the tray, none under a page button or another fragment
    cards = [w.rect for w in pilot.app.all_widgets() if w.name.startswith("fragment:")]
    buttons = [w.rect for w in pilot.app.all_widgets() if w.name.startswith("page:")]
    assert cards and all(view.tray.contains(card) for card in cards)
    assert not [(c, b) for c in cards for b in [*buttons, *(o for o in cards if o != c)] if c.colliderect(b)]
    # AND the targets stay finger-sized; every fragment shows at once, or two a page one step larger
    assert all(min(box.rect.size) >= TOUCH * size[1] / 1080 - 16 for box in view.boxes)
    assert len(cards) >= {0: 4, 1: 2, 2: 1}[step], (len(cards), view.pages)
