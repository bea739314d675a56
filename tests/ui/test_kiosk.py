"""Kiosk operations: lock-down, the facilitator's PIN pad and panel, idle prompts, the debrief's
return to the attract screen, and resuming a game after the kiosk was killed."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from gardiens.core import checkers
from gardiens.core.clock import ManualClock, SystemClock
from gardiens.core.commands import Choose, Confirm, RequestHint, Reset, Start, StartSetup, Submit
from gardiens.core.facilitator import PIN_FILE, set_pin
from gardiens.core.journal import JOURNAL_FILE, Journal
from gardiens.core.kiosk import KioskSettings
from gardiens.core.model import Mission
from gardiens.core.session import Lifecycle, PuzzleState, Session, fold
from gardiens.testing.pilot import FRAME, Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.app import App
from gardiens.ui.desk.attendant import KioskAttendant
from gardiens.ui.desk.base import LONG_PRESS_SECONDS
from gardiens.ui.desk.screens import FacilitatorPanel, PinPad
from gardiens.ui.theme import Settings
from tests.ui.conftest import MISSION_DIR
from tests.ui.test_snapshots import check_snapshot, render

PIN = "2468"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def pin_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One PIN hashed for the whole run: scrypt is slow on purpose."""
    return set_pin(tmp_path_factory.mktemp("pin"), PIN)


@pytest.fixture
def kiosk(mission: Mission, pin_file: Path, tmp_path: Path) -> Iterator[Callable[..., Pilot]]:
    """A locked-down kiosk with its attendant, a hand-moved clock and a PIN set in its data folder."""
    pilots: list[Pilot] = []
    shutil.copy(pin_file, tmp_path / PIN_FILE)

    def start(*, language: str = "fr", size: tuple[int, int] = (1920, 1080), journal: Journal | None = None,
              clock: ManualClock | None = None, lock_down: bool = True, **settings: Any) -> Pilot:
        clock = clock or ManualClock(1_000_000.0)
        session = Session({mission.id: mission}, journal or Journal.memory(), clock, rng=random.Random(0))
        app = App(session, size=size, language=language, kiosk=lock_down, fixed_dt=FRAME,
                  mission_dirs={mission.id: MISSION_DIR}, default_mission=mission.id)
        KioskAttendant(app, data_dir=tmp_path, settings=KioskSettings(**settings))
        pilot = Pilot(app, clock)
        pilots.append(pilot)
        return pilot

    yield start
    for pilot in pilots:
        pilot.close()


def attendant(pilot: Pilot) -> KioskAttendant:
    assert pilot.app.attendant is not None
    return pilot.app.attendant


def post(kind: int, **data: Any) -> None:
    pygame.event.post(pygame.event.Event(kind, **data))


def finger(pilot: Pilot, kind: int, pos: tuple[int, int]) -> None:
    w, h = pilot.app.size
    post(kind, touch_id=1, finger_id=0, x=(pos[0] + 0.5) / w, y=(pos[1] + 0.5) / h, dx=0.0, dy=0.0, pressure=1.0)


def hold(pilot: Pilot, pos: tuple[int, int], seconds: float) -> None:
    """A finger pressed at `pos`, held for `seconds`, then lifted."""
    assert pilot.clock is not None
    finger(pilot, pygame.FINGERDOWN, pos)
    pilot.advance()
    pilot.clock.advance(seconds)
    pilot.advance(3)
    finger(pilot, pygame.FINGERUP, pos)
    pilot.advance()


def enter_pin(pilot: Pilot, pin: str) -> None:
    for digit in pin:
        pilot.tap(f"key:{digit}")
    pilot.tap("ok")


def open_panel(pilot: Pilot) -> None:
    pilot.press("f12")
    assert pilot.screen == "pin"
    enter_pin(pilot, PIN)
    assert pilot.screen == "facilitator"


def kinds(pilot: Pilot) -> list[str]:
    return [event.kind for event in pilot.app.session.journal.all_events()]


def open_puzzle_id(pilot: Pilot) -> str:
    """The last puzzle of the map the team can open now (not the first, which the panel picks)."""
    return [pid for pid, p in pilot.app.state.puzzles.items() if p.state is PuzzleState.AVAILABLE][-1]


