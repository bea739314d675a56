"""`gardiens bench [--json]`: start-up, frame time, idle CPU and memory of the UI, next to bare pygame-ce.

Every figure is measured in the same run as its bare baseline so they can be compared; nothing is
asserted, the numbers are reported. Start-up is timed from spawning the real `gardiens play` process
to its first attract frame on screen, exactly as the bare baseline is timed from spawning Python.
"""

from __future__ import annotations

import argparse
import compileall
import importlib
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gardiens.cli.play import BENCH_MARKS, FIRST_FRAME, MISSIONS_READY, SESSION_MODULES
from gardiens.cli.steps import Gettext, load, window_size
from gardiens.core.clock import ManualClock
from gardiens.i18n.interface import N_

if TYPE_CHECKING:
    from gardiens.core.model import Mission

DESCRIPTION = N_(
    "Mesure démarrage, temps d'image, CPU au repos et mémoire, à côté de pygame-ce nu."
)
SIZE = (1920, 1080)
IDLE_SECONDS = 20.0
# The idle loop runs this long before its CPU is measured (see `_app_idle`).
IDLE_SETTLE_SECONDS = 1.0
STARTUP_RUNS = 5
# The scripted team looks at each screen this long before touching it (real teams read for far
# longer), and the kiosk waits on its attract screen this many times as long before it comes.
READ_SECONDS = 0.5
# Playthroughs by each scripted team: on a shared machine one playthrough's p99 (its seven or
# eight slowest frames) moves by a quarter from one run to the next.
PLAYTHROUGHS = 1
ARRIVAL_READS = 6
# A start that shows nothing for this long is reported as failed rather than waited on.
STARTUP_TIMEOUT = 60.0
# The goals of a kiosk on a small board: start-up within this many times bare pygame-ce's, the
# 99th percentile of frames (ms) for a team that reads and for one that touches without reading,
# idle CPU within this many times bare pygame-ce's, and memory after one playthrough (MB).
STARTUP_RATIO = 2.0
FRAME_READING_MS = 4.0
FRAME_RUSHED_MS = 8.0
IDLE_RATIO = 2.0
RSS_MB = 150.0
# Groups of frames over their goal shown, the largest first (see `over_goal`).
SLOWEST_KEPT = 6

def _bare_startup(size: tuple[int, int]) -> str:
    """Bare pygame-ce's start-up to its first frame, as a script."""
    return f"""
import pygame
pygame.init()
surface = pygame.display.set_mode({size!r})
pygame.display.flip()
print({FIRST_FRAME!r}, flush=True)
"""


def arguments(parser: argparse.ArgumentParser, _: Gettext) -> None:
    parser.add_argument("--json", action="store_true", help=_("résultat en JSON"))
    parser.add_argument("--size", type=window_size, default=SIZE,
                        help=_("taille de l'écran mesuré, ex. 1280x720 (1920x1080)"))
    parser.add_argument("--cpus", type=int, default=None,
                        help=_("épingle la mesure sur ce nombre de cœurs, ex. 1 pour une petite carte"))
    parser.add_argument("--console", action="store_true",
                        help=_("mesurer la console de l'animateur (bornes simulées, chromium)"))
    parser.add_argument("--kiosks", type=int, default=50, help=_("bornes simulées avec --console"))
    parser.add_argument("--seconds", type=float, default=20.0, help=_("durée de la mesure avec --console"))
    # Each measure's setting, with its default said in its help.
    for flag, kind, default, help_id in (
        ("--idle-seconds", float, IDLE_SECONDS, N_("durée de chaque mesure au repos ({default})")),
        (
            "--startup-runs",
            int,
            STARTUP_RUNS,
            N_("démarrages chronométrés de chaque sorte, médiane retenue ({default})"),
        ),
        (
            "--read-seconds",
            float,
            READ_SECONDS,
            N_("temps de lecture de l'équipe scriptée avant chaque toucher ({default})"),
        ),
        (
            "--playthroughs",
            int,
            PLAYTHROUGHS,
            N_("parties jouées par chaque équipe scriptée, médiane de leurs p99 retenue ({default})"),
        ),
    ):
        parser.add_argument(
            flag, type=kind, default=default, help=_(help_id).format(default=f"{default:g}")
        )


def _gardiens_command() -> list[str]:
    """How a facilitator starts the game: the installed `gardiens` script, else `python -m gardiens`."""
    script = Path(sys.executable).with_name("gardiens")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "gardiens"]


