"""`gardiens i18n extract|update|compile|check` on a copy of the infox mission and its catalog."""

from __future__ import annotations

import gettext
import io
import shutil
from pathlib import Path

import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from gardiens.cli import main
from gardiens.core.model import Mission
from gardiens.i18n.missions import MissionTexts

REPO = Path(__file__).resolve().parents[2]
OLD = "Alerte infox !"
NEW = "Alerte aux infox !"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "scenarios" / "infox", tmp_path / "scenarios" / "infox")
    folder = tmp_path / "locales" / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(REPO / "locales" / "en" / "LC_MESSAGES" / "infox.po", folder / "infox.po")
    shutil.copy(REPO / "babel.cfg", tmp_path / "babel.cfg")
    assert i18n("update", tmp_path) == 0
    return tmp_path


def i18n(action: str, root: Path, *options: str) -> int:
    return main(["i18n", action, "--root", str(root), *options])


def po(root: Path, language: str = "en", domain: str = "infox") -> Path:
    return root / "locales" / language / "LC_MESSAGES" / f"{domain}.po"


def entry_count(path: Path) -> int:
    with path.open("rb") as fileobj:
        return sum(1 for m in read_po(fileobj) if m.id)


def fuzzy_entries(path: Path) -> list[tuple[str | None, object]]:
    with path.open("rb") as fileobj:
        return [(m.context, m.id) for m in read_po(fileobj) if m.id and m.fuzzy]


def load(root: Path) -> Mission:
    text = (root / "scenarios" / "infox" / "scenario.yaml").read_text(encoding="utf-8")
    return Mission.model_validate(yaml.safe_load(text))


def edit_title(root: Path) -> None:
    path = root / "scenarios" / "infox" / "scenario.yaml"
    text = path.read_text(encoding="utf-8")
    assert f'title: "{OLD}"' in text
    path.write_text(text.replace(f'title: "{OLD}"', f'title: "{NEW}"'), encoding="utf-8")


def test_update_keeps_every_translation_and_checks_complete(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert fuzzy_entries(po(project)) == []
    assert i18n("check", project) == 0
    out = capsys.readouterr().out
    assert "infox" in out and "100" in out
    assert (project / "locales" / "infox.pot").is_file()


def test_changed_sentence_becomes_fuzzy_and_shows_the_source(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a complete English catalog WHEN the author rewrites the title and runs update
    edit_title(project)
    assert i18n("update", project) == 0
    # THEN exactly that entry is fuzzy, with the old translation kept for the translator
    assert fuzzy_entries(po(project)) == [("infox", NEW)]
    with po(project).open("rb") as fileobj:
        entry = read_po(fileobj).get(NEW, "infox")
    assert entry is not None and entry.string == "Fake news alert!"
    assert f'#| msgid "{OLD}"' in po(project).read_text(encoding="utf-8")
    # AND the English mission shows the new French sentence, not the stale translation
    mission = load(project)
    texts = MissionTexts.load(mission, age="9-12", language="en", locales_dir=project / "locales")
    assert texts.text(mission.title) == NEW
    assert texts.text(mission.briefing).startswith("Alert, Guardians!")
    # AND check fails, naming one fuzzy entry
    capsys.readouterr()
    assert i18n("check", project, "--lang", "en") == 1
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("infox"))
    total = entry_count(po(project))
    assert row.split()[2:5] == [f"{total - 1}/{total}", "1", "0"]


def test_translated_again_it_is_used_and_compiled(project: Path) -> None:
    edit_title(project)
    i18n("update", project)
    with po(project).open("rb") as fileobj:
        catalog = read_po(fileobj)
    entry = catalog.get(NEW, "infox")
    assert entry is not None
    entry.string = "Fake news ahead!"
    entry.flags.discard("fuzzy")
    with po(project).open("wb") as fileobj:
        write_po(fileobj, catalog)
    assert i18n("check", project) == 0
    mission = load(project)
    texts = MissionTexts.load(mission, age="9-12", language="en", locales_dir=project / "locales")
    assert texts.text(mission.title) == "Fake news ahead!"


def test_compile_leaves_fuzzy_entries_out(project: Path) -> None:
    edit_title(project)
    i18n("update", project)
    assert i18n("compile", project) == 0
    with po(project).with_suffix(".mo").open("rb") as fileobj:
        compiled = read_mo(fileobj)
    ids = {(m.context, m.id) for m in compiled if m.id}
    # The cover picture says « Alerte infox ! » too, in its own context.
    titles = {msgid for context, msgid in ids if context in ("infox", b"infox")}
    assert NEW not in titles and OLD not in titles
    assert len(ids) == entry_count(po(project)) - 1


def test_compile_leaves_out_a_translation_that_loses_a_placeholder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "babel.cfg").write_text("[python: gardiens/**.py]\n", encoding="utf-8")
    code = tmp_path / "gardiens" / "screen.py"
    code.parent.mkdir()
    code.write_text('_("Il reste {time}.")\n_("Carte")\n', encoding="utf-8")
    assert i18n("update", tmp_path) == 0
    with po(tmp_path, "en", "gardiens").open("rb") as fileobj:
        catalog = read_po(fileobj)
    catalog.get("Il reste {time}.").string = "Time left: {tiem}."  # type: ignore[union-attr]
    catalog.get("Carte").string = "Map"  # type: ignore[union-attr]
    with po(tmp_path, "en", "gardiens").open("wb") as fileobj:
        write_po(fileobj, catalog)
    capsys.readouterr()
    assert i18n("check", tmp_path) == 1
    assert "{tiem}" not in capsys.readouterr().out.split("Il reste")[0]
    assert i18n("compile", tmp_path) == 0
    assert "Il reste {time}." in capsys.readouterr().err
    with po(tmp_path, "en", "gardiens").with_suffix(".mo").open("rb") as fileobj:
        assert {m.id for m in read_mo(fileobj) if m.id} == {"Carte"}


