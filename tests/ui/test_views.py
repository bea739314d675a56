"""One view per puzzle kind: the registry matches the core's puzzle types, every kind is seen."""

from __future__ import annotations

import inspect
from pathlib import Path

from gardiens.core.model import PUZZLE_TYPES
from gardiens.ui.puzzles import VIEWS
from gardiens.ui.puzzles.base import PuzzleView

SNAPSHOTS = Path(__file__).resolve().parents[1] / "snapshots"


def test_every_puzzle_type_has_a_view_and_every_view_a_type() -> None:
    assert set(VIEWS) == set(PUZZLE_TYPES)


def test_every_view_declares_how_an_answer_is_entered() -> None:
    abstract = sorted(kind for kind, view in VIEWS.items()
                      if not issubclass(view, PuzzleView) or inspect.isabstract(view))
    assert abstract == []


def test_every_view_lives_in_the_module_of_its_kind() -> None:
    misplaced = {kind: view.__module__ for kind, view in VIEWS.items()
                 if view.__module__ != f"gardiens.ui.puzzles.{kind}"}
    assert misplaced == {}


def test_every_puzzle_type_has_a_snapshot_in_french_and_english() -> None:
    missing = [f"puzzle-{kind}-{language}.png" for kind in VIEWS for language in ("fr", "en")
               if not (SNAPSHOTS / f"puzzle-{kind}-{language}.png").exists()]
    assert missing == []