def _spawn_until(command: list[str], marks: tuple[str, ...]) -> dict[str, float]:
    """Milliseconds from spawning `command` to each of `marks` on its output; then it is stopped."""
    env = dict(
        os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1"
    )
    env[BENCH_MARKS] = "1"
    seen: dict[str, float] = {}
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:
            mark = line.strip()
            if mark in marks and mark not in seen:
                seen[mark] = (time.perf_counter() - start) * 1000
            if len(seen) == len(marks) or time.perf_counter() - start > STARTUP_TIMEOUT:
                break
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    missing = [mark for mark in marks if mark not in seen]
    if missing:
        raise RuntimeError(f"{' '.join(command[:3])}…: never printed {', '.join(missing)}")
    return seen


def _startups(runs: int, size: tuple[int, int] = SIZE) -> tuple[list[float], list[float], list[float]]:
    """Bare and app start-ups, taken in turn so a busy moment of the machine weighs on both."""
    bare: list[float] = []
    first: list[float] = []
    ready: list[float] = []
    # The game's bytecode, as `./play` writes it at the venue (and pip for the libraries): a
    # checkout whose Python writes none would otherwise compile it at each start (about 35 ms).
    compileall.compile_dir(Path(__file__).resolve().parents[1], quiet=1)
    for _ in range(max(1, runs)):
        bare.append(
            _spawn_until([sys.executable, "-c", _bare_startup(size)], (FIRST_FRAME,))[FIRST_FRAME]
        )
        with tempfile.TemporaryDirectory(prefix="gardiens-bench-") as data:
            marks = _spawn_until(
                [
                    *_gardiens_command(),
                    "play",
                    "--windowed",
                    "--size",
                    f"{size[0]}x{size[1]}",
                    "--data-dir",
                    data,
                ],
                (FIRST_FRAME, MISSIONS_READY),
            )
        first.append(marks[FIRST_FRAME])
        ready.append(marks[MISSIONS_READY])
    return bare, first, ready


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def _default_mission() -> tuple[Mission, Path]:
    """The mission measured (the one `play` offers by default), and its folder."""
    loaded = load(None)
    assert loaded is not None
    return loaded[0], loaded[1].parent


@dataclass(frozen=True)
class Frames:
    """Each measured frame's time (ms) on the wall clock, and the main thread's CPU time in it:
    on a shared machine the first also counts waiting for a core, the second only the work."""

    wall: list[float]
    cpu: list[float]
    # What set each frame off: the touch (the name of what was touched, without its id) and the
    # screen on top before and after it, e.g. "submit: puzzle → feedback".
    causes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Memory:
    """The kiosk's resident memory (MB) on the debrief screen that ends a playthrough, and once
    back on its attract screen waiting for the next team."""

    at_debrief: float
    between_teams: float


