"""xAPI statements of the finished sessions, for a venue's learning record store: an anonymous
actor per team session, one statement per puzzle attempt and one per mission result.

Nothing personal leaves: the actor is an account whose name is drawn from the session's random
id (never the team's pseudonym), an attempt says whether it was right and how long it took
(never what was typed), and no statement carries a clock time. Statement ids and actor names are
derived from the session, so exporting or sending the same sessions again gives the same
statements, which a record store recognises instead of counting twice.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from gardiens.core.journal import Event, Journal
from gardiens.core.model import Mission
from gardiens.core.session import Outcome, SessionState, apply, debrief_of
from gardiens.i18n.missions import MissionTexts

XAPI_VERSION = "1.0.3"
# A home page that belongs to nobody (RFC 2606), when the venue has not configured its own.
NEUTRAL_HOME = "https://gardiens.invalid"
# The project's own vocabulary: stable whatever the venue, so record stores can compare venues.
AGE_BAND = "https://gardiens.invalid/xapi/extensions/age-band"
PLATFORM = "Gardiens"

# The verbs of the ADL vocabulary, with the display the ADL registry gives them.
ADL = "http://adlnet.gov/expapi/verbs/"
VERBS = {
    key: {"id": ADL + verb, "display": {"en-US": verb}}
    for key, verb in (
        ("answered", "answered"),
        (Outcome.WON, "completed"),
        (Outcome.TIME_UP, "failed"),
        (Outcome.ABANDONED, "terminated"),
    )
}
MISSION_TYPE = "http://activitystrea.ms/schema/1.0/game"
PUZZLE_TYPE = "http://adlnet.gov/expapi/activities/question"
_IDS = uuid.uuid5(uuid.NAMESPACE_URL, NEUTRAL_HOME + "/xapi/statement")
_ACTORS = uuid.uuid5(uuid.NAMESPACE_URL, NEUTRAL_HOME + "/xapi/actor")


@dataclass(frozen=True)
class Export:
    """The statements of every finished session, and how many sessions could not be exported
    (a row of another release, or a mission no longer installed)."""

    statements: list[dict[str, Any]]
    sessions: int
    skipped: int


def duration(seconds: float) -> str:
    """ISO 8601 duration of `seconds`, to the tenth: « PT83.5S »."""
    return f"PT{max(0.0, round(seconds, 1)):.1f}S"


def registration(session: str) -> uuid.UUID:
    """The session's own UUID; an id of another shape gets a UUID drawn from it."""
    try:
        return uuid.UUID(session)
    except ValueError:
        return uuid.uuid5(_IDS, session)


def session_statements(
    missions: Mapping[str, Mission], events: list[Event], *, home: str = NEUTRAL_HOME
) -> list[dict[str, Any]]:
    """The statements of one session, or none if it did not reach a result. `ValueError` or
    `KeyError` for a journal this release cannot replay."""
    played = events[: next((i for i, e in enumerate(events) if e.kind == "reset"), len(events))]
    debrief = debrief_of(missions, played)
    if debrief is None or debrief.outcome is None or not played:
        return []
    mission = missions[debrief.mission_id]
    texts = MissionTexts.load(mission, age=debrief.age, language=debrief.language)
    session = played[0].session
    base = home.rstrip("/")
    actor = {
        "objectType": "Agent",
        "account": {"homePage": home, "name": uuid.uuid5(_ACTORS, session).hex},
    }
    mission_activity = {
        "objectType": "Activity",
        "id": f"{base}/missions/{quote(mission.id, safe='')}",
        "definition": {
            "type": MISSION_TYPE,
            "name": {debrief.language: texts.text(mission.title)},
        },
    }
    context = {
        "registration": str(registration(session)),
        "language": debrief.language,
        "platform": PLATFORM,
        "extensions": {AGE_BAND: debrief.age},
    }

    def statement(key: str, verb: dict[str, Any], obj: dict[str, Any],
                  result: dict[str, Any], parent: bool) -> dict[str, Any]:
        here = dict(context)
        if parent:
            here["contextActivities"] = {"parent": [mission_activity]}
        return {
            "id": str(uuid.uuid5(_IDS, f"{session}/{key}")),
            "actor": actor,
            "verb": verb,
            "object": obj,
            "result": result,
            "context": here,
            "version": XAPI_VERSION,
        }

    out = []
    state = SessionState()
    # Seconds of play when each puzzle was last answered: an attempt lasts from the puzzle's
    # opening, or from the team's previous answer to it.
    answered: dict[str, float] = {}
    for event in played:
        before = state
        state = apply(missions, state, event)
        if event.kind != "answer_submitted":
            continue
        pid = str(event.data["puzzle"])
        puzzle = mission.puzzle(pid)
        since = answered.get(pid, before.puzzles[pid].opened_at or 0.0)
        answered[pid] = state.elapsed
        out.append(statement(
            str(event.seq),
            VERBS["answered"],
            {
                "objectType": "Activity",
                "id": f"{mission_activity['id']}/puzzles/{quote(pid, safe='')}",
                "definition": {
                    "type": PUZZLE_TYPE,
                    "name": {debrief.language: texts.text(puzzle.title, puzzle_id=pid)},
                },
            },
            {"success": bool(event.data["correct"]),
             "duration": duration(state.elapsed - since)},
            parent=True,
        ))
    total = debrief.required_total
    solved = debrief.required_solved
    out.append(statement(
        "result",
        VERBS[debrief.outcome],
        mission_activity,
        {
            "score": {"scaled": round(solved / total, 4) if total else 0, "raw": solved,
                      "min": 0, "max": total},
            "success": debrief.outcome is Outcome.WON,
            "completion": debrief.outcome is Outcome.WON,
            "duration": duration(debrief.elapsed),
        },
        parent=False,
    ))
    return out


def export_statements(
    journal: Journal, missions: Mapping[str, Mission], *, home: str = NEUTRAL_HOME
) -> Export:
    """The statements of every finished session still in the journal (a purged session left
    only its anonymous result, which has no attempts to tell)."""
    statements: list[dict[str, Any]] = []
    sessions = skipped = 0
    for summary in journal.sessions():
        events = journal.events(summary.session)
        chosen = [str(e.data["mission"]) for e in events
                  if e.kind == "chosen" and e.data.get("mission")]
        if chosen and chosen[-1] not in missions:
            skipped += 1
            continue
        try:
            found = session_statements(missions, events, home=home)
        except (ValueError, KeyError):
            skipped += 1
            continue
        if found:
            sessions += 1
            statements += found
    return Export(statements, sessions, skipped)


def as_jsonl(statements: Iterable[Mapping[str, Any]]) -> str:
    """One statement per line, UTF-8 text as is."""
    return "".join(json.dumps(s, ensure_ascii=False, sort_keys=True) + "\n" for s in statements)
