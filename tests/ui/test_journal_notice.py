"""The kiosk tells its facilitator when the journal cannot save, and when a damaged journal was
put aside; the game goes on and nothing accepted is lost."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from gardiens.core.clock import ManualClock
from gardiens.core.commands import Choose, Confirm, RequestHint, Start, StartSetup
from gardiens.core.journal import Journal
from gardiens.core.session import Lifecycle
from gardiens.testing.pilot import Pilot
from gardiens.ui.desk.attendant import JOURNAL_RETRY_SECONDS
from tests.core.test_journal import refusing
from tests.ui.test_kiosk import kiosk, pin_file  # noqa: F401  (fixtures)


def test_a_full_disk_is_told_once_and_the_notice_leaves_when_the_disk_comes_back(
    kiosk: Callable[..., Pilot], tmp_path  # noqa: F811
) -> None:
    # GIVEN a team playing on a kiosk whose journal is on disk
    journal = Journal.open(tmp_path / "data")
    pilot = kiosk(journal=journal, clock=ManualClock(1_000_000.0))
    app = pilot.app
    mission = next(iter(app.session.missions))
    for command in (StartSetup(), Choose(mission=mission, age="9-12", language="fr"), Confirm(), Start()):
        assert app.session.handle(command).ok
    pilot.advance()
    first = next(iter(app.state.puzzles))
    # WHEN the disk fills up and the team asks for a hint
    disk = refusing(journal)
    disk.error = sqlite3.OperationalError("database or disk is full")
    assert app.session.handle(RequestHint(first)).ok
    pilot.advance()
    # THEN the facilitator's notice is up, once, and the hint counts
    assert pilot.screen == "journal"
    assert [s.name for s in app.stack].count("journal") == 1
    assert app.state.puzzles[first].hints == 1
    pilot.tap("journal-ok")
    assert pilot.screen != "journal"
    pilot.wait(JOURNAL_RETRY_SECONDS + 1)
    assert "journal" not in [s.name for s in app.stack]
    # WHEN the disk takes writes again, THEN the next retry stores the hint with no command
    disk.error = None
    pilot.wait(JOURNAL_RETRY_SECONDS + 1)
    assert journal.trouble is None and journal.unsaved == 0
    assert app.state.lifecycle is Lifecycle.PLAYING
    stored = Journal.open(tmp_path / "data").events(app.state.session_id or "")
    assert [e.kind for e in stored][-1] == "hint_shown"


def test_a_damaged_journal_put_aside_is_told_at_start(kiosk: Callable[..., Pilot], tmp_path) -> None:  # noqa: F811
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "journal.sqlite3").write_bytes(b"not a database at all" * 100)
    journal = Journal.open(folder)
    pilot = kiosk(journal=journal)
    pilot.advance()
    assert pilot.screen == "journal"
    assert journal.set_aside is not None
    assert journal.trouble is None
