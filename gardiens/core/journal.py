"""The session journal: every accepted command as an event in SQLite, durable at each append.

WAL with `synchronous=FULL`: events come at human pace, so a power cut may lose at most the
command being typed, never one the screen already answered. A data disk that turns read-only
or full loses nothing already stored: new events wait in memory (`trouble` says why) and are
written, in order and in one transaction, as soon as the disk takes them again. A journal file
that is not a database any more is moved aside (`set_aside`) and the kiosk starts afresh. A
folder that cannot hold a journal at all (read-only, a file in its place, no permission, a full
disk) gives a journal in memory that says why (`unopened`): the team plays, nothing is kept.
"""

from __future__ import annotations

import enum
import json
import logging
import os
import sqlite3
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

SCHEMA_VERSION = 1
JOURNAL_FILE = "journal.sqlite3"
# The files SQLite keeps beside the journal in WAL mode.
_COMPANIONS = ("-wal", "-shm")

log = logging.getLogger(__name__)

_INSERT = "INSERT INTO events (session, seq, at, kind, data) VALUES (?, ?, ?, ?, ?)"


class Trouble(enum.Enum):
    """Why the journal cannot write just now."""

    FULL = "full"
    READ_ONLY = "read-only"
    FAILING = "failing"


# SQLite's primary result codes (the low byte of an extended one).
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_NOTADB = 26


