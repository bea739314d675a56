"""Puzzle views with the largest, widely spaced text at 1920x1080 (the in-suite audit covers
1280x800): what does not fit the usual way is laid out another way, never cut or overlapped."""

from __future__ import annotations

import pytest

from gardiens.core.library import load_library
from gardiens.testing.audit import look
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.puzzles.match import MatchView
from gardiens.ui.puzzles.password import PasswordView
from gardiens.ui.theme import Settings
from tests.ui.test_picking_kinds import drawn

WIDE = Settings(text_step=2, spacing="wide")


def open_puzzle(pilots: list[Pilot], mission: str, puzzle: str, *, age: str = "13-16") -> Pilot:
    library = load_library()
    chosen, path = library[mission]
    pilot = Pilot.launch({mission: chosen}, mission_dirs={mission: path.parent}, size=(1920, 1080),
                         language="fr", settings=WIDE)
    pilots.append(pilot)
    stage(pilot.app, pilot.clock, puzzle=puzzle, age=age)  # type: ignore[arg-type]
    pilot.settle()
    return pilot


def test_the_match_keeps_its_fragments_clear_of_the_targets(pilots: list[Pilot]) -> None:
    # GIVEN the lighthouse's match, whose targets' words take three lines at this size
    pilot = open_puzzle(pilots, "cyberharcelement", "phare")
    view = pilot.app.top.view  # type: ignore[union-attr]
    assert isinstance(view, MatchView)
    # THEN nothing is cut or overlapped: the targets gave up their arrow strip
    assert look(pilot) == []
    assert view.arrow_room == 0
    # WHEN a fragment is picked up, then put on a target
    fragment = view.pages[view.page][0]
    pilot.tap(f"fragment:{fragment}")
    assert look(pilot) == []
    pilot.tap(f"target:{view.box_ids()[0]}")
    # THEN it is matched, and the view is still clean
    assert view.placed == {fragment: view.box_ids()[0]}
    assert look(pilot) == []


@pytest.mark.parametrize("age", ["9-12", "13-16"])
def test_the_password_s_card_becomes_the_last_page_of_the_rules(pilots: list[Pilot], age: str) -> None:
    # GIVEN the password puzzle, whose person's card leaves the rules no room at this size
    pilot = open_puzzle(pilots, "donnees-personnelles", "mot-de-passe", age=age)
    view = pilot.app.top.view  # type: ignore[union-attr]
    assert isinstance(view, PasswordView)
    shown: list[int] = []
    # WHEN every page is turned to
    for page in range(view.page_total):
        assert look(pilot) == []
        # THEN the card is on the last page only, and every rule on one before it
        assert bool(drawn(pilot, "persona")) == (page == view.page_total - 1)
        shown += view.rules_shown
        if page < view.page_total - 1:
            pilot.tap("page:next")
    assert sorted(shown) == list(range(len(view.puzzle.rules)))
