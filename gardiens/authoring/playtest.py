"""Playtests: bots of several skills play a mission many times; per puzzle the expected attempts
and hints, per age band the estimated duration against the declared one."""

from __future__ import annotations

import random
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from gardiens.core import checkers
from gardiens.core.autoplay import HINT_BUDGETS, WRONG_BUDGETS, Bot
from gardiens.core.clock import ManualClock
from gardiens.core.commands import RequestHint, Start, Submit
from gardiens.core.journal import Journal
from gardiens.core.model import (
    AgeBand,
    Categorise,
    Chat,
    Cookies,
    Feed,
    Hotspots,
    Mission,
    MultipleChoice,
    Ordering,
    Password,
    Pegi,
    Puzzle,
    Settings,
    TrueFalse,
    pick,
)
from gardiens.core.session import Lifecycle, Outcome, PuzzleState, Reply, Session

# Long enough that no bot runs out of time: the playtest measures, it does not judge a race.
UNLIMITED_MINUTES = 180
DEFAULT_RUNS = 30
HIGH_PERCENTILE = 90


@dataclass(frozen=True)
class Skill:
    """How a team plays: how often it slips, asks for hints, and how fast it thinks."""

    name: str
    wrong_budgets: tuple[int, ...]
    hint_budgets: tuple[int, ...]
    pace: float


SKILLS: tuple[Skill, ...] = (
    Skill("à l'aise", (0, 0, 0, 1), (0, 0, 0, 1), 0.75),
    # The same budgets as `gardiens autoplay`'s bot, at an ordinary pace.
    Skill("moyenne", WRONG_BUDGETS, HINT_BUDGETS, 1.0),
    Skill("en difficulté", (1, 1, 2, 3), (0, 1, 2, 3), 1.35),
)

# Seconds a team of average skill needs to understand and answer a puzzle the first time:
# a base per type plus a share per element to read or handle.
BASE_SECONDS: dict[str, float] = {
    "code": 25,
    "choice": 35,
    "true_false": 20,
    "order": 30,
    "categorise": 25,
    "hotspots": 40,
    "text": 45,
    "cipher": 75,
    "feed": 30,
    "chat": 40,
    "settings": 30,
    "password": 60,
    "cookies": 45,
    "pegi": 30,
    "ads": 30,
}
PER_ELEMENT_SECONDS = 10.0
# Characters read per second by a team reading together, and how fast it reasons, by age band.
READING_SPEED: dict[AgeBand, float] = {"9-12": 9.0, "13-16": 14.0}
AGE_PACE: dict[AgeBand, float] = {"9-12": 1.1, "13-16": 0.85}
RETRY_SHARE = 0.35
HINT_READ_SECONDS = 8.0


def elements(puzzle: Puzzle) -> int:
    """How many things the team must read or place in a puzzle."""
    match puzzle:
        case MultipleChoice() | Chat():
            return len(puzzle.choices) + (len(puzzle.messages) if isinstance(puzzle, Chat) else 0)
        case TrueFalse():
            return len(puzzle.statements)
        case Ordering() | Categorise():
            return len(puzzle.items)
        case Hotspots():
            return len(puzzle.regions)
        case Feed():
            return len(puzzle.posts)
        case Settings():
            return len(puzzle.settings)
        case Password():
            return len(puzzle.rules)
        case Cookies():
            return len(puzzle.buttons) + len(puzzle.purposes)
        case Pegi():
            return len(puzzle.games)
    return len(getattr(puzzle, "posts", ())) or 1


def first_try_seconds(puzzle: Puzzle, age: AgeBand) -> float:
    """An average team's time to read a puzzle and give its first answer."""
    reading = len(pick(puzzle.prompt, age)) / READING_SPEED[age]
    thinking = BASE_SECONDS.get(puzzle.type, 30.0) + PER_ELEMENT_SECONDS * elements(puzzle)
    return thinking * AGE_PACE[age] + reading


