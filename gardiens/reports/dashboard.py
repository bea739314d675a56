"""The educator's dashboard: one self-contained page (inline CSS and SVG, no script, no asset from
the internet) with, per mission, age band and language of play, how many teams played, how many
finished, how long they took and, puzzle by puzzle, what went well and which wrong answers were
frequent, written in the words of the mission, never as ids. The same numbers go to CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from babel import Locale
from babel.numbers import format_decimal

from gardiens.core.model import Mission
from gardiens.core.puzzles.base import PuzzleBase
from gardiens.core.records import CheckFigures, GroupFigures, PuzzleFigures
from gardiens.i18n.format import babel_locale, format_day, format_duration, format_ratio
from gardiens.i18n.interface import InterfaceTranslator
from gardiens.i18n.missions import MissionTexts
from gardiens.reports.stats import misconception, timer_counts
from gardiens.templating import templates_of

Gettext = Callable[[str], str]

# The histogram's geometry, in SVG user units; the page scales it to its width.
HIST_WIDTH = 640
HIST_HEIGHT = 220
HIST_LEFT = 44
HIST_BOTTOM = 44
HIST_TOP = 12
# Bin widths tried, in seconds, the narrowest giving at most MAX_BINS bins wins.
BIN_WIDTHS = (60, 120, 180, 300, 600, 900, 1800)
MAX_BINS = 12
# The success bar drawn in each puzzle's row, in SVG user units.
RATE_BAR = 120
# Texts quoted in a wrong answer are cut beyond this many characters (a page has room).
QUOTED_LENGTH = 110


@dataclass(frozen=True)
class Bin:
    """One bar of the time distribution: sessions that lasted from `start` to `end` seconds."""

    start: int
    end: int
    won: int
    other: int
    label: str
    x: float
    width: float
    won_height: float
    other_height: float


@dataclass(frozen=True)
class Histogram:
    bins: tuple[Bin, ...]
    ticks: tuple[tuple[float, int], ...]  # (y, count) of the vertical axis
    summary: str  # the chart said in a sentence, for who cannot see it
    width: int = HIST_WIDTH
    height: int = HIST_HEIGHT
    left: int = HIST_LEFT
    base: int = HIST_HEIGHT - HIST_BOTTOM


@dataclass(frozen=True)
class PuzzleLine:
    title: str
    removed: bool  # the puzzle is no longer in the installed mission
    sessions: int
    solved: str
    solved_width: float
    median: str
    hints: int
    mean_hints: str
    mistakes: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class CheckLine:
    """The learning check of a group: teams asked, the share of right answers before and after
    the mission (with its bar), and how many questions were skipped each time."""

    sessions: int
    before: str
    before_width: float
    before_skipped: int
    after: str
    after_width: float
    after_skipped: int


def check_line(figures: CheckFigures, language: str) -> CheckLine:
    return CheckLine(
        sessions=figures.sessions,
        before=format_ratio(figures.before_rate, language),
        before_width=round(figures.before_rate * RATE_BAR, 1),
        before_skipped=figures.before[2],
        after=format_ratio(figures.after_rate, language),
        after_width=round(figures.after_rate * RATE_BAR, 1),
        after_skipped=figures.after[2],
    )


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    installed: bool
    mission_id: str  # shown only for a mission no longer installed: it has no other name
    age: str
    language: str
    sessions: int
    won: int
    win_rate: str
    median: str
    histogram: Histogram
    puzzles: tuple[PuzzleLine, ...]
    # Sessions by timer mode, in words (empty when no result says).
    timers: str = ""
    learning: CheckLine | None = None


def language_name(code: str, language: str) -> str:
    """The name of a language of play in the page's language: « anglais », "French"."""
    try:
        return Locale.parse(babel_locale(code)).get_display_name(babel_locale(language)) or code
    except (ValueError, TypeError):
        return code


def sections(
    table: Iterable[GroupFigures], missions: Mapping[str, Mission], translator: InterfaceTranslator
) -> list[Section]:
    out = []
    for index, group in enumerate(table):
        mission = missions.get(group.mission)
        texts = (
            MissionTexts.load(mission, age=group.age, language=translator.language)  # type: ignore[arg-type]
            if mission is not None and group.age in mission.ages
            else None
        )
        out.append(_section(index, group, mission, texts, translator))
    return out


