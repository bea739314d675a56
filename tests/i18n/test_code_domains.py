"""The diagnostics and the command line are translated through their own catalogs, like the
interface: every GDN code in French and English, placeholders and plural forms kept, and a third
language one catalog away for the interface, the errors and the command line alike."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from gardiens.cli import main
from gardiens.core.diagnostics import MESSAGES, make
from gardiens.core.loader import describe_counts, load_mission
from gardiens.i18n.catalogs import fields
from gardiens.i18n.interface import (
    INTERFACE_LANGUAGES,
    InterfaceTranslator,
    cli_translator,
    diagnostics_translator,
)
from gardiens.paths import locales_dir

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"


def _catalog(language: str, domain: str) -> Catalog:
    with (locales_dir() / language / "LC_MESSAGES" / f"{domain}.po").open("rb") as fileobj:
        return read_po(fileobj, locale=language, domain=domain)


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_every_diagnostic_code_has_its_title_and_message_translated(language: str) -> None:
    catalog = _catalog(language, "diagnostics")
    for code, template in MESSAGES.items():
        for msgid in (template.title, template.message):
            message = catalog.get(msgid)
            assert message is not None and message.string, (code, language, msgid)
            assert not message.fuzzy, (code, language, msgid)
            assert fields(str(message.string)) == fields(msgid), (code, language, msgid)
            if language != "fr" and fields(msgid) != {"detail"}:
                assert message.string != msgid, (code, language, msgid)


def test_english_reads_as_it_did_before_the_catalogs() -> None:
    english = diagnostics_translator("en")
    typo = make("GDN201", file="m.yaml", line=4, col=3, suggestion="prompt", key="promt")
    warning = make("GDN402", file="m.yaml", line=9, col=5, count=4, age="9-12")
    assert typo.render(english) == (
        "m.yaml:4:3: GDN201 The field “promt” does not exist here. Did you mean “prompt”?"
    )
    assert warning.render(english) == (
        "m.yaml:9:5: GDN402 warning: 4 key messages for ages 9-12: three at most are remembered."
    )
    assert typo.render() == (
        "m.yaml:4:3: GDN201 Le champ « promt » n'existe pas à cet endroit. "
        "Vouliez-vous dire « prompt » ?"
    )


def test_a_lint_reason_is_translated_inside_its_message() -> None:
    result = load_mission(DATA / "invalid" / "unreachable.yaml")
    english = diagnostics_translator("en")
    unreachable = [d for d in result.diagnostics if d.code == "GDN305"]
    assert unreachable
    assert "which can never be" in unreachable[0].render(english)
    assert "qui ne peu" in unreachable[0].render()


def test_check_refuses_a_translation_that_loses_a_placeholder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locales = tmp_path / "locales"
    shutil.copytree(locales_dir(), locales)
    po = locales / "en" / "LC_MESSAGES" / "diagnostics.po"
    text = po.read_text(encoding="utf-8")
    broken = text.replace("(already on line {first_line})", "(already on line {line})")
    assert broken != text
    po.write_text(broken, encoding="utf-8")
    code = main(["i18n", "check", "--locales", str(locales), "--domain", "diagnostics"])
    out = capsys.readouterr().out
    assert code == 1
    assert "La clé « {key} » est écrite deux fois" in out


# --- a third language -----------------------------------------------------------------------

GERMAN: dict[str, dict[str, str | tuple[str, str]]] = {
    "gardiens": {"Valider": "Bestätigen"},
    "diagnostics": {
        "Le champ « {key} » n'existe pas à cet endroit.": "Das Feld „{key}“ gibt es hier nicht.",
        "{message} Vouliez-vous dire « {word} » ?": "{message} Meinten Sie „{word}“?",
        "{files} : {errors}, {warnings}.": "{files}: {errors}, {warnings}.",
        "{n} fichier vérifié": ("{n} Datei geprüft", "{n} Dateien geprüft"),
        "{n} erreur": ("{n} Fehler", "{n} Fehler"),
        "{n} avertissement": ("{n} Warnung", "{n} Warnungen"),
    },
    "cli": {"vérifier des fichiers de mission": "Missionsdateien prüfen"},
}


@pytest.fixture
def german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Toy German catalogs in a folder of their own, found through GARDIENS_LOCALES."""
    for domain, entries in GERMAN.items():
        catalog = Catalog(locale="de", domain=domain)
        for source, translated in entries.items():
            if isinstance(translated, tuple):
                catalog.add((source, source), translated)
            else:
                catalog.add(source, translated)
        folder = tmp_path / "de" / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / f"{domain}.po").open("wb") as fileobj:
            write_po(fileobj, catalog)
    monkeypatch.setenv("GARDIENS_LOCALES", str(tmp_path))
    return tmp_path


def test_a_third_language_is_a_catalog_away(
    german: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The interface.
    assert InterfaceTranslator("de").gettext("Valider") == "Bestätigen"
    # The errors, with "did you mean" and the plural forms of the summary.
    deutsch = diagnostics_translator("de")
    typo = make("GDN201", file="m.yaml", line=4, col=3, suggestion="prompt", key="promt")
    assert typo.render(deutsch) == (
        "m.yaml:4:3: GDN201 Das Feld „promt“ gibt es hier nicht. Meinten Sie „prompt“?"
    )
    assert (
        describe_counts([typo], 1).translate(deutsch) == "1 Datei geprüft: 1 Fehler, 0 Warnungen."
    )
    assert describe_counts([], 2).translate(deutsch) == "2 Dateien geprüft: 0 Fehler, 0 Warnungen."
    # The command line's help.
    monkeypatch.setenv("GARDIENS_LANG", "de")
    assert cli_translator().gettext("vérifier des fichiers de mission") == "Missionsdateien prüfen"
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "Missionsdateien prüfen" in capsys.readouterr().out
    # From the command line; a sentence nobody translated yet shows in French, the source.
    code = main(["validate", "--lang", "de", str(DATA / "invalid" / "duplicate_key.yaml")])
    out = capsys.readouterr().out
    assert code == 1
    assert "GDN102 La clé « title » est écrite deux fois" in out
    assert out.endswith("1 Datei geprüft: 1 Fehler, 0 Warnungen.\n")
