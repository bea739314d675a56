"""Anonymous records: what is kept of a finished session once its raw journal is purged.

A result holds the mission, age band, language, outcome, play time and, per puzzle, its state,
attempts, hints, the seconds of play from its opening to its solution and the wrong answers given
as choice ids; of the learning check, only how many answers were right, wrong or skipped before
and after: never the team's pseudonym, never a clock time, never free text. Statistics are
computed from results alone.
"""

from __future__ import annotations

import json
import logging
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gardiens.core.commands import TimerMode
from gardiens.core.journal import Event, Journal
from gardiens.core.learning import MOMENTS, tally
from gardiens.core.model import Mission
from gardiens.core.session import PuzzleState, debrief_of, fold

log = logging.getLogger(__name__)

DAY = 24 * 60 * 60
# Printed debrief sheets written by the facilitator panel, in the data folder.
SHEETS_DIR = "fiches"

RESULT_FIELDS = (
    "mission",
    "age",
    "language",
    "outcome",
    "elapsed",
    "puzzles",
    "visit",
    "learning",
    "timer",
)
PUZZLE_FIELDS = ("state", "attempts", "hints", "seconds", "wrong")


@dataclass(frozen=True)
class Result:
    mission: str
    age: str
    language: str
    outcome: str
    elapsed: float
    puzzles: Mapping[str, Mapping[str, Any]]
    # The school visit's code given at the launch, for its class sheet (None: no visit).
    visit: str | None = None
    # The timer mode played (`TimerMode` value): normal, relaxed or off.
    timer: str = "normal"
    # The learning check in counts (`gardiens.core.learning.tally`); empty without a check.
    learning: Mapping[str, int] = field(default_factory=dict)


def result_of(missions: Mapping[str, Mission], events: list[Event]) -> Result | None:
    """The anonymous result of a session, or None if it never reached its debrief."""
    if any(
        e.kind == "chosen" and e.data.get("mission", "") not in missions
        for e in events
        if "mission" in e.data
    ):
        return None
    debrief = debrief_of(missions, events)
    if debrief is None or debrief.outcome is None:
        return None
    wrong: dict[str, list[str]] = {}
    for event in events:
        answer = event.data.get("answer")
        if event.kind == "answer_submitted" and not event.data["correct"] and answer is not None:
            wrong.setdefault(str(event.data["puzzle"]), []).append(
                json.dumps(answer, sort_keys=True, ensure_ascii=False)
            )
    # Seconds of play from a puzzle's opening to its solution (None when it was not solved):
    # the debrief keeps when it was solved, the state when it was opened.
    played = events[: next((i for i, e in enumerate(events) if e.kind == "reset"), len(events))]
    folded = fold(missions, played)
    progress = folded.puzzles
    questions = missions[debrief.mission_id].learning_check
    seconds: dict[str, float | None] = {}
    for report in debrief.puzzles:
        opened = progress[report.id].opened_at if report.id in progress else None
        seconds[report.id] = (
            round(report.solved_at - opened, 1)
            if report.state is PuzzleState.SOLVED
            and report.solved_at is not None
            and opened is not None
            else None
        )
    visits = [e.data.get("visit") for e in played if e.kind == "setup_confirmed"]
    return Result(
        mission=debrief.mission_id,
        age=debrief.age,
        language=debrief.language,
        outcome=debrief.outcome.value,
        elapsed=round(debrief.elapsed, 1),
        puzzles={
            p.id: {
                "state": p.state.value,
                "attempts": p.attempts,
                "hints": p.hints,
                "seconds": seconds[p.id],
                "wrong": wrong.get(p.id, []),
            }
            for p in debrief.puzzles
        },
        visit=str(visits[-1]) if visits and visits[-1] else None,
        timer=debrief.timer.value,
        learning=tally(questions, folded.checked) if questions else {},
    )


def record_finished(journal: Journal, missions: Mapping[str, Mission]) -> int:
    """Store the result of every finished session that has none yet; returns how many.

    A session this release cannot read (a row of another release) is left as it is, and logged.
    """
    stored = journal.result_sessions()
    added = 0
    for summary in journal.sessions():
        if summary.session in stored:
            continue
        try:
            result = result_of(missions, journal.events(summary.session))
        except (ValueError, KeyError) as error:
            log.warning("session %s cannot be read by this release: %s", summary.session, error)
            continue
        if result is None or (not summary.closed and _check_pending(result)):
            # Not over yet: a team still on its debrief may answer the learning check again.
            continue
        journal.store_result(summary.session, _as_row(result))
        added += 1
    return added


def _check_pending(result: Result) -> bool:
    """Whether the learning check's second ask is still to come: no answer nor skip after."""
    counts = result.learning
    return bool(counts) and not any(counts.get(f"{MOMENTS[-1]}_{how}") for how in ("right", "wrong", "skipped"))


