"""The learning check on the kiosk: its own screen before the briefing and before the debrief, big
answers and « Passer », the right answer shown only after the second ask, a restart asking on."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from gardiens.core.library import scenarios_dir
from gardiens.core.model import Mission
from gardiens.core.session import Session
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import CHECK_SCREENS, stage
from gardiens.ui.app import App
from tests.ui.conftest import load
from tests.ui.test_monkey import storm
from tests.ui.test_snapshots import check_snapshot, render

INFOX_DIR = scenarios_dir() / "infox"


@pytest.fixture(scope="module")
def infox() -> Mission:
    return load(INFOX_DIR / "scenario.yaml")


@pytest.fixture
def pilot(infox: Mission) -> Iterator[Pilot]:
    started = Pilot.launch({infox.id: infox}, mission_dirs={infox.id: INFOX_DIR})
    yield started
    started.close()


def to_check(pilot: Pilot) -> None:
    pilot.tap("start")
    pilot.tap("age:9-12")
    pilot.tap("confirm")


def test_the_check_comes_before_the_briefing_and_says_nothing_of_the_answer(pilot: Pilot) -> None:
    to_check(pilot)
    assert pilot.screen == "learning"
    assert {"check:verifier", "check:partager", "check:photo", "skip"} <= set(pilot.names())
    pilot.tap("check:partager")
    # No right or wrong before the mission: straight on to the story.
    assert pilot.screen == "briefing"
    assert pilot.app.state.checked == (("before", "reflexe", "partager"),)


def test_a_restarted_kiosk_asks_the_check_again(pilot: Pilot) -> None:
    to_check(pilot)
    old = pilot.app.session
    # A new session read back from the journal alone, as after the kiosk was killed.
    session = Session(old.missions, old.journal, pilot.clock)
    assert session.pending_check() == ("before", 0)
    resumed = Pilot(App(session, fixed_dt=1 / 60), pilot.clock)
    try:
        assert resumed.screen == "learning"
    finally:
        resumed.close()


def test_after_the_mission_the_right_answer_is_shown_then_the_debrief(pilot: Pilot) -> None:
    stage(pilot.app, pilot.clock, screen="learning-after")
    pilot.settle()
    assert pilot.screen == "learning"
    pilot.tap("skip")
    # Skipped, and yet the right answer is shown (ticked), until the team goes on.
    assert pilot.screen == "learning" and pilot.has("continue")
    right = pilot.find("check:verifier")
    assert right is not None and right.selected  # type: ignore[attr-defined]
    assert pilot.app.state.checked[-1] == ("after", "reflexe", None)
    pilot.tap("continue")
    assert pilot.screen == "debrief"


@pytest.mark.parametrize("screen", CHECK_SCREENS)
def test_random_input_on_the_check_breaks_nothing(infox: Mission, screen: str) -> None:
    pilot = Pilot.launch({infox.id: infox}, mission_dirs={infox.id: INFOX_DIR})
    try:
        stage(pilot.app, pilot.clock, screen=screen)
        storm(pilot, random.Random(screen), 25)
        assert pilot.app.errors == []
    finally:
        pilot.close()


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("screen", CHECK_SCREENS)
def test_the_check_matches_its_reference(infox: Mission, screen: str, language: str) -> None:
    pilot = Pilot.launch({infox.id: infox}, mission_dirs={infox.id: INFOX_DIR}, language=language)
    try:
        stage(pilot.app, pilot.clock, screen=screen, language=language)
        check_snapshot(f"screen-{screen}-{language}", render(pilot))
    finally:
        pilot.close()