def _playthrough_frames(read_seconds: float, size: tuple[int, int] = SIZE) -> tuple[Frames, Memory, float]:
    """Frame times (ms) of the frames a team's touches cause, over a win through the interface.

    The kiosk first waits on its attract screen, then a scripted team plays to the debrief,
    looking at every screen, puzzle and feedback for `read_seconds` before touching it. A frame
    counts when it flipped or updated the display during a touch or what the touch set off (the
    screen it opens, the animation it starts, a countdown second meanwhile); frames while the
    team reads are run but not counted, so the many still frames of reading do not water the
    percentiles down. Also returned: the memory at the end of the playthrough and once the kiosk
    waits for the next team, and the milliseconds spent preparing ahead (`gardiens/ui/ahead.py`).
    """
    import pygame

    from gardiens.testing.pilot import Pilot
    from gardiens.testing.ui_autoplay import play_to_win

    # What the kiosk imports once its missions are in, before any team taps.
    for module in SESSION_MODULES:
        importlib.import_module(module)
    mission, folder = _default_mission()
    pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: folder}, size=size)
    app = pilot.app
    times = Frames([], [])
    step = app.step
    flip, update = pygame.display.flip, pygame.display.update
    shown = [0]
    counting = [True]
    touched = ["—"]
    tap, drag = pilot.tap, pilot.drag

    def kind(screen: str) -> str:
        return screen.split(":")[0] or "—"

    def named_tap(target: Any, **options: Any) -> None:
        touched[0] = target.split(":")[0] if isinstance(target, str) else "point"
        tap(target, **options)

    def named_drag(start: Any, end: Any, **options: Any) -> None:
        touched[0] = "drag"
        drag(start, end, **options)

    def counted_flip() -> None:
        shown[0] += 1
        flip()

    def counted_update(*args: Any) -> None:
        shown[0] += 1
        update(*args)

    def timed(dt: float | None = None, *, draw: bool = True) -> bool:
        before = shown[0]
        screen = pilot.screen
        start, cpu = time.perf_counter(), time.thread_time()
        animating = step(dt, draw=draw)
        if shown[0] != before and counting[0]:
            times.wall.append((time.perf_counter() - start) * 1000)
            times.cpu.append((time.thread_time() - cpu) * 1000)
            times.causes.append(f"{touched[0]}: {kind(screen)} → {kind(pilot.screen)}")
        return animating

    def reading(seconds: float) -> None:
        # The kiosk's own loop, in real time, as when a team stands reading.
        counting[0] = False
        try:
            app.run(seconds=seconds)
        finally:
            counting[0] = True

    app.step = timed  # type: ignore[method-assign]
    pilot.tap, pilot.drag = named_tap, named_drag  # type: ignore[method-assign]
    pygame.display.flip, pygame.display.update = counted_flip, counted_update
    from gardiens.testing.soak import rss_mb
    from gardiens.ui.ahead import TIDY_AFTER

    try:
        reading(ARRIVAL_READS * read_seconds)
        play_to_win(pilot, mission, mission.ages[0], mission.language,
                    read=lambda: reading(read_seconds))
    finally:
        pygame.display.flip, pygame.display.update = flip, update
        app.step = step  # type: ignore[method-assign]
    at_debrief = rss_mb()
    prepared = app.ahead.spent * 1000
    # « Terminer »: the kiosk goes back to its attract screen and waits for the next team, as it
    # does most of the day; what it then holds is what the next team starts from.
    pilot.tap("finish")
    app.run(seconds=TIDY_AFTER + 2)
    between = rss_mb()
    pilot.close()
    return times, Memory(at_debrief, between), prepared


def _bare_frames(count: int = 300, size: tuple[int, int] = SIZE) -> Frames:
    import pygame

    pygame.init()
    surface = pygame.display.set_mode(size)
    times = Frames([], [])
    for i in range(count):
        start, cpu = time.perf_counter(), time.thread_time()
        surface.fill((i % 255, 120, 200))
        pygame.display.flip()
        times.wall.append((time.perf_counter() - start) * 1000)
        times.cpu.append((time.thread_time() - cpu) * 1000)
    pygame.display.quit()
    return times


class _RunningClock(ManualClock):
    """Moves by hand for staging, and with the wall clock while the loop runs: the countdown ticks."""

    def __init__(self, start: float) -> None:
        super().__init__(start)
        self._origin = time.perf_counter()

    def now(self) -> float:
        return super().now() + time.perf_counter() - self._origin


def _cpu_share(seconds: float, loop: Callable[[float], None]) -> float:
    """Process CPU time over wall time while `loop` runs (its set-up is done before)."""
    wall = time.perf_counter()
    cpu = time.process_time()
    loop(seconds)
    return 100 * (time.process_time() - cpu) / max(1e-9, time.perf_counter() - wall)


