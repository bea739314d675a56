"""The rebuild view: snapshots, readable and touchable at both sizes, fragments placed and sent
back by touch, a wrong answer's score in its own words, and a win by touch."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gardiens.core import checkers
from gardiens.core.model import Mission
from gardiens.core.session import PuzzleState
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.testing.ui_autoplay import enter_answer
from gardiens.ui.puzzles.rebuild import RebuildView
from gardiens.ui.screens.play import PuzzleScreen
from gardiens.ui.theme import TOUCH, Settings
from tests.ui.conftest import load
from tests.ui.test_picking_kinds import drawn
from tests.ui.test_snapshots import check_snapshot, render

FINALE_DIR = Path(__file__).parent / "essai-finale"


@pytest.fixture(scope="module")
def finale() -> Mission:
    return load(FINALE_DIR / "scenario.yaml")


@pytest.fixture
def open_rebuild(finale: Mission, pilots: list[Pilot]) -> Callable[..., Pilot]:
    """A pilot showing the rebuild, every fragment earned."""

    def start(*, language: str = "fr", **options: Any) -> Pilot:
        pilot = Pilot.launch({finale.id: finale}, mission_dirs={finale.id: FINALE_DIR}, language=language,
                             **options)
        pilots.append(pilot)
        stage(pilot.app, pilot.clock, puzzle="message", language=language)
        pilot.settle()
        return pilot

    return start


def view_of(pilot: Pilot) -> RebuildView:
    view = pilot.app.top.view  # type: ignore[union-attr]
    assert isinstance(view, RebuildView)
    return view


@pytest.mark.parametrize("language", ["fr", "en"])
def test_rebuild_matches_its_reference(open_rebuild: Callable[..., Pilot], language: str) -> None:
    pilot = open_rebuild(language=language)
    pilot.tap("fragment:morceau-verifie")
    check_snapshot(f"puzzle-rebuild-{language}", render(pilot))


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
@pytest.mark.parametrize("settings", [Settings(), Settings(text_step=2, font="opendyslexic")])
def test_every_fragment_fits_and_is_finger_sized(open_rebuild: Callable[..., Pilot], size: tuple[int, int],
                                                 settings: Settings) -> None:
    pilot = open_rebuild(size=size, settings=settings)
    pilot.tap("fragment:morceau-qui")
    assert not [f for f in pilot.fits() if not f.fit]
    chips = [w for w in pilot.app.all_widgets() if w.name.startswith(("fragment:", "slot:"))]
    assert len(chips) == 3
    assert all(min(w.rect.w, w.rect.h) >= TOUCH * size[1] / 1080 - 16 for w in chips), chips


def test_a_tapped_fragment_takes_the_first_free_slot_and_a_tapped_slot_sends_it_back(
    open_rebuild: Callable[..., Pilot],
) -> None:
    pilot = open_rebuild()
    view = view_of(pilot)
    # WHEN two fragments are tapped, then the first slot
    pilot.tap("fragment:morceau-qui")
    pilot.tap("fragment:morceau-avant")
    assert view.slots == ["morceau-qui", "morceau-avant", None]
    assert not pilot.has("fragment:morceau-qui") and view.answer() is None
    pilot.tap("slot:0")
    # THEN the first slot is free again, the fragment is back, and the next tap fills the hole
    assert view.slots == [None, "morceau-avant", None]
    assert pilot.has("fragment:morceau-qui")
    pilot.tap("fragment:morceau-verifie")
    assert view.slots == ["morceau-verifie", "morceau-avant", None]


def test_only_earned_fragments_are_shown(finale: Mission, pilots: list[Pilot]) -> None:
    pilot = Pilot.launch({finale.id: finale}, mission_dirs={finale.id: FINALE_DIR})
    pilots.append(pilot)
    stage(pilot.app, pilot.clock, puzzle="message")
    pilot.settle()
    held = set(pilot.app.state.rewards)
    shown = {w.name.removeprefix("fragment:") for w in pilot.app.all_widgets() if w.name.startswith("fragment:")}
    assert shown == held & {"morceau-qui", "morceau-verifie", "morceau-avant"}


def test_a_wrong_order_says_how_many_fragments_are_in_place(open_rebuild: Callable[..., Pilot]) -> None:
    pilot = open_rebuild()
    for rid in ("morceau-avant", "morceau-qui", "morceau-verifie"):
        pilot.tap(f"fragment:{rid}")
    pilot.tap("submit")
    pilot.settle()
    assert pilot.screen == "feedback"
    assert drawn(pilot, "feedback-score") == ["1 morceau sur 3 est à la bonne place."]
    # The placement stays, to be mended rather than redone.
    below = pilot.app.stack[-2]
    assert isinstance(below, PuzzleScreen) and isinstance(below.view, RebuildView)
    assert below.view.slots == ["morceau-avant", "morceau-qui", "morceau-verifie"]


def test_rebuild_is_won_by_touch(open_rebuild: Callable[..., Pilot], finale: Mission) -> None:
    pilot = open_rebuild()
    pilot.tap("fragment:morceau-qui")
    puzzle = finale.puzzle("message")
    enter_answer(pilot, puzzle, checkers.solution(puzzle, {}))
    pilot.tap("submit")
    pilot.settle()
    assert pilot.screen == "feedback"
    assert pilot.app.session.state.puzzles["message"].state is PuzzleState.SOLVED
    assert not pilot.app.errors
