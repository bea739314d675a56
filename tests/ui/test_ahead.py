"""Preparation ahead of time: what a tap may open next is ready before the tap, in small slices,
without ever touching the session."""

from __future__ import annotations

import gc
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from gardiens.core import checkers
from gardiens.core.commands import StartSetup
from gardiens.core.model import Mission, Puzzle
from gardiens.core.session import Lifecycle
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.testing.ui_autoplay import enter_answer, play_to_win
from gardiens.ui.ahead import HEAVY
from gardiens.ui.assets import Assets
from gardiens.ui.screens import ending
from gardiens.ui.screens import scene as scene_module
from gardiens.ui.screens.play import FeedbackPanel, MapScreen
from gardiens.ui.sound import Sounds
from gardiens.ui.widgets.base import Button

from .conftest import MISSION_DIR, load, to_map

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def drain(pilot: Pilot, frames: int = 6000) -> None:
    """Frames that draw nothing until the kiosk has nothing left to prepare (the letters of every
    text size among it, loaded once a team has come: on a busy machine a slice does less)."""
    for _ in range(frames):
        if not pilot.app.ahead.busy:
            return
        pilot.advance()
    raise AssertionError("preparation never ended")


def count_renders(app: object, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts rendered from now on (a text rendered once is then taken from the cache)."""
    rendered: list[str] = []
    assets = app.assets  # type: ignore[attr-defined]
    fonts = assets._fonts

    def font(family: str, size: int, bold: bool = False) -> pygame.font.Font:
        key = (family, bold, size)
        if key not in fonts:
            rendered.append(f"new font {key}")
        return Assets.font(assets, family, size, bold)  # type: ignore[arg-type]

    def text(line: str, family: str, size: int, color: tuple[int, int, int], bold: bool = False) -> pygame.Surface:
        if (line, family, bold, size, color) not in assets._texts:
            rendered.append(line)
        return Assets.text(assets, line, family, size, color, bold)  # type: ignore[arg-type]

    monkeypatch.setattr(assets, "font", font)
    monkeypatch.setattr(assets, "text", text)
    return rendered


def test_a_puzzle_prepared_on_the_map_opens_without_setting_any_text(
    launch: Callable[..., Pilot], monkeypatch: pytest.MonkeyPatch
) -> None:
    pilot = launch()
    to_map(pilot)
    pilot.settle()
    assert pilot.screen == "map"
    drain(pilot)
    app = pilot.app
    first = next(p for p in app.mission.puzzles
                 if app.state.puzzles[p.id].state.name == "AVAILABLE")
    rendered = count_renders(app, monkeypatch)
    pilot.tap(f"tile:{first.id}")
    assert pilot.screen == f"puzzle:{first.id}"
    assert rendered == []


def _texts_set_by_taps(pilots: list[Pilot], monkeypatch: pytest.MonkeyPatch) -> tuple[Mission, list[tuple[str, list[str]]]]:
    """The mission a kiosk plays by default, played to the end at 1920×1080 by a team that reads
    each screen long enough for everything to be prepared ahead; and each of its taps with the
    texts it set (but the countdown, whose second may have fallen meanwhile)."""
    folder = SCENARIOS / "infox"
    mission = load(folder / "scenario.yaml")
    pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: folder}, size=(1920, 1080))
    pilots.append(pilot)
    rendered = count_renders(pilot.app, monkeypatch)
    taps: list[tuple[str, list[str]]] = []
    tap = pilot.tap

    def noted(target: Any, **options: Any) -> None:
        rendered.clear()
        tap(target, **options)
        if isinstance(target, str):
            taps.append((target, [line for line in rendered if not re.fullmatch(r"\d+:\d\d", line)]))

    monkeypatch.setattr(pilot, "tap", noted)
    play_to_win(pilot, mission, mission.ages[0], mission.language, read=lambda: drain(pilot))
    return mission, taps


def test_every_puzzle_of_a_whole_mission_opens_with_the_texts_prepared_for_it(
    pilots: list[Pilot], monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN the mission a kiosk plays by default, at 1920×1080, by a team that reads each
    # screen long enough for everything to be prepared ahead
    # WHEN it plays to the end
    mission, taps = _texts_set_by_taps(pilots, monkeypatch)
    opened = {target: texts for target, texts in taps if target.startswith("tile:")}
    # THEN each puzzle opened from the map set no text of its own: what was prepared for the
    # first ones was still kept when the last ones opened
    assert len(opened) == len(mission.puzzles)
    assert opened == {name: [] for name in opened}


def test_every_page_a_team_turns_to_was_prepared_with_its_puzzle(
    pilots: list[Pilot], monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN the mission a kiosk plays by default, whose feed of posts takes two pages at 1920×1080
    # WHEN a team that reads each screen plays it to the end
    _mission, taps = _texts_set_by_taps(pilots, monkeypatch)
    turned = [texts for target, texts in taps if target in ("page-next", "page-previous")]
    # THEN each page it turned to set no text of its own: its posts were drawn ahead, off screen
    assert turned
    assert turned == [[] for _ in turned]


def right_answer_entered(launch: Callable[..., Pilot], mission: Mission) -> tuple[Pilot, Puzzle]:
    """A team on the first puzzle open, its right answer entered and « Valider » not yet
    touched, with everything prepared ahead."""
    pilot = launch()
    to_map(pilot)
    pilot.settle()
    app = pilot.app
    first = next(p for p in mission.puzzles if app.state.puzzles[p.id].state.name == "AVAILABLE")
    pilot.tap(f"tile:{first.id}")
    session = app.session
    enter_answer(pilot, first, checkers.solution(session.played(first.id), session.rewards_values()))
    drain(pilot)
    return pilot, first


def test_the_feedback_of_a_right_answer_opens_with_its_texts_set(
    launch: Callable[..., Pilot], mission: Mission, monkeypatch: pytest.MonkeyPatch
) -> None:
    pilot, first = right_answer_entered(launch, mission)
    app = pilot.app
    rendered = count_renders(app, monkeypatch)
    pilot.tap("submit")
    assert pilot.screen == "feedback"
    assert app.state.puzzles[first.id].state.name == "SOLVED"
    # Not even the count of puzzles solved, in the bar of the puzzle under the feedback, is new.
    assert rendered == []


def test_the_feedback_of_a_right_answer_rises_from_its_card_drawn_ahead(
    launch: Callable[..., Pilot], mission: Mission, monkeypatch: pytest.MonkeyPatch
) -> None:
    pilot, _first = right_answer_entered(launch, mission)
    app = pilot.app
    assert app.frame.kept_card is not None
    painted: list[object] = []
    paint = FeedbackPanel.paint
    monkeypatch.setattr(FeedbackPanel, "paint", lambda self, surface, card: (painted.append(self),
                                                                             paint(self, surface, card)))
    # WHEN « Valider » opens the feedback
    pilot.tap("submit")
    top = app.top
    assert isinstance(top, FeedbackPanel) and top.lift() > 0 and app.surface is not None
    # THEN its first frame painted no card, and shows what the pop-up painting itself shows
    assert top not in painted
    under = app.frame.under
    assert under is not None
    expected = under[1].copy()
    top.draw(expected)
    app.frame.draw_above(expected)
    assert pygame.image.tobytes(app.surface, "RGB") == pygame.image.tobytes(expected, "RGB")
    painted.clear()
    # AND the frames it rises in paint none either
    while top.animating():
        pilot.advance()
    assert painted == []


def test_a_puzzle_with_a_picture_prepared_on_the_map_opens_without_reading_or_drawing_it(
    launch: Callable[..., Pilot], monkeypatch: pytest.MonkeyPatch
) -> None:
    pilot = launch()
    assert pilot.clock is not None
    stage(pilot.app, pilot.clock, screen="map")
    pilot.settle()
    drain(pilot)
    app = pilot.app
    pictured = next(p for p in app.mission.puzzles
                    if p.image and app.state.puzzles[p.id].state.name == "AVAILABLE")
    taken: list[Path] = []
    take = app.assets._take

    def counted(path: Path, size: tuple[int, int]) -> pygame.Surface | None:
        taken.append(path)
        return take(path, size)

    monkeypatch.setattr(app.assets, "_take", counted)
    pilot.tap(f"tile:{pictured.id}")
    assert pilot.screen == f"puzzle:{pictured.id}"
    assert taken == []


def test_slices_are_small_and_heavy_ones_wait_for_a_quiet_frame(
    launch: Callable[..., Pilot], monkeypatch: pytest.MonkeyPatch
) -> None:
    pilot = launch()
    app = pilot.app
    ahead = app.ahead
    assert ahead.busy  # the letters of every text size, the sounds...
    # Each slice costs one millisecond of a clock of the test's own, whatever the machine does.
    clock = [0.0]
    monkeypatch.setattr("gardiens.ui.ahead.time.perf_counter", lambda: clock[0])
    ahead._replan()
    taken: list[bool] = []

    def counted(slices: Iterator[object], heavy: list[bool]) -> Iterator[object]:
        for said in slices:
            clock[0] += 0.001
            taken.append(heavy[0])
            heavy[0] = said == HEAVY
            yield said

    for job in ahead._jobs:
        job.slices = counted(job.slices, [job.heavy])
    # A frame topped up while an animation runs stops on its budget and takes no heavy slice.
    ahead.step(0.0035, False)
    assert 1 <= len(taken) <= 4
    assert not any(taken)
    # Every job announcing a heavy slice: a busy frame takes none of them, a quiet one does.
    for job in ahead._jobs:
        job.heavy = True
    taken.clear()
    ahead.step(0.0035, False)
    assert taken == []
    ahead.step(0.0035, True)
    assert taken
    monkeypatch.undo()
    drain(pilot)
    assert not ahead.busy


def test_a_heavy_slice_an_animation_put_off_runs_first_at_the_next_quiet_frame(
    launch: Callable[..., Pilot], monkeypatch: pytest.MonkeyPatch
) -> None:
    pilot = launch()
    drain(pilot)
    ahead = pilot.app.ahead
    clock = [0.0]
    monkeypatch.setattr("gardiens.ui.ahead.time.perf_counter", lambda: clock[0])
    done: list[str] = []

    def scene() -> Iterator[object]:
        yield HEAVY
        clock[0] += 0.001
        done.append("scene")

    def puzzle(name: str) -> Iterator[object]:
        for _ in range(3):
            clock[0] += 0.010  # a light slice longer than a frame's share
            done.append(name)
            yield None

    monkeypatch.setattr(ahead, "_plan", lambda: [scene(), puzzle("a"), puzzle("b")])
    ahead._planned = None
    # A frame of an animation: the scene's heavy slice waits, a light one runs.
    ahead.step(0.003, False)
    assert done == ["a"]
    # The next quiet frame goes to the job planned first, not to the light ones queued after it.
    ahead.step(0.006, True)
    assert done[:2] == ["a", "scene"]


def test_a_slice_of_letters_ends_once_it_has_taken_half_a_millisecond(
    launch: Callable[..., Pilot], monkeypatch: pytest.MonkeyPatch
) -> None:
    pilot = launch()
    ahead = pilot.app.ahead
    clock = [0.0]
    monkeypatch.setattr("gardiens.ui.ahead.time.perf_counter", lambda: clock[0])
    font = pilot.app.type.font(90, True)

    class Slow:
        """A large font: a render of its letters takes 0.4 ms."""

        def size(self, text: str) -> tuple[int, int]:
            return font.size(text)

        def render(self, text: str, antialias: bool, color: tuple[int, int, int]) -> pygame.Surface:
            clock[0] += 0.0004
            return font.render(text, antialias, color)

    monkeypatch.setattr(pilot.app.type, "font", lambda size, bold=False: Slow())
    slices = ahead._letters(True, 90)
    key = (pilot.app.type.family, True, 90)
    loaded = []
    for _ in range(3):
        next(slices)
        loaded.append(ahead._loaded[key])
    # Two renders of two letters each, the second ending past half a millisecond.
    assert loaded == [4, 8, 12]


def test_the_map_under_a_solve_feedback_is_ready_for_the_tap_that_closes_it(
    pilots: list[Pilot], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_fitted = Assets._load_fitted

    def slow(path: Path, size: tuple[int, int]) -> pygame.Surface:
        time.sleep(0.05)  # a picture read on a small board: later than the first quiet frames
        return load_fitted(path, size)

    monkeypatch.setattr(Assets, "_load_fitted", staticmethod(slow))
    # A mission whose scene is a picture, read on the worker.
    folder = SCENARIOS / "infox"
    mission = load(folder / "scenario.yaml")
    assert mission.scene is not None
    pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: folder})
    pilots.append(pilot)
    app = pilot.app
    assert pilot.clock is not None
    stage(app, pilot.clock, screen="success")
    # What the full-screen layers held has gone (they keep a map's or the attract screen's):
    # the map under the feedback is drawn while its picture is read again.
    app.frame.layers.clear()
    pilot.settle()
    assert pilot.screen == "feedback" and isinstance(app.stack[0], MapScreen)
    drain(pilot, 30000)
    built: list[tuple[int, int]] = []
    picture = scene_module.picture

    def counted(*args: Any, **kwargs: Any) -> pygame.Surface:
        built.append(args[2])
        return picture(*args, **kwargs)

    monkeypatch.setattr(scene_module, "picture", counted)
    pilot.tap("continue")
    assert pilot.screen == "map"
    assert built == []


def test_the_victory_prepared_under_the_last_feedback_opens_without_composing_its_scene(
    launch: Callable[..., Pilot], mission: Mission, monkeypatch: pytest.MonkeyPatch
) -> None:
    pilot = launch()
    app = pilot.app

    class LastFeedback(Exception):
        pass

    def read() -> None:
        if pilot.screen == "feedback" and app.state.lifecycle is Lifecycle.DEBRIEF:
            raise LastFeedback

    with pytest.raises(LastFeedback):
        play_to_win(pilot, mission, mission.ages[0], mission.language, read=read)
    drain(pilot)
    composed: list[str] = []
    lumi, bubble = ending.lumi, ending._Ending._bubble_layer
    monkeypatch.setattr(ending, "lumi", lambda *a, **k: composed.append("lumi") or lumi(*a, **k))
    monkeypatch.setattr(ending._Ending, "_bubble_layer",
                        lambda *a, **k: composed.append("bubble") or bubble(*a, **k))
    # (nor making the full-screen surface its beam is drawn on: 8 ms of fresh memory)
    scratch = app.frame.lasts["beam-scratch"][1]
    pilot.tap("continue")
    assert pilot.screen == "victory"
    assert composed == []
    assert app.frame.lasts["beam-scratch"][1] is scratch


def test_the_briefing_is_prepared_once_the_team_has_chosen(
    launch: Callable[..., Pilot], monkeypatch: pytest.MonkeyPatch
) -> None:
    pilot = launch()
    pilot.tap("start")
    pilot.tap("age:13-16")
    drain(pilot)
    rendered = count_renders(pilot.app, monkeypatch)
    pilot.tap("confirm")
    assert pilot.screen == "briefing"
    # The team's name card and the countdown may be new; the story and the rules are ready.
    assert len(rendered) <= 2, rendered


def test_the_learning_check_asked_before_the_briefing_is_prepared_once_the_team_has_chosen(
    pilots: list[Pilot], monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a mission whose learning check asks a first question before the briefing, and a
    # team that has chosen its age
    folder = SCENARIOS / "infox"
    mission = load(folder / "scenario.yaml")
    assert mission.learning_check
    pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: folder}, size=(1920, 1080))
    pilots.append(pilot)
    pilot.tap("start")
    pilot.tap(f"age:{mission.ages[0]}")
    drain(pilot)
    rendered = count_renders(pilot.app, monkeypatch)
    # WHEN it confirms
    pilot.tap("confirm")
    # THEN the question shows with every text already set
    assert pilot.screen == "learning"
    assert rendered == []


def test_preparing_never_changes_the_session(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    app = pilot.app
    version = app.session.version
    app.preparing = True
    try:
        with pytest.raises(RuntimeError, match="prepared ahead"):
            app.command(StartSetup())
    finally:
        app.preparing = False
    assert app.session.version == version
    drain(pilot)
    assert app.session.version == version
    assert app.state.lifecycle is Lifecycle.ATTRACT


def test_waiting_on_the_attract_screen_sets_memory_aside_from_the_collector(
    launch: Callable[..., Pilot]
) -> None:
    gc.unfreeze()
    pilot = launch()
    drain(pilot)
    assert gc.get_freeze_count() > 0
    gc.unfreeze()


def test_a_picture_read_on_the_worker_is_the_one_read_at_once() -> None:
    pygame.display.init()
    pygame.display.set_mode((64, 64))
    try:
        path = MISSION_DIR / "photo.svg"
        worker, direct = Assets(), Assets()
        asked: list[tuple[Path, tuple[int, int]]] = []
        worker.prefetch = asked
        stand_in = worker.image(path, (300, 200))
        worker.prefetch = None
        assert stand_in is not None and asked == [(path, (300, 200))]
        while not worker.request_image(path, (300, 200)):
            pass
        read = worker.image(path, (300, 200))
        at_once = direct.image(path, (300, 200))
        assert read is not None and at_once is not None
        assert read.get_size() == at_once.get_size() == stand_in.get_size()
        assert pygame.image.tobytes(read, "RGBA") == pygame.image.tobytes(at_once, "RGBA")
        worker.close()
    finally:
        pygame.display.quit()


def test_sounds_are_synthesised_in_slices_to_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    sounds = Sounds()
    if not sounds.available:
        pytest.skip("no mixer, not even the dummy driver")
    slices = sum(1 for _ in sounds.preparing("victory"))
    assert slices > 10
    sliced = sounds._cache["victory"].get_raw()
    again = Sounds()
    again.prepare("victory")
    assert again._cache["victory"].get_raw() == sliced


def test_a_kept_button_look_is_the_button_drawn_and_reports_its_label(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    app = pilot.app
    button = Button("essai", pygame.Rect(130, 90, 420, 120), "Un autre nom", icon="dice", kind="plain")
    painted = pygame.Surface(app.size)
    kept = pygame.Surface(app.size)
    for surface in (painted, kept):
        surface.fill((200, 180, 150))
    button.paint(painted, app, button.rect, False)
    for _ in range(2):  # drawn, then taken from the kept looks
        app.type.report = []
        button.draw(kept, app, focused=False, pressed=False)
        assert [fit.name for fit in app.type.report] == ["essai"]
        assert button.rect.contains(pygame.Rect(app.type.report[0].box))
        assert pygame.image.tobytes(kept, "RGB") == pygame.image.tobytes(painted, "RGB")


def test_kept_looks_stay_within_their_pixel_budget(
    launch: Callable[..., Pilot], monkeypatch: pytest.MonkeyPatch
) -> None:
    import gardiens.ui.widgets.base as widgets

    monkeypatch.setattr(widgets, "LOOKS_PIXELS", 200_000)
    pilot = launch()
    app = pilot.app
    app.looks.clear()
    surface = pygame.Surface(app.size)
    for index in range(60):
        button = Button(f"b{index}", pygame.Rect(10, 10, 300, 100), f"Bouton {index}")
        button.draw(surface, app, focused=False, pressed=False)
        assert app.looks._pixels <= 200_000
    kept = app.looks._kept
    assert 0 < len(kept) < 60
    assert app.looks._pixels == sum(c.get_width() * c.get_height() for c, *_ in kept.values())


def test_every_sound_is_made_in_the_first_frames_so_no_play_synthesises(
        launch: Callable[..., Pilot], monkeypatch: pytest.MonkeyPatch) -> None:
    pilot = launch()
    sounds = pilot.app.sounds
    if sounds is None or not sounds.available:
        pytest.skip("no mixer")
    for _ in range(600):
        if not sounds.unprepared():
            break
        pilot.advance()
    assert sounds.unprepared() == []

    def synthesised(*_: object) -> None:
        raise AssertionError("a sound synthesised on a play")

    monkeypatch.setattr(Sounds, "_synthesise", synthesised)
    for name in ("tap", "right", "victory", "time_up"):
        sounds.play(name)