def _french_plural_form(catalog: Catalog, n: int) -> int:
    """Which form the compiled catalog picks for `n` (0: singular), whatever Babel's spelling of
    the rule: French puts 0 and 1 in the singular."""
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    forms = gettext.GNUTranslations(compiled)
    return ["{n} indice", "{n} indices"].index(forms.ngettext("{n} indice", "{n} indices", n))


def test_interface_catalogs_are_created_french_filled_with_the_source(tmp_path: Path) -> None:
    (tmp_path / "babel.cfg").write_text("[python: gardiens/**.py]\n", encoding="utf-8")
    code = tmp_path / "gardiens" / "screen.py"
    code.parent.mkdir()
    code.write_text(
        '_("Carte")\nngettext("{n} indice", "{n} indices", n)\npgettext("bouton", "Valider")\n',
        encoding="utf-8",
    )
    assert i18n("update", tmp_path) == 0
    with po(tmp_path, "fr", "gardiens").open("rb") as fileobj:
        french = read_po(fileobj)
    assert [_french_plural_form(french, n) for n in (0, 1, 2, 10)] == [0, 0, 1, 1]
    singular, *plurals = french.get(("{n} indice", "{n} indices")).string  # type: ignore[union-attr]
    assert (singular, set(plurals)) == ("{n} indice", {"{n} indices"})
    assert french.get("Valider", "bouton").string == "Valider"  # type: ignore[union-attr]
    with po(tmp_path, "en", "gardiens").open("rb") as fileobj:
        english = read_po(fileobj)
    assert english.get("Carte").string == ""  # type: ignore[union-attr]
    assert i18n("check", tmp_path) == 1
    assert i18n("check", tmp_path, "--lang", "fr") == 0


def test_a_mission_that_cannot_be_read_is_reported(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = project / "scenarios" / "brouillon" / "scenario.yaml"
    broken.parent.mkdir()
    broken.write_text("id: brouillon\n", encoding="utf-8")
    capsys.readouterr()
    assert i18n("check", project) == 1
    assert "brouillon" in capsys.readouterr().err


def test_shipped_catalogs_are_complete() -> None:
    """The repository as shipped: every interface string and every mission text translated."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "gardiens", "i18n", "check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert " 0 " in done.stdout


def test_compiling_the_shipped_catalogs_changes_no_byte(tmp_path: Path) -> None:
    """A clean checkout's `gardiens i18n compile` writes the very `.mo` files it holds."""
    shutil.copytree(REPO / "locales", tmp_path / "locales")
    assert i18n("compile", tmp_path) == 0
    committed = sorted((REPO / "locales").rglob("*.mo"))
    assert committed
    for mo in committed:
        again = tmp_path / mo.relative_to(REPO)
        assert again.read_bytes() == mo.read_bytes(), mo.relative_to(REPO)
