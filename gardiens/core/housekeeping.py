"""The day's housekeeping of a kiosk, done as it opens: raw journals and printed sheets older
than the venue's retention go, the anonymous results stay."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Mapping
from pathlib import Path

from gardiens.core.journal import Journal
from gardiens.core.kiosk import KioskSettings
from gardiens.core.model import Mission
from gardiens.core.records import purge, purge_sheets

log = logging.getLogger(__name__)


def open_for_the_day(
    journal: Journal,
    missions: Mapping[str, Mission],
    data_dir: Path,
    settings: KioskSettings,
    *,
    now: float,
) -> int:
    """Purge raw journals and debrief sheets past the retention, keeping anonymous results.

    Returns how many sessions were purged. A locked or damaged journal is logged, not fatal:
    the team in front of the kiosk comes first.
    """
    removed = 0
    try:
        removed = purge(journal, missions, older_than_days=settings.retention_days, now=now)
    except sqlite3.Error as error:
        log.warning("could not purge the journal at start: %s", error)
    for sheet, problem in purge_sheets(data_dir, older_than_days=settings.retention_days, now=now):
        log.warning("could not remove the old sheet %s: %s", sheet, problem)
    return removed
