"""The debrief sheets: what a mission's author wrote is shown as text, never as markup."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import escape
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from gardiens.cli import main
from gardiens.core.clock import ManualClock
from gardiens.core.commands import (
    Abandon,
    Choose,
    Confirm,
    Reset,
    Start,
    StartSetup,
    Submit,
    TimerMode,
)
from gardiens.core.debrief import theme_help
from gardiens.core.journal import Journal
from gardiens.core.model import Mission, pick
from gardiens.core.records import SHEETS_DIR
from gardiens.core.session import Session
from gardiens.i18n.catalogs import extract_templates
from gardiens.i18n.interface import InterfaceTranslator
from gardiens.i18n.missions import MissionTexts
from gardiens.paths import checkout_root
from gardiens.reports import render_report, session_report, write_last_sheet
from tests.core.sample import sample_data

NS = "{http://www.w3.org/2000/svg}"
SCRIPT = '<script>alert("gardiens")</script>'


def hostile_mission() -> Mission:
    data = sample_data()
    data["title"] = f"Pile & face {SCRIPT}"
    data["debrief"]["key_messages"]["9-12"] = ["Moi & toi", f"Jamais {SCRIPT}"]
    data["puzzles"][0]["title"] = "<b>Q&A</b>"
    return Mission.model_validate(data)


def played(mission: Mission) -> Session:
    """A team that answered the first puzzle wrongly twice, then gave up."""
    session = Session({mission.id: mission}, Journal.memory(), ManualClock(1000.0))
    assert session.handle(StartSetup()).ok
    assert session.handle(Choose(mission=mission.id, age="9-12", language="fr")).ok
    assert session.handle(Confirm()).ok and session.handle(Start()).ok
    assert not session.handle(Submit("qcm", ["b"])).verdict.correct  # type: ignore[union-attr]
    assert not session.handle(Submit("qcm", ["b"])).verdict.correct  # type: ignore[union-attr]
    assert session.handle(Abandon()).ok
    return session


def test_mission_texts_with_markup_and_ampersands_are_escaped() -> None:
    mission = hostile_mission()
    report = session_report({mission.id: mission}, played(mission).events(), 1000.0)
    assert report is not None
    html = report[1]
    assert "<script" not in html and "<b>Q" not in html
    assert "<h1>Pile &amp; face &lt;script&gt;alert(&#34;gardiens&#34;)&lt;/script&gt;</h1>" in html
    assert "<li>Moi &amp; toi</li>" in html
    # The chart is well-formed SVG whose label reads the puzzle's title as the author wrote it.
    svg = ET.fromstring(re.search(r"<svg.*?</svg>", html, re.S).group(0))  # type: ignore[union-attr]
    labels = [t.text for t in svg.iter(f"{NS}text") if t.get("font-size") == "13"]
    assert labels[0] == "· <b>Q&A</b>"
    bars = [r for r in svg.iter(f"{NS}rect") if r.get("rx") == "4"]
    assert [(r.get("x"), r.get("width"), r.get("fill")) for r in bars] == [
        ("250.0", "380.0", "#e4572e")
    ]


def test_the_family_sheet_says_nothing_of_the_team_and_the_other_names_it() -> None:
    mission = hostile_mission()
    texts = MissionTexts.load(mission, age="9-12", language="fr")
    debrief = played(mission).debrief()
    assert debrief is not None
    html = render_report(debrief, mission, texts, str, team="Les <Loutres>", date="6/12/26")
    family, facilitator = html.split('<section class="sheet facilitator">')
    assert "Loutres" not in family
    assert "<div>Les &lt;Loutres&gt; · 6/12/26</div>" in facilitator
    assert "<li>&lt;b&gt;Q&amp;A&lt;/b&gt;</li>" in facilitator  # where the team struggled


def test_every_text_of_the_sheets_reaches_the_interface_catalog() -> None:
    mission = hostile_mission()
    texts = MissionTexts.load(mission, age="9-12", language="fr")
    debrief = played(mission).debrief()
    assert debrief is not None
    asked: list[str] = []

    def gettext(message: str) -> str:
        asked.append(message)
        return message

    render_report(debrief, mission, texts, gettext)
    root = checkout_root()
    assert root is not None
    extracted = {m.id for m in extract_templates(root).catalogs["gardiens"] if m.id}
    # The theme's help resources are interface messages too, from the core's data.
    theme = {text for resource in theme_help()[mission.theme] for text in (pick(resource.title, "9-12"),
                                                                          pick(resource.text, "9-12"))}
    assert {"Fiche animateur", "Où trouver de l’aide", "essais ratés"} <= set(asked)
    assert theme <= set(asked)
    assert set(asked) - theme <= extracted


@pytest.mark.parametrize("theme", ["infox", "cyberharcelement"])
def test_the_family_sheet_shows_the_help_of_the_mission_theme(theme: str) -> None:
    # GIVEN a mission of the theme, with no help of its own
    data = sample_data()
    data["theme"] = theme
    data["debrief"].pop("help", None)
    mission = Mission.model_validate(data)
    texts = MissionTexts.load(mission, age="9-12", language="fr")
    debrief = played(mission).debrief()
    assert debrief is not None
    # WHEN its sheet is written
    family = render_report(debrief, mission, texts, str).split('<section class="sheet facilitator">')[0]
    # THEN it names that theme's help, and no other theme's
    titles = [pick(r.title, "9-12") for r in theme_help()[theme]]
    assert all(escape(title) in family for title in titles)
    assert ("3018" in family) == (theme == "cyberharcelement")


def test_the_last_finished_session_is_written_in_the_sheets_folder(tmp_path: Path) -> None:
    mission = hostile_mission()
    missions = {mission.id: mission}
    journal = Journal.memory()
    assert write_last_sheet(journal, missions, tmp_path) is None
    finished = Session(missions, journal, ManualClock(1000.0))
    assert finished.handle(StartSetup()).ok
    assert finished.handle(Choose(mission=mission.id, age="9-12", language="en")).ok
    assert finished.handle(Confirm()).ok and finished.handle(Start()).ok and finished.handle(Abandon()).ok
    assert finished.handle(Reset()).ok
    playing = Session(missions, journal, ManualClock(2000.0))
    assert playing.handle(StartSetup()).ok
    assert playing.handle(Choose(mission=mission.id, age="9-12", language="fr")).ok
    path = write_last_sheet(journal, missions, tmp_path)
    assert path is not None and path.parent == tmp_path / SHEETS_DIR
    html = path.read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Facilitator sheet" in html


def test_an_english_sheet_has_no_french_text_of_its_templates() -> None:
    # GIVEN a team that played the mission in English
    mission = hostile_mission()
    texts = MissionTexts.load(mission, age="9-12", language="en")
    debrief = played(mission).debrief()
    assert debrief is not None
    # WHEN its sheets are written in English
    html = render_report(debrief, mission, texts, InterfaceTranslator("en").gettext)
    # THEN no message the templates hold shows in French
    root = checkout_root()
    assert root is not None
    french = {
        m.id
        for m in extract_templates(root).catalogs["gardiens"]
        if isinstance(m.id, str)
        and any(path.startswith("gardiens/reports/templates/") for path, _line in m.locations)
    }
    assert {"Fiche animateur", "Ce que nous avons appris"} <= french
    shown = [m for m in french if escape(m) in html or m in html]
    assert not shown, shown
    assert "Facilitator sheet" in html and "What we learnt" in html


def test_i18n_check_fails_on_an_untranslated_template_text(tmp_path: Path) -> None:
    # GIVEN a sheet template with a new heading, extracted into the catalogs
    (tmp_path / "babel.cfg").write_text(
        "[jinja2: gardiens/reports/templates/*.html]\n", encoding="utf-8"
    )
    template = tmp_path / "gardiens" / "reports" / "templates" / "debrief.html"
    template.parent.mkdir(parents=True)
    template.write_text('<h2>{{ _("À retenir à la maison") }}</h2>\n', encoding="utf-8")
    assert main(["i18n", "update", "--root", str(tmp_path)]) == 0
    # WHEN it has no English translation, THEN the check fails; once translated, it passes
    assert main(["i18n", "check", "--root", str(tmp_path)]) == 1
    po = tmp_path / "locales" / "en" / "LC_MESSAGES" / "gardiens.po"
    with po.open("rb") as fileobj:
        catalog = read_po(fileobj)
    message = catalog.get("À retenir à la maison")
    assert message is not None and message.string == ""
    message.string = "To remember at home"
    with po.open("wb") as fileobj:
        write_po(fileobj, catalog)
    assert main(["i18n", "check", "--root", str(tmp_path)]) == 0


@pytest.mark.parametrize(("mode", "said"), [(TimerMode.NORMAL, "Normal"), (TimerMode.RELAXED, "Longer"),
                                            (TimerMode.OFF, "No timer")])
def test_the_facilitator_sheet_says_which_timer_was_used(mode: TimerMode, said: str) -> None:
    # GIVEN a team that played with a timer mode chosen at the set-up
    mission = hostile_mission()
    session = Session({mission.id: mission}, Journal.memory(), ManualClock(1000.0))
    session.handle(StartSetup())
    session.handle(Choose(mission=mission.id, age="9-12", language="en", timer=mode))
    session.handle(Confirm())
    session.handle(Start())
    session.handle(Abandon())
    debrief = session.debrief()
    assert debrief is not None
    # WHEN its sheets are written, THEN the facilitator's says the mode, the family's does not
    html = render_report(debrief, mission, MissionTexts.load(mission, age="9-12", language="en"),
                         InterfaceTranslator("en").gettext)
    family, facilitator = html.split('<section class="sheet facilitator">')
    assert f"<b>{said}</b>timer" in facilitator
    assert "timer" not in family
