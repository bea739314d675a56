"""Kill soaks: a kiosk killed (SIGKILL) at a random moment of a playthrough, then started again on
its data folder; the session it restores must be the uninterrupted run's after the same events.

    runner = KillRunner(missions, dirs)
    rounds = runner.rounds(5, seed=0, on_round=print)

Each playthrough runs in a child process (the pilot, the real interface, a journal file in a
folder of its own, a team drawn from a seed that answers wrong, asks for hints and pauses, and a
hand-moved clock that the same seed moves the same way). The restore is another child that opens
the folder the way `gardiens play` does at start-up. The children are forked from a process that
has only read the missions: nothing of a journal or a window is shared with them.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gardiens.core.clock import ManualClock
from gardiens.core.journal import Event, Journal
from gardiens.core.model import Mission
from gardiens.core.session import Session, SessionState
from gardiens.i18n.missions import CatalogAnswers
from gardiens.testing.pilot import Pilot, Target
from gardiens.testing.soak import Team

# A team thinks between two touches for this long (seconds of the hand-moved clock, drawn from
# the seed): the countdown moves, so a restore that loses or gains time shows.
THINK_SECONDS = (1.0, 8.0)
# How long the kiosk stays off before it starts again: none of it is the team's time.
DOWNTIME = 3600.0
# Small, so that a round is quick; what is compared does not depend on the size.
SIZE = (1280, 800)
# A child that says nothing for this long is stuck: it is killed and the round reported.
SILENT_LIMIT = 120.0

Snapshot = dict[str, Any]


class KillError(RuntimeError):
    """A child process failed before the comparison could be made."""


@dataclass(frozen=True)
class KillMoment:
    """When the playthrough is killed: a delay after it is ready, or just after an event."""

    seconds: float | None = None
    events: int | None = None

    def __str__(self) -> str:
        if self.seconds is not None:
            return f"{self.seconds:.2f} s"
        return f"event {self.events}"


@dataclass(frozen=True)
class Reference:
    """The uninterrupted run of a team: its events (kind, data, time) and the live state of the
    session after each command's events, by the number of events stored."""

    events: tuple[tuple[str, Any, float], ...]
    states: Mapping[int, Snapshot]
    seconds: float


@dataclass(frozen=True)
class Restored:
    """What the kiosk found on its folder when it started again."""

    events: tuple[tuple[str, Any, float], ...]
    state: Snapshot


@dataclass(frozen=True)
class KillRound:
    index: int
    mission: str
    team: int
    moment: KillMoment
    # Events the playthrough had stored (the journal had returned) before the kill landed.
    accepted: int
    kept: int
    total: int
    differences: tuple[str, ...]

    @property
    def same(self) -> bool:
        return not self.differences


def snapshot(state: SessionState, elapsed: float, remaining: float) -> Snapshot:
    """What a restore must bring back, as plain data: the lifecycle, each puzzle's progress, the
    hints, the rewards, the story told and the time. Not the session id (drawn afresh by each
    run) nor the hint offers (worked out from the time now, not stored)."""
    return {
        "lifecycle": state.lifecycle.value,
        "outcome": state.outcome.value if state.outcome else None,
        "mission": state.mission_id,
        "age": state.age,
        "language": state.language,
        "team": state.team,
        "rewards": list(state.rewards),
        "told": list(state.told),
        "time_limit": state.time_limit,
        "added": state.added,
        "elapsed": round(elapsed, 6),
        "remaining": round(remaining, 6),
        "ended_at": state.ended_at,
        "puzzles": {
            pid: {"state": p.state.value, "attempts": p.attempts, "hints": p.hints,
                  "pushed": list(p.pushed), "opened_at": p.opened_at, "solved_at": p.solved_at,
                  "last_progress_at": p.last_progress_at}
            for pid, p in sorted(state.puzzles.items())
        },
    }


def frozen_snapshot(state: SessionState) -> Snapshot:
    """The snapshot of a state just after its last event, when the countdown reads its fold."""
    remaining = max(0.0, state.time_limit + state.added - state.elapsed)
    return snapshot(state, state.elapsed, remaining)


def state_differences(found: Snapshot, expected: Snapshot) -> list[str]:
    """Each field of `found` that is not `expected`'s, as `name: found ≠ expected`."""
    out: list[str] = []
    for key in sorted(set(found) | set(expected)):
        a, b = found.get(key), expected.get(key)
        if key == "puzzles" and isinstance(a, dict) and isinstance(b, dict):
            for pid in sorted(set(a) | set(b)):
                pa, pb = a.get(pid) or {}, b.get(pid) or {}
                out += [f"{pid}.{field}: {pa.get(field)} ≠ {pb.get(field)}"
                        for field in sorted(set(pa) | set(pb)) if pa.get(field) != pb.get(field)]
        elif a != b:
            out.append(f"{key}: {a} ≠ {b}")
    return out


