"""Soaks: many whole sessions, or a long storm of random input, played in one process through the
real interface, the memory (RSS) sampled as they go: what a kiosk open ten hours a day goes through.

    samples = play_sessions(pilot, missions, 30, rng, on_sample=print)
    samples = random_storm(pilot, missions, minutes=3, rng=rng, on_sample=print)
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from gardiens.core import checkers
from gardiens.core.commands import Reset
from gardiens.core.journal import Journal
from gardiens.core.model import Mission
from gardiens.core.session import Lifecycle, PuzzleState
from gardiens.i18n.interface import INTERFACE_LANGUAGES
from gardiens.testing.pilot import Pilot, PilotError
from gardiens.testing.ui_autoplay import UiAutoplayError, enter_answer, solve_next
from gardiens.ui.ahead import TIDY_AFTER
from gardiens.ui.theme import TEXT_STEPS

# How often a team does each thing that is not answering right, per puzzle it meets.
WRONG_SHARE = 0.4
HINT_SHARE = 0.35
PAUSE_SHARE = 0.1
SETTINGS_SHARE = 0.15
# Touches and keys a storm makes between two samples of its memory.
STORM_BURST = 40
# What a storm types or pastes: emoji, right-to-left scripts, control characters, long pastes.
PASTES = (
    "😀🎉👍🏽" * 20,
    "שלום עולם مرحبا بالعالم",
    "\u202eevil\u202c\x00\x07",
    "é" * 10_000,
    "a" * 10_000,
    "Zalgo z̷̛̠a̴l̸g̶o̵",
)
KEYS = ("tab", "return", "escape", "left", "right", "up", "down", "backspace", "space", "a", "1")


@dataclass(frozen=True)
class Sample:
    """The memory after one session (or one burst of a storm), and what the caches held."""

    index: int
    rss_mb: float
    seconds: float
    caches: dict[str, int] = field(default_factory=dict)
    note: str = ""
    # For a session, the memory on its debrief screen, before the kiosk let the team's go.
    debrief_mb: float | None = None


def rss_mb() -> float:
    """The process's resident memory, in MB (the peak where /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cache_sizes(pilot: Pilot) -> dict[str, int]:
    """How many entries the interface's caches hold: what grows, when memory grows."""
    app = pilot.app
    sizes = {"screens": len(app.stack), "frame_layers": len(app.frame.layers)}
    sizes.update(app.assets.cache_sizes())
    sizes.update(app.type.cache_sizes())
    # And the kilobytes of those bounded by bytes: what a storm of settings fills.
    held = {"frame_layers": app.frame.layers.bytes, **app.assets.cache_bytes(), **app.type.cache_bytes()}
    sizes.update({f"{name}_kb": held_bytes >> 10 for name, held_bytes in held.items()})
    return sizes


def _sample(pilot: Pilot, index: int, started: float, note: str = "",
            debrief_mb: float | None = None) -> Sample:
    return Sample(index, round(rss_mb(), 1), round(time.perf_counter() - started, 2),
                  cache_sizes(pilot), note, debrief_mb)


class Team:
    """A random but valid team: it plays to the end, and on the way it answers wrong, asks for
    hints, pauses, and changes the language or the text size now and then."""

    def __init__(self, pilot: Pilot, mission: Mission, rng: random.Random) -> None:
        self.pilot = pilot
        self.mission = mission
        self.rng = rng
        self.age = rng.choice(mission.ages)
        self.languages = [mission.language, *mission.translations]
        self.language = rng.choice(self.languages)

    def play(self) -> None:
        """From wherever the kiosk is to the debrief screen."""
        pilot = self.pilot
        session = pilot.app.session
        for _ in range(600):
            state = session.state
            if pilot.screen == "learning":
                self.answer_check()
            elif state.lifecycle is Lifecycle.ATTRACT:
                pilot.tap("start")
            elif state.lifecycle is Lifecycle.SETUP:
                self.set_up()
            elif state.lifecycle is Lifecycle.BRIEFING:
                pilot.tap("start")
            elif state.lifecycle is Lifecycle.PAUSED:
                pilot.wait(self.rng.choice((5, 60)))
                pilot.tap("resume")
            elif state.lifecycle is Lifecycle.PLAYING and pilot.screen == "story":
                pilot.tap("continue")
            elif state.lifecycle is Lifecycle.PLAYING and pilot.screen != "map":
                # A screen a detour left open (a feedback, a pop-up): the way back to the map.
                pilot.tap(next(name for name in ("continue", "close", "back") if pilot.has(name)))
                pilot.settle()
            elif state.lifecycle is Lifecycle.PLAYING:
                if not self.detour():
                    solve_next(pilot, self.mission)
            elif pilot.has("debrief"):
                pilot.tap("debrief")
            else:
                break
        pilot.settle()
        if session.state.lifecycle is not Lifecycle.DEBRIEF:
            raise UiAutoplayError(f"the session did not end; stuck on {pilot.screen!r}")

    def set_up(self) -> None:
        pilot = self.pilot
        state = pilot.app.session.state
        if state.mission_id != self.mission.id:
            pilot.tap(f"mission:{self.mission.id}")
        elif state.age != self.age:
            pilot.tap(f"age:{self.age}")
        elif state.language != self.language:
            pilot.tap(f"lang:{self.language}")
        else:
            pilot.tap("confirm")

    def answer_check(self) -> None:
        """The learning check: one of its answers, or « Passer »; then on past the right answer."""
        pilot = self.pilot
        if pilot.has("continue"):
            pilot.tap("continue")
            return
        pilot.tap(self.rng.choice([name for name in pilot.names() if name.startswith("check:")] + ["skip"]))

    def detour(self) -> bool:
        """What a team does on the map besides answering right, each thing now and then; True
        when it left the map (a pause)."""
        rng = self.rng
        if rng.random() < SETTINGS_SHARE:
            self.change_settings()
        if rng.random() < PAUSE_SHARE and self.pilot.has("pause"):
            self.pilot.tap("pause")
            return True
        if rng.random() < WRONG_SHARE or rng.random() < HINT_SHARE:
            self.wrong_and_hint()
        return self.pilot.screen != "map"

    def change_settings(self) -> None:
        """The accessibility panel: another text size, and sometimes another language."""
        pilot = self.pilot
        rng = self.rng
        pilot.tap("a11y")
        pilot.tap(f"text:{rng.randrange(len(TEXT_STEPS))}")
        if rng.random() < 0.5:
            offered = [code for code in self.languages if code in INTERFACE_LANGUAGES]
            pilot.tap(f"language:{rng.choice(offered)}")
        pilot.tap("close")
        pilot.settle()

    def wrong_and_hint(self) -> None:
        """Open an available puzzle, maybe answer it wrong, maybe ask for hints, go back."""
        pilot = self.pilot
        rng = self.rng
        session = pilot.app.session
        ready = [p for p in self.mission.puzzles
                 if session.state.puzzles[p.id].state is PuzzleState.AVAILABLE]
        if not ready:
            return
        puzzle = rng.choice(ready)
        pilot.tap(f"tile:{puzzle.id}")
        if pilot.screen != f"puzzle:{puzzle.id}":
            return
        if rng.random() < HINT_SHARE and pilot.has("hint"):
            pilot.tap("hint")
            for _ in range(rng.randrange(1, 4)):
                if pilot.has("more"):
                    pilot.tap("more")
            pilot.tap("close")
            pilot.settle()
        if rng.random() < WRONG_SHARE:
            wrong = checkers.wrong_answer(session.played(puzzle.id), session.rewards_values(), rng)
            try:
                enter_answer(pilot, puzzle, wrong)
                entered = True
            except UiAutoplayError:
                entered = False
            if entered:
                pilot.tap("submit")
                pilot.settle()
                if pilot.screen == "feedback":
                    pilot.tap("continue")
                    pilot.settle()
        # Back to the map, as a team does that leaves a puzzle for later.
        if pilot.screen.startswith("puzzle:") and pilot.has("back"):
            pilot.tap("back")
            pilot.settle()


