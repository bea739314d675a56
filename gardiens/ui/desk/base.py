"""What the facilitator's desk shares between its attendant and its screens: the kiosk's
timings, when a team counts as stuck, the day's housekeeping, and what the screens ask of the
attendant (`Attendant`)."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from gardiens.core.facilitator import PinGuard
from gardiens.core.journal import Journal
from gardiens.core.kiosk import KioskSettings
from gardiens.core.model import Mission
from gardiens.core.records import SHEETS_DIR, purge, purge_sheets
from gardiens.core.session import Lifecycle, PuzzleState, SessionState, debrief_of
from gardiens.i18n.interface import InterfaceTranslator
from gardiens.report import session_report

log = logging.getLogger(__name__)

# The hidden gesture: a finger held this long on a small square in the top-right corner.
LONG_PRESS_SECONDS = 2.0
CORNER_TARGET = 110  # design pixels; the HUD's pause button lies below a short tap's reach
# The facilitator's screens close themselves when left alone this long (an adult walked away).
FACILITATOR_IDLE_SECONDS = 90.0
RESUME_SECONDS = 3.0


@dataclass(frozen=True)
class Stuck:
    """Why a team may need the facilitator: no progress for a while, or too many wrong tries."""

    quiet_for: float
    slow: bool
    puzzles: tuple[str, ...]

    @property
    def flagged(self) -> bool:
        return self.slow or bool(self.puzzles)


def stuck_of(state: SessionState, elapsed: float, settings: KioskSettings) -> Stuck:
    """Progress is a puzzle solved or skipped; wrong tries count on puzzles still open."""
    if state.lifecycle not in (Lifecycle.PLAYING, Lifecycle.PAUSED):
        return Stuck(0.0, False, ())
    solved = [p.solved_at for p in state.puzzles.values() if p.solved_at is not None]
    quiet = max(0.0, elapsed - max(solved, default=0.0))
    puzzles = tuple(
        pid
        for pid, p in state.puzzles.items()
        if p.state is PuzzleState.AVAILABLE and p.attempts >= settings.stuck_wrong_attempts
    )
    return Stuck(quiet, quiet >= settings.stuck_seconds, puzzles)


def open_for_the_day(
    journal: Journal,
    missions: Mapping[str, Mission],
    data_dir: Path,
    settings: KioskSettings,
    *,
    now: float | None = None,
) -> int:
    """Purge raw journals and debrief sheets past the retention, keeping anonymous results.

    Returns how many sessions were purged. A locked or damaged journal is logged, not fatal:
    the team in front of the kiosk comes first.
    """
    now = time.time() if now is None else now
    removed = 0
    try:
        removed = purge(journal, missions, older_than_days=settings.retention_days, now=now)
    except sqlite3.Error as error:
        log.warning("could not purge the journal at start: %s", error)
    for sheet, problem in purge_sheets(data_dir, older_than_days=settings.retention_days, now=now):
        log.warning("could not remove the old sheet %s: %s", sheet, problem)
    return removed


def write_sheet(journal: Journal, missions: Mapping[str, Mission], data_dir: Path) -> Path | None:
    """The debrief sheets of the last finished session, written in the data folder."""
    for summary in reversed(journal.sessions()):
        events = journal.events(summary.session)
        debrief = debrief_of(missions, events)
        if debrief is None or debrief.outcome is None:
            continue
        report = session_report(missions, events, summary.first_at)
        if report is None:
            continue
        mission, html = report
        folder = data_dir / SHEETS_DIR
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"gardiens-{mission.id}-{summary.session[:8]}.html"
        path.write_text(html, encoding="utf-8")
        return path
    return None


class Attendant(Protocol):
    """What the desk's screens ask of the kiosk's attendant, which owns them."""

    data_dir: Path
    settings: KioskSettings
    guard: PinGuard
    translator: InterfaceTranslator
    hint_to_show: str | None

    def now(self) -> float: ...

    def open_panel(self) -> None: ...

    def close_facilitator(self) -> None: ...

    def write_sheet(self) -> Path | None: ...