def _section(
    index: int,
    group: GroupFigures,
    mission: Mission | None,
    texts: MissionTexts | None,
    translator: InterfaceTranslator,
) -> Section:
    language = translator.language
    installed = mission is not None and texts is not None
    title = texts.text(mission.title) if mission is not None and texts is not None else group.mission
    puzzles: tuple[PuzzleLine, ...] = ()
    if mission is not None and texts is not None:
        puzzles = tuple(_puzzle_line(p, mission, texts, translator) for p in group.puzzles)
    return Section(
        anchor=f"g{index}",
        title=title,
        installed=installed,
        mission_id=group.mission,
        age=group.age,
        language=language_name(group.language, language),
        sessions=group.sessions,
        won=group.won,
        win_rate=format_ratio(group.win_rate, language),
        median=_duration(group.median_seconds, language),
        histogram=histogram(group.times, translator),
        puzzles=puzzles,
        timers=timer_counts(group.timers, translator.gettext),
        learning=check_line(group.learning, language) if group.learning is not None else None,
    )


def _puzzle_line(
    figures: PuzzleFigures, mission: Mission, texts: MissionTexts, translator: InterfaceTranslator
) -> PuzzleLine:
    _ = translator.gettext
    puzzle = next((p for p in mission.puzzles if p.id == figures.puzzle), None)
    return PuzzleLine(
        title=(
            texts.text(puzzle.title, puzzle_id=puzzle.id)
            if puzzle is not None
            else _("Une énigme retirée depuis de la mission")
        ),
        removed=puzzle is None,
        sessions=figures.sessions,
        solved=format_ratio(figures.solved_rate, translator.language),
        solved_width=round(figures.solved_rate * RATE_BAR, 1),
        median=_duration(figures.median_seconds, translator.language),
        hints=figures.hints,
        mean_hints=format_decimal(figures.mean_hints, "0.0", locale=babel_locale(translator.language)),
        mistakes=tuple(
            (mistake_words(wrong, mission, puzzle, texts, _), count)
            for wrong, count in figures.wrong
        )
        if puzzle is not None
        else (),
    )


def mistake_words(
    wrong: str, mission: Mission, puzzle: PuzzleBase, texts: MissionTexts, _: Gettext
) -> str:
    """A journaled wrong answer in the words of the mission; an element the mission no longer
    has is said to be so, never shown by its id."""
    try:
        given = json.loads(wrong)
    except ValueError:
        return _("une réponse que cette version ne sait plus lire")
    return misconception(
        given, mission, puzzle, texts, _, unknown=_("un élément retiré depuis de la mission"),
        length=QUOTED_LENGTH,
    )


def _duration(seconds: float | None, language: str) -> str:
    return format_duration(seconds, language) if seconds is not None else "—"


