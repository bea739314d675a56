"""The educator's dashboard: its numbers from sessions played through the core session with
known wrong answers, the page in words (never ids nor JSON), and bad input said, not crashed."""

from __future__ import annotations

import csv
import html
import io
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from gardiens.core import checkers
from gardiens.core.autoplay import next_puzzle
from gardiens.core.clock import ManualClock
from gardiens.core.commands import (
    Choose,
    Confirm,
    RequestHint,
    Reset,
    Start,
    StartSetup,
    Submit,
    TimerMode,
)
from gardiens.core.journal import Journal
from gardiens.core.library import load_library
from gardiens.core.records import figures, record_finished
from gardiens.core.session import Lifecycle, PuzzleState, Session
from gardiens.i18n.interface import InterfaceTranslator
from gardiens.reports.dashboard import dashboard_csv, render_dashboard
from tests.core.sample import sample_mission

MISSION = sample_mission()
MISSIONS = {MISSION.id: MISSION}
OLD_JOURNAL = Path(__file__).resolve().parents[1] / "data" / "journal-0.1.0.sqlite3"
STEP = 10.0


def play(journal: Journal, clock: ManualClock, wrong: dict[str, int], *, hints: int = 0,
         give_up: bool = False, timer: TimerMode = TimerMode.NORMAL) -> None:
    """One team: `wrong[puzzle]` wrong answers before the right one, each action STEP seconds
    apart; `hints` asked on the first puzzle; `give_up` resets after the first puzzle's errors."""
    session = Session(MISSIONS, journal, clock)
    session.handle(StartSetup())
    session.handle(Choose(mission=MISSION.id, age="9-12", language="fr", timer=timer))
    session.handle(Confirm())
    session.handle(Start())
    for _ in range(hints):
        session.handle(RequestHint("qcm"))
    while session.state.lifecycle is Lifecycle.PLAYING:
        state = session.state
        available = [
            p for p in MISSION.puzzles if state.puzzles[p.id].state is PuzzleState.AVAILABLE
        ]
        puzzle = next_puzzle(available, session.rewards_values())
        for _ in range(wrong.get(puzzle.id, 0)):
            clock.advance(STEP)
            assert not session.handle(Submit(puzzle.id, ["b"])).verdict.correct  # type: ignore[union-attr]
        if give_up:
            break
        clock.advance(STEP)
        session.handle(Submit(puzzle.id, checkers.solution(puzzle, session.rewards_values())))
    session.handle(Reset())


def played_journal() -> Journal:
    journal = Journal.memory()
    clock = ManualClock(1_000)
    play(journal, clock, {"qcm": 1})
    play(journal, clock, {"qcm": 2}, hints=1, timer=TimerMode.OFF)
    play(journal, clock, {"qcm": 1}, give_up=True)
    record_finished(journal, MISSIONS)
    return journal


def test_numbers_of_three_teams_with_known_wrong_answers() -> None:
    (group,) = figures(played_journal().results())
    assert (group.mission, group.age, group.language) == ("essai", "9-12", "fr")
    assert (group.sessions, group.won, group.win_rate) == (3, 2, 0.667)
    assert sorted(outcome for _, outcome in group.times) == ["abandoned", "won", "won"]
    assert group.timers == {"normal": 2, "off": 1}
    qcm = next(p for p in group.puzzles if p.puzzle == "qcm")
    # Opened at the start, solved after one then two wrong answers, STEP seconds each.
    assert (qcm.sessions, qcm.solved, qcm.solved_rate) == (3, 2, 0.667)
    assert qcm.median_seconds == 2.5 * STEP
    assert qcm.hints == 1 and qcm.mean_attempts == 1.33  # wrong attempts per team
    assert qcm.wrong == [('["b"]', 4)]
    # Opened together once the first is solved, played one after the other: the time of a
    # puzzle runs from its opening, so the second played waited for the first.
    times = {p.puzzle: p.median_seconds for p in group.puzzles}
    assert (times["vf"], times["ordre"]) == (STEP, 2 * STEP)
    assert not [p for p in group.puzzles if p.wrong and p.puzzle != "qcm"]


def test_page_and_csv_say_titles_and_wrong_answers_in_words() -> None:
    table = figures(played_journal().results())
    translator = InterfaceTranslator("fr")
    page = render_dashboard(table, MISSIONS, translator)
    text = visible_text(page)
    assert "Mission d'essai" in text and "Qcm" in text
    assert "choisi à tort : « Le nombre de likes » — 4 fois" in text
    assert "67 %" in text and "3 parties jouées" in text
    assert '["b"]' not in page and '"b"' not in text
    assert "Minuteur : Normal 2 · Sans chrono 1" in text
    rows = list(csv.DictReader(io.StringIO(dashboard_csv(table, MISSIONS, translator))))
    (total,) = [r for r in rows if not r["puzzle"]]
    assert (total["sessions"], total["finished"], total["win_rate"]) == ("3", "2", "0.667")
    assert total["timers"] == "normal:2 off:1"
    assert all(r["timers"] == "" for r in rows if r["puzzle"])
    qcm = next(r for r in rows if r["puzzle"] == "qcm")
    assert qcm["puzzle_title"] == "Qcm" and qcm["puzzle_median_seconds"] == "25.0"
    assert qcm["common_wrong_answers"] == "choisi à tort : « Le nombre de likes » (4)"


