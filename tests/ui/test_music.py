"""The mission's music: loops synthesised once and seamless, volumes, when it plays, the tension
cue of the last minutes, and the venue's default."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from gardiens.core.clock import ManualClock
from gardiens.core.commands import Pause, Resume
from gardiens.core.journal import Journal
from gardiens.core.kiosk import KioskSettings, load_settings
from gardiens.core.model import THEMES, Mission
from gardiens.core.session import Session
from gardiens.testing.pilot import FRAME, Pilot
from gardiens.ui.app import App
from gardiens.ui.desk.attendant import KioskAttendant
from gardiens.ui.sound import (
    _THEME_CHORDS,
    DUCKED,
    LOOP_SECONDS,
    TENSION_SECONDS,
    Mood,
    Music,
    synthesise_loop,
    synthesise_tension,
    tension_starts,
)
from gardiens.ui.theme import MUSIC_LEVELS, Settings
from tests.ui.conftest import MISSION_DIR, to_map


class Channel:
    """Stands for a mixer channel and writes down what the music asks of it."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.volume = 1.0

    def play(self, sound: Any, loops: int = 0, fade_ms: int = 0) -> None:
        self.calls.append(("play", loops))

    def fadeout(self, ms: int) -> None:
        self.calls.append(("fadeout", ms))

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    def said(self, what: str) -> int:
        return sum(1 for call, _ in self.calls if call == what)


def listened(music: Music | None) -> tuple[Channel, Channel]:
    """Replace the music's two channels (ambient, tension) by ones that listen."""
    if music is None or not music.available:
        pytest.skip("no mixer here")
    channels = (Channel(), Channel())
    music._channels = channels  # type: ignore[assignment]
    return channels


def run(generator: Any) -> Any:
    while True:
        try:
            next(generator)
        except StopIteration as done:
            return done.value


def test_every_theme_has_its_own_loop() -> None:
    assert set(_THEME_CHORDS) == set(THEMES)
    assert len(set(_THEME_CHORDS.values())) == len(THEMES)


@pytest.mark.parametrize("theme", ["infox", "jeux-video"])
def test_a_loop_is_seamless_its_last_sample_leads_into_the_first(theme: str) -> None:
    rate = 8000
    samples = run(synthesise_loop(_THEME_CHORDS[theme], LOOP_SECONDS, rate))
    assert len(samples) == int(LOOP_SECONDS * rate)
    steps = [abs(b - a) for a, b in pairwise(samples)]
    # Going round the loop is no bigger a step than any step inside it: no click.
    assert abs(samples[0] - samples[-1]) <= max(steps) * 1.05
    assert max(abs(v) for v in samples) == pytest.approx(1.0)


def test_the_tension_pulse_is_seamless_too() -> None:
    samples = run(synthesise_tension(8000))
    steps = [abs(b - a) for a, b in pairwise(samples)]
    assert abs(samples[0] - samples[-1]) <= max(steps) * 1.05


def test_a_loop_is_synthesised_once_in_slices_and_never_during_a_frame() -> None:
    music = Music()
    if not music.available:
        pytest.skip("no mixer here")
    ambient, _tension = listened(music)
    # Not ready: following the mood waits for it rather than synthesising in the frame.
    music.follow(Mood("infox"), FRAME)
    assert ambient.said("play") == 0 and music.playing is None
    assert music.unprepared("infox") == ["infox", "tension"]
    pauses = list(music.preparing("infox"))
    # Many slices of arithmetic first, then only waits while the mixer converts the loop.
    working = pauses.index(True) if True in pauses else len(pauses)
    assert working > 100 and all(pauses[working:])
    assert list(music.preparing("infox")) == []
    assert music.unprepared("infox") == ["tension"]
    music.follow(Mood("infox"), FRAME)
    assert ambient.said("play") == 1 and music.playing == "infox"


def test_a_synthesis_left_off_goes_on_where_it_stopped() -> None:
    fresh, music = Music(), Music()
    if not music.available:
        pytest.skip("no mixer here")
    slices = sum(1 for waiting in fresh.preparing("tension") if not waiting)
    # The frames' plan is made anew after a tap: the job it dropped is asked for again.
    dropped = music.preparing("tension")
    for _ in range(40):
        assert next(dropped) is False
    dropped.close()
    assert sum(1 for waiting in music.preparing("tension") if not waiting) == slices - 40
    assert music.unprepared("infox") == ["infox"]
    fresh.close()
    music.close()