def _code(error: sqlite3.Error) -> int:
    return int(getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF


def trouble_of(error: sqlite3.Error) -> Trouble:
    """What a failed write says about the disk."""
    code = _code(error)
    text = str(error).lower()
    if code == _SQLITE_FULL or "full" in text:
        return Trouble.FULL
    if code == _SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return Trouble.READ_ONLY
    return Trouble.FAILING


def _is_corrupt(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return (
        _code(error) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
        or "not a database" in text
        or "malformed" in text
    )


class CorruptJournal(sqlite3.DatabaseError):
    """The journal file opened, but SQLite's own check finds it damaged."""


def default_data_dir() -> Path:
    """`GARDIENS_DATA_DIR` when set, else the per-user data folder of the platform."""
    env = os.environ.get("GARDIENS_DATA_DIR")
    return Path(env) if env else Path(user_data_dir("gardiens", appauthor=False))


@dataclass(frozen=True)
class Event:
    session: str
    seq: int
    at: float
    kind: str
    data: Mapping[str, Any]


@dataclass(frozen=True)
class SessionSummary:
    session: str
    first_at: float
    last_at: float
    events: int
    closed: bool


class Journal:
    """An append-only store of events, grouped by session id."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None) -> None:
        self._db = connection
        self.path = path
        # Why the last write failed, while events wait in memory; None when all is stored.
        self.trouble: Trouble | None = None
        # Where a damaged journal file was moved when this one was opened.
        self.set_aside: Path | None = None
        # Why the data folder could not hold the journal, when this one stands in for it in memory.
        self.unopened: str | None = None
        # Accepted events the disk has not taken yet, with their stored form.
        self._pending: list[tuple[Event, str]] = []
        self._last_seq: dict[str, int] = {}
        # Deleted rows are overwritten, so a purged journal keeps nothing of its teams.
        self._db.execute("PRAGMA secure_delete=ON")
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS events ("
                " session TEXT NOT NULL, seq INTEGER NOT NULL, at REAL NOT NULL,"
                " kind TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (session, seq))"
            )
            self._db.execute("CREATE INDEX IF NOT EXISTS events_at ON events(at)")
            # Anonymous results outlive the raw events: no pseudonym, no clock time.
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS results (session TEXT PRIMARY KEY, data TEXT NOT NULL)"
            )
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    @classmethod
    def open(cls, data_dir: Path | None = None) -> Journal:
        """The journal of `data_dir`; a damaged file there is renamed with the time and a new
        journal started (its new name in `set_aside`, and in the log)."""
        folder = data_dir if data_dir is not None else default_data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / JOURNAL_FILE
        try:
            return cls._connect(path)
        except sqlite3.DatabaseError as error:
            if not _is_corrupt(error):
                raise
            aside = _move_aside(path)
            log.error("the journal %s is damaged (%s): moved aside to %s, starting a new one",
                      path, error, aside.name)
        journal = cls._connect(path)
        journal.set_aside = aside
        return journal

    @classmethod
    def open_or_memory(cls, data_dir: Path | None = None) -> Journal:
        """The journal of `data_dir`, or one in memory when that folder cannot hold it (read-only,
        a file where the folder should be, permission denied, a full disk): the kiosk plays on
        without keeping anything, `unopened` and the log say why."""
        folder = data_dir if data_dir is not None else default_data_dir()
        try:
            return cls.open(folder)
        except (OSError, sqlite3.Error) as error:
            reason = f"{type(error).__name__}: {error}"
        log.error("the journal cannot be opened in %s (%s): this kiosk keeps its sessions in memory "
                  "only, nothing will be saved", folder, reason)
        journal = cls.memory()
        journal.unopened = reason
        return journal

    @classmethod
    def _connect(cls, path: Path) -> Journal:
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            # A page torn by a failing card may read fine until a team needs it: look now.
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                raise CorruptJournal(f"database disk image is malformed: {verdict}")
            return cls(connection, path)
        except BaseException:
            connection.close()
            raise

    @classmethod
    def memory(cls) -> Journal:
        return cls(sqlite3.connect(":memory:", isolation_level=None), None)

    def close(self) -> None:
        if self._pending and not self.flush():
            log.error("closing the journal with %d events it could not write (%s)",
                      len(self._pending), self.trouble.value if self.trouble else "")
        self._db.close()

    @property
    def unsaved(self) -> int:
        """How many accepted events wait in memory for the disk."""
        return len(self._pending)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction: committed when the block ends, else rolled back. A signal
        (Ctrl-C, a TERM turned into an exception) may land just after the commit, when there is
        nothing left to roll back: the rollback is then skipped, and the signal goes on."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise

    def append(
        self, session: str, at: float, batch: Sequence[tuple[str, Mapping[str, Any]]]
    ) -> list[Event]:
        """Append events atomically: a command's events are all stored, or none is. When the
        disk refuses them they are kept, in order, and written with the next append or `flush`."""
        seq = self._seq_of(session)
        events: list[Event] = []
        # Encoded first: an event that cannot be stored is refused before anything waits.
        payloads = [json.dumps(dict(data), ensure_ascii=False, sort_keys=True) for _, data in batch]
        for (kind, data), payload in zip(batch, payloads, strict=True):
            seq += 1
            events.append(Event(session, seq, at, kind, data))
            self._pending.append((events[-1], payload))
        self._last_seq[session] = seq
        self.flush()
        return events

    def _seq_of(self, session: str) -> int:
        known = self._last_seq.get(session)
        if known is not None:
            return known
        row = self._db.execute(
            "SELECT COALESCE(MAX(seq), 0) FROM events WHERE session = ?", (session,)
        ).fetchone()
        return int(row[0])

    def flush(self) -> bool:
        """Write the events waiting in memory; True once nothing waits. A refusing disk sets
        `trouble` (and logs it once); the disk taking them again clears it."""
        if not self._pending:
            return True
        rows = [(e.session, e.seq, e.at, e.kind, payload) for e, payload in self._pending]
        try:
            with self._transaction():
                self._db.executemany(_INSERT, rows)
        except sqlite3.IntegrityError:
            raise
        except sqlite3.DatabaseError as error:
            self._abandon_transaction()
            trouble = trouble_of(error)
            if trouble is not self.trouble:
                log.error("the journal cannot write (%s: %s): %d events kept in memory until it can",
                          trouble.value, error, len(self._pending))
            self.trouble = trouble
            return False
        if self.trouble is not None:
            log.warning("the journal writes again: %d waiting events stored", len(rows))
        self._pending.clear()
        self.trouble = None
        return True

    def _abandon_transaction(self) -> None:
        """A rollback that failed on the same disk leaves the transaction open: close it."""
        if self._db.in_transaction:
            try:
                self._db.execute("ROLLBACK")
            except sqlite3.DatabaseError:
                log.exception("could not roll back the journal's failed write")

    def events(self, session: str) -> list[Event]:
        rows = self._db.execute(
            "SELECT session, seq, at, kind, data FROM events WHERE session = ? ORDER BY seq",
            (session,),
        )
        stored = [Event(s, q, a, k, json.loads(d)) for s, q, a, k, d in rows]
        if stored:
            self._last_seq.setdefault(session, stored[-1].seq)
        return stored + [e for e, _ in self._pending if e.session == session]

    def sessions(self) -> list[SessionSummary]:
        """Every session, oldest first; closed once it has a `reset` event."""
        rows = self._db.execute(
            "SELECT session, MIN(at), MAX(at), COUNT(*), SUM(kind = 'reset') FROM events"
            " GROUP BY session ORDER BY MIN(rowid)"
        )
        summaries = {s: SessionSummary(s, f, la, n, bool(c)) for s, f, la, n, c in rows}
        for e, _ in self._pending:
            was = summaries.get(e.session)
            summaries[e.session] = (
                SessionSummary(e.session, e.at, e.at, 1, e.kind == "reset")
                if was is None
                else SessionSummary(was.session, min(was.first_at, e.at), max(was.last_at, e.at),
                                    was.events + 1, was.closed or e.kind == "reset")
            )
        return list(summaries.values())

    def last_open_session(self) -> str | None:
        open_ones = [s.session for s in self.sessions() if not s.closed]
        return open_ones[-1] if open_ones else None

    def all_events(self) -> Iterator[Event]:
        rows = self._db.execute("SELECT session, seq, at, kind, data FROM events ORDER BY rowid")
        for s, q, a, k, d in rows:
            yield Event(s, q, a, k, json.loads(d))
        yield from [e for e, _ in self._pending]

    def delete_sessions(self, sessions: Sequence[str]) -> int:
        """Remove whole sessions in one transaction; returns the number of events removed."""
        removed = 0
        gone = set(sessions)
        self._pending = [(e, p) for e, p in self._pending if e.session not in gone]
        with self._transaction():
            for session in sessions:
                cursor = self._db.execute("DELETE FROM events WHERE session = ?", (session,))
                removed += cursor.rowcount
                self._last_seq.pop(session, None)
        return removed

    def store_result(self, session: str, result: Mapping[str, Any]) -> None:
        payload = json.dumps(dict(result), ensure_ascii=False, sort_keys=True)
        self._db.execute(
            "INSERT OR IGNORE INTO results (session, data) VALUES (?, ?)", (session, payload)
        )

    def result_sessions(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT session FROM results")}

    def results(self) -> list[dict[str, Any]]:
        rows = self._db.execute("SELECT data FROM results ORDER BY rowid")
        return [json.loads(row[0]) for row in rows]

    def compact(self) -> None:
        """Fold the write-ahead log into the file and rebuild it, leaving no deleted page."""
        if self.path is None:
            return
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._db.execute("VACUUM")
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _move_aside(path: Path) -> Path:
    """Rename a damaged journal (and its WAL files) with the time, keeping it for a look."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    path.rename(aside)
    for suffix in _COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(aside.with_name(aside.name + suffix))
    return aside