def test_old_release_journal_reads_in_words_with_no_id_or_json() -> None:
    journal = Journal.memory()
    old = sqlite3.connect(OLD_JOURNAL)
    for row in old.execute("SELECT session, seq, at, kind, data FROM events ORDER BY rowid"):
        journal._db.execute("INSERT INTO events VALUES (?, ?, ?, ?, ?)", row)
    old.close()
    missions = {mid: mission for mid, (mission, _) in load_library().items()}
    record_finished(journal, missions)
    for language in ("fr", "en"):
        page = render_dashboard(figures(journal.results()), missions, InterfaceTranslator(language))
        text = visible_text(page)
        ids = {p.id for m in missions.values() for p in m.puzzles if "-" in p.id}
        assert not [i for i in ids if re.search(rf"\b{i}\b", text)]
        assert "{" not in text and '["' not in text and "<svg" in page


def test_a_mission_no_longer_installed_shows_its_id_and_says_so() -> None:
    table = figures(played_journal().results())
    page = render_dashboard(table, {}, InterfaceTranslator("fr"))
    text = visible_text(page)
    assert "« essai »" in text and "plus installée" in text
    assert "Qcm" not in text and "Le nombre de likes" not in text


def test_a_session_this_release_cannot_read_is_left_out() -> None:
    journal = played_journal()
    journal._db.execute("INSERT INTO events VALUES ('x', 1, 0, 'teleported', '{}')")
    assert record_finished(journal, MISSIONS) == 0
    assert len(journal.results()) == 3


# The command itself, on bad data folders.


def gardiens(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GARDIENS_LANG": "fr", "SDL_VIDEODRIVER": "dummy"}
    return subprocess.run([sys.executable, "-m", "gardiens", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def test_an_empty_or_missing_data_folder_is_a_page_that_says_so(tmp_path: Path) -> None:
    for folder in (tmp_path / "empty", tmp_path / "missing"):
        if folder.name == "empty":
            folder.mkdir()
        done = gardiens("stats", "--html", str(tmp_path), "--data-dir", str(folder))
        assert done.returncode == 0 and not done.stderr, done.stderr
        page = (tmp_path / "gardiens-stats-fr.html").read_text(encoding="utf-8")
        assert "Aucune partie terminée" in page
        assert not (folder / "journal.sqlite3").exists()
    assert not (tmp_path / "missing").exists()
    text = gardiens("stats", "--data-dir", str(tmp_path / "missing"))
    assert text.returncode == 0 and "Aucune partie terminée" in text.stdout


def test_an_old_journal_and_a_deleted_mission_through_the_command(tmp_path: Path) -> None:
    shutil.copy(OLD_JOURNAL, tmp_path / "journal.sqlite3")
    journal = Journal.open(tmp_path)
    journal.store_result("gone", {"mission": "ancienne", "age": "9-12", "language": "fr",
                                  "outcome": "won", "elapsed": 300.0, "puzzles": {}})
    journal.append("later", 0, [("chosen", {"mission": "disparue", "age": "9-12", "language": "fr"})])
    journal.close()
    done = gardiens("stats", "--html", str(tmp_path / "page.html"), "--data-dir", str(tmp_path))
    assert done.returncode == 0, done.stderr
    text = visible_text((tmp_path / "page.html").read_text(encoding="utf-8"))
    assert "Alerte infox !" in text and "Rallumer le phare" in text
    assert "« ancienne »" in text and "plus installée" in text
    assert "1 partie de la mission « disparue » n’est pas comptée" in text
    rows = list(csv.DictReader(io.StringIO(
        gardiens("stats", "--csv", "--data-dir", str(tmp_path)).stdout)))
    assert {r["mission"] for r in rows} == {"ancienne", "cyberharcelement", "infox", "jeux-video"}


def test_a_journal_that_cannot_be_opened_is_a_message(tmp_path: Path) -> None:
    (tmp_path / "journal.sqlite3").mkdir()
    done = gardiens("stats", "--html", str(tmp_path / "page.html"), "--data-dir", str(tmp_path))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "ne peut pas être ouvert" in done.stderr
    file = tmp_path / "a-file"
    file.write_text("not a folder")
    done = gardiens("stats", "--data-dir", str(file))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "n'est pas un dossier" in done.stderr


def visible_text(page: str) -> str:
    """The words a reader sees: without the style sheet, tags and the SVG's markup."""
    body = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())