def test_a_loop_synthesised_at_a_low_rate_plays_for_its_whole_length_at_the_mixer_rate() -> None:
    music = Music()
    if not music.available:
        pytest.skip("no mixer here")
    music.prepare("jeux-video")
    music.prepare("tension")
    assert music._cache["jeux-video"].get_length() == pytest.approx(LOOP_SECONDS, abs=0.01)
    assert music._cache["tension"].get_length() == pytest.approx(TENSION_SECONDS, abs=0.01)
    music.close()


def test_the_music_volume_scales_the_loop_and_a_pop_up_lowers_it() -> None:
    music = Music(volume=MUSIC_LEVELS["low"])
    ambient, _tension = listened(music)
    music.prepare("infox")
    music.follow(Mood("infox"), FRAME)
    assert ambient.volume == pytest.approx(0.5)
    for _ in range(120):
        music.follow(Mood("infox", ducked=True), FRAME)
    assert ambient.volume == pytest.approx(0.5 * DUCKED)
    music.volume = 0.0
    music.follow(Mood("infox"), FRAME)
    assert ambient.said("fadeout") == 1 and music.playing is None


def test_the_panel_volumes_reach_the_music_and_the_sounds(launch: Callable[..., Pilot]) -> None:
    pilot = launch(settings=Settings(music="low", effects="off"))
    pilot.advance()
    app = pilot.app
    if app.music is None or app.sounds is None or not app.music.available:
        pytest.skip("no mixer here")
    assert (app.music.volume, app.sounds.volume) == (0.5, 0.0)
    app.open_accessibility()
    pilot.advance()
    pilot.tap("music:off")
    pilot.tap("effects:normal")
    assert app.settings.music == "off" and app.settings.effects == "normal"
    assert (app.music.volume, app.sounds.volume) == (0.0, 1.0)


def test_music_plays_on_the_map_lowers_under_a_pop_up_and_stops_on_pause(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    app = pilot.app
    ambient, tension = listened(app.music)
    assert app.music is not None
    pilot.advance()
    assert app.mood().theme is None  # the attract screen is quiet
    to_map(pilot)
    app.music.prepare("infox")
    pilot.advance()
    assert app.music.playing == "infox" and ambient.said("play") == 1
    app.open_accessibility()
    pilot.advance()
    assert app.mood().ducked
    app.command(Pause())
    pilot.advance()
    assert app.music.playing is None and ambient.said("fadeout") == 1
    app.command(Resume())
    pilot.advance()
    assert app.music.playing == "infox" and ambient.said("play") == 2
    assert tension.said("play") == 0


def test_the_tension_cue_starts_once_in_the_last_minutes(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    app = pilot.app
    _ambient, tension = listened(app.music)
    assert app.music is not None and pilot.clock is not None
    to_map(pilot)
    app.music.prepare("infox")
    app.music.prepare("tension")
    pilot.advance()
    state = app.state
    starts = tension_starts(state.time_limit + state.added)
    assert 0 < starts <= 120
    pilot.clock.advance(app.session.remaining() - starts - 5)
    pilot.advance(3)
    assert not app.mood().tension and tension.said("play") == 0
    pilot.clock.advance(10)
    pilot.advance(3)
    assert app.mood().tension and tension.said("play") == 1
    for _ in range(3):
        pilot.clock.advance(1)
        pilot.advance(61)
    assert tension.said("play") == 1
    pilot.clock.advance(starts)
    pilot.advance(61)
    # Time is up: the ending screen is quiet.
    assert app.music.playing is None and tension.said("fadeout") == 1


def test_tension_starts_two_minutes_from_the_end_or_sooner_for_a_short_mission() -> None:
    assert tension_starts(15 * 60) == 120
    assert tension_starts(5 * 60) == 60


def test_a_venue_turns_the_music_off_by_default_in_kiosk_toml(mission: Mission, tmp_path: Path) -> None:
    (tmp_path / "kiosk.toml").write_text("music = false\n", encoding="utf-8")
    settings, problem = load_settings(tmp_path)
    assert problem is None and settings.music is False
    assert KioskSettings().music is True
    session = Session({mission.id: mission}, Journal.memory(), ManualClock(1_000_000.0))
    app = App(session, fixed_dt=FRAME, mission_dirs={mission.id: MISSION_DIR}, default_mission=mission.id)
    pilot = Pilot(app, ManualClock(1_000_000.0))
    try:
        attendant = KioskAttendant(app, data_dir=tmp_path, settings=settings)
        pilot.advance()
        assert app.settings.music == "off" and app.settings.effects == "normal"
        # A team may still turn it on; the next team finds the venue's choice again.
        app.change_settings(app.settings.with_(music="normal"))
        attendant.forget_team()
        assert app.settings.music == "off"
    finally:
        pilot.close()
