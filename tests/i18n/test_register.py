"""The interface says « vous »; for a mission that says « tu », its « tu » forms (msgctxt "tu" in
the French catalog) are shown instead, and `gardiens i18n` keeps and checks them."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from gardiens.cli import main
from gardiens.i18n.catalogs import extract_templates, needs_tu_form
from gardiens.i18n.interface import TU_CONTEXT, InterfaceTranslator

REPO = Path(__file__).resolve().parents[2]


def _write(locales: Path, language: str, catalog: Catalog) -> None:
    folder = locales / language / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "gardiens.mo").open("wb") as fileobj:
        write_mo(fileobj, catalog)


@pytest.fixture
def locales(tmp_path: Path) -> Path:
    french = Catalog(locale="fr", domain="gardiens")
    french.add("Parlez-en à un adulte.", "Parlez-en à un adulte.")
    french.add("Parlez-en à un adulte.", "Parle-en à un adulte.", context=TU_CONTEXT)
    plural = ("Vous avez {n} minute.", "Vous avez {n} minutes.")
    # Babel's French rule has three forms (the third for millions).
    french.add(plural, (*plural, plural[1]))
    tu = ("Tu as {n} minute.", "Tu as {n} minutes.", "Tu as {n} minutes.")
    french.add(plural, tu, context=TU_CONTEXT)
    _write(tmp_path, "fr", french)
    english = Catalog(locale="en", domain="gardiens")
    english.add("Parlez-en à un adulte.", "Talk to an adult.")
    english.add(plural, ("You have {n} minute.", "You have {n} minutes."))
    _write(tmp_path, "en", english)
    return tmp_path


def test_a_tu_mission_reads_the_tu_forms_in_french(locales: Path) -> None:
    translator = InterfaceTranslator("fr", locales_dir=locales)
    assert translator.gettext("Parlez-en à un adulte.") == "Parlez-en à un adulte."
    translator.set_address("tu")
    assert translator.gettext("Parlez-en à un adulte.") == "Parle-en à un adulte."
    assert translator.ngettext("Vous avez {n} minute.", "Vous avez {n} minutes.", 5) == (
        "Tu as {n} minutes."
    )
    # A string without a « tu » form shows as it is.
    assert translator.gettext("Carte") == "Carte"
    translator.set_address("vous")
    assert translator.gettext("Parlez-en à un adulte.") == "Parlez-en à un adulte."


def test_english_has_one_you(locales: Path) -> None:
    translator = InterfaceTranslator("en", locales_dir=locales)
    translator.set_address("tu")
    assert translator.gettext("Parlez-en à un adulte.") == "Talk to an adult."
    assert translator.ngettext("Vous avez {n} minute.", "Vous avez {n} minutes.", 1) == (
        "You have {n} minute."
    )


def test_every_team_facing_vous_string_has_its_tu_form() -> None:
    """GIVEN the interface's sources, THEN each string that says « vous » to the team (not to the
    facilitator, families or authors) has a « tu » form in the French catalog."""
    template = extract_templates(REPO).catalogs["gardiens"]
    wanted = [m for m in template if needs_tu_form(m)]
    assert any(m.id == "Parlez-en à un parent, un professeur ou un animateur." for m in wanted)
    assert not any("votre enfant" in str(m.id) for m in wanted), "the families' sheet says vous"
    with (REPO / "locales" / "fr" / "LC_MESSAGES" / "gardiens.po").open("rb") as fileobj:
        french = read_po(fileobj)
    missing = [m.id for m in wanted if french.get(m.id, TU_CONTEXT) is None]
    assert missing == [], "add a msgctxt 'tu' entry for each in locales/fr/LC_MESSAGES/gardiens.po"


def test_update_keeps_tu_forms_and_check_wants_them(tmp_path: Path) -> None:
    (tmp_path / "babel.cfg").write_text("[python: gardiens/**.py]\n", encoding="utf-8")
    code = tmp_path / "gardiens" / "screen.py"
    code.parent.mkdir()
    code.write_text('_("Choisissez une carte.")\n_("Carte")\n', encoding="utf-8")
    args = ["--root", str(tmp_path), "--lang", "fr"]
    assert main(["i18n", "update", "--root", str(tmp_path)]) == 0
    assert main(["i18n", "check", *args]) == 1, "the tu form is missing"
    po = tmp_path / "locales" / "fr" / "LC_MESSAGES" / "gardiens.po"
    po.write_text(
        po.read_text(encoding="utf-8")
        + '\nmsgctxt "tu"\nmsgid "Choisissez une carte."\nmsgstr "Choisis une carte."\n',
        encoding="utf-8",
    )
    assert main(["i18n", "update", "--root", str(tmp_path)]) == 0
    assert main(["i18n", "check", *args]) == 0
    with po.open("rb") as fileobj:
        kept = read_po(fileobj).get("Choisissez une carte.", TU_CONTEXT)
    assert kept is not None and kept.string == "Choisis une carte."
    code.write_text('_("Carte")\n', encoding="utf-8")
    assert main(["i18n", "update", "--root", str(tmp_path)]) == 0
    with po.open("rb") as fileobj:
        assert read_po(fileobj).get("Choisissez une carte.", TU_CONTEXT) is None