def differences(restored: Restored, reference: Reference, accepted: int) -> list[str]:
    """Why the restored session is not the uninterrupted run's after as many events (none when
    it is): events accepted and then lost, events that are not the run's, a command stored in
    part, or a state that differs."""
    out: list[str] = []
    kept = len(restored.events)
    if kept < accepted:
        out.append(f"{accepted - kept} accepted event(s) lost")
    for number, (found, expected) in enumerate(zip(restored.events, reference.events, strict=False), 1):
        if found != expected:
            out.append(f"event {number} is {found[0]}, the run's is {expected[0]}")
            break
    if kept > len(reference.events):
        out.append(f"{kept - len(reference.events)} event(s) more than the whole run")
    expected_state = reference.states.get(kept)
    if expected_state is None:
        out.append(f"{kept} events end inside a command")
        return out
    return out + state_differences(restored.state, expected_state)


# -- the children ----------------------------------------------------------------------------


class _TeamPilot(Pilot):
    """A pilot whose team takes its time before each touch: the clock moves by the seed."""

    thinking: random.Random | None = None

    def tap(self, target: Target, *, mouse: bool = False) -> None:
        if self.thinking is not None and self.clock is not None:
            self.clock.advance(round(self.thinking.uniform(*THINK_SECONDS), 3))
        super().tap(target, mouse=mouse)


class _TellingJournal(Journal):
    """A journal that tells, after each append the disk took, how many events it holds."""

    stored = 0
    listener: Callable[[int], None] | None = None

    def append(self, session: str, at: float,
               batch: Sequence[tuple[str, Mapping[str, Any]]]) -> list[Event]:
        events = super().append(session, at, batch)
        if self.unsaved == 0:
            self.stored += len(events)
            if self.listener is not None:
                self.listener(self.stored)
        return events


def _play(mission: Mission, dirs: Mapping[str, Path], team: int, data_dir: Path,
          on_stored: Callable[[int, Session], None]) -> Session:
    """One team's playthrough to the debrief, on a journal file in `data_dir`; `on_stored` hears
    of each command's events once the journal has stored them (the state is not yet updated)."""
    journal = _TellingJournal.open(data_dir)
    pilot = _TeamPilot.launch({mission.id: mission}, mission_dirs=dirs, size=SIZE, journal=journal,
                              seed=team)
    assert isinstance(journal, _TellingJournal) and isinstance(pilot, _TeamPilot)
    pilot.thinking = random.Random(f"think {team}")
    session = pilot.app.session
    journal.listener = lambda count: on_stored(count, session)
    Team(pilot, mission, random.Random(team)).play()
    return session


def _fork(work: Callable[[Any], None]) -> tuple[int, Any]:
    """`work(out)` in a forked child writing lines to `out`; the child's id and the reading end.

    The sound device is closed first: its thread may hold a lock at the moment of the fork, and
    the child, which opens sound again, would wait on it for ever."""
    import pygame

    if pygame.mixer.get_init():
        pygame.mixer.quit()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        status = 0
        try:
            with os.fdopen(write, "w", encoding="utf-8") as out:
                work(out)
        except BaseException:
            traceback.print_exc()
            status = 1
        finally:
            os._exit(status)
    os.close(write)
    return pid, os.fdopen(read, "r", encoding="utf-8")


def _say(out: Any, **message: Any) -> None:
    out.write(json.dumps(message) + "\n")
    out.flush()


def _lines(pipe: Any, pid: int, timeout: float,
           limit: float = SILENT_LIMIT) -> Iterator[dict[str, Any] | None]:
    """The child's messages as they come; None each time `timeout` passes in silence. A child
    silent for longer than `limit` seconds is stuck: it is killed, and the messages end."""
    heard = time.monotonic()
    while True:
        ready, _, _ = select.select([pipe], [], [], timeout)
        if not ready:
            if time.monotonic() - heard > limit:
                os.kill(pid, signal.SIGKILL)
                return
            yield None
            continue
        heard = time.monotonic()
        line = pipe.readline()
        if not line:
            return
        yield json.loads(line)


def _reap(pid: int) -> int:
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def _events_of(stored: list[Event]) -> tuple[tuple[str, Any, float], ...]:
    return tuple((e.kind, json.loads(json.dumps(dict(e.data))), e.at) for e in stored)


def reference_run(mission: Mission, dirs: Mapping[str, Path], team: int) -> Reference:
    """The uninterrupted playthrough of `team`, in a child process of its own."""

    def work(out: Any) -> None:
        states: dict[int, Snapshot] = {}
        last = [0]

        def on_stored(count: int, session: Session) -> None:
            # The state after the previous command is complete once the next one is stored.
            states[last[0]] = frozen_snapshot(session.state)
            last[0] = count

        with tempfile.TemporaryDirectory(prefix="gardiens-kill-ref-") as data:
            started = time.perf_counter()
            session = _play(mission, dirs, team, Path(data), on_stored)
            seconds = time.perf_counter() - started
            states[last[0]] = frozen_snapshot(session.state)
            events = _events_of(list(session.journal.all_events()))
            session.journal.close()
        _say(out, events=events, states={str(k): v for k, v in states.items()}, seconds=seconds)

    pid, pipe = _fork(work)
    with pipe:
        message = next((m for m in _lines(pipe, pid, 1.0, SILENT_LIMIT * 5) if m is not None), None)
    status = _reap(pid)
    if message is None or status != 0:
        raise KillError(f"the uninterrupted run of team {team} on {mission.id} failed ({status})")
    return Reference(tuple((k, d, a) for k, d, a in message["events"]),
                     {int(k): v for k, v in message["states"].items()}, float(message["seconds"]))


