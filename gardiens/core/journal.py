"""The session journal: every accepted command as an event in SQLite, durable at each append.

WAL with `synchronous=FULL`: events come at human pace, so a power cut may lose at most the
command being typed, never one the screen already answered.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

SCHEMA_VERSION = 1
JOURNAL_FILE = "journal.sqlite3"


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
        folder = data_dir if data_dir is not None else default_data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / JOURNAL_FILE
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        return cls(connection, path)

    @classmethod
    def memory(cls) -> Journal:
        return cls(sqlite3.connect(":memory:", isolation_level=None), None)

    def close(self) -> None:
        self._db.close()

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
        """Append events atomically: a command's events are all stored, or none is."""
        events: list[Event] = []
        with self._transaction():
            row = self._db.execute(
                "SELECT COALESCE(MAX(seq), 0) FROM events WHERE session = ?", (session,)
            ).fetchone()
            seq = int(row[0])
            for kind, data in batch:
                seq += 1
                payload = json.dumps(dict(data), ensure_ascii=False, sort_keys=True)
                self._db.execute(
                    "INSERT INTO events (session, seq, at, kind, data) VALUES (?, ?, ?, ?, ?)",
                    (session, seq, at, kind, payload),
                )
                events.append(Event(session, seq, at, kind, data))
        return events

    def events(self, session: str) -> list[Event]:
        rows = self._db.execute(
            "SELECT session, seq, at, kind, data FROM events WHERE session = ? ORDER BY seq",
            (session,),
        )
        return [Event(s, q, a, k, json.loads(d)) for s, q, a, k, d in rows]

    def sessions(self) -> list[SessionSummary]:
        """Every session, oldest first; closed once it has a `reset` event."""
        rows = self._db.execute(
            "SELECT session, MIN(at), MAX(at), COUNT(*), SUM(kind = 'reset') FROM events"
            " GROUP BY session ORDER BY MIN(rowid)"
        )
        return [SessionSummary(s, f, la, n, bool(c)) for s, f, la, n, c in rows]

    def last_open_session(self) -> str | None:
        open_ones = [s.session for s in self.sessions() if not s.closed]
        return open_ones[-1] if open_ones else None

    def all_events(self) -> Iterator[Event]:
        rows = self._db.execute("SELECT session, seq, at, kind, data FROM events ORDER BY rowid")
        for s, q, a, k, d in rows:
            yield Event(s, q, a, k, json.loads(d))

    def delete_sessions(self, sessions: Sequence[str]) -> int:
        """Remove whole sessions in one transaction; returns the number of events removed."""
        removed = 0
        with self._transaction():
            for session in sessions:
                cursor = self._db.execute("DELETE FROM events WHERE session = ?", (session,))
                removed += cursor.rowcount
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
