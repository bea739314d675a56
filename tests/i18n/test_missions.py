"""MissionTexts: the age variant first, then the translation, else the source text."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from gardiens.core.clock import ManualClock
from gardiens.core.commands import Launch, Start
from gardiens.core.journal import Journal
from gardiens.core.model import AGE_BANDS, AgeBand, Cipher, Mission, ShortText
from gardiens.core.session import Session
from gardiens.core.texts import iter_source_texts
from gardiens.i18n.missions import (
    CatalogAnswers,
    MissionTexts,
    locales_dir,
    read_catalog,
    untranslated,
)

REPO = Path(__file__).resolve().parents[2]

TINY = {
    "id": "tiny",
    "title": "Titre",
    "theme": "infox",
    "ages": ["9-12", "13-16"],
    "language": "fr",
    "translations": ["en"],
    "duration": 10,
    "briefing": {"9-12": "Bonjour les petits", "13-16": "Bonjour les grands"},
    "goal": "p",
    "puzzles": [
        {
            "id": "p",
            "type": "code",
            "title": "Le cadenas",
            "prompt": "Tapez le code.",
            "code": "1",
            "feedback": {"right": "Bravo", "wrong": "Encore"},
            "hints": {"9-12": ["Cherchez", "Le code est 1."], "13-16": ["Le code est 1."]},
        }
    ],
    "debrief": {"key_messages": ["Vérifiez."], "questions": ["Et vous ?"]},
}


@pytest.fixture
def infox() -> Mission:
    source = (REPO / "scenarios" / "infox" / "scenario.yaml").read_text(encoding="utf-8")
    return Mission.model_validate(yaml.safe_load(source))


@pytest.fixture
def tiny_locales(tmp_path: Path) -> Path:
    catalog = Catalog(locale="en", domain="tiny")
    catalog.add("Titre", "Title", context="tiny")
    catalog.add("Bonjour les petits", "Hello little ones", context="tiny")
    # A stale translation, marked fuzzy by `pybabel update` after the source changed.
    catalog.add("Bonjour les grands", "Hello old sentence", context="tiny", flags=["fuzzy"])
    catalog.add("Le cadenas", "The padlock", context="tiny/p")
    # Same source sentence, other context: must not leak into the puzzle.
    catalog.add("Bravo", "Well done (mission)", context="tiny")
    catalog.add("Encore", "", context="tiny/p")
    folder = tmp_path / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "tiny.po").open("wb") as fileobj:
        write_po(fileobj, catalog)
    return tmp_path


def tiny_texts(locales: Path, age: AgeBand = "9-12") -> MissionTexts:
    mission = Mission.model_validate(TINY)
    return MissionTexts.load(mission, age=age, language="en", locales_dir=locales)


def test_translates_with_the_mission_context(tiny_locales: Path) -> None:
    texts = tiny_texts(tiny_locales)
    assert texts.text(TINY["title"]) == "Title"
    assert texts.text("Le cadenas", puzzle_id="p") == "The padlock"


def test_picks_the_age_variant_before_translating(tiny_locales: Path) -> None:
    assert tiny_texts(tiny_locales, "9-12").text(TINY["briefing"]) == "Hello little ones"


def test_fuzzy_entry_falls_back_to_source(tiny_locales: Path) -> None:
    assert tiny_texts(tiny_locales, "13-16").text(TINY["briefing"]) == "Bonjour les grands"


def test_missing_and_empty_entries_fall_back_to_source(tiny_locales: Path) -> None:
    texts = tiny_texts(tiny_locales)
    assert texts.texts(TINY["puzzles"][0]["hints"], puzzle_id="p") == ["Cherchez", "Le code est 1."]
    assert texts.text("Encore", puzzle_id="p") == "Encore"
    assert texts.text("Bravo", puzzle_id="p") == "Bravo"


def test_missing_catalog_falls_back_to_source(tmp_path: Path) -> None:
    assert tiny_texts(tmp_path).text(TINY["title"]) == "Titre"


def test_a_lone_mo_file_is_read(tiny_locales: Path) -> None:
    folder = tiny_locales / "en" / "LC_MESSAGES"
    with (folder / "tiny.po").open("rb") as fileobj:
        catalog = read_po(fileobj)
    with (folder / "tiny.mo").open("wb") as fileobj:
        write_mo(fileobj, catalog)
    (folder / "tiny.po").unlink()
    texts = tiny_texts(tiny_locales, "13-16")
    assert texts.text(TINY["title"]) == "Title"
    assert texts.text(TINY["briefing"]) == "Bonjour les grands"


def test_an_edited_catalog_is_read_again(tiny_locales: Path) -> None:
    assert tiny_texts(tiny_locales).text(TINY["title"]) == "Title"
    po = tiny_locales / "en" / "LC_MESSAGES" / "tiny.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace('"Title"', '"New title"'), encoding="utf-8"
    )
    assert tiny_texts(tiny_locales).text(TINY["title"]) == "New title"


def test_source_language_returns_source_texts(infox: Mission) -> None:
    for age in AGE_BANDS:
        texts = MissionTexts.load(infox, age=age, language="fr")
        assert texts.text(infox.title) == "Alerte infox !"
        puzzle = infox.puzzle("fil-actu")
        assert texts.texts(puzzle.hints, puzzle_id=puzzle.id)[0].startswith(
            "Pour chaque post" if age == "9-12" else "Une source connue"
        )


@pytest.mark.parametrize("age", AGE_BANDS)
def test_infox_is_fully_translated_into_english(infox: Mission, age: AgeBand) -> None:
    assert untranslated(infox, "en") == []
    texts = MissionTexts.load(infox, age=age, language="en")
    for source in iter_source_texts(infox):
        if source.age not in (None, age) or source.path[-1] == "author":
            continue  # invented first names (Mia, Léo…) read the same in English
        puzzle_id = source.context.partition("/")[2] or None
        assert texts.text(source.msgid, puzzle_id=puzzle_id) != source.msgid, source
    assert texts.text(infox.title) == "Fake news alert!"
    boxes = getattr(infox.puzzle("fil-actu"), "categories", None)
    assert boxes is not None
    assert [texts.text(box.label, puzzle_id="fil-actu") for box in boxes] == [
        "Reliable",
        "Check first",
        "Fake",
    ]


def test_committed_mo_matches_the_po(tmp_path: Path) -> None:
    # A forgotten `pybabel compile` shows here, not on a kiosk that only ships the .mo.
    folder = locales_dir() / "en" / "LC_MESSAGES"
    copy = tmp_path / "en" / "LC_MESSAGES"
    copy.mkdir(parents=True)
    (copy / "infox.mo").write_bytes((folder / "infox.mo").read_bytes())
    assert read_catalog(tmp_path, "en", "infox") == read_catalog(locales_dir(), "en", "infox")


def test_locales_dir_can_be_overridden(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert locales_dir() == REPO / "locales"
    monkeypatch.setenv("GARDIENS_LOCALES", str(tmp_path))
    assert locales_dir() == tmp_path


def test_reward_labels_are_translated_in_the_context_of_their_puzzle() -> None:
    from gardiens.core.library import load_library
    from gardiens.ui.words import MissionWords

    mission, _ = load_library()["infox"]
    words = MissionWords(mission, "9-12", "en")
    french = MissionWords(mission, "9-12", "fr")
    for puzzle in mission.puzzles:
        for reward in puzzle.rewards:
            assert words.reward_label(reward.id) != french.reward_label(reward.id)


def test_catalog_answers_split_several_answers_and_leave_the_untranslated_out(tmp_path: Path) -> None:
    # GIVEN a catalog giving two English answers for one French answer
    catalog = Catalog(locale="en", domain="tiny")
    catalog.add("VERIFIE", "CHECK | VERIFY", context="tiny/p/answers")
    catalog.add("source", "", context="tiny/p/answers")
    folder = tmp_path / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "tiny.po").open("wb") as fileobj:
        write_po(fileobj, catalog)
    answers = CatalogAnswers(locales_dir=tmp_path)
    mission = Mission.model_validate(TINY)
    # THEN each is an accepted answer; an empty translation gives none
    assert answers.answers(mission, "en", "p", "VERIFIE") == ["CHECK", "VERIFY"]
    assert answers.answers(mission, "en", "p", "source") == []
    assert answers.answers(mission, "de", "p", "VERIFIE") == []


def test_an_untranslated_answer_is_an_untranslated_text(infox: Mission) -> None:
    missing = untranslated(infox, "en", locales_dir=Path("/nonexistent"))
    assert ("infox/origine-photo/answers", "en 2016") in {(t.context, t.msgid) for t in missing}


def test_the_infox_answers_are_played_in_english(infox: Mission) -> None:
    # GIVEN an English team on the bundled infox mission
    session = Session({infox.id: infox}, Journal.memory(), ManualClock(0), answers=CatalogAnswers())
    session.handle(Launch(mission=infox.id, age="9-12", language="en"))
    session.handle(Start())
    played = session.played("origine-photo")
    assert isinstance(played, ShortText)
    # THEN the year is typed in English, and the listed mistakes are recognised in English
    assert "in 2016" in played.answers and "en 2016" not in played.answers
    assert [m.answers for m in played.mistakes] == [["2024", "in 2024"], ["2020", "in 2020"]]
    cipher = session.played("message-lumi")
    assert isinstance(cipher, Cipher) and cipher.plaintext == "SOURCE"