def histogram(times: list[tuple[float, str]], translator: InterfaceTranslator) -> Histogram:
    """Play times as bars of sessions per time slice, the finished missions below the others."""
    _ = translator.gettext
    longest = max((t for t, _outcome in times), default=0.0)
    step = next((w for w in BIN_WIDTHS if longest / w < MAX_BINS), BIN_WIDTHS[-1])
    count = int(longest // step) + 1
    won = [0] * count
    other = [0] * count
    for seconds, outcome in times:
        slot = min(int(seconds // step), count - 1)
        (won if outcome == "won" else other)[slot] += 1
    tallest = max([1, *(w + o for w, o in zip(won, other, strict=True))])
    inner = HIST_WIDTH - HIST_LEFT - 8
    height = HIST_HEIGHT - HIST_BOTTOM - HIST_TOP
    slot_width = inner / count
    bins = []
    for i in range(count):
        start, end = i * step, (i + 1) * step
        bins.append(
            Bin(
                start=start,
                end=end,
                won=won[i],
                other=other[i],
                label=_("{start}–{end} min").format(start=start // 60, end=end // 60),
                x=round(HIST_LEFT + i * slot_width + 3, 1),
                width=round(slot_width - 6, 1),
                won_height=round(won[i] / tallest * height, 1),
                other_height=round(other[i] / tallest * height, 1),
            )
        )
    scale = max(1, math.ceil(tallest / 4))
    ticks = tuple(
        (round(HIST_HEIGHT - HIST_BOTTOM - n / tallest * height, 1), n)
        for n in range(0, tallest + 1, scale)
    )
    parts = [
        translator.ngettext(
            "{slice} : {n} partie, {won} terminée", "{slice} : {n} parties, {won} terminées",
            b.won + b.other,
        ).format(slice=b.label, n=b.won + b.other, won=b.won)
        for b in bins
        if b.won or b.other
    ]
    summary = _("Durée des parties. {slices}.").format(slices=" ; ".join(parts)) if parts else ""
    return Histogram(bins=tuple(bins), ticks=ticks, summary=summary)


def uninstalled_notes(gone: Mapping[str, int], translator: InterfaceTranslator) -> list[str]:
    """What is said of the sessions left uncounted because their mission is gone (its id is
    the only name left of it)."""
    return [
        translator.ngettext(
            "{n} partie de la mission « {mission} » n’est pas comptée : "
            "cette mission n’est plus installée.",
            "{n} parties de la mission « {mission} » ne sont pas comptées : "
            "cette mission n’est plus installée.",
            n,
        ).format(n=n, mission=mission)
        for mission, n in sorted(gone.items())
    ]


def render_dashboard(
    table: list[GroupFigures],
    missions: Mapping[str, Mission],
    translator: InterfaceTranslator,
    *,
    notes: Iterable[str] = (),
    day: dt.date | None = None,
) -> str:
    """The whole page, in the translator's language; an empty table is a page that says so."""
    groups = sections(table, missions, translator)
    return templates_of("gardiens.reports").get_template("dashboard.html").render(
        _=translator.gettext,
        ngettext=translator.ngettext,
        language=translator.language,
        sections=groups,
        total=sum(s.sessions for s in groups),
        notes=list(notes),
        day=format_day(day, translator.language) if day is not None else None,
    )


CSV_COLUMNS = (
    "mission",
    "mission_title",
    "age",
    "language",
    "puzzle",
    "puzzle_title",
    "sessions",
    "finished",
    "win_rate",
    "median_seconds",
    "timers",
    "solved",
    "solved_rate",
    "puzzle_median_seconds",
    "mean_attempts",
    "hints",
    "mean_hints",
    "common_wrong_answers",
    "check_sessions",
    "check_right_before",
    "check_wrong_before",
    "check_skipped_before",
    "check_rate_before",
    "check_right_after",
    "check_wrong_after",
    "check_skipped_after",
    "check_rate_after",
)
# A group without a learning check, and every puzzle line, leave its columns empty.
_NO_CHECK = [""] * 9


def dashboard_csv(
    table: list[GroupFigures], missions: Mapping[str, Mission], translator: InterfaceTranslator
) -> str:
    """The dashboard's numbers, one line per group then one per puzzle; wrong answers in words
    ("text (count)", separated by " | "), titles in the translator's language; the learning
    check's counts and shares of right answers on the group's line."""
    _ = translator.gettext
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for group, section in zip(table, sections(table, missions, translator), strict=True):
        head = [group.mission, section.title, group.age, group.language]
        writer.writerow(
            [*head, "", "", group.sessions, group.won, group.win_rate,
             _number(group.median_seconds), timer_column(group.timers), "", "", "", "", "", "", "", *_check_cells(group.learning)]
        )
        for figures, line in zip(group.puzzles, section.puzzles or [None] * len(group.puzzles),
                                 strict=True):
            words = " | ".join(f"{text} ({n})" for text, n in line.mistakes) if line else ""
            writer.writerow(
                [*head, figures.puzzle, line.title if line else "", figures.sessions, "", "",
                 "", "", figures.solved, figures.solved_rate, _number(figures.median_seconds),
                 figures.mean_attempts, figures.hints, figures.mean_hints, words, *_NO_CHECK]
            )
    return out.getvalue()


def timer_column(timers: Mapping[str, int]) -> str:
    """Sessions by timer mode for a spreadsheet, by the modes' fixed names: « normal:12 off:1 »."""
    return " ".join(f"{mode}:{n}" for mode, n in timers.items())


def _check_cells(figures: CheckFigures | None) -> list[object]:
    if figures is None:
        return list(_NO_CHECK)
    return [figures.sessions, *figures.before, figures.before_rate, *figures.after, figures.after_rate]


def _number(value: float | None) -> str:
    return "" if value is None else str(value)
