"""Puzzles where the team taps elements (hotspots, hidden ads) count the team's own picks."""

from __future__ import annotations

from gardiens.core.checkers import Picks, check
from gardiens.core.model import Hotspots


def six_zones() -> Hotspots:
    """Four zones to find and two to leave alone."""
    regions = [
        {"id": f"z{i}", "label": f"zone {i}", "x": 0.1 * i, "y": 0.1, "w": 0.08, "h": 0.08, "correct": i < 4}
        for i in range(6)
    ]
    return Hotspots.model_validate(
        {
            "id": "zones",
            "type": "hotspots",
            "title": "t",
            "prompt": "p",
            "hints": ["h"],
            "feedback": {"right": "r", "wrong": "w"},
            "image": "photo.png",
            "regions": regions,
        }
    )


def test_three_right_zones_and_one_wrong_are_three_of_four_picks() -> None:
    verdict = check(six_zones(), ["z0", "z1", "z2", "z5"], {})
    assert not verdict.correct
    assert verdict.picks == Picks(right=3, made=4, missed=1)


def test_right_picks_with_some_missing_are_all_right_and_one_missed() -> None:
    verdict = check(six_zones(), ["z0", "z1", "z2"], {})
    assert not verdict.correct
    assert verdict.picks == Picks(right=3, made=3, missed=1)


def test_only_wrong_picks() -> None:
    assert check(six_zones(), ["z4"], {}).picks == Picks(right=0, made=1, missed=4)


def test_the_right_answer_counts_every_pick_right() -> None:
    verdict = check(six_zones(), ["z3", "z2", "z1", "z0"], {})
    assert verdict.correct
    assert verdict.picks == Picks(right=4, made=4, missed=0)
