"""xAPI export: every statement validated by ralph's maintained xAPI models, nothing personal in
them (no pseudonym, no typed answer, no clock time), the POST to a record store tried against a
small local HTTP server, and every statement kept in the file whatever the network does."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from ralph.models.xapi.base.statements import BaseXapiStatement

from gardiens.core import checkers
from gardiens.core.autoplay import next_puzzle
from gardiens.core.clock import ManualClock
from gardiens.core.commands import Abandon, Choose, Confirm, Reset, Start, StartSetup, Submit
from gardiens.core.journal import Journal
from gardiens.core.session import Lifecycle, PuzzleState, Session
from gardiens.reports.xapi import export_statements
from tests.core.sample import sample_mission

MISSION = sample_mission()
MISSIONS = {MISSION.id: MISSION}
OLD_JOURNAL = Path(__file__).resolve().parents[1] / "data" / "journal-0.1.0.sqlite3"
STEP = 10.0


def play(journal: Journal, clock: ManualClock, *, wrong_first: bool, give_up: bool = False) -> str:
    """One team, each action STEP seconds apart: one wrong answer (« b ») before the right one on
    the first puzzle when `wrong_first`; `give_up` abandons after it. Returns the team's name."""
    session = Session(MISSIONS, journal, clock)
    session.handle(StartSetup())
    session.handle(Choose(mission=MISSION.id, age="9-12", language="fr"))
    session.handle(Confirm())
    session.handle(Start())
    team = str(session.state.team)
    first = True
    while session.state.lifecycle is Lifecycle.PLAYING:
        state = session.state
        available = [
            p for p in MISSION.puzzles if state.puzzles[p.id].state is PuzzleState.AVAILABLE
        ]
        puzzle = next_puzzle(available, session.rewards_values())
        if first and wrong_first:
            clock.advance(STEP)
            assert not session.handle(Submit(puzzle.id, ["b"])).verdict.correct  # type: ignore[union-attr]
        first = False
        if give_up:
            clock.advance(STEP)
            session.handle(Abandon())
            break
        clock.advance(STEP)
        session.handle(Submit(puzzle.id, checkers.solution(puzzle, session.rewards_values())))
    session.handle(Reset())
    return team


