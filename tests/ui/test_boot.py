"""The kiosk shows its attract screen before the missions are loaded; a tap meanwhile is not lost."""

from __future__ import annotations

import random
import sys
import threading
from pathlib import Path

from gardiens.core.clock import ManualClock
from gardiens.core.journal import Journal
from gardiens.core.model import Mission
from gardiens.core.session import Lifecycle, Session
from gardiens.testing.pilot import Pilot
from gardiens.ui.app import App, headless_environment
from gardiens.ui.boot import Boot


def test_a_tap_before_the_missions_are_in_starts_the_setup_once_they_are(mission: Mission) -> None:
    headless_environment()
    clock = ManualClock(1_000_000.0)
    app = App(None, size=(1280, 800), fixed_dt=1 / 60)
    pilot = Pilot(app, clock)
    assert pilot.screen == "attract"
    assert not app.loaded
    release = threading.Event()

    def work() -> Mission:
        release.wait(10)
        return mission

    def finish(loaded: Mission) -> None:
        app.replace_session(
            Session({loaded.id: loaded}, Journal.memory(), clock, rng=random.Random(0))
        )

    boot = Boot(work, finish)
    app.start_boot(boot)
    pilot.tap("start")
    pilot.advance(5)
    assert pilot.screen == "attract"
    release.set()
    assert boot.wait(10)
    pilot.advance(2)
    assert app.loaded
    assert app.state.lifecycle is Lifecycle.SETUP
    assert pilot.screen == "setup"
    assert app.errors == []
    pilot.close()


def test_a_failed_load_is_handed_to_the_main_thread(mission: Mission) -> None:
    def work() -> Mission:
        raise ValueError("broken mission")

    seen: list[Mission] = []
    boot = Boot(work, seen.append)
    boot.start()
    assert boot.wait(10)
    try:
        boot.hand_over()
    except ValueError as error:
        assert "broken mission" in str(error)
    else:
        raise AssertionError("the worker's error was swallowed")
    assert seen == []


def test_the_attract_screen_does_not_need_the_mission_model() -> None:
    import subprocess

    code = (
        "import sys\n"
        "from gardiens.ui.app import App, headless_environment\n"
        "headless_environment()\n"
        "app = App(None, size=(640, 400)); app.open(); app.step()\n"
        "assert app.top is not None and app.top.name == 'attract'\n"
        "print('gardiens.core.model' in sys.modules, 'pydantic' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert out.stdout.split() == ["False", "False"]
