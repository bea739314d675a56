"""Debrief sheets: one printable, self-contained A4 page for families, one for the facilitator.

The family sheet carries the mission, its key messages and where to find help, and nothing
about the team. The facilitator sheet shows where the team struggled, as a small chart.
The page is written by the `debrief.html` template; this module works out what it shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from gardiens.core.debrief import help_for
from gardiens.core.journal import Event, Journal
from gardiens.core.model import Mission, pick
from gardiens.core.pseudonym import is_team, team_name
from gardiens.core.records import SHEETS_DIR
from gardiens.core.session import DebriefData, PuzzleState, debrief_of
from gardiens.i18n.format import format_day
from gardiens.i18n.interface import InterfaceTranslator
from gardiens.i18n.missions import MissionTexts
from gardiens.reports.stats import TIMER_WORDS
from gardiens.templating import templates_of

Gettext = Callable[[str], str]

# The chart's geometry, in SVG user units: one row per puzzle, its name left of its bars.
ROW_HEIGHT = 26
LABEL_WIDTH = 250
BAR_WIDTH = 380
# Longer puzzle titles are cut on the chart so that they stay left of the bars.
NAME_LENGTH = 34
MARKS = {PuzzleState.SOLVED: "✓", PuzzleState.SKIPPED: "→"}


@dataclass(frozen=True)
class Bar:
    kind: str  # "attempts" or "hints"
    count: int
    x: float
    width: float


@dataclass(frozen=True)
class ChartRow:
    y: int
    mark: str
    name: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Chart:
    """Wrong attempts and hints per puzzle, laid out as bars scaled to the busiest puzzle; its
    size and the legend's place follow from the number of rows."""

    rows: tuple[ChartRow, ...]
    label_width: ClassVar[int] = LABEL_WIDTH
    row_height: ClassVar[int] = ROW_HEIGHT
    width: ClassVar[int] = LABEL_WIDTH + BAR_WIDTH + 60

    @property
    def height(self) -> int:
        return ROW_HEIGHT * len(self.rows) + 34

    @property
    def legend_y(self) -> int:
        return ROW_HEIGHT * len(self.rows) + 22


def render_report(
    debrief: DebriefData,
    mission: Mission,
    texts: MissionTexts,
    _: Gettext,
    *,
    team: str | None = None,
    date: str | None = None,
) -> str:
    """The whole HTML page: the family sheet, then the facilitator sheet."""
    minutes, seconds = divmod(round(debrief.elapsed), 60)
    return templates_of("gardiens.reports").get_template("debrief.html").render(
        _=_,
        debrief=debrief,
        title=texts.text(mission.title),
        key_messages=texts.texts(mission.debrief.key_messages),
        help=help_resources(debrief, mission, texts, _),
        questions=texts.texts(mission.debrief.questions),
        struggled=[
            texts.text(mission.puzzle(pid).title, puzzle_id=pid) for pid in debrief.struggled
        ],
        outcome=debrief.outcome.value if debrief.outcome else None,
        play_time=f"{minutes}:{seconds:02d}",
        timer=_(TIMER_WORDS[debrief.timer.value]),
        chart=chart(debrief, mission, texts),
        team=team,
        date=date,
    )


def help_resources(debrief: DebriefData, mission: Mission, texts: MissionTexts,
                   _: Gettext) -> list[tuple[str, str]]:
    """Where to find help, as (title, text) in the sheet's language: the resources the mission's
    author chose (translated with the mission), else its theme's (translated with the interface)."""
    card = help_for(mission)
    if card.authored:
        return [(texts.text(r.title), texts.text(r.text)) for r in card.resources]
    return [(_(pick(r.title, debrief.age)), _(pick(r.text, debrief.age))) for r in card.resources]


def session_report(
    missions: Mapping[str, Mission], events: list[Event], started_at: float
) -> tuple[Mission, str] | None:
    """The sheets of one session from its journal events, or None if it never reached play."""
    debrief = debrief_of(missions, events)
    if debrief is None:
        return None
    mission = missions[debrief.mission_id]
    return mission, debrief_report(debrief, mission, events, started_at)


def write_last_sheet(
    journal: Journal, missions: Mapping[str, Mission], data_dir: Path
) -> Path | None:
    """The sheets of the last finished session, written in the data folder's sheets folder
    (which the day's housekeeping empties after the retention); None if no session ended."""
    for summary in reversed(journal.sessions()):
        events = journal.events(summary.session)
        debrief = debrief_of(missions, events)
        if debrief is None or debrief.outcome is None:
            continue
        mission = missions[debrief.mission_id]
        folder = data_dir / SHEETS_DIR
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"gardiens-{mission.id}-{summary.session[:8]}.html"
        path.write_text(debrief_report(debrief, mission, events, summary.first_at), encoding="utf-8")
        return path
    return None


def debrief_report(
    debrief: DebriefData, mission: Mission, events: list[Event], started_at: float
) -> str:
    """The sheets of a debrief, in the language the team played in, dated and named."""
    texts = MissionTexts.load(mission, age=debrief.age, language=debrief.language)
    team_key = next((str(e.data["team"]) for e in reversed(events) if "team" in e.data), None)
    team = team_name(team_key, debrief.language) if team_key and is_team(team_key) else None
    # The sheet is in the language the team played in, not the facilitator's.
    sheet = InterfaceTranslator(debrief.language)
    day = dt.datetime.fromtimestamp(started_at).date()
    date = format_day(day, debrief.language, length="short")
    return render_report(debrief, mission, texts, sheet.gettext, team=team, date=date)


def chart(debrief: DebriefData, mission: Mission, texts: MissionTexts) -> Chart:
    """The bars of each puzzle, side by side: wrong attempts first, then hints."""
    top = max([1, *(p.attempts + p.hints for p in debrief.puzzles)])
    unit = BAR_WIDTH / top
    rows = []
    for i, report in enumerate(debrief.puzzles):
        name = texts.text(mission.puzzle(report.id).title, puzzle_id=report.id)
        bars = []
        x: float = LABEL_WIDTH
        for kind, count in (("attempts", report.attempts), ("hints", report.hints)):
            if count:
                bars.append(Bar(kind, count, x, count * unit))
                x += count * unit
        rows.append(
            ChartRow(i * ROW_HEIGHT, MARKS.get(report.state, "·"), name[:NAME_LENGTH], tuple(bars))
        )
    return Chart(tuple(rows))
