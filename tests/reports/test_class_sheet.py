"""Class sheets: teams launched with one visit code make one sheet of aggregates (both missions'
numbers, key messages, questions), with no team's name; a code that is not one is refused."""

from __future__ import annotations

import html
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from gardiens.core.autoplay import Bot, play
from gardiens.core.clock import ManualClock
from gardiens.core.commands import Launch, Refusal, Reset, visit_code
from gardiens.core.facilitator import set_pin
from gardiens.core.journal import Journal
from gardiens.core.kiosk import KioskSettings
from gardiens.core.library import load_library
from gardiens.core.records import record_finished
from gardiens.core.session import Session, SessionState
from gardiens.i18n.interface import InterfaceTranslator
from gardiens.net.protocol import BadCommand, LinkRefusal, core_command, parse_command
from gardiens.reports.class_sheet import class_sheet, render_class_sheet
from gardiens.testing.pilot import Pilot
from gardiens.ui.app import App
from gardiens.ui.desk.attendant import KioskAttendant
from tests.ui.conftest import MISSION_DIR, load

LIBRARY = {mid: mission for mid, (mission, _) in load_library().items()}
VISIT = "CM2-B-0607"


def launch_and_play(journal: Journal, clock: ManualClock, mission: str, seed: int,
                    visit: str | None) -> str:
    """A team launched by the facilitator with `visit`, played by a bot; returns its name."""
    session = Session(LIBRARY, journal, clock)
    assert session.handle(Launch(mission, "9-12", "fr", visit=visit)).ok
    team = str(session.state.team)
    play(Bot(LIBRARY[mission], "9-12", "fr", seed), session, clock)
    session.handle(Reset())
    return team


def played(journal: Journal) -> list[str]:
    clock = ManualClock(1_000)
    teams = [
        launch_and_play(journal, clock, "infox", 1, VISIT),
        launch_and_play(journal, clock, "cyberharcelement", 2, VISIT),
        launch_and_play(journal, clock, "infox", 3, "6E-A"),
        launch_and_play(journal, clock, "infox", 4, None),
    ]
    record_finished(journal, LIBRARY)
    return teams


def visible(page: str) -> str:
    return html.unescape(re.sub(r"<style>.*?</style>|<[^>]+>", " ", page, flags=re.S))


def test_two_teams_of_one_visit_make_one_sheet_without_team_names() -> None:
    journal = Journal.memory()
    teams = played(journal)
    results = journal.results()
    assert sorted(str(r["visit"]) for r in results) == ["6E-A", VISIT, VISIT, "None"]
    translator = InterfaceTranslator("fr")
    sheet = class_sheet(results, LIBRARY, translator, VISIT)
    assert sheet.teams == 2
    assert [(p.title, p.teams) for p in sheet.missions] == [
        ("Alerte infox !", 1), ("Tous avec Noa !", 1)]
    page = render_class_sheet(sheet, translator)
    text = visible(page)
    assert "Visite CM2-B-0607" in text and "2 équipes" in text and "2 missions jouées" in text
    for part in sheet.missions:
        assert part.key_messages and part.questions
        assert part.went_well
        for line in (*part.key_messages, *part.questions, *(t for pair in part.went_well for t in pair)):
            assert html.escape(line, quote=False) in page or line in text
    for team in teams:
        assert team not in page
    other = class_sheet(results, LIBRARY, translator, "6E-A")
    assert other.teams == 1 and [p.title for p in other.missions] == ["Alerte infox !"]


def test_a_code_that_is_not_one_is_refused() -> None:
    assert visit_code(" cm2-b-0607 ") == VISIT
    for bad in ("", "AB", "-AB-", "Léa Dupont", "CM2 B", "A" * 17, "CM2_B"):
        assert visit_code(bad) is None, bad
    session = Session(LIBRARY, Journal.memory(), ManualClock(0))
    reply = session.handle(Launch("infox", "9-12", "fr", visit="Léa Dupont"))
    assert not reply.ok and reply.reason is Refusal.VISIT_CODE_INVALID
    assert session.handle(Launch("infox", "9-12", "fr", visit=VISIT)).ok


