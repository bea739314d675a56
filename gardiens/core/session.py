"""A team's session: the lifecycle state machine, folded from the events of its journal.

Commands are checked against the current state; an accepted command appends its events
atomically and the state is the fold of every event so far. A refused command changes
nothing and says why. Time is read from an injected clock.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, Protocol

from gardiens.core import checkers
from gardiens.core import events as happened
from gardiens.core.checkers import MalformedAnswer, Verdict
from gardiens.core.clock import Clock
from gardiens.core.commands import (
    VISIT_CODE,
    Abandon,
    AddTime,
    AnswerCheck,
    Choose,
    Command,
    Confirm,
    Launch,
    Pause,
    PushHint,
    Refusal,
    RequestHint,
    RerollTeam,
    Reset,
    Resume,
    Skip,
    Start,
    StartSetup,
    Submit,
    Tick,
    TimerMode,
)
from gardiens.core.journal import Event, Journal
from gardiens.core.learning import Asked, Moment, pending
from gardiens.core.model import (
    AGE_BANDS,
    AgeBand,
    Mission,
    Puzzle,
    Text,
    pick_list,
)
from gardiens.core.pseudonym import is_team, random_team

MAX_ADDED_SECONDS = 60 * 60
MAX_PUSHED_HINT = 280


class Lifecycle(StrEnum):
    ATTRACT = "attract"
    SETUP = "setup"
    BRIEFING = "briefing"
    PLAYING = "playing"
    PAUSED = "paused"
    DEBRIEF = "debrief"


class Outcome(StrEnum):
    WON = "won"
    TIME_UP = "time_up"
    ABANDONED = "abandoned"


class PuzzleState(StrEnum):
    LOCKED = "locked"
    AVAILABLE = "available"
    SOLVED = "solved"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class PuzzleProgress:
    state: PuzzleState = PuzzleState.LOCKED
    attempts: int = 0
    hints: int = 0
    hint_offered: bool = False
    pushed: tuple[str, ...] = ()
    opened_at: float | None = None
    solved_at: float | None = None
    last_progress_at: float | None = None


@dataclass(frozen=True)
class SessionState:
    """Everything the screens need, as of the last event (times in seconds of play)."""

    session_id: str | None = None
    lifecycle: Lifecycle = Lifecycle.ATTRACT
    outcome: Outcome | None = None
    mission_id: str | None = None
    age: AgeBand | None = None
    language: str | None = None
    team: str | None = None
    # How the countdown runs: chosen at the setup or the launch, kept from the start.
    timer: TimerMode = TimerMode.NORMAL
    puzzles: Mapping[str, PuzzleProgress] = field(default_factory=dict)
    rewards: tuple[str, ...] = ()
    # The countdown's length: the facilitator's choice from the launch to the start, then the
    # one the mission started with (0 while none is set).
    time_limit: float = 0.0
    added: float = 0.0
    elapsed: float = 0.0
    running_since: float | None = None
    ended_at: float | None = None
    # The mission's story events fired so far (their places in `Mission.events`), in order.
    told: tuple[int, ...] = ()
    # The learning check's answers so far: (moment, question, choice or None when skipped).
    checked: tuple[Asked, ...] = ()

    @property
    def check_moment(self) -> Moment | None:
        """When the learning check is asked now: on the briefing, or at the debrief."""
        if self.lifecycle is Lifecycle.BRIEFING:
            return "before"
        if self.lifecycle is Lifecycle.DEBRIEF:
            return "after"
        return None

    @property
    def launched(self) -> bool:
        """On a briefing the facilitator launched: it waits for its team, however long."""
        return self.lifecycle is Lifecycle.BRIEFING and self.time_limit > 0


@dataclass(frozen=True)
class Reply:
    """The answer to a command: accepted or refused (with a reason), and what to show."""

    ok: bool
    reason: Refusal | None = None
    verdict: Verdict | None = None
    hint: Text | None = None
    events: tuple[Event, ...] = ()


def refused(reason: Refusal) -> Reply:
    return Reply(ok=False, reason=reason)


# A puzzle the team got past: solved, or skipped by the facilitator.
DONE = (PuzzleState.SOLVED, PuzzleState.SKIPPED)


@dataclass(frozen=True)
class PuzzleReport:
    id: str
    state: PuzzleState
    attempts: int
    hints: int
    solved_at: float | None
    optional: bool = False


@dataclass(frozen=True)
class DebriefData:
    """The debrief, computed from the events: result, time, and where the team struggled."""

    outcome: Outcome | None
    mission_id: str
    age: AgeBand
    language: str
    elapsed: float
    time_limit: float
    puzzles: tuple[PuzzleReport, ...]
    struggled: tuple[str, ...]
    hints_used: int
    solved: int
    key_messages: list[str]
    questions: list[str]
    timeline: tuple[tuple[float, str, str], ...]
    timer: TimerMode = TimerMode.NORMAL

    @property
    def required_total(self) -> int:
        """The puzzles a team must solve: a bonus (optional) one is counted apart."""
        return sum(1 for p in self.puzzles if not p.optional)

    @property
    def required_solved(self) -> int:
        return sum(1 for p in self.puzzles if not p.optional and p.state in DONE)

    @property
    def bonus_solved(self) -> int:
        return sum(1 for p in self.puzzles if p.optional and p.state in DONE)

    def as_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome.value if self.outcome else None,
            "mission": self.mission_id,
            "age": self.age,
            "language": self.language,
            "elapsed": round(self.elapsed, 1),
            "time_limit": self.time_limit,
            "timer": self.timer.value,
            "solved": self.solved,
            "hints_used": self.hints_used,
            "struggled": list(self.struggled),
            "puzzles": {
                p.id: {"state": p.state.value, "attempts": p.attempts, "hints": p.hints}
                for p in self.puzzles
            },
        }


def fold(missions: Mapping[str, Mission], events: list[Event]) -> SessionState:
    """The state after `events`, applied in order from a fresh attract screen."""
    state = SessionState()
    for event in events:
        state = apply(missions, state, event)
    return state


def apply(missions: Mapping[str, Mission], state: SessionState, event: Event) -> SessionState:
    """One event applied to a state: the only place where session state changes.

    The stored row is read back typed first (`ValueError` for a row this release cannot read).
    """
    happening = happened.decode(event.kind, event.data)
    if isinstance(happening, happened.Restored):
        # The time the kiosk was down is not the team's: the countdown goes on
        # from where it was at the last event before the restart.
        if state.running_since is None:
            return state
        return replace(state, running_since=event.at)
    if state.running_since is not None:
        state = replace(state, elapsed=state.elapsed + max(0.0, event.at - state.running_since))
        state = replace(state, running_since=event.at)
    match happening:
        case happened.SetupStarted():
            return replace(SessionState(), session_id=event.session, lifecycle=Lifecycle.SETUP)
        case happened.Chosen(mission=mission, age=age, language=language, team=team, timer=timer):
            return replace(
                state,
                mission_id=mission or state.mission_id,
                age=age or state.age,
                language=language or state.language,
                team=team or state.team,
                timer=timer or state.timer,
            )
        case happened.SetupConfirmed(time_limit=time_limit, timer=timer):
            return replace(
                state,
                lifecycle=Lifecycle.BRIEFING,
                time_limit=time_limit or 0.0,
                timer=timer or state.timer,
            )
        case happened.MissionStarted(time_limit=time_limit, timer=timer):
            mission_played = missions[str(state.mission_id)]
            state = replace(
                state,
                lifecycle=Lifecycle.PLAYING,
                time_limit=time_limit,
                timer=timer or TimerMode.NORMAL,
                elapsed=0.0,
                running_since=event.at,
                puzzles={p.id: PuzzleProgress() for p in mission_played.puzzles},
            )
            return _unlock(mission_played, state)
        case happened.CheckAnswered(moment=moment, question=question, choice=choice):
            return replace(state, checked=(*state.checked, (moment, question, choice)))
        case happened.Paused():
            return replace(state, lifecycle=Lifecycle.PAUSED, running_since=None)
        case happened.Resumed():
            return replace(state, lifecycle=Lifecycle.PLAYING, running_since=event.at)
        case happened.TimeAdded(seconds=seconds):
            return replace(state, added=state.added + seconds)
        case happened.AnswerSubmitted(puzzle=pid, correct=correct):
            progress = state.puzzles[pid]
            if correct:
                return _finish_puzzle(missions, state, pid, PuzzleState.SOLVED)
            return _update(state, pid, replace(progress, attempts=progress.attempts + 1))
        case happened.HintShown(puzzle=pid, penalty=penalty):
            progress = state.puzzles[pid]
            state = replace(state, added=state.added - (penalty or 0.0))
            return _update(
                state,
                pid,
                replace(progress, hints=progress.hints + 1, last_progress_at=state.elapsed),
            )
        case happened.HintPushed(puzzle=pid, text=text):
            progress = state.puzzles[pid]
            return _update(state, pid, replace(progress, pushed=(*progress.pushed, text)))
        case happened.PuzzleSkipped(puzzle=pid):
            return _finish_puzzle(missions, state, pid, PuzzleState.SKIPPED)
        case happened.StoryTold(event=index):
            return _tell(missions[str(state.mission_id)], state, index)
        case happened.MissionEnded(outcome=outcome):
            return replace(
                state,
                lifecycle=Lifecycle.DEBRIEF,
                outcome=Outcome(outcome),
                running_since=None,
                ended_at=state.elapsed,
            )
        case happened.Reset():
            return SessionState()
    raise ValueError(f"unhandled event {happening!r}")


def _update(state: SessionState, pid: str, progress: PuzzleProgress) -> SessionState:
    return replace(state, puzzles={**state.puzzles, pid: progress})


def _finish_puzzle(
    missions: Mapping[str, Mission], state: SessionState, pid: str, how: PuzzleState
) -> SessionState:
    mission = missions[str(state.mission_id)]
    progress = state.puzzles[pid]
    state = _update(state, pid, replace(progress, state=how, solved_at=state.elapsed))
    earned = tuple(r.id for r in mission.puzzle(pid).rewards if r.id not in state.rewards)
    state = replace(state, rewards=state.rewards + earned)
    if pid == mission.goal:
        return replace(
            state,
            lifecycle=Lifecycle.DEBRIEF,
            outcome=Outcome.WON,
            running_since=None,
            ended_at=state.elapsed,
        )
    return _unlock(mission, state)


def _tell(mission: Mission, state: SessionState, index: int) -> SessionState:
    """A story event fired: it is never told again, and the puzzle it opens is available now."""
    if not 0 <= index < len(mission.events):
        raise ValueError(f"the mission has no story event {index}")
    state = replace(state, told=(*state.told, index))
    opens = mission.events[index].opens
    progress = state.puzzles.get(opens) if opens is not None else None
    if opens is None or progress is None or progress.state is not PuzzleState.LOCKED:
        return state
    return _update(
        state,
        opens,
        replace(
            progress,
            state=PuzzleState.AVAILABLE,
            opened_at=state.elapsed,
            last_progress_at=state.elapsed,
        ),
    )


def due_story(mission: Mission, state: SessionState, remaining: float) -> list[int]:
    """The story events whose trigger holds now and that were not told yet (places in
    `mission.events`); none outside play. `remaining` is the countdown's seconds left; with no
    countdown, the events told when time runs short never come (they speak of a countdown)."""
    if state.lifecycle is not Lifecycle.PLAYING:
        return []
    done = {
        pid
        for pid, p in state.puzzles.items()
        if p.state in (PuzzleState.SOLVED, PuzzleState.SKIPPED)
    }
    due = []
    for index, event in enumerate(mission.events):
        if index in state.told:
            continue
        if (
            (event.after_solved is not None and len(done) >= event.after_solved)
            or (
                event.time_left is not None
                and state.timer.counts_down
                and remaining <= event.time_left
            )
            or (event.on_solved is not None and event.on_solved in done)
        ):
            due.append(index)
    return due


def _unlock(mission: Mission, state: SessionState) -> SessionState:
    done = {
        pid
        for pid, p in state.puzzles.items()
        if p.state in (PuzzleState.SOLVED, PuzzleState.SKIPPED)
    }
    puzzles = dict(state.puzzles)
    for puzzle in mission.puzzles:
        progress = puzzles[puzzle.id]
        if progress.state is PuzzleState.LOCKED and puzzle.opens_after(done):
            puzzles[puzzle.id] = replace(
                progress,
                state=PuzzleState.AVAILABLE,
                opened_at=state.elapsed,
                last_progress_at=state.elapsed,
            )
    return replace(state, puzzles=puzzles)


TIMELINE_EVENTS = ("answer_submitted", "hint_shown", "hint_pushed", "puzzle_skipped")


def debrief_of(
    missions: Mapping[str, Mission], events: list[Event], *, elapsed_now: float | None = None
) -> DebriefData | None:
    """The debrief of a session from its events alone (a reset clears the screen, not the record)."""
    state = SessionState()
    timeline: list[tuple[float, str, str]] = []
    for event in events:
        if event.kind == "reset":
            break
        state = apply(missions, state, event)
        if event.kind in TIMELINE_EVENTS:
            what = event.kind
            if event.kind == "answer_submitted":
                what = "solved" if event.data["correct"] else "wrong"
            timeline.append((state.elapsed, str(event.data["puzzle"]), what))
    mission = missions.get(state.mission_id or "")
    if mission is None or state.age is None or state.language is None or not state.puzzles:
        return None
    reports = tuple(
        PuzzleReport(
            p.id,
            state.puzzles[p.id].state,
            state.puzzles[p.id].attempts,
            state.puzzles[p.id].hints + len(state.puzzles[p.id].pushed),
            state.puzzles[p.id].solved_at,
            p.optional,
        )
        for p in mission.puzzles
    )
    struggled = tuple(
        r.id
        for r in sorted(reports, key=lambda r: (-(r.attempts + r.hints), r.id))
        if r.attempts >= 2 or r.hints >= 2 or r.state is PuzzleState.SKIPPED
    )
    if state.ended_at is not None and state.timer.counts_down:
        elapsed = min(state.ended_at, state.time_limit + state.added)
    elif state.ended_at is not None:
        elapsed = state.ended_at
    else:
        elapsed = elapsed_now if elapsed_now is not None else state.elapsed
    return DebriefData(
        outcome=state.outcome,
        mission_id=mission.id,
        age=state.age,
        language=state.language,
        elapsed=elapsed,
        time_limit=state.time_limit + state.added,
        puzzles=reports,
        struggled=struggled,
        hints_used=sum(r.hints for r in reports),
        solved=sum(1 for r in reports if r.state in (PuzzleState.SOLVED, PuzzleState.SKIPPED)),
        key_messages=pick_list(mission.debrief.key_messages, state.age),
        questions=pick_list(mission.debrief.questions, state.age),
        timeline=tuple(timeline),
        timer=state.timer,
    )


class AnswerWords(Protocol):
    """The answers of a mission in another language than its own: what a team of that
    language types (the core reads no catalog, so this comes in from outside)."""

    def answers(self, mission: Mission, language: str, puzzle_id: str, source: str) -> list[str]:
        """The answers accepted in `language` for the author's answer `source`; none when it
        is not translated."""
        ...


class Session:
    """The kiosk's current session: commands in, events to the journal, state out.

    `answers`, when given, lets a team type the answers of text and cipher puzzles in its own
    language; without it every team types the mission's own words."""

    def __init__(
        self,
        missions: Mapping[str, Mission],
        journal: Journal,
        clock: Clock,
        *,
        session_id: str | None = None,
        rng: random.Random | None = None,
        answers: AnswerWords | None = None,
    ) -> None:
        self.missions = missions
        self.journal = journal
        self.clock = clock
        self.answers = answers
        self._rng = rng or random.Random()
        self._state = SessionState()
        self._version = 0
        self._offers: tuple[tuple[int, int], SessionState] | None = None
        # The debrief of an ended mission, with the version it was folded at.
        self._debrief: tuple[int, DebriefData | None] | None = None
        resume = session_id if session_id is not None else journal.last_open_session()
        if resume is not None:
            events = journal.events(resume)
            if events and all(self._known(e) for e in events):
                self._resume(resume, events)

    def _resume(self, session_id: str, events: list[Event]) -> None:
        try:
            self._state = fold(self.missions, events)
            self._version = len(events)
        except (KeyError, ValueError):
            # The mission was edited since (a puzzle renamed or removed): this game can no
            # longer be replayed, so it is closed and the kiosk starts afresh.
            self.journal.append(session_id, self.clock.now(), [happened.encode(happened.Reset())])
            self._state = SessionState()
            return
        if self._state.lifecycle is Lifecycle.PLAYING:
            self._record([happened.Restored()])

    def _known(self, event: Event) -> bool:
        mission = event.data.get("mission") if event.kind == "chosen" else None
        return mission is None or mission in self.missions

    # -- reading -----------------------------------------------------------------

    @property
    def version(self) -> int:
        """Grows with every event recorded: screens redraw when it changes."""
        return self._version

    @property
    def state(self) -> SessionState:
        """The state now: the fold of the events, with the hint offers worked out for now.

        Hint offers depend on time, so the result is kept for the current second of play.
        """
        state = self._state
        mission = self.mission
        if mission is None or state.lifecycle is not Lifecycle.PLAYING:
            return state
        now = self.elapsed()
        key = (self._version, int(now))
        if self._offers is not None and self._offers[0] == key:
            return self._offers[1]
        offered_state = self._with_offers(state, mission, now)
        self._offers = (key, offered_state)
        return offered_state

    def _with_offers(self, state: SessionState, mission: Mission, now: float) -> SessionState:
        policy = mission.hint_policy
        puzzles = dict(state.puzzles)
        for pid, progress in state.puzzles.items():
            if progress.state is not PuzzleState.AVAILABLE:
                continue
            ladder = len(self.hint_ladder(pid))
            stuck_since = progress.last_progress_at or 0.0
            offered = progress.hints < ladder and (
                (
                    policy.offer_after_wrong > 0
                    and progress.attempts >= policy.offer_after_wrong * (progress.hints + 1)
                )
                or (
                    policy.offer_after_seconds > 0
                    and now - stuck_since >= policy.offer_after_seconds
                )
            )
            if offered != progress.hint_offered:
                puzzles[pid] = replace(progress, hint_offered=offered)
        return replace(state, puzzles=puzzles)

    @property
    def mission(self) -> Mission | None:
        mid = self._state.mission_id
        return self.missions.get(mid) if mid is not None else None

    def elapsed(self) -> float:
        """Seconds of play so far, pauses and downtime excluded."""
        state = self._state
        if state.running_since is None:
            return state.elapsed
        return state.elapsed + max(0.0, self.clock.now() - state.running_since)

    def remaining(self) -> float:
        """Seconds of the countdown left; with the timer off, the mission's time left, which
        never ends the game nor tells the story events of a countdown."""
        state = self._state
        if state.lifecycle not in (Lifecycle.PLAYING, Lifecycle.PAUSED):
            return max(0.0, state.time_limit + state.added - state.elapsed)
        return max(0.0, state.time_limit + state.added - self.elapsed())

    def hint_ladder(self, puzzle_id: str) -> list[Text]:
        mission = self.mission
        age = self._state.age
        if mission is None or age is None:
            return []
        return list(pick_list(mission.puzzle(puzzle_id).hints, age))

    def played(self, puzzle_id: str) -> Puzzle:
        """The puzzle as this team plays it: the answers it types are in the team's language
        (a cipher codes the team's word). Raises KeyError if no mission has the puzzle."""
        mission = self.mission
        if mission is None:
            raise KeyError(puzzle_id)
        puzzle = mission.puzzle(puzzle_id)
        language, answers = self._state.language, self.answers
        if answers is None or language is None or language == mission.language:
            return puzzle
        return checkers.in_language(
            puzzle, lambda source: answers.answers(mission, language, puzzle_id, source)
        )

    def rewards_values(self) -> dict[str, str]:
        """The values of the rewards the team holds."""
        mission = self.mission
        if mission is None:
            return {}
        values = mission.reward_values()
        return {rid: values[rid] for rid in self._state.rewards}

    def events(self) -> list[Event]:
        sid = self._state.session_id
        return self.journal.events(sid) if sid else []

    # -- commands ----------------------------------------------------------------

    def handle(self, command: Command) -> Reply:
        """The one way into the session: a typed command, accepted (its events are journaled)
        or refused (nothing changes, and the reply says why)."""
        match command:
            case StartSetup():
                return self._start_setup()
            case Choose(mission=mission, age=age, language=language, team=team, timer=timer):
                return self._choose(
                    mission=mission, age=age, language=language, team=team, timer=timer
                )
            case RerollTeam():
                return self._reroll_team()
            case Confirm():
                return self._confirm()
            case Start(minutes=minutes):
                return self._start(minutes=minutes)
            case Launch():
                return self._launch(command)
            case AnswerCheck(question=question, choice=choice):
                return self._answer_check(question, choice)
            case Submit(puzzle=puzzle, answer=answer):
                return self._submit(puzzle, answer)
            case RequestHint(puzzle=puzzle):
                return self._request_hint(puzzle)
            case PushHint(puzzle=puzzle, text=text):
                return self._push_hint(puzzle, text)
            case Skip(puzzle=puzzle):
                return self._skip(puzzle)
            case Pause():
                return self._pause()
            case Resume():
                return self._resume_play()
            case AddTime(seconds=seconds):
                return self._add_time(seconds)
            case Abandon():
                return self._abandon()
            case Tick():
                return self._tick()
            case Reset():
                return self._reset()

    def _start_setup(self) -> Reply:
        if self._state.lifecycle is not Lifecycle.ATTRACT:
            return refused(Refusal.NOT_ON_ATTRACT_SCREEN)
        team = random_team(self._rng)
        return self._record(
            [happened.SetupStarted(), happened.Chosen(team=team)], session_id=uuid.uuid4().hex
        )

    def _choose(
        self,
        *,
        mission: str | None = None,
        age: str | None = None,
        language: str | None = None,
        team: str | None = None,
        timer: TimerMode | None = None,
    ) -> Reply:
        # On the briefing the timer alone can still change (a venue's kiosk asks for it there).
        timer_only = timer is not None and mission is None and age is None and language is None and team is None
        lifecycle = self._state.lifecycle
        if lifecycle is not Lifecycle.SETUP and not (timer_only and lifecycle is Lifecycle.BRIEFING):
            return refused(Refusal.NOT_IN_SETUP)
        target = self.missions.get(mission or self._state.mission_id or "")
        if mission is not None and mission not in self.missions:
            return refused(Refusal.UNKNOWN_MISSION)
        band: AgeBand | None = None
        if age is not None:
            if age not in AGE_BANDS or (target is not None and age not in target.ages):
                return refused(Refusal.AGE_BAND_NOT_OFFERED)
            band = age
        if language is not None:
            offered = [target.language, *target.translations] if target else []
            if target is None or language not in offered:
                return refused(Refusal.LANGUAGE_NOT_OFFERED)
        if team is not None and not is_team(team):
            return refused(Refusal.TEAM_MUST_BE_GENERATED)
        chosen = happened.Chosen(mission, band, language, team, timer)
        if not chosen.to_data():
            return refused(Refusal.NOTHING_CHOSEN)
        return self._record([chosen])

    def _reroll_team(self) -> Reply:
        if self._state.lifecycle is not Lifecycle.SETUP:
            return refused(Refusal.NOT_IN_SETUP)
        team = random_team(self._rng)
        while team == self._state.team:
            team = random_team(self._rng)
        return self._record([happened.Chosen(team=team)])

    def _confirm(self) -> Reply:
        state = self._state
        if state.lifecycle is not Lifecycle.SETUP:
            return refused(Refusal.NOT_IN_SETUP)
        mission = self.mission
        if mission is None:
            return refused(Refusal.NO_MISSION_CHOSEN)
        if state.age is None or state.age not in mission.ages:
            return refused(Refusal.NO_AGE_BAND_CHOSEN)
        if state.language is None or state.language not in [
            mission.language,
            *mission.translations,
        ]:
            return refused(Refusal.NO_LANGUAGE_CHOSEN)
        if state.team is None:
            return refused(Refusal.NO_TEAM_NAME)
        return self._record([happened.SetupConfirmed()])

    def _start(self, *, minutes: int | None = None) -> Reply:
        state = self._state
        mission = self.mission
        if state.lifecycle is not Lifecycle.BRIEFING or mission is None or state.age is None:
            return refused(Refusal.NOT_ON_BRIEFING)
        if minutes is not None and not 1 <= minutes <= 180:
            return refused(Refusal.DURATION_OUT_OF_RANGE)
        if minutes is not None:
            limit = 60.0 * minutes
        else:
            limit = state.time_limit or 60.0 * mission.minutes(state.age)
        return self._record([happened.MissionStarted(limit * state.timer.factor, state.timer)])

    def _launch(self, command: Launch) -> Reply:
        """Setup, choices and confirmation as one batch of events, up to the briefing: the team
        hears the story and starts the countdown themselves, with the facilitator's duration.
        One batch: a kiosk switched off half-way never holds half a launch."""
        state = self._state
        mission = self.missions.get(command.mission)
        if state.lifecycle not in (Lifecycle.ATTRACT, Lifecycle.SETUP, Lifecycle.BRIEFING):
            return refused(Refusal.GAME_IN_PROGRESS)
        if mission is None:
            return refused(Refusal.UNKNOWN_MISSION)
        if command.age not in mission.ages:
            return refused(Refusal.AGE_BAND_NOT_OFFERED)
        if command.language not in (mission.language, *mission.translations):
            return refused(Refusal.LANGUAGE_NOT_OFFERED)
        minutes = command.minutes
        if minutes is not None and not 1 <= minutes <= 180:
            return refused(Refusal.DURATION_OUT_OF_RANGE)
        if command.visit is not None and not VISIT_CODE.fullmatch(command.visit):
            return refused(Refusal.VISIT_CODE_INVALID)
        age = next(band for band in mission.ages if band == command.age)
        chosen = (mission.id, age, command.language)
        batch: list[happened.GameEvent] = []
        session_id = None
        if state.lifecycle is Lifecycle.ATTRACT:
            session_id = uuid.uuid4().hex
            batch += [happened.SetupStarted(), happened.Chosen(*chosen, random_team(self._rng))]
        elif state.lifecycle is Lifecycle.SETUP or (
            (state.mission_id, state.age, state.language) != chosen
        ):
            team = None if state.team is not None else random_team(self._rng)
            batch.append(happened.Chosen(*chosen, team))
        limit = 60.0 * (minutes if minutes is not None else mission.minutes(age))
        batch.append(happened.SetupConfirmed(limit, command.timer, command.visit))
        return self._record(batch, session_id=session_id)

    def pending_check(self) -> tuple[Moment, int] | None:
        """The learning check's question to ask now, with its moment, as its place in the
        mission's `learning_check`; None when there is none (or no more) to ask."""
        mission = self.mission
        moment = self._state.check_moment
        if mission is None or moment is None:
            return None
        question = pending(mission.learning_check, self._state.checked, moment)
        if question is None:
            return None
        return moment, mission.learning_check.index(question)

    def _answer_check(self, question_id: str, choice: str | None) -> Reply:
        mission = self.mission
        if mission is None:
            return refused(Refusal.NO_MISSION_CHOSEN)
        question = next((q for q in mission.learning_check if q.id == question_id), None)
        if question is None or (choice is not None and question.choice(choice) is None):
            return refused(Refusal.UNKNOWN_QUESTION)
        asked = self.pending_check()
        if asked is None or mission.learning_check[asked[1]] is not question:
            return refused(Refusal.QUESTION_NOT_ASKED_NOW)
        return self._record([happened.CheckAnswered(asked[0], question_id, choice)])

    def _submit(self, puzzle_id: str, answer: object) -> Reply:
        blocked = self._check_playing(puzzle_id)
        if blocked:
            return blocked
        mission = self.mission
        assert mission is not None
        puzzle = mission.puzzle(puzzle_id)
        played = self.played(puzzle_id)
        held = self.rewards_values()
        try:
            verdict = checkers.check(played, answer, held)
            if not verdict.correct and played is not puzzle:
                # A bilingual team may type the mission's own words: they are right too, and
                # its listed mistakes are explained as well.
                source = checkers.check(puzzle, answer, held)
                if source.correct or not verdict.details:
                    verdict = source
        except MalformedAnswer:
            return refused(Refusal.MALFORMED_ANSWER)
        kept = None
        if not verdict.correct:
            kept = checkers.journaled(played, answer)
            if kept is None and played is not puzzle:
                kept = checkers.journaled(puzzle, answer)
        reply = self._record([happened.AnswerSubmitted(puzzle_id, verdict.correct, kept)])
        return replace(reply, verdict=verdict)

    def _request_hint(self, puzzle_id: str, *, source: str = "team") -> Reply:
        blocked = self._check_playing(puzzle_id)
        if blocked:
            return blocked
        mission = self.mission
        assert mission is not None
        ladder = self.hint_ladder(puzzle_id)
        step = self._state.puzzles[puzzle_id].hints
        if step >= len(ladder):
            return refused(Refusal.NO_MORE_HINTS)
        penalty = mission.hint_policy.penalty_seconds if source == "team" else None
        reply = self._record([happened.HintShown(puzzle_id, step, source, penalty or None)])
        return replace(reply, hint=ladder[step])

    def _push_hint(self, puzzle_id: str, text: str | None = None) -> Reply:
        """The facilitator sends the next step of the ladder, or a hint of their own."""
        if text is None:
            return self._request_hint(puzzle_id, source="facilitator")
        blocked = self._check_playing(puzzle_id)
        if blocked:
            return blocked
        text = text.strip()
        if not text or len(text) > MAX_PUSHED_HINT:
            return refused(Refusal.HINT_TEXT_LENGTH)
        reply = self._record([happened.HintPushed(puzzle_id, text)])
        return replace(reply, hint=text)

    def _skip(self, puzzle_id: str) -> Reply:
        """Force-solve a puzzle (a broken prop, a team stuck for good): its rewards are given."""
        blocked = self._check_playing(puzzle_id)
        if blocked:
            return blocked
        return self._record([happened.PuzzleSkipped(puzzle_id)])

    def _pause(self) -> Reply:
        if self._expire() is not None:
            return refused(Refusal.TIME_IS_UP)
        if self._state.lifecycle is not Lifecycle.PLAYING:
            return refused(Refusal.NOT_PLAYING)
        return self._record([happened.Paused()])

    def _resume_play(self) -> Reply:
        if self._state.lifecycle is not Lifecycle.PAUSED:
            return refused(Refusal.NOT_PAUSED)
        return self._record([happened.Resumed()])

    def _add_time(self, seconds: float) -> Reply:
        if self._expire() is not None:
            return refused(Refusal.TIME_IS_UP)
        if self._state.lifecycle not in (Lifecycle.PLAYING, Lifecycle.PAUSED):
            return refused(Refusal.NOT_PLAYING)
        if not 0 < seconds <= MAX_ADDED_SECONDS:
            return refused(Refusal.ADDED_TIME_OUT_OF_RANGE)
        return self._record([happened.TimeAdded(float(seconds))])

    def _abandon(self) -> Reply:
        if self._state.lifecycle not in (Lifecycle.PLAYING, Lifecycle.PAUSED):
            return refused(Refusal.NOT_PLAYING)
        if self._expire() is not None:
            return refused(Refusal.TIME_IS_UP)
        return self._record([happened.MissionEnded(Outcome.ABANDONED.value)])

    def _tick(self) -> Reply:
        """Called regularly by the screen: records the end when the countdown reaches zero, and
        the story events that the time left brings."""
        ended = self._expire()
        if ended is not None:
            return ended
        mission = self.mission
        if mission is None or not due_story(mission, self._state, self.remaining()):
            return refused(Refusal.NOTHING_TO_DO)
        return self._record([])

    def _reset(self) -> Reply:
        """Back to the attract screen; an unfinished mission ends as abandoned first."""
        state = self._state
        if state.session_id is None:
            return refused(Refusal.ALREADY_RESET)
        batch: list[happened.GameEvent] = []
        if state.lifecycle in (Lifecycle.PLAYING, Lifecycle.PAUSED) and self._expire() is None:
            batch.append(happened.MissionEnded(Outcome.ABANDONED.value))
        batch.append(happened.Reset())
        return self._record(batch)

    # -- debrief -----------------------------------------------------------------

    def debrief(self) -> DebriefData | None:
        """Folded from the journal; once the mission has ended it no longer changes, so it is
        folded once and kept, not at every repaint of the debrief screen."""
        if self._state.ended_at is None:
            return debrief_of(self.missions, self.events(), elapsed_now=self.elapsed())
        if self._debrief is None or self._debrief[0] != self._version:
            self._debrief = (self._version, debrief_of(self.missions, self.events()))
        return self._debrief[1]

    # -- internals ---------------------------------------------------------------

    def _story_after(self, batch: list[happened.GameEvent], now: float) -> list[happened.GameEvent]:
        """The story events that `batch` brings about, journaled with it in one transaction: a
        kiosk switched off in between never holds a solved puzzle without its story."""
        state = self._state
        if state.session_id is None or state.lifecycle not in (Lifecycle.PLAYING, Lifecycle.BRIEFING):
            return []
        for seq, event in enumerate(batch):
            kind, data = happened.encode(event)
            state = apply(self.missions, state, Event(state.session_id or "", seq, now, kind, data))
        mission = self.missions.get(state.mission_id or "")
        if mission is None:
            return []
        elapsed = state.elapsed
        if state.running_since is not None:
            elapsed += max(0.0, now - state.running_since)
        remaining = state.time_limit + state.added - elapsed
        return [happened.StoryTold(index) for index in due_story(mission, state, remaining)]

    def _check_playing(self, puzzle_id: str) -> Reply | None:
        if self._expire() is not None:
            return refused(Refusal.TIME_IS_UP)
        state = self._state
        if state.lifecycle is not Lifecycle.PLAYING:
            return refused(Refusal.NOT_PLAYING)
        progress = state.puzzles.get(puzzle_id)
        if progress is None:
            return refused(Refusal.UNKNOWN_PUZZLE)
        if progress.state is PuzzleState.LOCKED:
            return refused(Refusal.PUZZLE_LOCKED)
        if progress.state is not PuzzleState.AVAILABLE:
            return refused(Refusal.PUZZLE_ALREADY_DONE)
        return None

    def _expire(self) -> Reply | None:
        """Record the end of the mission if the countdown has run out (the reply), else None."""
        state = self._state
        if (
            state.lifecycle is not Lifecycle.PLAYING
            or not state.timer.counts_down
            or self.remaining() > 0
        ):
            return None
        return self._record([happened.MissionEnded(Outcome.TIME_UP.value)])

    def _record(
        self, batch: list[happened.GameEvent], *, session_id: str | None = None
    ) -> Reply:
        session_id = session_id or self._state.session_id
        assert session_id is not None
        now = self.clock.now()
        rows = [happened.encode(event) for event in (*batch, *self._story_after(batch, now))]
        events = self.journal.append(session_id, now, rows)
        for event in events:
            self._state = apply(self.missions, self._state, event)
        self._version += len(events)
        return Reply(ok=True, events=tuple(events))
