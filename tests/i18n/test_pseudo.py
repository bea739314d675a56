"""The qps pseudo-locale: longer, accented, bracketed, placeholders intact, fonts able to draw it,
and what it makes marked so that a text that did not come through it shows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from gardiens.core.model import Mission
from gardiens.core.texts import iter_source_texts
from gardiens.i18n.missions import MissionTexts, PseudoMissionTexts
from gardiens.i18n.pseudo import DONE, TRANSLATED, marked, pseudolocalise, unmarked, without_marks

REPO = Path(__file__).resolve().parents[2]


def test_accents_brackets_and_length() -> None:
    shown = without_marks(pseudolocalise("Vérifie la source"))
    assert shown.startswith("[V")
    assert shown.endswith("~]")
    assert "ŕ" in shown and "ç" in shown and "é" in shown
    assert 1.35 <= len(shown) / len("Vérifie la source") <= 1.6


@pytest.mark.parametrize(
    "source",
    [
        "Il reste {time}.",
        "{right} bonnes réponses sur {total}",
        "Indice {n} sur {total} : {hint:>3}",
        "Deux accolades {{littérales}} et %(count)d fois %s",
    ],
)
def test_placeholders_survive(source: str) -> None:
    shown = pseudolocalise(source)
    for field in (
        "{time}",
        "{right}",
        "{total}",
        "{n}",
        "{hint:>3}",
        "{{",
        "}}",
        "%(count)d",
        "%s",
    ):
        assert (field in source) == (field in shown), field


def test_formatting_still_works_after_pseudolocalisation() -> None:
    shown = pseudolocalise("Énigmes : {done} sur {total}").format(done=2, total=5)
    assert "2" in shown and "5" in shown


def test_short_strings_grow_too_and_empty_stays_empty() -> None:
    assert len(without_marks(pseudolocalise("OK"))) >= len("OK") + 4
    assert pseudolocalise("") == ""


def test_a_percentage_before_a_word_is_no_placeholder() -> None:
    # GIVEN a mission text with "-20 % avec" (not a printf conversion "% a")
    shown = pseudolocalise("Un code promo : -20 % avec ZOE20")
    # THEN every word of it is accented and marked
    assert "àvéç" in shown
    assert unmarked(shown) == ""


def test_what_the_pseudo_locale_makes_is_marked() -> None:
    # GIVEN interface and mission texts as the pseudo-locale makes them
    template = pseudolocalise("Bravo {team} : {done} énigmes sur {total} !")
    team = pseudolocalise("Les Hiboux")
    # THEN filled with marked words or numbers, nothing of them is left unmarked
    assert unmarked(template.format(team=team, done=3, total=8)) == ""
    assert unmarked(marked("12 min")) == ""
    # AND a source text, or words put in a placeholder without coming through a translation, are
    assert unmarked("Bravo !") == "Bravo !"
    assert unmarked(template.format(team="Les Hiboux", done=3, total=8)) == "Les Hiboux"
    # AND a text made to look pseudo-localised, brackets, accents and tildes, is too
    assert unmarked("[Ŕéššöûŕçéš ~~~]") == "[Ŕéššöûŕçéš ~~~]"
    # AND text after the marks close, or after an unbalanced closing mark, is
    assert unmarked(f"{TRANSLATED}oui{DONE} non") == "non"
    assert unmarked(f"{DONE}{DONE}{TRANSLATED}oui{DONE} non") == "non"
    # AND a text without letters needs no translation
    assert unmarked("12:30 — 3/8") == ""


def test_multiline_text_keeps_its_lines() -> None:
    assert pseudolocalise("Un\nDeux").count("\n") == 1


def test_mission_texts_in_qps_come_from_the_source() -> None:
    source = (REPO / "scenarios" / "infox" / "scenario.yaml").read_text(encoding="utf-8")
    mission = Mission.model_validate(yaml.safe_load(source))
    texts = MissionTexts.load(mission, age="9-12", language="qps")
    assert isinstance(texts, PseudoMissionTexts)
    assert texts.text(mission.title) == pseudolocalise("Alerte infox !")
    puzzle = mission.puzzles[0]
    hints = texts.texts(puzzle.hints, puzzle_id=puzzle.id)
    assert hints and all(h.startswith("[") for h in hints)
    assert sum(1 for _ in iter_source_texts(mission)) > 0
