"""Playtests: bots of several skills play a mission many times; per puzzle the expected attempts
and hints, per age band the estimated duration against the declared one."""

from __future__ import annotations

import random
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from gardiens.core import checkers
from gardiens.core.autoplay import HINT_BUDGETS, WRONG_BUDGETS, Bot, next_puzzle
from gardiens.core.clock import ManualClock
from gardiens.core.commands import RequestHint, Start, Submit
from gardiens.core.journal import Journal
from gardiens.core.model import AgeBand, Mission, Puzzle, pick
from gardiens.core.puzzles import kind_of
from gardiens.core.session import Lifecycle, Outcome, PuzzleState, Reply, Session
from gardiens.i18n.interface import N_, InterfaceTranslator, cli_translator

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


# A skill's name seeds its bots and names it in the JSON report: a message id, translated only
# where the report is written for a person.
SKILLS: tuple[Skill, ...] = (
    Skill(N_("à l'aise"), (0, 0, 0, 1), (0, 0, 0, 1), 0.75),
    # The same budgets as `gardiens autoplay`'s bot, at an ordinary pace.
    Skill(N_("moyenne"), WRONG_BUDGETS, HINT_BUDGETS, 1.0),
    Skill(N_("en difficulté"), (1, 1, 2, 3), (0, 1, 2, 3), 1.35),
)

# An average team's first answer takes its kind's base seconds (`PuzzleKind.effort`) plus this
# much per element to read or handle.
PER_ELEMENT_SECONDS = 10.0
# Characters read per second by a team reading together, and how fast it reasons, by age band.
READING_SPEED: dict[AgeBand, float] = {"9-12": 9.0, "13-16": 14.0}
AGE_PACE: dict[AgeBand, float] = {"9-12": 1.1, "13-16": 0.85}
RETRY_SHARE = 0.35
HINT_READ_SECONDS = 8.0


def first_try_seconds(puzzle: Puzzle, age: AgeBand) -> float:
    """An average team's time to read a puzzle and give its first answer."""
    reading = len(pick(puzzle.prompt, age)) / READING_SPEED[age]
    effort = kind_of(puzzle).effort(puzzle)
    thinking = effort.seconds + PER_ELEMENT_SECONDS * effort.elements
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
        # The team types the answers of its own language.
        puzzle = session.played(next_puzzle(open_puzzles, held).id)
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
    age: AgeBand,
    declared: int,
    median: float,
    high: float,
    won: int,
    runs: int,
    translator: InterfaceTranslator,
) -> tuple[str, ...]:
    _ = translator.gettext
    warnings: list[str] = []
    if won < runs:
        lost = runs - won
        warnings.append(
            translator.ngettext(
                "{age} ans : {lost} partie sur {runs} non gagnée.",
                "{age} ans : {lost} parties sur {runs} non gagnées.",
                lost,
            ).format(age=age, lost=lost, runs=runs)
        )
    if median > declared:
        warnings.append(
            _(
                "{age} ans : mission probablement trop longue : la moitié des équipes mettrait "
                "plus de {median} min pour {declared} min prévues. Retirez une énigme ou allégez "
                "les textes."
            ).format(age=age, median=f"{median:.0f}", declared=declared)
        )
    elif high > declared:
        warnings.append(
            _(
                "{age} ans : risque d'être trop longue pour les équipes plus lentes "
                "({high} min pour {percent} % des équipes, {declared} min prévues)."
            ).format(age=age, high=f"{high:.0f}", percent=HIGH_PERCENTILE, declared=declared)
        )
    return tuple(warnings)


def playtest(
    mission: Mission,
    *,
    runs: int = DEFAULT_RUNS,
    seed: int = 0,
    translator: InterfaceTranslator | None = None,
) -> PlaytestReport:
    """Play `runs` games per age band, the skills taking turns; deterministic for a seed. Its
    warnings are in the language of `translator` (the command line's by default)."""
    translator = translator or cli_translator()
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
                warnings=_band_warnings(
                    age, declared, median, high, won, len(band_runs), translator
                ),
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


def describe(report: PlaytestReport, translator: InterfaceTranslator | None = None) -> str:
    """The report as text for the terminal, in the command line's language."""
    translator = translator or cli_translator()
    _ = translator.gettext
    skills = ", ".join(_(skill) for skill in report.skills)
    heads = (_("énigme"), _("type"), _("erreurs"), _("indices"))
    lines = [
        _("Mission {mission} : {runs} parties par tranche d'âge (équipes {skills}).").format(
            mission=report.mission, runs=report.runs, skills=skills
        ),
        "",
        f"{heads[0]:<24} {heads[1]:<12} {heads[2]:>8} {heads[3]:>8}",
    ]
    for p in report.puzzles:
        lines.append(f"{p.id:<24} {p.type:<12} {p.attempts:>8.1f} {p.hints:>8.1f}")
    lines.append("")
    for b in report.bands:
        lines.append(
            _(
                "{age} ans : durée médiane {median} min, {percent} % des équipes en moins de "
                "{high} min (prévu : {declared} min) ; gagnée {won}/{runs}."
            ).format(
                age=b.age,
                median=f"{b.median_minutes:.1f}",
                percent=HIGH_PERCENTILE,
                high=f"{b.high_minutes:.1f}",
                declared=b.declared_minutes,
                won=b.won,
                runs=b.runs,
            )
        )
    warnings = report.warnings
    if warnings:
        lines.append("")
        lines.extend(_("avertissement : {warning}").format(warning=w) for w in warnings)
    return "\n".join(lines)
