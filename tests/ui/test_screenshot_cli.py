"""`gardiens screenshot`: every named screen and a puzzle to a PNG of the asked size, clear refusals."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from gardiens.cli import main
from gardiens.cli.screenshot import SCREEN_NAMES
from gardiens.core.library import scenarios_dir
from gardiens.testing.scenes import CHECK_SCREENS

from .conftest import MISSION_DIR


def colours(path: Path) -> int:
    image = pygame.image.load(str(path))
    small = pygame.transform.scale(image, (64, 40))
    return len({small.get_at((x, y))[:3] for x in range(64) for y in range(40)})


@pytest.mark.parametrize("screen", SCREEN_NAMES)
def test_every_named_screen_is_drawn(screen: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"{screen}.png"
    # The learning check's screens need a mission that has one.
    folder = scenarios_dir() / "infox" if screen in CHECK_SCREENS else MISSION_DIR
    assert main(["screenshot", str(folder), "--screen", screen, "--size", "1280x800",
                 "--lang", "en", "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert pygame.image.load(str(out)).get_size() == (1280, 800)
    assert colours(out) > 20  # a drawn screen, not a blank one


def test_a_puzzle_is_drawn(tmp_path: Path) -> None:
    out = tmp_path / "puzzle.png"
    assert main(["screenshot", str(MISSION_DIR), "--puzzle", "message", "--out", str(out)]) == 0
    assert pygame.image.load(str(out)).get_size() == (1920, 1080)


def test_the_largest_text_draws_larger(tmp_path: Path) -> None:
    """--step 2 is the team's largest text size: the same screen, its words taking more room."""
    inked = []
    for step in ("0", "2"):
        out = tmp_path / f"briefing-{step}.png"
        assert main(["screenshot", str(MISSION_DIR), "--screen", "briefing", "--size", "1280x800",
                     "--step", step, "--out", str(out)]) == 0
        image = pygame.image.load(str(out))
        inked.append(pygame.image.tobytes(image, "RGB"))
    assert inked[0] != inked[1]


def test_an_unknown_puzzle_or_language_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.png"
    assert main(["screenshot", str(MISSION_DIR), "--puzzle", "nope", "--out", str(out)]) == 2
    assert "nope" in capsys.readouterr().err
    assert main(["screenshot", str(MISSION_DIR), "--screen", "map", "--lang", "de", "--out", str(out)]) == 2
    assert not out.exists()