def to_map(pilot: Pilot, language: str = "fr") -> None:
    assert pilot.clock is not None
    stage(pilot.app, pilot.clock, screen="map", language=language)
    # The staged game moved the clock as a team tapping along would: it was not idle.
    attendant(pilot).last_input = pilot.clock.now()
    pilot.advance()


# -- lock-down ---------------------------------------------------------------------------


def test_a_locked_kiosk_ignores_every_way_out(kiosk: Callable[..., Pilot]) -> None:
    # GIVEN a locked-down kiosk in the middle of a mission
    pilot = kiosk()
    to_map(pilot)
    pilot.app.running = True
    # WHEN the window is closed, Alt+F4 and Escape are pressed
    post(pygame.QUIT)
    post(pygame.WINDOWCLOSE)
    post(pygame.KEYDOWN, key=pygame.K_F4, mod=pygame.KMOD_LALT, unicode="", scancode=0)
    pilot.advance()
    pilot.press("escape")
    # THEN the kiosk keeps running, on the same screen, and the game goes on
    assert pilot.app.running
    assert pilot.screen == "map"
    assert pilot.app.state.lifecycle is Lifecycle.PLAYING


def test_outside_kiosk_mode_the_window_can_be_closed(kiosk: Callable[..., Pilot]) -> None:
    pilot = kiosk(lock_down=False)
    pilot.app.running = True
    post(pygame.QUIT)
    pilot.advance()
    assert not pilot.app.running


