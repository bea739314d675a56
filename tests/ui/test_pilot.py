"""The pilot plays the real App: touches, drags, keys and typed text reach the session."""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pytest

from gardiens.core.commands import Skip
from gardiens.core.session import Lifecycle, PuzzleState
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.puzzles.categorise import CategoriseView
from gardiens.ui.puzzles.hotspots import HotspotsView
from gardiens.ui.puzzles.order import OrderView
from gardiens.ui.puzzles.text import TextView
from gardiens.ui.screens.play import PuzzleScreen
from tests.ui.conftest import staged_view, to_map


def to_puzzle(pilot: Pilot, puzzle: str) -> None:
    """From the attract screen to a puzzle, through the map."""
    to_map(pilot)
    pilot.tap(f"tile:{puzzle}")


def test_a_team_reaches_the_map_with_touches_only(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    assert pilot.screen == "attract"
    pilot.tap("start")
    assert pilot.screen == "setup"
    assert not pilot.find("confirm").enabled  # the age band is not chosen yet
    team = pilot.app.state.team
    pilot.tap("reroll")
    assert pilot.app.state.team != team
    pilot.tap("age:9-12")
    pilot.tap("confirm")
    assert pilot.screen == "briefing"
    pilot.tap("start")
    assert pilot.screen == "map"
    assert pilot.app.state.lifecycle is Lifecycle.PLAYING


def test_the_kiosk_age_and_language_show_as_chosen_on_the_setup_screen(launch: Callable[..., Pilot]) -> None:
    pilot = launch(language="en", age="13-16")
    pilot.tap("start")
    state = pilot.app.state
    assert (state.age, state.language) == ("13-16", "en")
    assert pilot.find("age:13-16").selected and not pilot.find("age:9-12").selected  # type: ignore[attr-defined]
    assert pilot.find("lang:en").selected and not pilot.find("lang:fr").selected  # type: ignore[attr-defined]
    assert pilot.find("confirm").enabled
    pilot.tap("confirm")
    assert pilot.screen == "briefing"


def test_mouse_clicks_work_like_fingers(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    pilot.tap("start", mouse=True)
    pilot.tap("age:13-16", mouse=True)
    assert pilot.app.state.age == "13-16"


def test_keyboard_alone_can_set_up_a_team(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    pilot.press("return")  # the attract screen is one big button
    assert pilot.screen == "setup"
    for _ in range(10):
        pilot.press("tab")
        if pilot.app.top and pilot.app.top.focus == "age:13-16":
            break
    pilot.press("return")
    assert pilot.app.state.age == "13-16"


def test_language_choice_switches_the_interface(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    pilot.tap("start")
    pilot.tap("lang:en")
    assert pilot.app.translator.gettext("Valider") == "Check"
    assert pilot.find("confirm").label == "Let's go!"  # type: ignore[attr-defined]


def test_a_wrong_code_explains_and_a_right_one_earns_the_reward(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    to_puzzle(pilot, "message")
    for key in "abc":
        pilot.tap(f"key:{key}")
    pilot.tap("submit")
    pilot.settle()
    assert pilot.screen == "feedback"
    assert pilot.app.state.puzzles["message"].attempts == 1
    pilot.tap("continue")
    assert pilot.screen == "puzzle:message"
    view = pilot.app.top.view  # type: ignore[union-attr]
    assert isinstance(view, TextView) and view.typed == ""
    pilot.type("source")
    pilot.press("return") if False else pilot.tap("submit")
    pilot.settle()
    pilot.tap("continue")
    assert pilot.screen == "map"
    assert pilot.app.state.rewards == ("c1",)


def test_typed_text_keeps_only_letters_and_respects_the_length(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    stage(pilot.app, pilot.clock, puzzle="annee")
    pilot.type("20😀\u202e16\x00" + "x" * 10_000)
    view = pilot.app.top.view  # type: ignore[union-attr]
    assert view.typed == "2016xxxx"
    pilot.press("backspace")
    assert view.typed == "2016xxx"


def test_ordering_by_drag_and_by_swapping(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    view = staged_view(pilot, "ordre", OrderView)
    last = view.order[-1]
    pilot.drag(f"order:{last}", f"order:{view.order[0]}")
    assert view.order[0] == last
    a, b = view.order[1], view.order[2]
    pilot.tap(f"order:{a}")
    pilot.tap(f"order:{b}")
    assert view.order[1:3] == [b, a]


def test_categorise_by_tapping_and_by_dragging(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    view = staged_view(pilot, "boites", CategoriseView)
    pilot.tap("item:lou")
    pilot.tap("box:erreur")
    pilot.drag("item:compte", "box:mensonge")
    assert view.placed == {"lou": "erreur", "compte": "mensonge"}
    pilot.drag("item:compte", "tray")
    assert view.placed == {"lou": "erreur"}


def test_hotspots_turn_taps_into_image_fractions(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    view = staged_view(pilot, "indices", HotspotsView)
    pilot.tap("region:titre")
    assert view.chosen == ["titre"]
    pilot.tap(view.picture.bottomright)  # outside every region: a ripple, nothing chosen
    assert view.chosen == ["titre"]
    pilot.tap("unpick:titre")
    assert view.chosen == []


def test_the_hint_ladder_opens_one_step_at_a_time(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    to_puzzle(pilot, "message")
    pilot.tap("hint")
    assert pilot.screen == "hints"
    assert pilot.app.state.puzzles["message"].hints == 0
    pilot.tap("more")
    pilot.tap("more")
    assert pilot.app.state.puzzles["message"].hints == 2
    pilot.press("escape")
    assert pilot.screen == "puzzle:message"


def test_escape_goes_back_and_never_quits(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    to_puzzle(pilot, "message")
    pilot.press("escape")
    assert pilot.screen == "map"
    pilot.press("escape")
    assert pilot.screen == "pause"
    pilot.tap("resume")
    assert pilot.screen == "map"
    assert pilot.app.running is False or pilot.app.running is True


def test_accessibility_settings_apply_everywhere(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    to_map(pilot)
    pilot.tap("a11y")
    assert pilot.screen == "accessibility"
    pilot.tap("font:opendyslexic")
    pilot.tap("contrast:on")
    pilot.tap("text:2")
    pilot.tap("close")
    assert pilot.screen == "map"
    assert pilot.app.type.family == "opendyslexic"
    assert pilot.app.settings.high_contrast


def test_time_up_shows_the_fog_then_the_debrief(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    to_puzzle(pilot, "message")
    pilot.wait(16 * 60)
    assert pilot.screen == "time_up"
    pilot.tap("debrief")
    assert pilot.screen == "debrief"
    pilot.tap("finish")
    assert pilot.screen == "attract"


def test_a_restarted_kiosk_resumes_where_the_team_was(launch: Callable[..., Pilot]) -> None:
    from gardiens.ui.app import App

    pilot = launch()
    to_map(pilot)
    session = pilot.app.session
    app = App(session, fixed_dt=1 / 60)
    resumed = Pilot(app, pilot.clock)
    assert resumed.screen == "map"
    resumed.close()


def test_a_puzzle_solved_by_the_facilitator_closes_on_the_team_screen(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    to_puzzle(pilot, "message")
    pilot.app.command(Skip("message"))
    pilot.advance()
    assert pilot.screen == "map"
    assert pilot.app.state.puzzles["message"].state is PuzzleState.SKIPPED


def test_an_error_in_a_screen_is_logged_and_the_kiosk_recovers(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    to_map(pilot)
    pilot.app.strict = False
    screen = pilot.app.top
    assert screen is not None

    def broken(surface: pygame.Surface) -> None:
        raise RuntimeError("drawing went wrong")

    screen.draw = broken  # type: ignore[method-assign]
    pilot.app.dirty = True
    pilot.advance()
    assert pilot.app.errors and "drawing went wrong" in pilot.app.errors[0]
    pilot.advance()
    assert pilot.screen == "map"


def test_idle_frames_do_not_redraw(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    stage(pilot.app, pilot.clock, puzzle="choix")
    pilot.settle()
    drawn = []
    original = pilot.app.frame.draw

    def counting(changed: bool = True) -> None:
        drawn.append(1)
        original(changed)

    pilot.app.frame.draw = counting  # type: ignore[method-assign]
    pilot.advance(30)
    assert len(drawn) <= 1  # at most the countdown changing its second


def test_the_puzzle_screen_is_a_puzzle_screen(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    stage(pilot.app, pilot.clock, puzzle="coffre")
    assert isinstance(pilot.app.top, PuzzleScreen)


def test_the_victory_sounds_once_when_it_shows_not_when_prepared(
    launch: Callable[..., Pilot], monkeypatch: pytest.MonkeyPatch
) -> None:
    pilot = launch()
    app = pilot.app
    played: list[str] = []
    assert app.sounds is not None
    monkeypatch.setattr(app.sounds, "play", played.append)
    app.preparing = True
    app.play("victory")
    app.preparing = False
    assert played == []
    assert pilot.clock is not None
    stage(app, pilot.clock, screen="victory")
    pilot.advance(30)
    assert pilot.screen == "victory"
    assert played.count("victory") == 1