def play_sessions(pilot: Pilot, missions: Mapping[str, Mission], count: int, rng: random.Random,
                  on_sample: Callable[[Sample], None] = lambda sample: None) -> list[Sample]:
    """`count` teams, one after the other, on the same kiosk: a random mission, age and language
    each; the memory sampled on each debrief, then once the kiosk waits for the next team (its
    attract screen has let the last team's screens go)."""
    started = time.perf_counter()
    samples: list[Sample] = []
    ids = sorted(missions)
    for index in range(1, count + 1):
        mission = missions[rng.choice(ids)]
        team = Team(pilot, mission, rng)
        team.play()
        on_debrief = round(rss_mb(), 1)
        # The team is done: « Terminer » on the debrief makes the kiosk ready for the next one,
        # which it waits for on its attract screen.
        pilot.tap("finish")
        pilot.settle()
        pilot.wait(TIDY_AFTER + 1)
        sample = _sample(pilot, index, started, f"{mission.id} {team.age} {team.language}", on_debrief)
        samples.append(sample)
        on_sample(sample)
    return samples


def storm(pilot: Pilot, rng: random.Random, actions: int, pastes: tuple[str, ...] = PASTES) -> None:
    """Random taps (on widgets and anywhere), drags, keys and `pastes`, with waits now and then."""
    w, h = pilot.app.size
    for _ in range(actions):
        roll = rng.random()
        widgets = pilot.app.all_widgets()
        try:
            if roll < 0.45 and widgets:
                pilot.tap(rng.choice(widgets), mouse=rng.random() < 0.3)
            elif roll < 0.6:
                pilot.tap((rng.randrange(w), rng.randrange(h)))
            elif roll < 0.75:
                start = rng.choice(widgets).rect.center if widgets else (0, 0)
                pilot.drag(start, (rng.randrange(w), rng.randrange(h)), steps=3)
            elif roll < 0.9:
                pilot.press(rng.choice(KEYS), shift=rng.random() < 0.2)
            else:
                pilot.type(rng.choice(pastes))
        except PilotError:
            continue
        if rng.random() < 0.05:
            pilot.wait(rng.choice((1, 30, 400)))


def random_storm(pilot: Pilot, minutes: float, rng: random.Random,
                 on_sample: Callable[[Sample], None] = lambda sample: None,
                 every: float = 10.0) -> list[Sample]:
    """A storm of random input for `minutes` of wall time; the memory sampled every `every`
    seconds. A storm that ends a session (or strands the kiosk) starts the next team."""
    started = time.perf_counter()
    end = started + minutes * 60
    samples: list[Sample] = []
    next_sample = started
    while True:
        now = time.perf_counter()
        if now >= next_sample or now >= end:
            sample = _sample(pilot, len(samples) + 1, started, pilot.screen)
            samples.append(sample)
            on_sample(sample)
            next_sample = now + every
        if now >= end:
            return samples
        storm(pilot, rng, STORM_BURST)
        if pilot.app.session.state.lifecycle is Lifecycle.DEBRIEF:
            pilot.app.command(Reset())
            pilot.settle()


def launch_kiosk(missions: Mapping[str, Mission], dirs: Mapping[str, Path], size: tuple[int, int],
                 data_dir: Path) -> Pilot:
    """A kiosk with every mission and its journal on disk in `data_dir`, as a venue runs it,
    driven by a pilot."""
    return Pilot.launch(missions, mission_dirs=dirs, size=size, journal=Journal.open(data_dir))
