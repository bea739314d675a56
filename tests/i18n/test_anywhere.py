"""A mission anywhere: its catalogs sit beside it, the i18n commands take its path, the game reads
them, and a language it declares without a catalog is a located error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from gardiens.cli import main
from gardiens.core.library import load_library
from gardiens.core.loader import load_mission
from gardiens.i18n.missions import MissionTexts

MINIMAL = Path(__file__).resolve().parents[1] / "data" / "valid" / "minimal"
TITLE, ENGLISH_TITLE = "Le fil d'actu", "The news feed"


def bare_copy(folder: Path, *, translations: str = "[en]") -> Path:
    """The minimal mission in `folder`, without any catalog; its file."""
    folder.mkdir(parents=True)
    shutil.copy(MINIMAL / "fil.png", folder / "fil.png")
    text = (MINIMAL / "scenario.yaml").read_text(encoding="utf-8")
    file = folder / "scenario.yaml"
    file.write_text(text.replace("translations: [en]", f"translations: {translations}"), encoding="utf-8")
    return file


def translate_title(po: Path) -> None:
    with po.open("rb") as fileobj:
        catalog = read_po(fileobj, locale="en")
    catalog.get(TITLE, "minimal").string = ENGLISH_TITLE
    with po.open("wb") as fileobj:
        write_po(fileobj, catalog)


def codes_at(file: Path) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.col) for d in load_mission(file).diagnostics if d.severity == "error"]


def test_a_declared_language_without_catalog_is_an_error_on_its_entry(tmp_path: Path) -> None:
    """GIVEN a mission declaring `translations: [en, de]` with no catalog at all, THEN each
    language is an error located on its entry, and the mission does not load."""
    file = bare_copy(tmp_path / "minimal", translations="[en, de]")
    assert codes_at(file) == [("GDN330", 7, 16), ("GDN330", 7, 20)]
    assert load_mission(file).mission is None
    assert load_library(root=tmp_path) == {}


def test_an_empty_or_fuzzy_catalog_does_not_count(tmp_path: Path) -> None:
    file = bare_copy(tmp_path / "minimal")
    assert main(["i18n", "update", str(file.parent)]) == 0
    po = file.parent / "locales" / "en" / "LC_MESSAGES" / "minimal.po"
    assert po.is_file()
    assert [c for c, _, _ in codes_at(file)] == ["GDN330"]
    translate_title(po)
    assert codes_at(file) == []
    # The one translation, marked for review: no usable entry yet.
    entry = 'msgctxt "minimal"\nmsgid "Le fil'
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace(entry, "#, fuzzy\n" + entry), encoding="utf-8")
    assert "#, fuzzy" in po.read_text(encoding="utf-8")
    assert [c for c, _, _ in codes_at(file)] == ["GDN330"]


def test_commands_keep_a_mission_catalogs_beside_it_and_the_game_reads_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """GIVEN a mission outside the project, WHEN update, translation, compile and check run on
    its path, THEN its catalogs are beside it, validate is clean, and its texts read in English."""
    file = bare_copy(tmp_path / "ailleurs" / "minimal")
    beside = file.parent / "locales"
    assert main(["i18n", "extract", str(file)]) == 0
    assert (beside / "minimal.pot").is_file()
    assert main(["i18n", "update", str(file.parent)]) == 0
    po = beside / "en" / "LC_MESSAGES" / "minimal.po"
    assert "#: scenario.yaml:3" in po.read_text(encoding="utf-8")
    translate_title(po)
    assert main(["i18n", "update", str(file.parent)]) == 0
    assert "Les catalogues étaient déjà à jour." in capsys.readouterr().out
    assert main(["i18n", "compile", str(file.parent)]) == 0
    assert (beside / "en" / "LC_MESSAGES" / "minimal.mo").is_file()
    assert main(["i18n", "check", str(file.parent)]) == 1
    assert "1/32" in capsys.readouterr().out
    loaded = load_mission(file)
    assert loaded.mission is not None, [d.render() for d in loaded.diagnostics]
    texts = MissionTexts.load(loaded.mission, age="9-12", language="en")
    assert texts.text(loaded.mission.title) == ENGLISH_TITLE
    # The compiled catalog alone is enough, for a kiosk that ships `.mo` files only.
    po.unlink()
    assert load_mission(file).mission is not None
    again = load_mission(file).mission
    assert again is not None
    assert MissionTexts.load(again, age="9-12", language="en").text(again.title) == ENGLISH_TITLE


def test_a_project_mission_keeps_its_catalogs_in_the_project_locales(tmp_path: Path) -> None:
    """GIVEN a project (`--root`) with a mission in its `scenarios/`, WHEN updated by its id,
    THEN the catalog goes to the project's `locales/`, located from the project's root."""
    bare_copy(tmp_path / "scenarios" / "minimal")
    assert main(["i18n", "update", "minimal", "--root", str(tmp_path)]) == 0
    po = tmp_path / "locales" / "en" / "LC_MESSAGES" / "minimal.po"
    assert "#: scenarios/minimal/scenario.yaml:3" in po.read_text(encoding="utf-8")
    assert not (tmp_path / "scenarios" / "minimal" / "locales").exists()


def test_an_unknown_mission_is_said_plainly(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["i18n", "update", str(tmp_path / "nulle-part")])
    assert "nulle-part" in str(stopped.value.code)


@pytest.mark.parametrize("mission", ["essai-ui", "essai-finale"])
def test_updating_unchanged_catalogs_rewrites_nothing(
    mission: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """GIVEN a mission whose catalogs are up to date, with a sentence used twice (essai-ui) and
    answers whose translator comments wrap (essai-finale), WHEN updated, THEN no file is written:
    an unchanged template keeps its date."""
    source = Path(__file__).resolve().parents[1] / "ui" / mission
    copy = tmp_path / mission
    shutil.copytree(source, copy)
    before = {p: p.read_bytes() for p in copy.rglob("*.po*")}
    assert main(["i18n", "update", str(copy)]) == 0
    assert "Les catalogues étaient déjà à jour." in capsys.readouterr().out
    assert {p: p.read_bytes() for p in copy.rglob("*.po*")} == before
