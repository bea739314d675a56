"""The timer modes on screen: the set-up's choice, the HUD without a countdown, the debrief's line."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from gardiens.core.commands import Abandon, TimerMode
from gardiens.core.library import load_library
from gardiens.core.session import Lifecycle
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage


def texts(pilot: Pilot, name: str) -> list[str]:
    return [fit.text for fit in pilot.fits() if fit.name == name]


def set_up(pilot: Pilot, mode: TimerMode) -> None:
    """From the attract screen to the map with `mode` chosen on the set-up screen, by touches."""
    pilot.tap("start")
    pilot.tap(f"timer:{mode.value}")
    pilot.tap("age:9-12")
    pilot.tap("confirm")
    pilot.tap("start")
    pilot.settle()


def test_the_setup_offers_three_timer_modes_normal_checked_first(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    pilot.tap("start")
    assert [pilot.find(f"timer:{mode.value}").selected for mode in TimerMode] == [True, False, False]
    pilot.tap("timer:relaxed")
    assert pilot.app.state.timer is TimerMode.RELAXED
    assert [bool(pilot.find(f"timer:{mode.value}").selected) for mode in TimerMode] == [False, True, False]


def test_a_relaxed_game_counts_down_from_one_and_a_half_times_the_missions(
    launch: Callable[..., Pilot],
) -> None:
    pilot = launch()
    set_up(pilot, TimerMode.RELAXED)
    mission = pilot.app.mission
    assert mission is not None
    assert pilot.app.state.time_limit == pytest.approx(1.5 * 60 * mission.minutes("9-12"))
    assert texts(pilot, "hud-clock")


def test_with_no_countdown_the_hud_shows_the_time_played_and_time_is_never_up(
    launch: Callable[..., Pilot],
) -> None:
    pilot = launch()
    set_up(pilot, TimerMode.OFF)
    assert pilot.screen == "map"
    assert texts(pilot, "hud-clock") == []
    pilot.wait(65)
    assert texts(pilot, "hud-infinity") == ["01:05"]
    mission = pilot.app.mission
    assert mission is not None
    pilot.wait(2 * 60 * mission.minutes("9-12"))
    assert pilot.app.state.lifecycle is Lifecycle.PLAYING
    assert pilot.screen == "map"


@pytest.mark.parametrize(("mode", "words"), [(TimerMode.NORMAL, ""), (TimerMode.RELAXED, "(plus long)"),
                                             (TimerMode.OFF, "(sans chrono)")])
def test_the_debrief_says_which_timer_was_used(launch: Callable[..., Pilot], mode: TimerMode,
                                               words: str) -> None:
    pilot = launch()
    set_up(pilot, mode)
    pilot.wait(125)
    pilot.app.command(Abandon())
    pilot.app.show_debrief()
    pilot.settle()
    (time_line,) = [text for text in texts(pilot, "fact") if text.startswith("Temps")]
    assert time_line.endswith(words) if words else "(" not in time_line
    assert "".join(time_line.split()).startswith("Temps:2min5s")


@pytest.fixture
def picker_briefing(pilots: list[Pilot]) -> Pilot:
    """A venue's kiosk (several missions, their picker offers no timer) on the briefing."""
    library = load_library()
    chosen = ["infox", "jeux-video"]
    pilot = Pilot.launch({mid: library[mid][0] for mid in chosen},
                         mission_dirs={mid: library[mid][1].parent for mid in chosen})
    pilots.append(pilot)
    stage(pilot.app, pilot.clock, screen="briefing", language="fr")
    pilot.settle()
    return pilot


def test_a_venues_kiosk_offers_the_timer_on_its_briefing(picker_briefing: Pilot) -> None:
    # GIVEN the briefing of a kiosk whose set-up (the missions' picker) had no timer choice
    pilot = picker_briefing
    assert [bool(pilot.find(f"timer:{mode.value}").selected) for mode in TimerMode] == [True, False, False]
    mission, age = pilot.app.mission, pilot.app.state.age
    assert mission is not None and age is not None
    minutes = mission.minutes(age)
    assert texts(pilot, "rule")[-1] == f"Vous avez {minutes} minutes."
    # WHEN the team picks a longer timer, THEN it is journaled, checked and said in the rules
    pilot.tap("timer:relaxed")
    assert [e.data for e in pilot.app.session.events() if e.kind == "chosen"][-1] == {"timer": "relaxed"}
    assert bool(pilot.find("timer:relaxed").selected)
    assert texts(pilot, "rule")[-1] == f"Vous avez {round(minutes * 1.5)} minutes."
    # AND with no timer the rules say so, and the game starts without a countdown
    pilot.tap("timer:off")
    assert texts(pilot, "rule")[-1] == "Pas de chrono\u202f: prenez votre temps."
    pilot.tap("start")
    assert pilot.app.state.lifecycle is Lifecycle.PLAYING and pilot.app.state.timer is TimerMode.OFF


def test_a_single_missions_briefing_has_no_second_timer_choice(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    pilot.tap("start")
    pilot.tap("age:9-12")
    pilot.tap("confirm")
    assert pilot.screen == "briefing"
    assert not [name for name in pilot.names() if name.startswith("timer:")]
