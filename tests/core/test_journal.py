"""The journal: durable settings, atomic batches, sessions listed and removed, a refusing disk,
a damaged file."""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

import pytest

from gardiens.core.journal import Journal, Trouble, default_data_dir


class RefusingDisk:
    """The journal's connection, except that commits fail while `error` is set: what SQLite
    says when the card is full or has turned read-only (root ignores chmod, so tests cannot
    make a folder read-only)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.error: sqlite3.Error | None = None
        self.refused = 0

    @property
    def in_transaction(self) -> bool:
        return self.db.in_transaction

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if self.error is not None and sql == "COMMIT":
            self.refused += 1
            raise self.error
        return self.db.execute(sql, *args)

    def executemany(self, sql: str, rows: Any) -> sqlite3.Cursor:
        return self.db.executemany(sql, rows)

    def close(self) -> None:
        self.db.close()


def refusing(journal: Journal) -> RefusingDisk:
    disk = RefusingDisk(journal._db)
    journal._db = disk  # type: ignore[assignment]
    return disk


def test_journal_is_durable_wal_with_full_sync(tmp_path) -> None:
    journal = Journal.open(tmp_path / "data")
    assert journal._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert journal._db.execute("PRAGMA synchronous").fetchone()[0] == 2
    assert (tmp_path / "data" / "journal.sqlite3").exists()


def test_batch_is_all_or_nothing(tmp_path) -> None:
    journal = Journal.open(tmp_path)
    journal.append("s1", 1.0, [("setup_started", {})])
    with pytest.raises(TypeError):
        journal.append("s1", 2.0, [("chosen", {"age": "9-12"}), ("chosen", {"bad": object()})])
    assert [e.kind for e in journal.events("s1")] == ["setup_started"]


def test_events_survive_reopening_in_order(tmp_path) -> None:
    journal = Journal.open(tmp_path)
    journal.append("a", 1.0, [("setup_started", {}), ("chosen", {"age": "9-12"})])
    journal.append("b", 2.0, [("setup_started", {})])
    journal.append("a", 3.0, [("reset", {})])
    journal.close()
    again = Journal.open(tmp_path)
    assert [(e.seq, e.kind) for e in again.events("a")] == [
        (1, "setup_started"),
        (2, "chosen"),
        (3, "reset"),
    ]
    assert [(s.session, s.closed) for s in again.sessions()] == [("a", True), ("b", False)]
    assert again.last_open_session() == "b"
    assert again.delete_sessions(["a"]) == 3
    assert [s.session for s in again.sessions()] == ["b"]


def test_data_dir_from_environment(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("GARDIENS_DATA_DIR", str(tmp_path))
    assert default_data_dir() == tmp_path


@pytest.mark.parametrize(
    ("message", "trouble"),
    [("database or disk is full", Trouble.FULL),
     ("attempt to write a readonly database", Trouble.READ_ONLY),
     ("disk I/O error", Trouble.FAILING)],
)
def test_a_refusing_disk_keeps_events_in_memory_and_writes_them_when_it_comes_back(
    tmp_path, caplog, message, trouble
) -> None:
    # GIVEN a journal with one stored event, whose disk then refuses every write
    journal = Journal.open(tmp_path)
    journal.append("s", 1.0, [("setup_started", {})])
    disk = refusing(journal)
    disk.error = sqlite3.OperationalError(message)
    # WHEN two more commands are accepted
    with caplog.at_level(logging.ERROR, logger="gardiens.core.journal"):
        journal.append("s", 2.0, [("chosen", {"age": "9-12"})])
        journal.append("s", 3.0, [("chosen", {"team": "Les Loutres"}), ("setup_confirmed", {})])
    # THEN the session reads them all, the trouble is named once in the log, nothing is lost
    assert journal.trouble is trouble
    assert journal.unsaved == 3
    assert disk.refused == 2
    assert [r.message for r in caplog.records].count(caplog.records[0].message) == 1
    assert [(e.seq, e.kind) for e in journal.events("s")] == [
        (1, "setup_started"), (2, "chosen"), (3, "chosen"), (4, "setup_confirmed")]
    assert journal.sessions()[0].events == 4
    assert not journal._db.in_transaction
    # WHEN the disk comes back, THEN one retry stores them all, in order
    disk.error = None
    assert journal.flush()
    assert journal.trouble is None and journal.unsaved == 0
    journal.close()
    again = Journal.open(tmp_path)
    assert [(e.seq, e.kind) for e in again.events("s")] == [
        (1, "setup_started"), (2, "chosen"), (3, "chosen"), (4, "setup_confirmed")]


def test_what_was_stored_before_the_disk_filled_stays_after_a_crash(tmp_path) -> None:
    journal = Journal.open(tmp_path)
    journal.append("s", 1.0, [("setup_started", {})])
    refusing(journal).error = sqlite3.OperationalError("database or disk is full")
    journal.append("s", 2.0, [("chosen", {"age": "9-12"})])
    # The kiosk dies without the disk coming back: only the unsaved command is gone.
    again = Journal.open(tmp_path)
    assert [e.kind for e in again.events("s")] == ["setup_started"]


def test_a_damaged_journal_is_moved_aside_and_a_new_one_started(tmp_path, caplog) -> None:
    # GIVEN a journal file overwritten with garbage
    (tmp_path / "journal.sqlite3").write_bytes(b"\x00garbage, not SQLite\xff" * 300)
    (tmp_path / "journal.sqlite3-wal").write_bytes(b"stale")
    # WHEN the kiosk opens it
    with caplog.at_level(logging.ERROR, logger="gardiens.core.journal"):
        journal = Journal.open(tmp_path)
    # THEN it starts empty and writable, the damaged file is kept under a dated name, and the
    # log says where
    assert journal.set_aside is not None
    assert journal.set_aside.name.startswith("journal.sqlite3.damaged-")
    assert journal.set_aside.read_bytes().startswith(b"\x00garbage")
    assert journal.set_aside.name in caplog.text
    assert journal.sessions() == []
    journal.append("s", 1.0, [("setup_started", {})])
    assert [e.kind for e in Journal.open(tmp_path).events("s")] == ["setup_started"]


def test_a_journal_with_a_torn_page_is_moved_aside(tmp_path) -> None:
    journal = Journal.open(tmp_path)
    for n in range(200):
        journal.append(f"s{n}", float(n), [("setup_started", {}), ("chosen", {"team": "x" * 200})])
    journal.close()
    path = tmp_path / "journal.sqlite3"
    data = bytearray(path.read_bytes())
    page = 4096
    data[2 * page : 3 * page] = b"\xa5" * page
    path.write_bytes(bytes(data))
    again = Journal.open(tmp_path)
    assert again.set_aside is not None
    assert again.sessions() == []
    assert Journal.open(tmp_path / "other").set_aside is None


def test_a_team_plays_on_while_the_disk_is_full_and_resumes_from_all_it_did(tmp_path) -> None:
    from gardiens.core.clock import ManualClock
    from gardiens.core.commands import Choose, Confirm, RequestHint, Start, StartSetup
    from gardiens.core.session import Lifecycle, Session
    from tests.core.sample import sample_mission

    mission = sample_mission()
    clock = ManualClock(1000.0)
    session = Session({mission.id: mission}, Journal.open(tmp_path), clock)
    for command in (StartSetup(), Choose(mission=mission.id, age="9-12", language="fr"), Confirm(), Start()):
        assert session.handle(command).ok
    disk = refusing(session.journal)
    disk.error = sqlite3.OperationalError("database or disk is full")
    clock.advance(30)
    first = next(iter(session.state.puzzles))
    assert session.handle(RequestHint(first)).ok
    assert session.state.puzzles[first].hints == 1
    assert session.journal.trouble is Trouble.FULL
    disk.error = None
    clock.advance(5)
    assert session.handle(RequestHint(first)).ok
    assert session.journal.trouble is None
    session.journal.close()
    again = Session({mission.id: mission}, Journal.open(tmp_path), clock)
    assert again.state.lifecycle is Lifecycle.PLAYING
    assert again.state.puzzles[first].hints == 2
    assert again.elapsed() == 35
