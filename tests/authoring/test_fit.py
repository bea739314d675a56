"""`gardiens validate` warns, located, when a text cannot fit its place on screen at the floor."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from gardiens.authoring.fit import CARD, Measure
from gardiens.cli import main
from gardiens.core import lint
from gardiens.core.library import load_library

MISSION = Path(__file__).parents[1] / "ui" / "essai-ui" / "scenario.yaml"
# A card is paged alone, as wide as the tray, when it is too tall for any grid: too long is a story.
LONG = " ".join(["Une carte beaucoup trop longue pour sa place, qui raconte toute une histoire avec des "
                 "détails, des exemples et encore des détails."] * 12)


def _bundled(mission_id: str) -> Path:
    return load_library()[mission_id][1]


def _warned(out: str) -> set[tuple[int, int]]:
    """The line:column of each GDN409 warning in `validate`'s output."""
    return {(int(line), int(col)) for line, col in re.findall(r"scenario\.yaml:(\d+):(\d+): GDN409", out)}


def _where(text: str, quoted: str) -> tuple[int, int]:
    """Line and column (from 1) of the double-quoted YAML scalar `quoted`."""
    at = text.index(f'"{quoted}"')
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


@pytest.fixture(autouse=True)
def _no_maximum_lengths(monkeypatch: pytest.MonkeyPatch) -> None:
    """The texts grown here are whole paragraphs, which their maximum length (GDN326) refuses
    first; lifted so that the measure of each place is what is tested."""
    monkeypatch.setattr(lint, "TEXT_MAXIMUMS", {})
    monkeypatch.setattr(lint, "DEFAULT_TEXT_MAXIMUM", 10**9)


def _validate(mission: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
              replace: tuple[str, str] | None = None) -> tuple[int, str]:
    folder = tmp_path / mission.parent.name
    shutil.copytree(mission.parent, folder)
    text = mission.read_text(encoding="utf-8")
    if replace is not None:
        text = text.replace(f'"{replace[0]}"', f'"{replace[1]}"', 1)
    (folder / "scenario.yaml").write_text(text, encoding="utf-8")
    status = main(["validate", str(folder / "scenario.yaml")])
    return status, capsys.readouterr().out


def test_a_short_card_fits_and_a_long_one_does_not() -> None:
    measure = Measure()
    assert measure.lines("Un prénom", CARD) == 1
    assert measure.lines(LONG, CARD) > measure.room(CARD)


def test_validate_warns_where_a_card_is_too_long(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # GIVEN a mission whose sorting card is far too long for its place
    text = MISSION.read_text(encoding="utf-8")
    folder = tmp_path / "essai-ui"
    shutil.copytree(MISSION.parent, folder)
    short = "Lou transfère une fausse alerte pour protéger sa famille"
    item = text[: text.index(short)].count("\n")
    lines = text.replace(short, LONG).splitlines()
    (folder / "scenario.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # WHEN it is validated
    status = main(["validate", str(folder / "scenario.yaml")])
    out = capsys.readouterr().out
    # THEN a warning points at the card's line, and the mission stays valid
    assert status == 0, out
    assert f"scenario.yaml:{item + 1}:" in out and "GDN409" in out


# One text of each place at risk, short enough as written: (mission, text, its place).
PLACES = [
    pytest.param(MISSION, "Je cherche qui l'a publiée et quand", id="choice-label"),
    pytest.param(MISSION, "Une photo peut être vraie mais venir d'une autre année.", id="true-false-statement"),
    pytest.param(MISSION, "Le bon réflexe", id="map-tile-title"),
    pytest.param("donnees-personnelles", "Seulement mes amis (privé)", id="settings-option"),
    pytest.param("donnees-personnelles", "Qui peut voir mon profil ?", id="setting-label"),
    pytest.param("infox", "Fête de la science samedi, de 10 h à 18 h, au gymnase des Tilleuls.", id="feed-post"),
    pytest.param("influence", "Mon gâteau au chocolat du dimanche ! La recette est dans la vidéo, à vous de jouer.",
                 id="ad-post"),
]


@pytest.mark.parametrize(("mission", "short"), PLACES)
def test_a_text_too_long_for_its_place_is_warned_where_it_is_written(
        mission: Path | str, short: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # GIVEN a mission where this text fits its place at the floor
    source = mission if isinstance(mission, Path) else _bundled(mission)
    where = _where(source.read_text(encoding="utf-8"), short)
    status, out = _validate(source, tmp_path / "short", capsys)
    assert status == 0, out
    assert where not in _warned(out)
    # WHEN the text grows far past its place (a whole paragraph, as the statements' page is tall)
    status, out = _validate(source, tmp_path / "long", capsys, replace=(short, " ".join([LONG] * 12)))
    # THEN validate warns at the text's line and column, and the mission stays valid
    assert status == 0, out
    assert where in _warned(out), out
