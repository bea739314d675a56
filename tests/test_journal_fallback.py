"""A data folder that cannot hold the journal: the kiosk plays on with one in memory and says so,
on screen and in the log, instead of stopping at start-up."""

from __future__ import annotations

import logging
import os
import random
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from gardiens.core.clock import ManualClock
from gardiens.core.commands import StartSetup
from gardiens.core.journal import Journal
from gardiens.core.kiosk import KioskSettings
from gardiens.core.library import load_library
from gardiens.core.session import Lifecycle, Session
from gardiens.testing.pilot import FRAME, Pilot
from gardiens.ui.app import App, headless_environment
from gardiens.ui.desk.attendant import KioskAttendant
from gardiens.ui.desk.screens import JournalNotice

ENV = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", GARDIENS_BENCH_MARKS="1")


def a_file_in_its_place(tmp_path: Path, _: pytest.MonkeyPatch | None = None) -> Path:
    (tmp_path / "data").write_text("not a folder")
    return tmp_path / "data"


def under_a_file(tmp_path: Path, _: pytest.MonkeyPatch) -> Path:
    (tmp_path / "file").write_text("not a folder")
    return tmp_path / "file" / "data"


def refused(error: Exception) -> Callable[[Path, pytest.MonkeyPatch], Path]:
    """A folder whose journal the system refuses to create with `error` (as root, a chmod
    would not refuse anything)."""

    def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
        real = sqlite3.connect

        def connect(database: str | Path, **kwargs: object) -> sqlite3.Connection:
            if database == ":memory:":
                return real(database, **kwargs)  # type: ignore[arg-type]
            raise error

        monkeypatch.setattr(sqlite3, "connect", connect)
        return tmp_path / "data"

    return folder


FOLDERS: dict[str, Callable[[Path, pytest.MonkeyPatch], Path]] = {
    "a file where the folder should be": a_file_in_its_place,
    "a folder inside a file": under_a_file,
    "read-only": refused(sqlite3.OperationalError("attempt to write a readonly database")),
    "permission denied": refused(PermissionError(13, "Permission denied")),
    "disk full on creation": refused(sqlite3.OperationalError("database or disk is full")),
    "unable to open": refused(sqlite3.OperationalError("unable to open database file")),
}


@pytest.mark.parametrize("name", list(FOLDERS))
def test_an_unopenable_folder_gives_a_memory_journal_that_says_why(
    name: str, tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = FOLDERS[name](tmp_path, monkeypatch)
    with caplog.at_level(logging.ERROR, logger="gardiens.core.journal"):
        journal = Journal.open_or_memory(folder)
    monkeypatch.undo()
    assert journal.path is None
    assert journal.unopened
    assert str(folder) in caplog.text and "nothing will be saved" in caplog.text
    # The game goes on: events are taken (in memory).
    journal.append("s", 1.0, [("setup_started", {})])
    assert [e.kind for e in journal.events("s")] == ["setup_started"]
    journal.close()


def test_a_good_folder_opens_on_disk(tmp_path: Path) -> None:
    journal = Journal.open_or_memory(tmp_path)
    assert journal.path is not None and journal.unopened is None
    journal.close()


def test_the_kiosk_plays_on_and_shows_the_notice(tmp_path: Path) -> None:
    headless_environment()
    mission, file = load_library()["infox"]
    journal = Journal.open_or_memory(a_file_in_its_place(tmp_path))
    clock = ManualClock(1_000_000.0)
    session = Session({mission.id: mission}, journal, clock, rng=random.Random(0))
    app = App(session, size=(1280, 800), fixed_dt=FRAME, mission_dirs={mission.id: file.parent},
              default_mission=mission.id)
    KioskAttendant(app, data_dir=tmp_path / "elsewhere", settings=KioskSettings())
    pilot = Pilot(app, clock)
    try:
        pilot.advance(3)
        notice = app.top
        assert isinstance(notice, JournalNotice) and notice.unopened
        assert "ne sont pas enregistrées" in notice.words()[1]
        pilot.tap("journal-ok")
        pilot.settle()
        assert not any(isinstance(s, JournalNotice) for s in app.stack)
        app.command(StartSetup())
        assert session.state.lifecycle is Lifecycle.SETUP
    finally:
        pilot.close()


def test_play_starts_on_a_data_dir_that_is_a_file(tmp_path: Path) -> None:
    bad = a_file_in_its_place(tmp_path)
    process = subprocess.Popen([sys.executable, "-m", "gardiens", "play", "--windowed", "--size", "800x600",
                                "--data-dir", str(bad)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, cwd=tmp_path)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "first-frame"
    assert process.stdout.readline().strip() == "missions-ready"
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    _, err = process.communicate()
    assert "Traceback" not in err
    assert "the journal cannot be opened" in err
    assert bad.read_text() == "not a folder"