def killed_run(mission: Mission, dirs: Mapping[str, Path], team: int, data_dir: Path,
               moment: KillMoment) -> int:
    """The playthrough of `team` in a child, SIGKILLed at `moment` (at its end at the latest);
    how many events it had stored when the kill was sent."""

    def work(out: Any) -> None:
        def on_stored(count: int, _session: Session) -> None:
            _say(out, stored=count)

        # The window and the missions' pictures first: a delay counts from when play begins.
        _say(out, ready=True)
        _play(mission, dirs, team, data_dir, on_stored)
        _say(out, done=True)
        # Played to the end: the kill still comes, as it would to a kiosk left on its debrief.
        while True:
            time.sleep(60)

    pid, pipe = _fork(work)
    accepted = 0
    deadline: float | None = None
    with pipe:
        for message in _lines(pipe, pid, 0.005):
            now = time.monotonic()
            if message is not None and message.get("ready") and moment.seconds is not None:
                deadline = now + moment.seconds
            if message is not None and "stored" in message:
                accepted = int(message["stored"])
            if (
                (deadline is not None and now >= deadline)
                or (moment.events is not None and accepted >= moment.events)
                or (message is not None and message.get("done"))
            ):
                os.kill(pid, signal.SIGKILL)
                break
        else:
            raise KillError(f"the playthrough of team {team} ended before it was killed")
    status = _reap(pid)
    if status != -signal.SIGKILL:
        raise KillError(f"the playthrough of team {team} ended with {status}, not by the kill")
    return accepted


def restore(missions: Mapping[str, Mission], data_dir: Path) -> Restored:
    """A fresh process starts on `data_dir` as `gardiens play` does: the journal opened, the last
    open session folded into a new `Session`, an hour after the last event."""

    def work(out: Any) -> None:
        journal = Journal.open(data_dir)
        stored = list(journal.all_events())
        clock = ManualClock((stored[-1].at if stored else 0.0) + DOWNTIME)
        session = Session(missions, journal, clock, answers=CatalogAnswers())
        state = snapshot(session.state, session.elapsed(), session.remaining())
        journal.close()
        _say(out, events=_events_of(stored), state=state)

    pid, pipe = _fork(work)
    with pipe:
        message = next((m for m in _lines(pipe, pid, 1.0) if m is not None), None)
    status = _reap(pid)
    if message is None or status != 0:
        raise KillError(f"the restore of {data_dir} failed ({status})")
    return Restored(tuple((k, d, a) for k, d, a in message["events"]), message["state"])


# -- rounds ------------------------------------------------------------------------------------


class KillRunner:
    """Rounds of kill and restore over `missions`, each uninterrupted run played once."""

    def __init__(self, missions: Mapping[str, Mission], dirs: Mapping[str, Path]) -> None:
        self.missions = dict(missions)
        self.dirs = dict(dirs)
        self._references: dict[tuple[str, int], Reference] = {}

    def reference(self, mission: str, team: int) -> Reference:
        key = (mission, team)
        if key not in self._references:
            self._references[key] = reference_run(self.missions[mission], self.dirs, team)
        return self._references[key]

    def round(self, index: int, mission: str, team: int, moment: KillMoment) -> tuple[KillRound, Restored]:
        """One kill and restore, compared with the uninterrupted run of the same team."""
        reference = self.reference(mission, team)
        with tempfile.TemporaryDirectory(prefix="gardiens-kill-") as data:
            accepted = killed_run(self.missions[mission], self.dirs, team, Path(data), moment)
            restored = restore({mission: self.missions[mission]}, Path(data))
        found = differences(restored, reference, accepted)
        return KillRound(index, mission, team, moment, accepted, len(restored.events),
                         len(reference.events), tuple(found)), restored

    def rounds(self, count: int, seed: int, *, teams: int | None = None,
               on_round: Callable[[KillRound], None] = lambda done: None) -> list[KillRound]:
        """`count` rounds drawn from `seed`: a mission and a team (one of `teams` teams, a new
        one each round when None), killed after a random delay or a random number of events."""
        rng = random.Random(seed)
        ids = sorted(self.missions)
        crew = [(rng.choice(ids), rng.randrange(1, 1_000_000)) for _ in range(teams or count)]
        done: list[KillRound] = []
        for index in range(1, count + 1):
            mission, team = crew[(index - 1) % len(crew)]
            reference = self.reference(mission, team)
            if rng.random() < 0.5:
                moment = KillMoment(seconds=round(rng.uniform(0.0, reference.seconds), 2))
            else:
                moment = KillMoment(events=rng.randint(1, len(reference.events)))
            result, _ = self.round(index, mission, team, moment)
            done.append(result)
            on_round(result)
        return done
