"""`gardiens playtest`: skilled bots win every mission; the report warns when it runs long."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from gardiens.authoring.playtest import (
    SKILLS,
    _band_warnings,
    describe,
    percentile,
    play_once,
    playtest,
    shown_minutes,
)
from gardiens.cli import main
from gardiens.core.model import Mission
from gardiens.i18n.interface import CLI_DOMAIN, InterfaceTranslator
from tests.authoring.missions import every_mission
from tests.core.sample import sample_data


@pytest.mark.parametrize("mission", every_mission(), ids=lambda m: m.id)
def test_every_mission_is_won_by_every_skill(mission: Mission) -> None:
    report = playtest(mission, runs=6)
    assert [b.age for b in report.bands] == list(mission.ages)
    for band in report.bands:
        assert band.won == band.runs == 6
        assert 0 < band.median_minutes <= band.high_minutes
    assert [p.id for p in report.puzzles] == [p.id for p in mission.puzzles]


def test_skills_differ_and_runs_are_deterministic() -> None:
    mission = Mission.model_validate(sample_data())
    at_ease, average, struggling = (play_once(mission, "9-12", s, 7) for s in SKILLS)
    assert at_ease.seconds < struggling.seconds
    slips = [sum(a + h for a, h in r.puzzles.values()) for r in (at_ease, struggling)]
    assert slips[0] < slips[1]
    assert play_once(mission, "9-12", SKILLS[1], 7) == average
    assert playtest(mission, runs=3).as_dict() == playtest(mission, runs=3).as_dict()


def test_a_mission_too_long_for_its_band_is_warned() -> None:
    data = sample_data()
    data["duration"] = {"9-12": 3, "13-16": 120}
    report = playtest(Mission.model_validate(data), runs=6)
    short, long = report.bands
    assert any("trop longue" in w for w in short.warnings)
    assert long.warnings == ()


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 11)]
    assert percentile(values, 90) == 9.0
    assert percentile(values, 50) == 5.0
    assert percentile([4.0], 90) == 4.0


def test_command_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["playtest", "infox", "--runs", "3", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["mission"] == "infox"
    assert {b["age"] for b in report["age_bands"]} == {"9-12", "13-16"}
    assert all("wrong_attempts" in p and "hints" in p for p in report["puzzles"])


def test_command_text_and_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["playtest", "infox", "--runs", "3"]) == 0
    assert "durée médiane" in capsys.readouterr().out
    assert main(["playtest", "pas-de-mission-ici"]) == 1
    assert "introuvable" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["playtest", "infox", "--runs", "zéro"])


def test_the_report_speaks_the_language_of_the_command_line() -> None:
    data = sample_data()
    data["duration"] = {"9-12": 3, "13-16": 120}
    english = InterfaceTranslator("en", domain=CLI_DOMAIN)
    report = playtest(Mission.model_validate(data), runs=3, translator=english)
    text = describe(report, english)
    assert "median duration" in text and "at ease" in text
    assert "warning: ages 9-12: mission probably too long" in text
    assert "durée" not in text


@pytest.mark.parametrize(("high", "warned"), [(15.04, None), (15.5, "15.5"), (33.0, "33.0")])
def test_a_warning_writes_the_figure_the_report_shows(high: float, warned: str | None) -> None:
    # GIVEN a band whose slowest teams take `high` minutes for 15 planned
    mission = Mission.model_validate(sample_data())
    report = playtest(mission, runs=1)
    band = replace(report.bands[0], declared_minutes=15, median_minutes=10.0, high_minutes=high)
    band = replace(
        band,
        warnings=_band_warnings(
            band.age, 15, 10.0, high, 1, 1, InterfaceTranslator("fr", domain=CLI_DOMAIN)
        ),
    )
    # WHEN the report is written
    text = describe(replace(report, bands=(band,)), InterfaceTranslator("fr", domain=CLI_DOMAIN))
    # THEN the line and the warning say the same figure, and "15.0 for 15" is no warning
    assert f"en moins de {shown_minutes(high)} min" in text
    if warned is None:
        assert band.warnings == ()
    else:
        assert band.warnings and f"({warned} min pour 90 % des équipes" in band.warnings[0]