def _bare_idle(size: tuple[int, int] = SIZE) -> tuple[Callable[[float], None], Callable[[], None]]:
    import pygame

    pygame.init()
    pygame.display.set_mode(size)
    clock = pygame.time.Clock()

    def loop(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            pygame.event.get()
            clock.tick(30)

    return loop, pygame.display.quit


def _app_idle(size: tuple[int, int] = SIZE) -> tuple[Callable[[float], None], Callable[[], None]]:
    """The real loop (30 frames/s when idle) on a puzzle screen nobody touches."""
    from gardiens.core.journal import Journal
    from gardiens.core.session import Session
    from gardiens.testing.pilot import Pilot
    from gardiens.testing.scenes import stage
    from gardiens.ui.app import App

    mission, folder = _default_mission()
    clock = _RunningClock(1_000_000.0)
    session = Session({mission.id: mission}, Journal.memory(), clock)
    pilot = Pilot(
        App(session, size=size, mission_dirs={mission.id: folder}, fixed_dt=1 / 60), clock
    )
    stage(pilot.app, clock, puzzle=mission.puzzles[0].id)
    pilot.settle()
    # Idle is what the kiosk costs once the screen is up and ready: what it prepares ahead for
    # the next touches (once, in slices) is done before the measure starts.
    while pilot.app.ahead.busy:
        pilot.app.ahead.step(1.0)
    pilot.app.fixed_dt = None
    # The loop's first frames catch the clock up with the time the set-up took (a hint offered
    # meanwhile redraws the screen), then keep the screen for a pop-up a touch may open
    # (`Frame.keep_top`): once, not what waiting costs.
    pilot.app.run(seconds=IDLE_SETTLE_SECONDS)

    def loop(seconds: float) -> None:
        pilot.app.run(seconds=seconds)

    return loop, pilot.close


def _idle_share(
    seconds: float, setup: Callable[[], tuple[Callable[[float], None], Callable[[], None]]]
) -> float:
    loop, close = setup()
    try:
        return _cpu_share(seconds, loop)
    finally:
        close()


def measure(idle_seconds: float, startup_runs: int = STARTUP_RUNS,
            read_seconds: float = READ_SECONDS, size: tuple[int, int] = SIZE,
            cpus: int | None = None, playthroughs: int = PLAYTHROUGHS) -> dict[str, Any]:
    """Every figure, the game's beside bare pygame-ce's, at `size`; pinned to the first `cpus`
    cores when given (the start-ups it spawns inherit it): a stand-in for a small board. Each
    scripted team plays `playthroughs` times: the p99 reported is the median of theirs."""
    from gardiens.ui.app import headless_environment

    headless_environment()
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    cores = os.sched_getaffinity(0)
    if cpus is not None:
        os.sched_setaffinity(0, set(sorted(cores)[:max(1, cpus)]))
    try:
        return _measured(idle_seconds, startup_runs, read_seconds, size, max(1, playthroughs))
    finally:
        os.sched_setaffinity(0, cores)


def _measured(idle_seconds: float, startup_runs: int, read_seconds: float,
              size: tuple[int, int], playthroughs: int = PLAYTHROUGHS) -> dict[str, Any]:
    bare_runs, first_runs, ready_runs = _startups(startup_runs, size)
    bare_startup = statistics.median(bare_runs)
    startup = statistics.median(first_runs)
    # Each playthrough by the team that reads, then by one that touches as soon as a screen is
    # up (nothing is ahead); the memory and the time spent ahead are the first reading one's.
    played = [(_playthrough_frames(read_seconds, size), _playthrough_frames(0.0, size)[0])
              for _ in range(playthroughs)]
    readings = [reading for (reading, _memory, _spent), _rushed in played]
    rusheds = [rushed for _reading, rushed in played]
    _first, rss, prepared = played[0][0]
    frames, rushed = _pooled(readings), _pooled(rusheds)
    p99_each = [_percentile(each.wall, 0.99) for each in readings]
    rushed_p99_each = [_percentile(each.wall, 0.99) for each in rusheds]
    p99, rushed_p99 = statistics.median(p99_each), statistics.median(rushed_p99_each)
    bare = _bare_frames(size=size)
    idle = _idle_share(idle_seconds, partial(_app_idle, size))
    bare_idle = _idle_share(idle_seconds, partial(_bare_idle, size))
    return {
        "startup_ms": round(startup, 1),
        "bare_startup_ms": round(bare_startup, 1),
        # When "touch to start" goes through: the missions are read and checked behind the first frame.
        "missions_ready_ms": round(statistics.median(ready_runs), 1),
        "startup_runs": len(first_runs),
        "playthroughs": playthroughs,
        "frame_ms_p50": round(_percentile(frames.wall, 0.5), 2),
        "frame_ms_p99": round(p99, 2),
        "frame_ms_p99_each": [round(ms, 2) for ms in p99_each],
        "frame_cpu_ms_p99": round(statistics.median(_percentile(each.cpu, 0.99) for each in readings), 2),
        "frames_measured": len(frames.wall),
        "read_seconds": read_seconds,
        "rushed_frame_ms_p50": round(_percentile(rushed.wall, 0.5), 2),
        "rushed_frame_ms_p99": round(rushed_p99, 2),
        "rushed_frame_ms_p99_each": [round(ms, 2) for ms in rushed_p99_each],
        "rushed_frame_cpu_ms_p99": round(statistics.median(_percentile(each.cpu, 0.99) for each in rusheds), 2),
        "rushed_frames_measured": len(rushed.wall),
        "prepared_ahead_ms": round(prepared, 1),
        "frames_over_reading_goal": sum(wall > FRAME_READING_MS for wall in frames.wall),
        "over_reading_goal": over_goal(frames, FRAME_READING_MS),
        "rushed_frames_over_goal": sum(wall > FRAME_RUSHED_MS for wall in rushed.wall),
        "rushed_over_goal": over_goal(rushed, FRAME_RUSHED_MS),
        "bare_frame_ms_p99": round(_percentile(bare.wall, 0.99), 2),
        "bare_frame_cpu_ms_p99": round(_percentile(bare.cpu, 0.99), 2),
        "idle_cpu_pct": round(idle, 2),
        "bare_idle_cpu_pct": round(bare_idle, 2),
        "idle_seconds": idle_seconds,
        # After one playthrough, the kiosk waiting for the next team; and on the debrief screen.
        "rss_mb": round(rss.between_teams, 1),
        "rss_debrief_mb": round(rss.at_debrief, 1),
        "targets": {
            "startup_within_2x_bare": startup <= STARTUP_RATIO * bare_startup,
            "frame_p99_reading_within_4ms": p99 <= FRAME_READING_MS,
            "frame_p99_rushed_within_8ms": rushed_p99 <= FRAME_RUSHED_MS,
            "idle_cpu_within_2x_bare": idle <= IDLE_RATIO * max(bare_idle, 0.1),
            "rss_within_150mb": rss.between_teams <= RSS_MB,
        },
        "video_driver": os.environ.get("SDL_VIDEODRIVER", ""),
        "size": f"{size[0]}x{size[1]}",
        "cpus": len(os.sched_getaffinity(0)),
    }


def _pooled(runs: list[Frames]) -> Frames:
    """The frames of several playthroughs as one list."""
    return Frames([ms for run in runs for ms in run.wall], [ms for run in runs for ms in run.cpu],
                  [cause for run in runs for cause in run.causes])


def over_goal(frames: Frames, goal_ms: float, kept: int = SLOWEST_KEPT) -> list[dict[str, Any]]:
    """The frames longer than `goal_ms` (wall clock), grouped by what set them off: the `kept`
    groups with the most of them, each with how many, their median and their longest."""
    groups: dict[str, list[float]] = {}
    for wall, cause in zip(frames.wall, frames.causes, strict=True):
        if wall > goal_ms:
            groups.setdefault(cause, []).append(wall)
    ranked = sorted(groups.items(), key=lambda item: (-len(item[1]), -max(item[1])))
    return [{"cause": cause, "frames": len(walls), "median_ms": round(statistics.median(walls), 1),
             "max_ms": round(max(walls), 1)} for cause, walls in ranked[:kept]]


def table(results: dict[str, Any], _: Gettext) -> list[list[str]]:
    """The figures as rows: what, the game's, bare pygame-ce's, their ratio, the goal, held or not."""
    targets = results["targets"]

    def ratio(mine: float, bare: float) -> str:
        return f"{mine / bare:.1f}×" if bare > 0 else "—"

    def held(key: str) -> str:
        return _("tenu") if targets[key] else _("NON tenu")

    startup, bare_startup = results["startup_ms"], results["bare_startup_ms"]
    idle, bare_idle = results["idle_cpu_pct"], results["bare_idle_cpu_pct"]
    bare_frame = results["bare_frame_ms_p99"]
    reading = _("équipe qui lit {seconds:g} s").format(seconds=results["read_seconds"])
    return [
        [_("démarrage (ms)"), f"{startup:.0f}", f"{bare_startup:.0f}", ratio(startup, bare_startup),
         f"≤ {STARTUP_RATIO:g}×", held("startup_within_2x_bare")],
        [_("image p99 (ms), {who}").format(who=reading), f"{results['frame_ms_p99']:.1f}",
         f"{bare_frame:.1f}", ratio(results["frame_ms_p99"], bare_frame),
         f"≤ {FRAME_READING_MS:g} ms", held("frame_p99_reading_within_4ms")],
        [_("image p99 (ms), équipe qui ne lit pas"), f"{results['rushed_frame_ms_p99']:.1f}",
         f"{bare_frame:.1f}", ratio(results["rushed_frame_ms_p99"], bare_frame),
         f"≤ {FRAME_RUSHED_MS:g} ms", held("frame_p99_rushed_within_8ms")],
        [_("image p99, temps CPU (ms), {who}").format(who=reading), f"{results['frame_cpu_ms_p99']:.1f}",
         f"{results['bare_frame_cpu_ms_p99']:.1f}", "", "", ""],
        [_("image p99, temps CPU (ms), équipe qui ne lit pas"), f"{results['rushed_frame_cpu_ms_p99']:.1f}",
         f"{results['bare_frame_cpu_ms_p99']:.1f}", "", "", ""],
        [_("image p50 (ms), {who}").format(who=reading), f"{results['frame_ms_p50']:.1f}", "", "", "", ""],
        [_("CPU au repos (%)"), f"{idle:.1f}", f"{bare_idle:.1f}", ratio(idle, max(bare_idle, 0.1)),
         f"≤ {IDLE_RATIO:g}×", held("idle_cpu_within_2x_bare")],
        [_("mémoire après une partie, en attendant l'équipe suivante (MB)"), f"{results['rss_mb']:.0f}",
         "", "", f"≤ {RSS_MB:g} MB", held("rss_within_150mb")],
        [_("mémoire sur l'écran de débriefing (MB)"), f"{results['rss_debrief_mb']:.0f}", "", "", "", ""],
    ]


def show(results: dict[str, Any], _: Gettext) -> None:
    """The table, its columns aligned, then what was measured and where."""
    head = [_("mesure"), "gardiens", _("pygame-ce nu"), _("rapport"), _("objectif"), ""]
    rows = [head, *table(results, _)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    for number, row in enumerate(rows):
        figures = (cell.rjust(width) for cell, width in zip(row[1:5], widths[1:5], strict=True))
        cells = [row[0].ljust(widths[0]), *figures, row[5]]
        print("  ".join(cells).rstrip())
        if number == 0:
            print("  ".join("─" * width for width in widths[:5]) + "  " + "─" * widths[5])
    print()
    print(_("{size}, {cpus} cœur(s), pilote vidéo {driver} ; {frames} images mesurées en lisant, "
            "{rushed} sans lire ; prêt pour « toucher pour commencer » à {ready:.0f} ms.").format(
        size=results["size"], cpus=results["cpus"], driver=results["video_driver"] or "—",
        frames=results["frames_measured"], rushed=results["rushed_frames_measured"],
        ready=results["missions_ready_ms"]))
    if results.get("playthroughs", 1) > 1:
        each = ", ".join(f"{ms:.1f}" for ms in results["frame_ms_p99_each"])
        rushed_each = ", ".join(f"{ms:.1f}" for ms in results["rushed_frame_ms_p99_each"])
        print(_("p99 de chaque partie (ms), médiane retenue : {reading} en lisant ; {rushed} sans lire.").format(
            reading=each, rushed=rushed_each))
    reading = _("équipe qui lit {seconds:g} s").format(seconds=results["read_seconds"])
    for who, goal, over, total, groups in (
            (reading, FRAME_READING_MS, results["frames_over_reading_goal"], results["frames_measured"],
             results["over_reading_goal"]),
            (_("équipe qui ne lit pas"), FRAME_RUSHED_MS, results["rushed_frames_over_goal"],
             results["rushed_frames_measured"], results["rushed_over_goal"])):
        print()
        print(_("Images de plus de {goal:g} ms, {who} : {over} sur {total}, d'abord les plus nombreuses "
                "(toucher : écran avant → après).").format(goal=goal, who=who, over=over, total=total))
        rows = [[_("cause"), _("images"), _("médiane (ms)"), _("max (ms)")],
                *([group["cause"], str(group["frames"]), f"{group['median_ms']:.1f}", f"{group['max_ms']:.1f}"]
                  for group in groups)]
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for row in rows:
            print("  ".join([row[0].ljust(widths[0]), *(cell.rjust(w) for cell, w in zip(row[1:], widths[1:],
                                                                                        strict=True))]).rstrip())


def run(args: argparse.Namespace) -> int:
    from gardiens.i18n.interface import cli_translator

    if args.console:
        from gardiens.cli.bench_console import run_console

        return run_console(args)
    results = measure(args.idle_seconds, args.startup_runs, args.read_seconds, args.size, args.cpus,
                      args.playthroughs)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        show(results, cli_translator().gettext)
    return 0