def test_statements_validate_and_say_nothing_personal() -> None:
    journal = Journal.memory()
    clock = ManualClock(1_000)
    teams = [play(journal, clock, wrong_first=True), play(journal, clock, wrong_first=False),
             play(journal, clock, wrong_first=True, give_up=True)]
    export = export_statements(journal, MISSIONS)
    assert export.sessions == 3 and export.skipped == 0
    for statement in export.statements:
        BaseXapiStatement.model_validate(statement)
    text = json.dumps(export.statements, ensure_ascii=False)
    for team in teams:
        assert team not in text
    # The wrong choice « b » is never told, nor any clock time.
    assert '"response"' not in text and '"timestamp"' not in text
    by_session: dict[str, list[dict[str, Any]]] = {}
    for statement in export.statements:
        by_session.setdefault(statement["context"]["registration"], []).append(statement)
    sessions = [s.session for s in journal.sessions()]
    assert [s.replace("-", "") for s in by_session] == sessions
    actors = {json.dumps(s[0]["actor"]) for s in by_session.values()}
    assert len(actors) == 3
    won, perfect, gave_up = by_session.values()
    answers = [s for s in won if s["verb"]["id"].endswith("/answered")]
    assert len(answers) == len(MISSION.puzzles) + 1
    assert [a["result"]["success"] for a in answers[:2]] == [False, True]
    # A wrong answer STEP after the start, the right one STEP after it.
    assert [a["result"]["duration"] for a in answers[:2]] == ["PT10.0S", "PT10.0S"]
    assert answers[0]["object"]["id"].endswith(f"/missions/{MISSION.id}/puzzles/qcm")
    assert answers[0]["context"]["contextActivities"]["parent"][0]["id"].endswith(
        f"/missions/{MISSION.id}")
    assert answers[0]["context"]["extensions"] == {
        "https://gardiens.invalid/xapi/extensions/age-band": "9-12"}
    assert answers[0]["context"]["language"] == "fr"
    ending = won[-1]
    assert ending["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed"
    total = sum(1 for p in MISSION.puzzles if not p.optional)
    assert ending["result"]["score"] == {"scaled": 1.0, "raw": total, "min": 0, "max": total}
    assert ending["result"]["success"] is True
    assert ending["result"]["duration"] == f"PT{STEP * (len(MISSION.puzzles) + 1):.1f}S"
    assert perfect[-1]["verb"]["id"].endswith("/completed")
    assert gave_up[-1]["verb"]["id"] == "http://adlnet.gov/expapi/verbs/terminated"
    assert gave_up[-1]["result"]["score"]["raw"] == 0
    assert gave_up[-1]["result"]["success"] is False
    # Exported again, the same statements: a record store recognises them.
    assert export_statements(journal, MISSIONS).statements == export.statements
    assert len({s["id"] for s in export.statements}) == len(export.statements)


def gardiens(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GARDIENS_LANG": "fr", "SDL_VIDEODRIVER": "dummy"}
    return subprocess.run([sys.executable, "-m", "gardiens", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_command_exports_an_older_release_journal(tmp_path: Path) -> None:
    shutil.copy(OLD_JOURNAL, tmp_path / "journal.sqlite3")
    (tmp_path / "kiosk.toml").write_text('[xapi]\nhomepage = "https://musee.example"\n')
    out = tmp_path / "out.jsonl"
    done = gardiens("stats", "--xapi", str(out), "--data-dir", str(tmp_path))
    assert done.returncode == 0 and not done.stderr, done.stderr
    statements = lines(out)
    assert statements and f"{len(statements)} déclarations xAPI écrites" in done.stdout
    for statement in statements:
        BaseXapiStatement.model_validate(statement)
        assert statement["actor"]["account"]["homePage"] == "https://musee.example"
        assert statement["object"]["id"].startswith("https://musee.example/missions/")
    names = {n for s in statements for n in s["object"]["definition"]["name"].items()}
    assert ("fr", "Alerte infox !") in names


def test_an_empty_data_folder_writes_an_empty_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    done = gardiens("stats", "--xapi", str(out), "--data-dir", str(tmp_path / "none"))
    assert done.returncode == 0 and "0 déclaration xAPI écrite" in done.stdout
    assert out.read_text(encoding="utf-8") == ""


class RecordStore(BaseHTTPRequestHandler):
    """Takes statements until `fail_after` batches, then answers 503."""

    received: list[tuple[dict[str, str], list[dict[str, Any]]]]
    fail_after: int | None = None

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.fail_after is not None and len(self.received) >= self.fail_after:
            self.send_response(503, "Service Unavailable")
            self.end_headers()
            return
        self.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps([s["id"] for s in body]).encode())

    def log_message(self, *args: object) -> None:
        """Quiet: the test reads what the store received."""


@contextmanager
def record_store(fail_after: int | None = None) -> Iterator[tuple[str, list[Any]]]:
    received: list[Any] = []
    handler = type("Store", (RecordStore,), {"received": received, "fail_after": fail_after})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/xapi/", received
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def kiosk_toml(folder: Path, endpoint: str) -> None:
    (folder / "kiosk.toml").write_text(
        f'[xapi]\nendpoint = "{endpoint}"\nkey = "borne"\nsecret = "s3cret"\nbatch = 7\n'
        "timeout = 5\n", encoding="utf-8")


def test_statements_are_posted_in_batches_with_basic_auth(tmp_path: Path) -> None:
    shutil.copy(OLD_JOURNAL, tmp_path / "journal.sqlite3")
    out = tmp_path / "out.jsonl"
    with record_store() as (endpoint, received):
        kiosk_toml(tmp_path, endpoint)
        done = gardiens("stats", "--xapi", str(out), "--data-dir", str(tmp_path))
    assert done.returncode == 0, done.stderr
    statements = lines(out)
    assert [s for _, batch in received for s in batch] == statements
    assert all(len(batch) <= 7 for _, batch in received) and len(received) > 1
    headers = received[0][0]
    assert headers["authorization"] == "Basic " + base64.b64encode(b"borne:s3cret").decode()
    assert headers["x-experience-api-version"] == "1.0.3"
    assert f"{len(statements)} déclarations envoyées au LRS" in done.stdout


def test_a_failed_post_says_so_and_keeps_every_statement(tmp_path: Path) -> None:
    shutil.copy(OLD_JOURNAL, tmp_path / "journal.sqlite3")
    out = tmp_path / "out.jsonl"
    with record_store(fail_after=1) as (endpoint, received):
        kiosk_toml(tmp_path, endpoint)
        done = gardiens("stats", "--xapi", str(out), "--data-dir", str(tmp_path))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    count = len(lines(out))
    assert len(received) == 1 and count > 7
    assert f"HTTP 503 Service Unavailable) : 7 déclarations sur {count} envoyées" in done.stderr
    assert str(out) in done.stderr
    # Nobody listening: the same message, with the network's reason.
    with record_store() as (endpoint, _):
        pass
    kiosk_toml(tmp_path, endpoint)
    done = gardiens("stats", "--xapi", str(out), "--data-dir", str(tmp_path))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"0 déclarations sur {count} envoyées" in done.stderr
    assert len(lines(out)) == count
