"""The class sheet of one school visit: the missions its teams played, how they did together,
what went well, the missions' key messages and questions to discuss in class.

It is made from the anonymous results that carry the visit's code, so it holds aggregates only:
never a team's name, never one team's result.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from gardiens.core.model import AGE_BANDS, AgeBand, Mission
from gardiens.i18n.format import format_day, format_duration, format_number, format_ratio
from gardiens.i18n.interface import InterfaceTranslator
from gardiens.i18n.missions import MissionTexts
from gardiens.templating import templates_of

# How many puzzles « what went well » names, at most, and the share of teams that must have
# solved one for it to count as going well.
WENT_WELL = 3
WELL_SOLVED = 0.5


@dataclass(frozen=True)
class MissionPart:
    """One mission the class played: its teams together, and what to talk about."""

    title: str
    installed: bool
    teams: int
    won: int
    median: str | None
    solved_share: str
    hints_per_team: str
    # A puzzle most teams solved: its title, and how many did.
    went_well: list[tuple[str, str]]
    key_messages: list[str]
    questions: list[str]


@dataclass(frozen=True)
class ClassSheet:
    visit: str
    teams: int
    missions: list[MissionPart]


def visit_results(results: Iterable[Mapping[str, Any]], visit: str) -> list[Mapping[str, Any]]:
    """The results of the teams launched with this visit code."""
    return [r for r in results if r.get("visit") == visit]


def class_sheet(
    results: Iterable[Mapping[str, Any]],
    missions: Mapping[str, Mission],
    translator: InterfaceTranslator,
    visit: str,
) -> ClassSheet:
    rows = visit_results(results, visit)
    by_mission: dict[str, list[Mapping[str, Any]]] = {}
    for row in rows:
        by_mission.setdefault(str(row["mission"]), []).append(row)
    parts = [
        _part(mission_id, played, missions.get(mission_id), translator)
        for mission_id, played in by_mission.items()
    ]
    return ClassSheet(visit=visit, teams=len(rows), missions=parts)


def _band(rows: list[Mapping[str, Any]], mission: Mission) -> AgeBand:
    """The age band most of the class's teams played (its texts are the sheet's)."""
    played = Counter(str(r["age"]) for r in rows if r["age"] in mission.ages)
    chosen = played.most_common(1)[0][0] if played else mission.ages[0]
    return next(band for band in AGE_BANDS if band == chosen)


def _part(
    mission_id: str,
    rows: list[Mapping[str, Any]],
    mission: Mission | None,
    translator: InterfaceTranslator,
) -> MissionPart:
    language = translator.language
    won = [r for r in rows if r["outcome"] == "won"]
    times = [float(r["elapsed"]) for r in won]
    required = (
        {p.id for p in mission.puzzles if not p.optional}
        if mission is not None
        else {pid for r in rows for pid in r["puzzles"]}
    )
    faced = [p for r in rows for pid, p in r["puzzles"].items() if pid in required]
    solved = sum(1 for p in faced if p["state"] == "solved")
    hints = sum(int(p["hints"]) for r in rows for p in r["puzzles"].values())
    texts = MissionTexts.load(mission, age=_band(rows, mission), language=language) \
        if mission is not None else None
    went_well: list[tuple[str, str]] = []
    if mission is not None and texts is not None:
        rates = []
        for puzzle in mission.puzzles:
            seen = [r["puzzles"][puzzle.id] for r in rows if puzzle.id in r["puzzles"]]
            done = sum(1 for p in seen if p["state"] == "solved")
            if seen and done / len(seen) >= WELL_SOLVED:
                hinted = sum(int(p["hints"]) for p in seen)
                rates.append((-done / len(seen), hinted, puzzle.id, done, len(seen)))
        for _, _, pid, done, seen_by in sorted(rates)[:WENT_WELL]:
            went_well.append((
                texts.text(mission.puzzle(pid).title, puzzle_id=pid),
                translator.ngettext(
                    "résolue par {n} équipe sur {total}",
                    "résolue par {n} équipes sur {total}",
                    done,
                ).format(n=done, total=seen_by),
            ))
    return MissionPart(
        title=texts.text(mission.title) if mission is not None and texts is not None
        else mission_id,
        installed=mission is not None,
        teams=len(rows),
        won=len(won),
        median=format_duration(statistics.median(times), language) if times else None,
        solved_share=format_ratio(solved / len(faced) if faced else 0.0, language),
        hints_per_team=format_number(round(hints / len(rows), 1), language),
        went_well=went_well,
        key_messages=texts.texts(mission.debrief.key_messages)
        if mission is not None and texts is not None else [],
        questions=texts.texts(mission.debrief.questions)
        if mission is not None and texts is not None else [],
    )


def render_class_sheet(
    sheet: ClassSheet, translator: InterfaceTranslator, *, day: dt.date | None = None
) -> str:
    """The whole page, in the translator's language, printed on A4."""
    return templates_of("gardiens.reports").get_template("class.html").render(
        _=translator.gettext,
        ngettext=translator.ngettext,
        language=translator.language,
        sheet=sheet,
        day=format_day(day, translator.language) if day is not None else None,
    )
