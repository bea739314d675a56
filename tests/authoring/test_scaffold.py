"""`gardiens new`: a mission that validates without a warning and is won as it is."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from gardiens.authoring.scaffold import (
    ScaffoldError,
    create_mission,
    schema_reference,
    suggest_id,
)
from gardiens.cli import main
from gardiens.core.loader import load_mission
from gardiens.core.model import THEMES
from gardiens.paths import checkout_root, schema_file


def test_new_mission_validates_cleanly_and_autoplay_wins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "ma-mission", "--theme", "jeux-video", "--dir", str(tmp_path)]) == 0
    folder = tmp_path / "ma-mission"
    assert sorted(p.name for p in folder.iterdir()) == [
        "SOURCES.md",
        "illustration.svg",
        "scenario.yaml",
    ]
    capsys.readouterr()
    assert main(["validate", str(folder)]) == 0
    assert "0 erreur, 0 avertissement" in capsys.readouterr().out
    mission = load_mission(folder / "scenario.yaml").mission
    assert mission is not None and mission.theme == "jeux-video"
    assert {p.type for p in mission.puzzles} >= {"choice", "true_false", "order", "text", "code"}
    for age in ("9-12", "13-16"):
        code = main(
            ["autoplay", str(folder), "--age", age, "--data-dir", str(tmp_path / "d"), "--json"]
        )
        assert code == 0
        assert json.loads(capsys.readouterr().out)["outcome"] == "won"


def test_modeline_points_at_the_schema(tmp_path: Path) -> None:
    outside = create_mission("dehors", parent=tmp_path)
    first = (outside.folder / "scenario.yaml").read_text(encoding="utf-8").splitlines()[0]
    # Outside the checkout: the guide's relative modeline, and the schema copied where it points.
    assert first == "# yaml-language-server: $schema=../mission.schema.json"
    copied = (outside.folder / "../mission.schema.json").read_text(encoding="utf-8")
    assert copied == schema_file().read_text(encoding="utf-8")
    # Inside the checkout the path is relative, so the mission can be moved with it.
    root = checkout_root()
    assert root is not None
    assert schema_reference(root / "scenarios" / "ma-mission") == "../mission.schema.json"
    deeper = root / "tests" / "data" / "valid" / "minimal"
    assert schema_reference(deeper) == "../../../../scenarios/mission.schema.json"


def test_picture_placeholder_has_no_text(tmp_path: Path) -> None:
    created = create_mission("image", parent=tmp_path)
    svg = (created.folder / "illustration.svg").read_text(encoding="utf-8")
    assert "<text" not in svg.replace("<!--", "").split("-->")[-1]


@pytest.mark.parametrize(
    ("given", "hint"),
    [("Ma Mission", "ma-mission"), ("défi_été", "defi_ete"), ("../x", "x"), ("Quiz!", "quiz")],
)
def test_invalid_id_is_refused_with_a_suggestion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], given: str, hint: str
) -> None:
    assert main(["new", given, "--dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "identifiant" in err and f"« {hint} »" in err
    assert not any(tmp_path.iterdir())


def test_existing_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "deja").mkdir()
    (tmp_path / "deja" / "notes.txt").write_text("à garder")
    assert main(["new", "deja", "--dir", str(tmp_path)]) == 2
    assert "existe déjà" in capsys.readouterr().err
    assert [p.name for p in (tmp_path / "deja").iterdir()] == ["notes.txt"]


def test_bad_theme_and_default_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ScaffoldError, match="thème"):
        create_mission("x", theme="sport", parent=tmp_path)
    monkeypatch.setenv("GARDIENS_SCENARIOS", str(tmp_path / "missions"))
    assert main(["new", "par-defaut"]) == 0
    assert (tmp_path / "missions" / "par-defaut" / "scenario.yaml").is_file()
    assert suggest_id("  Été 2025 !") == "ete-2025"
    assert set(THEMES) >= {"infox"}
    assert os.path.isdir(tmp_path / "missions")


def test_refusals_are_in_the_language_of_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GARDIENS_LANG", "en")
    assert main(["new", "Ma Mission", "--dir", str(tmp_path)]) == 2
    assert "cannot be a mission id" in capsys.readouterr().err
    with pytest.raises(ScaffoldError, match="is not a theme"):
        create_mission("x", theme="sport", parent=tmp_path)