def gardiens(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GARDIENS_LANG": "fr", "SDL_VIDEODRIVER": "dummy"}
    return subprocess.run([sys.executable, "-m", "gardiens", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def test_the_command_writes_the_sheet_in_both_languages(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path)
    teams = played(journal)
    journal.close()
    for language, heading in (("fr", "Questions pour en discuter en classe"),
                              ("en", "Questions to discuss in class")):
        out = tmp_path / f"classe-{language}.html"
        done = gardiens("report", "--visit", VISIT.lower(), "--out", str(out), "--lang",
                        language, "--data-dir", str(tmp_path))
        assert done.returncode == 0 and not done.stderr, done.stderr
        page = out.read_text(encoding="utf-8")
        assert heading in visible(page) and f'lang="{language}"' in page
        assert not any(team in page for team in teams)
    done = gardiens("report", "--visit", "Léa Dupont!", "--data-dir", str(tmp_path))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "n'est pas un code de visite" in done.stderr
    done = gardiens("report", "--visit", "5E-C", "--out", str(tmp_path / "none.html"),
                    "--data-dir", str(tmp_path))
    assert done.returncode == 0 and "Aucune partie terminée n'a le code de visite 5E-C" in done.stderr


def test_the_console_launch_carries_the_code_and_refuses_a_bad_one() -> None:
    launch = {"kind": "launch", "mission": "infox", "band": "9-12", "language": "fr"}
    message = parse_command(json.dumps(
        {"v": 1, "id": "c-1", "command": {**launch, "visit": VISIT}}).encode())
    command = core_command(message.command, SessionState(), ())
    assert command == Launch("infox", "9-12", "fr", None, visit=VISIT)
    plain = parse_command(json.dumps({"v": 1, "id": "c-2", "command": launch}).encode())
    assert core_command(plain.command, SessionState(), ()) == Launch("infox", "9-12", "fr")
    for bad in ("Léa Dupont", "ab", "CM2-B-0607-XXXXXXX"):
        with pytest.raises(BadCommand) as refused:
            parse_command(json.dumps(
                {"v": 1, "id": "c-3", "command": {**launch, "visit": bad}}).encode())
        assert refused.value.code is LinkRefusal.MALFORMED and "visit" in refused.value.detail


def test_the_kiosk_panel_launches_with_a_code_typed_on_its_keys(tmp_path: Path) -> None:
    # GIVEN the facilitator's panel on a kiosk waiting for a team
    mission = load(MISSION_DIR / "scenario.yaml")
    set_pin(tmp_path, "1357")
    clock = ManualClock(1_000_000.0)
    session = Session({mission.id: mission}, Journal.memory(), clock, rng=random.Random(0))
    app = App(session, size=(1280, 800), language="fr", kiosk=True, fixed_dt=1 / 30,
              mission_dirs={mission.id: MISSION_DIR}, default_mission=mission.id)
    KioskAttendant(app, data_dir=tmp_path, settings=KioskSettings())
    pilot = Pilot(app, clock)
    try:
        launch_from_the_panel(pilot)
    finally:
        pilot.close()
    confirmed = [e for e in session.journal.all_events() if e.kind == "setup_confirmed"]
    assert [e.data.get("visit") for e in confirmed] == [VISIT]


def launch_from_the_panel(pilot: Pilot) -> None:
    pilot.advance()
    pilot.press("f12")
    for key in "1357":
        pilot.tap(f"key:{key}")
    pilot.tap("ok")
    assert pilot.screen == "facilitator"
    # WHEN a code too short is typed, it cannot be confirmed
    pilot.tap("visit")
    assert pilot.screen == "visit"
    for key in "CM":
        pilot.tap(f"key:{key}")
    pilot.tap("ok")
    assert pilot.screen == "visit"
    # THEN a whole code is, and the launch journals it
    for key in "2-B-0607":
        pilot.tap(f"key:{key}")
    pilot.tap("ok")
    assert pilot.screen == "facilitator"
    pilot.tap("launch")
