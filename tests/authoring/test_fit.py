"""`gardiens validate` warns, located, when a text cannot fit its place on screen at the floor."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gardiens.authoring.fit import CARD, Measure
from gardiens.cli import main

MISSION = Path(__file__).parents[1] / "ui" / "essai-ui" / "scenario.yaml"
LONG = ("Une carte beaucoup trop longue pour sa place, qui raconte toute une histoire avec des "
        "détails, des exemples et encore des détails")


def test_a_short_card_fits_and_a_long_one_does_not() -> None:
    measure = Measure()
    assert measure.lines("Un prénom", CARD) == 1
    assert measure.lines(LONG, CARD) > CARD.lines


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