@dataclass(frozen=True)
class PlaytestBot:
    """A `Bot` for setup and lifecycle, with its own skill for solving puzzles.

    `next_move` says how long the team thinks and what it then does; the runner moves the
    clock by that much before sending, so durations come out in play time.
    """

    bot: Bot
    skill: Skill

    def next_move(self, session: Session) -> tuple[float, Callable[[], Reply]] | None:
        state = session.state
        if state.lifecycle is Lifecycle.DEBRIEF:
            return None
        if state.lifecycle is Lifecycle.BRIEFING:
            return 0.0, lambda: session.handle(Start(minutes=UNLIMITED_MINUTES))
        if state.lifecycle is not Lifecycle.PLAYING:
            return 0.0, lambda: self.bot.act(session) or Reply(ok=False)
        return self._play(session)

    def _play(self, session: Session) -> tuple[float, Callable[[], Reply]]:
        state = session.state
        mission, age, seed = self.bot.mission, self.bot.age, self.bot.seed
        held = session.rewards_values()
        open_puzzles = [
            p for p in mission.puzzles if state.puzzles[p.id].state is PuzzleState.AVAILABLE
        ]
        ready = [p for p in open_puzzles if p.type != "code" or _holds(p, held)]
        puzzle = (ready or open_puzzles)[0]
        progress = state.puzzles[puzzle.id]
        plan = random.Random(f"{seed}:{self.skill.name}:{puzzle.id}:plan")
        wrong_budget = plan.choice(self.skill.wrong_budgets)
        ladder = session.hint_ladder(puzzle.id)
        hint_budget = min(plan.choice(self.skill.hint_budgets), len(ladder))
        step = random.Random(f"{seed}:{puzzle.id}:{progress.attempts}:{progress.hints}")
        effort = first_try_seconds(puzzle, age) * self.skill.pace * step.uniform(0.75, 1.3)
        if progress.attempts or progress.hints:
            effort *= RETRY_SHARE
        wants_wrong = progress.attempts < wrong_budget
        wants_hint = progress.hints < hint_budget
        if wants_wrong and (not wants_hint or step.random() < 0.5):
            answer = checkers.wrong_answer(puzzle, held, step)
            return effort, lambda: session.handle(Submit(puzzle.id, answer))
        if wants_hint:
            hint = pick(ladder[progress.hints], age)
            reading = HINT_READ_SECONDS + len(hint) / READING_SPEED[age]
            return reading, lambda: session.handle(RequestHint(puzzle.id))
        solution = checkers.solution(puzzle, held)
        return effort, lambda: session.handle(Submit(puzzle.id, solution))


def _holds(puzzle: Puzzle, held: dict[str, str]) -> bool:
    return all(rid in held for rid in (getattr(puzzle, "code_from", None) or []))


@dataclass(frozen=True)
class Run:
    age: AgeBand
    skill: str
    seed: int
    won: bool
    seconds: float
    puzzles: dict[str, tuple[int, int]]


def play_once(mission: Mission, age: AgeBand, skill: Skill, seed: int) -> Run:
    """One game from setup to debrief; its duration counts hint penalties as lost time."""
    journal = Journal.memory()
    try:
        clock = ManualClock(1_000_000.0)
        session = Session({mission.id: mission}, journal, clock, rng=random.Random(seed))
        player = PlaytestBot(Bot(mission, age, mission.language, seed), skill)
        for _ in range(2000):
            move = player.next_move(session)
            if move is None:
                break
            seconds, send = move
            clock.advance(seconds)
            send()
        debrief = session.debrief()
    finally:
        journal.close()
    if debrief is None:
        return Run(age, skill.name, seed, False, 0.0, {})
    penalties = debrief.hints_used * mission.hint_policy.penalty_seconds
    return Run(
        age=age,
        skill=skill.name,
        seed=seed,
        won=debrief.outcome is Outcome.WON,
        seconds=debrief.elapsed + penalties,
        puzzles={p.id: (p.attempts, p.hints) for p in debrief.puzzles},
    )


@dataclass(frozen=True)
class PuzzleStats:
    id: str
    title: str
    type: str
    attempts: float
    hints: float


