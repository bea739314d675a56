"""Bundled missions are won through the interface with touches alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from gardiens.core.library import scenarios_dir
from gardiens.testing.ui_autoplay import win_through_ui

MISSION_DIR = Path(__file__).parent / "essai-ui"


@pytest.mark.parametrize(("age", "language"), [("9-12", "fr"), ("13-16", "en")])
def test_the_test_mission_is_won_by_touch(tmp_path: Path, age: str, language: str) -> None:
    summary = win_through_ui(MISSION_DIR / "scenario.yaml", age=age, language=language,  # type: ignore[arg-type]
                             data_dir=tmp_path)
    assert summary["outcome"] == "won"
    assert summary["interface_errors"] == []
    assert "debrief" in summary["screens"]


BUNDLED = sorted(p.parent.name for p in scenarios_dir().glob("*/scenario.yaml"))


@pytest.mark.parametrize("mission", BUNDLED)
def test_every_bundled_mission_is_won_by_touch(tmp_path: Path, mission: str) -> None:
    path = scenarios_dir() / mission / "scenario.yaml"
    summary = win_through_ui(path, age="9-12", language="fr", data_dir=tmp_path)
    assert summary["outcome"] == "won"
    assert summary["interface_errors"] == []
