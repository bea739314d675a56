"""The themed puzzle views: snapshots in French and English, layout, and a win by touch for each."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gardiens.core import checkers
from gardiens.core.library import load_library
from gardiens.core.model import Mission
from gardiens.core.session import PuzzleState
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.testing.ui_autoplay import enter_answer
from gardiens.ui.puzzles.chat import ChatView
from gardiens.ui.puzzles.cookies import CookiesView
from gardiens.ui.puzzles.password import PasswordView
from gardiens.ui.theme import TOUCH, Settings
from tests.ui.conftest import load
from tests.ui.test_layout import MIN_KEY
from tests.ui.test_snapshots import check_snapshot, render

THEMES_DIR = Path(__file__).parent / "essai-themes"
THEMED = ("fil", "discussion", "profil", "mot-de-passe", "bandeau", "rayon", "pubs")


@pytest.fixture(scope="module")
def themes() -> Mission:
    return load(THEMES_DIR / "scenario.yaml")


@pytest.fixture
def open_puzzle(themes: Mission, pilots: list[Pilot]) -> Callable[..., Pilot]:
    """A pilot showing one themed puzzle."""

    def start(puzzle: str, *, language: str = "fr", **options: Any) -> Pilot:
        pilot = Pilot.launch({themes.id: themes}, mission_dirs={themes.id: THEMES_DIR}, language=language,
                             **options)
        pilots.append(pilot)
        stage(pilot.app, pilot.clock, puzzle=puzzle, language=language)
        pilot.settle()
        return pilot

    return start


def test_every_themed_type_is_covered(themes: Mission) -> None:
    assert {themes.puzzle(p).type for p in THEMED} == {"feed", "chat", "settings", "password", "cookies",
                                                       "pegi", "ads"}


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("puzzle", THEMED)
def test_themed_puzzle_matches_its_reference(open_puzzle: Callable[..., Pilot], themes: Mission, puzzle: str,
                                             language: str) -> None:
    pilot = open_puzzle(puzzle, language=language)
    check_snapshot(f"puzzle-{themes.puzzle(puzzle).type}-{language}", render(pilot))


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("puzzle", THEMED)
def test_themed_text_fits_at_1280x800(open_puzzle: Callable[..., Pilot], puzzle: str, language: str) -> None:
    pilot = open_puzzle(puzzle, language=language, size=(1280, 800))
    overflowing = [f for f in pilot.fits() if not f.fit]
    assert not overflowing, overflowing


@pytest.mark.parametrize("puzzle", THEMED)
def test_themed_text_fits_with_the_largest_text(open_puzzle: Callable[..., Pilot], puzzle: str) -> None:
    pilot = open_puzzle(puzzle, settings=Settings(text_step=2, font="opendyslexic"))
    overflowing = [f for f in pilot.fits() if not f.fit]
    assert not overflowing, overflowing


@pytest.mark.parametrize("puzzle", THEMED)
def test_themed_touch_targets_are_big_enough(open_puzzle: Callable[..., Pilot], puzzle: str) -> None:
    pilot = open_puzzle(puzzle)
    if puzzle == "bandeau":
        pilot.tap("cookie:regler")
    small = [w for w in pilot.app.all_widgets() if w.focusable and w.enabled
             and min(w.rect.w, w.rect.h) < (MIN_KEY if w.name.startswith("key:") else TOUCH - 16)]
    assert not small, small


@pytest.mark.parametrize("puzzle", THEMED)
def test_themed_puzzle_is_won_by_touch(open_puzzle: Callable[..., Pilot], themes: Mission, puzzle: str) -> None:
    # GIVEN the puzzle on screen
    pilot = open_puzzle(puzzle)
    # WHEN the right answer is entered with taps and drags only, then validated
    enter_answer(pilot, themes.puzzle(puzzle), checkers.solution(themes.puzzle(puzzle), {}))
    pilot.tap("submit")
    pilot.settle()
    # THEN the core accepts it
    assert pilot.screen == "feedback"
    assert pilot.app.session.state.puzzles[puzzle].state is PuzzleState.SOLVED
    assert not pilot.app.errors


def test_cookie_customise_panel_saves_the_switches(open_puzzle: Callable[..., Pilot]) -> None:
    pilot = open_puzzle("bandeau")
    view = pilot.app.top.view  # type: ignore[union-attr]
    assert isinstance(view, CookiesView)
    pilot.tap("cookie:regler")
    assert view.answer() is None and pilot.has("purpose:pub")
    pilot.tap("purpose:pub")
    pilot.tap("purpose:mesure")
    pilot.tap("cookie-save")
    assert view.answer() == {"button": "regler", "pub": "off", "mesure": "off"}
    pilot.tap("cookie-back")
    assert pilot.has("cookie:refuser")


def test_the_tiny_refuse_link_is_still_a_finger_sized_target(open_puzzle: Callable[..., Pilot]) -> None:
    pilot = open_puzzle("bandeau")
    link = pilot.find("cookie:refuser")
    big = pilot.find("cookie:accepter")
    assert link.rect.h >= TOUCH - 16
    assert link.rect.h < big.rect.h


def test_a_huge_paste_into_the_password_is_clipped(open_puzzle: Callable[..., Pilot], themes: Mission) -> None:
    pilot = open_puzzle("mot-de-passe")
    pilot.type("Ab1!" * 2500 + "🙂\x00")
    view = pilot.app.top.view  # type: ignore[union-attr]
    assert isinstance(view, PasswordView)
    assert len(view.typed) == themes.puzzle("mot-de-passe").max_length  # type: ignore[union-attr]
    pilot.tap("submit")
    pilot.settle()
    assert pilot.screen == "feedback"
    assert not pilot.app.errors


def test_password_keyboard_types_capitals_and_symbols(open_puzzle: Callable[..., Pilot]) -> None:
    pilot = open_puzzle("mot-de-passe")
    view = pilot.app.top.view  # type: ignore[union-attr]
    assert isinstance(view, PasswordView)
    for key in ("key:shift", "key:k", "key:shift", "key:a", "key:symbols", "key:#", "key:letters", "key:7"):
        pilot.tap(key)
    assert view.typed == "Ka#7"
    assert pilot.find("key:a").label == "a"  # type: ignore[attr-defined]
    pilot.press("backspace")
    assert view.typed == "Ka#"


def test_the_chat_scrolls_by_finger_and_by_arrow(open_puzzle: Callable[..., Pilot]) -> None:
    pilot = open_puzzle("discussion", size=(1280, 800), settings=Settings(text_step=2))
    view = pilot.app.top.view  # type: ignore[union-attr]
    assert isinstance(view, ChatView)
    assert view.max_scroll > 0
    window = pilot.find("chat").rect
    pilot.drag((window.centerx, window.bottom - 20), (window.centerx, window.top + 20))
    assert view.scroll > 0
    while view.scroll < view.max_scroll:
        pilot.tap("chat-down")
    assert not pilot.find("chat-down").enabled


def test_sorting_works_with_the_keyboard_alone(open_puzzle: Callable[..., Pilot]) -> None:
    pilot = open_puzzle("rayon")
    view = pilot.app.top.view  # type: ignore[union-attr]
    for _ in range(20):
        pilot.press("tab")
        first = pilot.app.top.focus or ""  # type: ignore[union-attr]
        if first.startswith("game:"):
            break
    assert first.startswith("game:")
    pilot.press("return")
    while pilot.app.top.focus != "pegi:3":  # type: ignore[union-attr]
        pilot.press("tab")
    pilot.press("return")
    assert view.placed == {first.removeprefix("game:"): "3"}  # type: ignore[attr-defined]


@pytest.mark.parametrize("puzzle", THEMED)
def test_random_taps_never_break_a_themed_view(open_puzzle: Callable[..., Pilot], puzzle: str) -> None:
    pilot = open_puzzle(puzzle, size=(1280, 800))
    rng = random.Random(puzzle)
    for _ in range(60):
        if pilot.screen != f"puzzle:{puzzle}":
            break
        widgets = [w for w in pilot.app.top.widgets if w.enabled and w.name not in ("back", "submit")]  # type: ignore[union-attr]
        if rng.random() < 0.3 or not widgets:
            pilot.tap((rng.randrange(1280), rng.randrange(800)))
        else:
            widget = rng.choice(widgets)
            if widget.draggable and rng.random() < 0.5:
                pilot.drag(widget.name, (rng.randrange(1280), rng.randrange(800)))
            else:
                pilot.tap(widget.name)
    assert not pilot.app.errors


@pytest.mark.parametrize("step", [0, 2])
def test_long_chat_answers_are_read_whole_on_pages_beside_a_half_width_chat(pilots: list[Pilot], step: int) -> None:
    # GIVEN the jeux-video chat: six answers, three of them two lines long, at 1280×800
    mission, path = load_library()["jeux-video"]
    pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: path.parent}, size=(1280, 800),
                         age="9-12", settings=Settings(text_step=step))
    pilots.append(pilot)
    stage(pilot.app, pilot.clock, puzzle="chat-clan", age="9-12", language="fr")
    pilot.settle()
    view = pilot.app.top.view  # type: ignore[union-attr]
    assert isinstance(view, ChatView)
    # THEN the conversation keeps half the width, and the answers turn pages
    assert view.frame.w >= view.area.w // 2
    assert view.pages > 1
    pilot.tap("choice:rien-donner")
    seen: list[str] = []
    while True:
        shown = [w.name.removeprefix("choice:") for w in pilot.app.all_widgets() if w.name.startswith("choice:")]
        seen += shown
        # every answer on show is whole, at one size for all, in a button as tall as it needs
        blocks = [b for b in pilot.fits() if b.name.startswith("choice:")]
        assert [b.name for b in blocks if not b.fit or b.cut] == []
        assert len({b.size for b in blocks}) == 1
        assert view.nav.w and view.nav.x > max(pilot.find(f"choice:{c}").rect.right for c in shown)
        if view.page == view.pages - 1:
            break
        pilot.tap("page-next")
    # AND every answer was on exactly one page; the pick made on the first page is kept
    assert sorted(seen) == sorted(c.id for c in view.puzzle.choices)
    assert view.chosen == ["rien-donner"]
    pilot.tap("page-previous")
    assert pilot.find("choice:rien-donner").selected  # type: ignore[attr-defined]