@dataclass(frozen=True)
class BandStats:
    age: AgeBand
    declared_minutes: int
    median_minutes: float
    high_minutes: float
    won: int
    runs: int
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlaytestReport:
    mission: str
    runs: int
    puzzles: tuple[PuzzleStats, ...]
    bands: tuple[BandStats, ...]
    skills: tuple[str, ...] = field(default=tuple(s.name for s in SKILLS))

    @property
    def warnings(self) -> list[str]:
        return [w for band in self.bands for w in band.warnings]

    def as_dict(self) -> dict[str, Any]:
        return {
            "mission": self.mission,
            "runs_per_age_band": self.runs,
            "skills": list(self.skills),
            "high_percentile": HIGH_PERCENTILE,
            "puzzles": [
                {
                    "id": p.id,
                    "title": p.title,
                    "type": p.type,
                    "wrong_attempts": round(p.attempts, 2),
                    "hints": round(p.hints, 2),
                }
                for p in self.puzzles
            ],
            "age_bands": [
                {
                    "age": b.age,
                    "declared_minutes": b.declared_minutes,
                    "median_minutes": round(b.median_minutes, 1),
                    f"p{HIGH_PERCENTILE}_minutes": round(b.high_minutes, 1),
                    "won": b.won,
                    "runs": b.runs,
                    "warnings": list(b.warnings),
                }
                for b in self.bands
            ],
        }


def percentile(values: Sequence[float], rank: int) -> float:
    """Nearest-rank percentile: the value below which `rank` % of the runs fall."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, -(-rank * len(ordered) // 100) - 1))
    return ordered[index]


def _band_warnings(
    age: AgeBand, declared: int, median: float, high: float, won: int, runs: int
) -> tuple[str, ...]:
    warnings: list[str] = []
    if won < runs:
        warnings.append(f"{age} ans : {runs - won} partie(s) sur {runs} non gagnée(s).")
    if median > declared:
        warnings.append(
            f"{age} ans : mission probablement trop longue : la moitié des équipes mettrait plus "
            f"de {median:.0f} min pour {declared} min prévues. Retirez une énigme ou allégez "
            "les textes."
        )
    elif high > declared:
        warnings.append(
            f"{age} ans : risque d'être trop longue pour les équipes plus lentes "
            f"({high:.0f} min pour {HIGH_PERCENTILE} % des équipes, {declared} min prévues)."
        )
    return tuple(warnings)


def playtest(mission: Mission, *, runs: int = DEFAULT_RUNS, seed: int = 0) -> PlaytestReport:
    """Play `runs` games per age band, the skills taking turns; deterministic for a seed."""
    all_runs: list[Run] = []
    bands: list[BandStats] = []
    for age in mission.ages:
        band_runs = [
            play_once(mission, age, SKILLS[i % len(SKILLS)], seed + i) for i in range(runs)
        ]
        all_runs.extend(band_runs)
        minutes = [r.seconds / 60 for r in band_runs]
        median = statistics.median(minutes) if minutes else 0.0
        high = percentile(minutes, HIGH_PERCENTILE) if minutes else 0.0
        won = sum(1 for r in band_runs if r.won)
        declared = mission.minutes(age)
        bands.append(
            BandStats(
                age=age,
                declared_minutes=declared,
                median_minutes=median,
                high_minutes=high,
                won=won,
                runs=len(band_runs),
                warnings=_band_warnings(age, declared, median, high, won, len(band_runs)),
            )
        )
    count = max(1, len(all_runs))
    puzzles = tuple(
        PuzzleStats(
            id=p.id,
            title=pick(p.title, mission.ages[0]),
            type=p.type,
            attempts=sum(r.puzzles.get(p.id, (0, 0))[0] for r in all_runs) / count,
            hints=sum(r.puzzles.get(p.id, (0, 0))[1] for r in all_runs) / count,
        )
        for p in mission.puzzles
    )
    return PlaytestReport(mission=mission.id, runs=runs, puzzles=puzzles, bands=tuple(bands))


def describe(report: PlaytestReport) -> str:
    """The report as text for the terminal, in French."""
    skills = ", ".join(report.skills)
    lines = [
        f"Mission {report.mission} : {report.runs} parties par tranche d'âge (équipes {skills}).",
        "",
        f"{'énigme':<24} {'type':<12} {'erreurs':>8} {'indices':>8}",
    ]
    for p in report.puzzles:
        lines.append(f"{p.id:<24} {p.type:<12} {p.attempts:>8.1f} {p.hints:>8.1f}")
    lines.append("")
    for b in report.bands:
        lines.append(
            f"{b.age} ans : durée médiane {b.median_minutes:.1f} min, "
            f"{HIGH_PERCENTILE} % des équipes en moins de {b.high_minutes:.1f} min "
            f"(prévu : {b.declared_minutes} min) ; gagnée {b.won}/{b.runs}."
        )
    warnings = report.warnings
    if warnings:
        lines.append("")
        lines.extend(f"avertissement : {w}" for w in warnings)
    return "\n".join(lines)
