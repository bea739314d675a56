"""The bundled infox mission: valid, its pictures present, its hotspots on the picture."""

from __future__ import annotations

from pathlib import Path

import yaml

from gardiens.core.model import Hotspots, Mission, Rebuild

# The puzzle types built for a theme (a feed to triage, a chat to react in…), as opposed to the
# generic ones (code, choice, true_false, order, categorise, hotspots, text, cipher).
THEMED_TYPES = frozenset({"feed", "chat", "settings", "password", "cookies", "pegi", "ads"})

FOLDER = Path(__file__).resolve().parents[2] / "scenarios" / "infox"


def load() -> Mission:
    return Mission.model_validate(yaml.safe_load((FOLDER / "scenario.yaml").read_text("utf-8")))


def test_validates_and_has_the_shape_of_a_mission() -> None:
    mission = load()
    assert mission.id == "infox" and mission.language == "fr" and mission.translations == ["en"]
    types = {p.type for p in mission.puzzles}
    assert 5 <= len(mission.puzzles) <= 8
    assert len(types) >= 4
    assert len(types & THEMED_TYPES) >= 2, types
    goal = mission.puzzle(mission.goal)
    assert goal.type == "rebuild"


def test_every_image_exists_in_the_mission_folder() -> None:
    mission = load()
    images = {mission.cover} | {p.image for p in mission.puzzles}
    images.discard(None)
    assert images
    for image in images:
        assert image is not None and (FOLDER / image).is_file(), image


def test_hotspot_regions_lie_inside_the_picture() -> None:
    for puzzle in load().puzzles:
        if isinstance(puzzle, Hotspots):
            for region in puzzle.regions:
                assert region.x >= 0 and region.x + region.w <= 1, region.id
                assert region.y >= 0 and region.y + region.h <= 1, region.id
            assert any(region.correct for region in puzzle.regions)


def test_goal_rebuilds_the_key_message_from_earned_fragments_and_is_reachable() -> None:
    mission = load()
    goal = mission.puzzle(mission.goal)
    assert isinstance(goal, Rebuild)
    labels = {r.id: r.label for p in mission.puzzles for r in p.rewards}
    message = " ".join(str(labels[r]) for r in goal.order)
    assert message == "Avant de partager, je vérifie qui a publié et quand."
    # Fix-point over prerequisites: every puzzle opens eventually.
    solved: set[str] = set()
    while True:
        ready = {p.id for p in mission.puzzles if set(p.requires) <= solved} - solved
        if not ready:
            break
        solved |= ready
    assert solved == {p.id for p in mission.puzzles}
    opened_by_first = [p.id for p in mission.puzzles if p.requires == ["message-lumi"]]
    assert len(opened_by_first) >= 3
