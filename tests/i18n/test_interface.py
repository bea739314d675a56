"""InterfaceTranslator: compiled catalogs read through Babel, live language switch, safe fallbacks."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

from gardiens.i18n.interface import InterfaceTranslator, language_from_environment


def write_catalog(
    locales: Path, language: str, entries: dict[str, str], *, mo: bool = True
) -> None:
    catalog = Catalog(locale=language, domain="gardiens")
    for msgid, msgstr in entries.items():
        catalog.add(msgid, msgstr)
    catalog.add("Vieille phrase", "Stale sentence", flags=["fuzzy"])
    catalog.add(("{n} indice", "{n} indices"), ("{n} hint", "{n} hints"))
    catalog.add("Valider", "Submit (form)", context="formulaire")
    folder = locales / language / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "gardiens.po").open("wb") as fileobj:
        write_po(fileobj, catalog)
    if mo:
        with (folder / "gardiens.mo").open("wb") as fileobj:
            write_mo(fileobj, catalog)


@pytest.fixture
def locales(tmp_path: Path) -> Path:
    write_catalog(tmp_path, "en", {"Valider": "Check", "Carte": "Map"})
    return tmp_path


def test_translates_plurals_and_contexts(locales: Path) -> None:
    t = InterfaceTranslator("en", locales_dir=locales)
    assert t._("Valider") == "Check"
    assert t.pgettext("formulaire", "Valider") == "Submit (form)"
    assert t.ngettext("{n} indice", "{n} indices", 1).format(n=1) == "1 hint"
    assert t.ngettext("{n} indice", "{n} indices", 0).format(n=0) == "0 hints"


def test_french_source_uses_the_french_plural_rule(locales: Path) -> None:
    # GIVEN no French catalog WHEN counting zero THEN French says "0 indice" (0 is singular)
    t = InterfaceTranslator("fr", locales_dir=locales)
    assert t.ngettext("{n} indice", "{n} indices", 0).format(n=0) == "0 indice"
    assert t.ngettext("{n} indice", "{n} indices", 2).format(n=2) == "2 indices"
    assert t.gettext("Valider") == "Valider"


def test_fuzzy_and_unknown_entries_show_the_source(locales: Path) -> None:
    t = InterfaceTranslator("en", locales_dir=locales)
    assert t.gettext("Vieille phrase") == "Vieille phrase"
    assert t.gettext("Jamais vue") == "Jamais vue"
    assert t.ngettext("{n} essai", "{n} essais", 0) == "{n} essai"


def test_switches_language_live(locales: Path) -> None:
    t = InterfaceTranslator("fr", locales_dir=locales)
    assert t.gettext("Carte") == "Carte"
    t.set_language("en")
    assert t.language == "en" and t.gettext("Carte") == "Map"
    t.set_language("fr")
    assert t.gettext("Carte") == "Carte"


def test_nothing_is_read_before_the_first_lookup(tmp_path: Path) -> None:
    t = InterfaceTranslator("en", locales_dir=tmp_path / "not-yet")
    write_catalog(tmp_path / "not-yet", "en", {"Carte": "Map"})
    assert t.gettext("Carte") == "Map"


def test_a_recompiled_catalog_is_picked_up(locales: Path) -> None:
    t = InterfaceTranslator("en", locales_dir=locales)
    assert t.gettext("Carte") == "Map"
    write_catalog(locales, "en", {"Carte": "Board"})
    mo = locales / "en" / "LC_MESSAGES" / "gardiens.mo"
    # Make sure the new file has a different timestamp even on coarse file systems.
    stat = mo.stat()
    os.utime(mo, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    t.set_language("en")
    assert t.gettext("Carte") == "Board"


def test_a_po_edited_after_compiling_is_used(locales: Path) -> None:
    folder = locales / "en" / "LC_MESSAGES"
    write_catalog(locales, "en", {"Carte": "Edited map"}, mo=False)
    po = folder / "gardiens.po"
    stat = (folder / "gardiens.mo").stat()
    os.utime(po, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000_000))
    t = InterfaceTranslator("en", locales_dir=locales)
    assert t.gettext("Carte") == "Edited map"
    assert t.gettext("Vieille phrase") == "Vieille phrase"


def test_a_po_written_with_its_mo_by_a_checkout_is_not_compiled_again(locales: Path) -> None:
    # GIVEN a .po written a few milliseconds after its .mo, as a checkout writes them
    folder = locales / "en" / "LC_MESSAGES"
    write_catalog(locales, "en", {"Carte": "Edited map"}, mo=False)
    po = folder / "gardiens.po"
    stat = (folder / "gardiens.mo").stat()
    os.utime(po, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    # THEN the compiled catalog is the one read
    t = InterfaceTranslator("en", locales_dir=locales)
    assert t.gettext("Carte") != "Edited map"


def test_missing_catalog_falls_back_to_french_with_a_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    t = InterfaceTranslator("de", locales_dir=tmp_path)
    with caplog.at_level(logging.WARNING, logger="gardiens.i18n.interface"):
        assert t.gettext("Carte") == "Carte"
        assert t.gettext("Valider") == "Valider"
    assert len(caplog.records) == 1 and "'de'" in caplog.records[0].getMessage()


def test_pseudo_locale_needs_no_catalog(tmp_path: Path) -> None:
    t = InterfaceTranslator("qps", locales_dir=tmp_path)
    shown = t.gettext("Il reste {time}.")
    assert shown.startswith("[") and shown.endswith("]") and "{time}" in shown
    assert shown.format(time="04:59")
    assert "{n}" in t.ngettext("{n} indice", "{n} indices", 3)
    assert t.pgettext("formulaire", "Valider") != "Valider"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"GARDIENS_LANG": "en", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C"}, "fr"),
        ({}, "fr"),
    ],
)
def test_language_from_environment(environ: dict[str, str], expected: str) -> None:
    assert language_from_environment(environ) == expected


def test_bundled_english_catalog_translates_the_interface() -> None:
    t = InterfaceTranslator("en")
    assert t.gettext("Mission réussie") != "Mission réussie"
    assert t.ngettext("{n} erreur", "{n} erreurs", 2).format(n=2) == "2 errors"