def uninstalled(journal: Journal, missions: Mapping[str, Mission]) -> Counter[str]:
    """Sessions with no result yet whose mission is no longer installed, by mission id: they
    cannot be counted until it is back, and the reader should know they exist."""
    stored = journal.result_sessions()
    gone: Counter[str] = Counter()
    for summary in journal.sessions():
        if summary.session in stored:
            continue
        chosen = [
            str(e.data["mission"])
            for e in journal.events(summary.session)
            if e.kind == "chosen" and e.data.get("mission")
        ]
        if chosen and chosen[-1] not in missions:
            gone[chosen[-1]] += 1
    return gone


def _as_row(result: Result) -> dict[str, Any]:
    return {
        "mission": result.mission,
        "age": result.age,
        "language": result.language,
        "outcome": result.outcome,
        "elapsed": result.elapsed,
        "puzzles": {pid: dict(p) for pid, p in result.puzzles.items()},
        "visit": result.visit,
        "timer": result.timer,
        "learning": dict(result.learning),
    }


def purge(
    journal: Journal, missions: Mapping[str, Mission], *, older_than_days: float, now: float
) -> int:
    """Remove raw journals older than the retention, keeping their anonymous results.

    With `older_than_days=0`, every finished session goes, however recent. A session still in
    play stays, unless it is older than the retention (an abandoned kiosk).
    """
    record_finished(journal, missions)
    finished = journal.result_sessions()
    limit = now - older_than_days * DAY
    doomed = []
    for summary in journal.sessions():
        done = summary.closed or summary.session in finished
        if older_than_days == 0:
            if done:
                doomed.append(summary.session)
        elif summary.last_at < limit:
            doomed.append(summary.session)
    if doomed:
        journal.delete_sessions(doomed)
    journal.compact()
    return len(doomed)


def purge_sheets(
    data_dir: Path, *, older_than_days: float, now: float
) -> list[tuple[Path, OSError]]:
    """Remove debrief sheets past the retention (all of them with 0); the failures, if any."""
    folder = data_dir / SHEETS_DIR
    limit = now - older_than_days * DAY
    failures: list[tuple[Path, OSError]] = []
    for sheet in sorted(folder.glob("*.html")) if folder.is_dir() else []:
        try:
            if older_than_days == 0 or sheet.stat().st_mtime < limit:
                sheet.unlink()
        except OSError as error:
            failures.append((sheet, error))
    return failures


@dataclass(frozen=True)
class PuzzleStats:
    puzzle: str
    sessions: int
    solved_rate: float
    mean_attempts: float
    mean_hints: float
    common_wrong: list[tuple[str, int]]


@dataclass(frozen=True)
class MissionStats:
    mission: str
    age: str
    sessions: int
    win_rate: float
    median_seconds: float | None
    puzzles: list[PuzzleStats]
    # Sessions by timer mode, as in `GroupFigures.timers`.
    timers: dict[str, int] = field(default_factory=dict)


def stats(results: Iterable[Mapping[str, Any]]) -> list[MissionStats]:
    """Aggregates per mission and age band, and per puzzle within them."""
    groups: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for row in results:
        groups.setdefault((str(row["mission"]), str(row["age"])), []).append(row)
    out = []
    for (mission, age), rows in sorted(groups.items()):
        won = [r for r in rows if r["outcome"] == "won"]
        times = [float(r["elapsed"]) for r in won]
        puzzle_ids: list[str] = []
        for row in rows:
            puzzle_ids.extend(p for p in row["puzzles"] if p not in puzzle_ids)
        puzzles = []
        for pid in puzzle_ids:
            seen = [r["puzzles"][pid] for r in rows if pid in r["puzzles"]]
            wrong = Counter(w for p in seen for w in p.get("wrong", []))
            puzzles.append(
                PuzzleStats(
                    puzzle=pid,
                    sessions=len(seen),
                    solved_rate=_rate(sum(1 for p in seen if p["state"] == "solved"), len(seen)),
                    mean_attempts=round(statistics.fmean(p["attempts"] for p in seen), 2),
                    mean_hints=round(statistics.fmean(p["hints"] for p in seen), 2),
                    common_wrong=wrong.most_common(3),
                )
            )
        out.append(
            MissionStats(
                mission=mission,
                age=age,
                sessions=len(rows),
                win_rate=_rate(len(won), len(rows)),
                median_seconds=round(statistics.median(times), 1) if times else None,
                puzzles=puzzles,
                timers=_timers(rows),
            )
        )
    return out


