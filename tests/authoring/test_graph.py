"""`gardiens graph`: a standalone SVG of every mission, with every puzzle, arrow and badge."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gardiens.authoring.graph import layers, mission_svg
from gardiens.cli import main
from gardiens.core.model import Mission
from gardiens.core.puzzles import kind_of
from gardiens.i18n.interface import InterfaceTranslator
from tests.authoring.missions import every_mission, write_sample
from tests.core.sample import sample_data

NS = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


@pytest.mark.parametrize("mission", every_mission(), ids=lambda m: m.id)
def test_every_puzzle_edge_and_reward_is_drawn(mission: Mission) -> None:
    root = parse(mission_svg(mission))
    boxes = {g.get("data-id"): g for g in root.iter(f"{NS}g") if "puzzle" in classes(g)}
    assert set(boxes) == {p.id for p in mission.puzzles}
    requires = [e for e in root.iter() if {"edge", "requires"} <= classes(e)]
    assert len(requires) == sum(len(p.requires) for p in mission.puzzles)
    assert {(e.get("data-from"), e.get("data-to")) for e in requires} == {
        (r, p.id) for p in mission.puzzles for r in p.requires
    }
    feeding = [e for e in root.iter() if {"edge", "reward"} <= classes(e)]
    # Every reward a puzzle's answer is made of (a code's digits, a message's fragments) is an arrow.
    needed = [r for p in mission.puzzles for r in kind_of(p).rewards_needed(p)]
    assert len(feeding) == len(needed)
    badges = {
        g.get("data-id"): g.get("data-value")
        for g in root.iter()
        if "reward" in classes(g) and g.tag == f"{NS}g"
    }
    assert badges == mission.reward_values()
    assert "goal" in classes(boxes[mission.goal])
    assert not [g for g in boxes.values() if "unreachable" in classes(g)]
    # Standalone: no link to any other file or site.
    text = mission_svg(mission)
    assert "href" not in text and "url(http" not in text and "@import" not in text


def test_layers_follow_requires_and_rewards() -> None:
    mission = Mission.model_validate(sample_data())
    layer = layers(mission)
    assert layer["qcm"] == 0
    assert layer["vf"] == 1
    assert layer["final"] > max(layer["vf"], layer["secret"])


def test_unreachable_puzzle_is_marked_with_words_and_dashes(tmp_path: Path) -> None:
    data = sample_data()
    data["puzzles"][5]["requires"] = ["fantome-loop"]
    data["puzzles"].append(
        {**data["puzzles"][5], "id": "fantome-loop", "requires": ["mot"], "rewards": []}
    )
    mission = Mission.model_validate(data)
    root = parse(mission_svg(mission))
    marked = {g.get("data-id"): g for g in root.iter(f"{NS}g") if "unreachable" in classes(g)}
    assert set(marked) == {"mot", "fantome-loop"}
    box = marked["mot"]
    texts = "".join(t.text or "" for t in box.iter(f"{NS}text"))
    assert "INATTEIGNABLE" in texts
    assert any(r.get("stroke-dasharray") for r in box.iter(f"{NS}rect"))


def test_command_writes_a_file_and_draws_a_mission_with_lint_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = sample_data()
    data["puzzles"][5]["requires"] = ["mot"]
    file = write_sample(tmp_path, data)
    out = tmp_path / "carte.svg"
    assert main(["graph", str(file), "--out", str(out)]) == 0
    root = parse(out.read_text(encoding="utf-8"))
    assert any("unreachable" in classes(g) for g in root.iter(f"{NS}g"))
    assert "GDN307" in capsys.readouterr().err


def test_command_refuses_a_missing_mission(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", "pas-de-mission-ici"]) == 2
    assert "introuvable" in capsys.readouterr().err


def test_titles_with_markup_and_ampersands_are_drawn_as_text() -> None:
    data = sample_data()
    data["title"] = 'Pile & face <script>alert("x")</script>'
    data["puzzles"][0]["title"] = "<b>Q&A</b>"
    mission = Mission.model_validate(data)
    svg = mission_svg(mission)
    assert "<script" not in svg and "<b>" not in svg
    root = parse(svg)
    texts = [t.text for t in root.iter(f"{NS}text")]
    assert 'Pile & face <script>alert("x")</script>' in texts
    assert "<b>Q&A</b>" in texts


def test_the_map_speaks_the_language_it_is_given() -> None:
    mission = Mission.model_validate(sample_data())
    english = parse(mission_svg(mission, InterfaceTranslator("en")))
    assert english.findtext(f"{NS}title") == f"Map of the mission {mission.id}"
    goal = next(g for g in english.iter(f"{NS}g") if "goal" in classes(g))
    assert any(t.text == "★ GOAL" for t in goal.iter(f"{NS}text"))
    french = parse(mission_svg(mission))
    assert french.findtext(f"{NS}title") == f"Carte de la mission {mission.id}"


def test_the_map_counts_puzzles_and_signs_kinds_in_its_language() -> None:
    mission = Mission.model_validate(sample_data())
    count = len(mission.puzzles)
    english = mission_svg(mission, InterfaceTranslator("en"))
    assert f"{count} puzzles ·" in english and ">T/F</text>" in english
    french = mission_svg(mission)
    assert f"{count} énigmes ·" in french and ">V/F</text>" in french


def test_a_puzzle_after_the_final_one_is_hatched() -> None:
    """Solving the final puzzle ends the mission: a puzzle that waits for it never opens."""
    data = sample_data()
    extra = {**data["puzzles"][1], "id": "apres-la-fin", "requires": [data["goal"]], "rewards": []}
    data["puzzles"].append(extra)
    mission = Mission.model_validate(data)
    root = parse(mission_svg(mission))
    marked = {g.get("data-id") for g in root.iter(f"{NS}g") if "unreachable" in classes(g)}
    assert marked == {"apres-la-fin"}
