"""The journal: durable settings, atomic batches, sessions listed and removed."""

from __future__ import annotations

import pytest

from gardiens.core.journal import Journal, default_data_dir


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