@dataclass(frozen=True)
class PuzzleFigures:
    """One puzzle's numbers within a group of sessions; `wrong` are journaled answers (ids)."""

    puzzle: str
    sessions: int
    solved: int
    solved_rate: float
    median_seconds: float | None
    hints: int
    mean_hints: float
    mean_attempts: float
    wrong: list[tuple[str, int]]


@dataclass(frozen=True)
class CheckFigures:
    """The learning check over a group's sessions: how many answers were right, wrong or skipped
    before the mission and after it, and the share right among those answered."""

    sessions: int
    before: tuple[int, int, int]
    after: tuple[int, int, int]

    @property
    def before_rate(self) -> float:
        right, wrong, _skipped = self.before
        return _rate(right, right + wrong)

    @property
    def after_rate(self) -> float:
        right, wrong, _skipped = self.after
        return _rate(right, right + wrong)


def check_figures(rows: Iterable[Mapping[str, Any]]) -> CheckFigures | None:
    """The learning check summed over `rows`; None when none of them holds one (a mission
    without a check, or results kept by an earlier release)."""
    counts = [r["learning"] for r in rows if r.get("learning")]
    if not counts:
        return None

    def total(moment: str) -> tuple[int, int, int]:
        right, wrong, skipped = (
            sum(int(c.get(f"{moment}_{how}", 0)) for c in counts)
            for how in ("right", "wrong", "skipped")
        )
        return right, wrong, skipped

    before, after = (total(moment) for moment in MOMENTS)
    return CheckFigures(sessions=len(counts), before=before, after=after)


@dataclass(frozen=True)
class GroupFigures:
    """The sessions of one mission, age band and language: how many, how many won, how long."""

    mission: str
    age: str
    language: str
    sessions: int
    won: int
    win_rate: float
    median_seconds: float | None
    # Play time of every session with its outcome, for the distribution.
    times: list[tuple[float, str]]
    puzzles: list[PuzzleFigures]
    # Sessions by timer mode (`TimerMode` value), in the modes' order; results kept by an
    # earlier release, which has no timer modes, are not counted.
    timers: dict[str, int] = field(default_factory=dict)
    learning: CheckFigures | None = None


# How many of a puzzle's most frequent wrong answers are shown.
COMMON_WRONG = 3


def figures(results: Iterable[Mapping[str, Any]]) -> list[GroupFigures]:
    """Aggregates per mission, age band and language, and per puzzle within them. Results kept
    by an earlier release may lack a field (a puzzle's seconds): it is left out, not guessed."""
    groups: dict[tuple[str, str, str], list[Mapping[str, Any]]] = {}
    for row in results:
        key = (str(row["mission"]), str(row["age"]), str(row.get("language", "")))
        groups.setdefault(key, []).append(row)
    out = []
    for (mission, age, language), rows in sorted(groups.items()):
        won = [r for r in rows if r["outcome"] == "won"]
        won_times = [float(r["elapsed"]) for r in won]
        puzzle_ids: list[str] = []
        for row in rows:
            puzzle_ids.extend(p for p in row["puzzles"] if p not in puzzle_ids)
        puzzles = []
        for pid in puzzle_ids:
            seen = [r["puzzles"][pid] for r in rows if pid in r["puzzles"]]
            solved = sum(1 for p in seen if p["state"] == "solved")
            seconds = [float(p["seconds"]) for p in seen if p.get("seconds") is not None]
            hints = sum(int(p["hints"]) for p in seen)
            puzzles.append(
                PuzzleFigures(
                    puzzle=pid,
                    sessions=len(seen),
                    solved=solved,
                    solved_rate=_rate(solved, len(seen)),
                    median_seconds=round(statistics.median(seconds), 1) if seconds else None,
                    hints=hints,
                    mean_hints=round(hints / len(seen), 2),
                    mean_attempts=round(statistics.fmean(p["attempts"] for p in seen), 2),
                    wrong=Counter(w for p in seen for w in p.get("wrong", [])).most_common(
                        COMMON_WRONG
                    ),
                )
            )
        out.append(
            GroupFigures(
                mission=mission,
                age=age,
                language=language,
                sessions=len(rows),
                won=len(won),
                win_rate=_rate(len(won), len(rows)),
                median_seconds=round(statistics.median(won_times), 1) if won_times else None,
                times=[(float(r["elapsed"]), str(r["outcome"])) for r in rows],
                puzzles=puzzles,
                timers=_timers(rows),
                learning=check_figures(rows),
            )
        )
    return out


def _timers(rows: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """Sessions by timer mode (`TimerMode` value), in the modes' order, the modes never played
    left out; results kept by an earlier release, which had no timer modes, are not counted."""
    counts = Counter(str(r["timer"]) for r in rows if r.get("timer"))
    return {mode.value: counts[mode.value] for mode in TimerMode if counts[mode.value]}


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0