def test_kiosk_mode_refuses_to_start_without_a_pin(tmp_path: Path) -> None:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    out = subprocess.run([sys.executable, "-m", "gardiens", "play", str(MISSION_DIR), "--kiosk", "--data-dir",
                          str(tmp_path)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert out.returncode == 2
    assert "gardiens facilitator set-pin" in out.stderr
    # It stops before opening the journal, let alone a window.
    assert not (tmp_path / JOURNAL_FILE).exists()


# -- the way into the panel ----------------------------------------------------------------


def test_a_long_press_in_the_corner_opens_the_pin_pad_without_pausing(kiosk: Callable[..., Pilot]) -> None:
    pilot = kiosk()
    to_map(pilot)
    pause = pilot.point("pause")
    assert attendant(pilot).corner().collidepoint(pause)
    # A long press on the HUD's pause button, in the corner, opens the PIN pad; lifting the finger
    # does not pause the game.
    hold(pilot, pause, LONG_PRESS_SECONDS + 0.1)
    assert pilot.screen == "pin"
    assert pilot.app.state.lifecycle is Lifecycle.PLAYING
    assert not pilot.has("a11y")  # the team's corner button is not on the adult screens
    pilot.tap("cancel")
    # A short press is an ordinary tap: the pause button works as before.
    hold(pilot, pause, LONG_PRESS_SECONDS / 4)
    assert pilot.app.state.lifecycle is Lifecycle.PAUSED


def test_ctrl_alt_f_opens_the_pin_pad_and_cancel_closes_it(kiosk: Callable[..., Pilot]) -> None:
    pilot = kiosk()
    post(pygame.KEYDOWN, key=pygame.K_f, mod=pygame.KMOD_LCTRL | pygame.KMOD_LALT, unicode="f", scancode=0)
    pilot.advance()
    assert pilot.screen == "pin"
    pilot.type("12a3")  # a physical keyboard's digits count; letters do not
    assert pilot.app.top.typed == "123"  # type: ignore[union-attr]
    pilot.tap("cancel")
    assert pilot.screen == "attract"


def test_the_pad_refuses_wrong_pins_then_locks_for_a_minute(kiosk: Callable[..., Pilot]) -> None:
    pilot = kiosk()
    assert pilot.clock is not None
    pilot.press("f12")
    for left in (4, 3, 2, 1):
        enter_pin(pilot, "1111")
        assert pilot.screen == "pin"
        assert pilot.app.top.notice()[0].endswith(f" : {left}")  # type: ignore[union-attr]
    enter_pin(pilot, "1111")
    assert attendant(pilot).guard.locked_for() == pytest.approx(60)
    assert "Trop d'essais" in pilot.app.top.notice()[0]  # type: ignore[union-attr]
    # Locked: even the right PIN is refused, the keys do nothing.
    enter_pin(pilot, PIN)
    assert pilot.screen == "pin"
    pilot.wait(61)
    enter_pin(pilot, PIN)
    assert pilot.screen == "facilitator"


def test_the_pad_and_the_panel_close_with_their_results(kiosk: Callable[..., Pilot]) -> None:
    # GIVEN a kiosk on the map, with a PIN pad and a panel opened by someone waiting for their results
    pilot = kiosk()
    to_map(pilot)
    app = pilot.app
    desk = attendant(pilot)
    results: list[object] = []
    app.push(PinPad(app, desk, on_dismiss=results.append))
    # WHEN the pad is cancelled, then unlocked with the right code
    pilot.tap("cancel")
    app.push(PinPad(app, desk, on_dismiss=results.append))
    enter_pin(pilot, PIN)
    # THEN each pad left the stack and said whether it was unlocked
    assert results == [False, True]
    assert pilot.screen == "map"
    # WHEN a panel closes untouched, then another sends a hint (on the first open puzzle) and closes
    app.push(FacilitatorPanel(app, desk, on_dismiss=results.append))
    pilot.tap("close")
    first_open = next(pid for pid, p in app.state.puzzles.items() if p.state is PuzzleState.AVAILABLE)
    app.push(FacilitatorPanel(app, desk, on_dismiss=results.append))
    pilot.tap("next-hint")
    pilot.tap("close")
    # THEN its opener hears of no hint, then of the puzzle the team was sent a hint on
    assert results[2:] == [None, first_open]
    assert app.state.puzzles[first_open].hints == 1


def test_an_unattended_panel_closes_itself(kiosk: Callable[..., Pilot]) -> None:
    pilot = kiosk()
    to_map(pilot)
    open_panel(pilot)
    pilot.wait(120)
    assert pilot.screen == "map"


# -- the panel's actions ------------------------------------------------------------------------


def test_a_facilitator_runs_a_whole_mission_from_the_panel(kiosk: Callable[..., Pilot]) -> None:
    pilot = kiosk()
    open_panel(pilot)
    # Launch: age, language and duration chosen by the facilitator.
    pilot.tap("age:13-16")
    pilot.tap("lang:en")
    pilot.tap("minutes:+")
    pilot.tap("launch")
    # The team hears the story first, and starts the countdown the facilitator chose.
    assert pilot.screen == "briefing"
    assert pilot.app.state.lifecycle is Lifecycle.BRIEFING
    pilot.tap("start")
    state = pilot.app.state
    assert pilot.screen == "map"
    assert (state.lifecycle, state.age, state.language, state.time_limit) == (Lifecycle.PLAYING, "13-16", "en",
                                                                                16 * 60)
    open_panel(pilot)
    pilot.tap("pause")
    assert pilot.app.state.lifecycle is Lifecycle.PAUSED
    pilot.tap("resume")
    pilot.tap("add:1")
    pilot.tap("add:5")
    assert pilot.app.state.added == 6 * 60
    pilot.tap("next-hint")
    pilot.tap("say:0")
    assert pilot.app.state.puzzles["message"].hints == 1
    assert pilot.app.state.puzzles["message"].pushed == ("Read the instructions again together.",)
    pilot.tap("skip")
    assert pilot.app.state.puzzles["message"].state is PuzzleState.AVAILABLE  # one tap only asks
    pilot.tap("skip")
    assert pilot.app.state.puzzles["message"].state is PuzzleState.SKIPPED
    pilot.tap("abandon")
    pilot.tap("abandon")
    assert pilot.app.state.lifecycle is Lifecycle.DEBRIEF
    pilot.tap("reset")
    pilot.tap("reset")
    assert pilot.screen == "attract"
    assert kinds(pilot) == [
        "setup_started", "chosen", "setup_confirmed", "mission_started", "paused", "resumed",
        "time_added", "time_added", "hint_shown", "hint_pushed", "puzzle_skipped", "mission_ended", "reset",
    ]
    hint = next(e for e in pilot.app.session.journal.all_events() if e.kind == "hint_shown")
    assert hint.data["source"] == "facilitator"


def test_a_pushed_hint_is_shown_to_the_team_when_the_panel_closes(kiosk: Callable[..., Pilot]) -> None:
    pilot = kiosk()
    to_map(pilot)
    pid = open_puzzle_id(pilot)
    pilot.tap(f"tile:{pid}")
    open_panel(pilot)
    assert pilot.app.top.current_puzzle() == pid  # type: ignore[union-attr]
    pilot.tap("say:1")
    pilot.tap("close")
    assert pilot.screen == "hints"
    assert pilot.app.state.puzzles[pid].pushed == ("Regardez bien l'image.",)


def test_the_panel_flags_a_stuck_team_and_writes_the_debrief_sheets(kiosk: Callable[..., Pilot],
                                                                    tmp_path: Path) -> None:
    pilot = kiosk(stuck_wrong_attempts=2)
    to_map(pilot)
    session = pilot.app.session
    mission = session.mission
    assert mission is not None and pilot.clock is not None
    pid = open_puzzle_id(pilot)
    for _ in range(2):
        session.handle(Submit(pid, checkers.wrong_answer(mission.puzzle(pid), session.rewards_values(), random.Random(3))))
    open_panel(pilot)
    assert pilot.find(f"puzzle:{pid}").line.stuck  # type: ignore[attr-defined]
    pilot.tap("sheet")
    assert "Aucune partie terminée" in pilot.app.top.status  # type: ignore[union-attr]
    pilot.tap("abandon")
    pilot.tap("abandon")
    pilot.tap("sheet")
    sheets = list((tmp_path / "fiches").glob("*.html"))
    assert len(sheets) == 1 and str(sheets[0]) in pilot.app.top.status  # type: ignore[union-attr]
    assert "<html" in sheets[0].read_text(encoding="utf-8")


# -- idle and reset ------------------------------------------------------------------------------


def test_an_idle_team_is_asked_then_the_game_pauses(kiosk: Callable[..., Pilot]) -> None:
    pilot = kiosk(idle_prompt_seconds=60, idle_pause_seconds=20)
    to_map(pilot)
    pilot.wait(61)
    assert pilot.screen == "idle"
    # A touch answers the question; the game goes on.
    pilot.tap("still-here")
    assert pilot.screen == "map"
    pilot.wait(61)
    assert pilot.screen == "idle"
    pilot.wait(21)
    assert pilot.app.state.lifecycle is Lifecycle.PAUSED
    assert pilot.screen == "pause"
    assert kinds(pilot)[-1] == "paused"


def test_a_launched_briefing_waits_for_its_team_and_a_deserted_setup_does_not(
        kiosk: Callable[..., Pilot]) -> None:
    # GIVEN a mission the facilitator launched, with its briefing on screen
    pilot = kiosk()
    open_panel(pilot)
    pilot.tap("minutes:+")
    pilot.tap("launch")
    assert pilot.screen == "briefing"
    # WHEN nobody touches the kiosk for ten minutes
    pilot.app.last_input -= 600
    pilot.wait(600)
    # THEN the story still waits, and says the facilitator's time
    assert pilot.screen == "briefing" and pilot.app.state.launched
    minutes = pilot.app.state.time_limit // 60
    assert pilot.app.mission is not None and minutes == pilot.app.mission.minutes("9-12") + 1
    rules = [fit.text for fit in pilot.fits() if fit.name == "rule"]
    assert f"Vous avez {minutes:g} minutes." in rules, rules
    # WHEN a team starts a setup itself and walks away
    pilot.app.command(Reset())
    pilot.app.command(StartSetup())
    pilot.advance()
    pilot.app.last_input -= 200
    pilot.wait(200)
    # THEN the kiosk goes back to the attract screen
    assert pilot.screen == "attract"


def test_the_debrief_returns_to_the_attract_screen_and_forgets_the_team(kiosk: Callable[..., Pilot]) -> None:
    pilot = kiosk(debrief_return_seconds=60)
    assert pilot.clock is not None
    stage(pilot.app, pilot.clock, screen="debrief")
    pilot.app.change_settings(Settings(text_step=2, high_contrast=True, font="opendyslexic"))
    pilot.advance()
    pilot.wait(30)
    assert pilot.screen == "debrief"
    pilot.wait(31)
    assert pilot.screen == "attract"
    assert kinds(pilot)[-1] == "reset"
    assert pilot.app.settings == Settings()
    assert [s.name for s in pilot.app.stack] == ["attract"]


def test_a_restarted_kiosk_says_it_resumes_then_shows_the_map(kiosk: Callable[..., Pilot], mission: Mission) -> None:
    journal = Journal.memory()
    clock = ManualClock(5_000.0)
    first = Session({mission.id: mission}, journal, clock)
    first.handle(StartSetup())
    first.handle(Choose(mission=mission.id, age="9-12", language="fr"))
    first.handle(Confirm())
    first.handle(Start())
    clock.advance(100)
    first.handle(Submit("message", "SOURCE"))
    clock.advance(3_600)  # the kiosk was off for an hour
    pilot = kiosk(journal=journal, clock=clock)
    assert pilot.screen == "resume"
    assert pilot.app.session.remaining() == pytest.approx(15 * 60 - 100)
    pilot.wait(3.5)
    assert pilot.screen == "map"


# -- snapshots --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_pin_pad_matches_its_reference(kiosk: Callable[..., Pilot], language: str) -> None:
    pilot = kiosk(language=language)
    pilot.press("f12")
    enter_pin(pilot, "1357")
    pilot.tap("key:2")
    check_snapshot(f"kiosk-pin-{language}", render(pilot))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_panel_matches_its_reference(kiosk: Callable[..., Pilot], language: str) -> None:
    pilot = kiosk(language=language)
    to_map(pilot, language)
    open_panel(pilot)
    check_snapshot(f"kiosk-panel-{language}", render(pilot))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_idle_prompt_matches_its_reference(kiosk: Callable[..., Pilot], language: str) -> None:
    pilot = kiosk(language=language)
    to_map(pilot, language)
    pilot.wait(125)
    assert pilot.screen == "idle"
    check_snapshot(f"kiosk-idle-{language}", render(pilot))


# -- a real kiosk, killed and restarted ---------------------------------------------------------


def _events(data_dir: Path) -> list[tuple[str, str]]:
    db = sqlite3.connect(data_dir / JOURNAL_FILE, timeout=10)
    try:
        return list(db.execute("SELECT session, kind FROM events ORDER BY rowid"))
    finally:
        db.close()


def _start_kiosk(data_dir: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    return subprocess.Popen([sys.executable, "-m", "gardiens", "play", str(MISSION_DIR), "--kiosk", "--size",
                             "640x400", "--data-dir", str(data_dir)], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait_for_restored(data_dir: Path, count: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if sum(kind == "restored" for _s, kind in _events(data_dir)) >= count:
            return
        if process.poll() is not None:
            pytest.fail(f"the kiosk stopped: {process.stderr.read().decode() if process.stderr else ''}")
        time.sleep(0.05)  # a real program at its own pace: polling its journal is the only way to watch it
    pytest.fail("the kiosk never resumed its session")


def test_a_killed_kiosk_resumes_the_same_game(mission: Mission, pin_file: Path, tmp_path: Path) -> None:
    # GIVEN a kiosk's journal with a team mid-mission, played through the core as the kiosk would
    shutil.copy(pin_file, tmp_path / PIN_FILE)
    journal = Journal.open(tmp_path)
    session = Session({mission.id: mission}, journal, SystemClock())
    session.handle(StartSetup())
    session.handle(Choose(mission=mission.id, age="9-12", language="fr"))
    session.handle(Confirm())
    session.handle(Start())
    session.handle(Submit("message", "SOURCE"))
    session.handle(RequestHint("choix"))
    before = session.state
    remaining = session.remaining()
    journal.close()
    # WHEN the kiosk starts, is killed outright, and starts again
    for count in (1, 2):
        process = _start_kiosk(tmp_path)
        try:
            _wait_for_restored(tmp_path, count, process)
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
    # THEN the same session goes on, with its solved puzzles, hints and remaining time
    journal = Journal.open(tmp_path)
    try:
        events = journal.events(str(before.session_id))
    finally:
        journal.close()
    assert [e.kind for e in events].count("restored") == 2
    after = fold({mission.id: mission}, events)
    assert after.session_id == before.session_id
    assert after.lifecycle is Lifecycle.PLAYING
    assert {p: g.state for p, g in after.puzzles.items()} == {p: g.state for p, g in before.puzzles.items()}
    assert {p: g.hints for p, g in after.puzzles.items()} == {p: g.hints for p, g in before.puzzles.items()}
    assert after.time_limit + after.added - after.elapsed == pytest.approx(remaining, abs=1.0)
