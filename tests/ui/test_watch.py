"""The author's live preview: a saved mission reloads in place, errors show on screen, shortcuts work."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from gardiens.core.loader import load_mission
from gardiens.core.session import Lifecycle, PuzzleState
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.preview.errors import DISMISS, REOPEN
from gardiens.ui.preview.layer import Preview, preview_for

SOURCE = Path(__file__).parent / "essai-ui"
OLD_PROMPT = "Une vidéo choc arrive sur ton téléphone. Que fais-tu d'abord ?"
NEW_PROMPT = "Une vidéo incroyable arrive sur ton téléphone. Que fais-tu en premier ?"
# Enough frames (1/60 s each) for the watcher to scan, see the change and wait for quiet.
SETTLE_FRAMES = 50


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "essai-ui"
    shutil.copytree(SOURCE, target)
    return target


@pytest.fixture
def previewed(folder: Path) -> Iterator[tuple[Pilot, Preview]]:
    result = load_mission(folder / "scenario.yaml")
    assert result.mission is not None
    mission = result.mission
    pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: folder})
    preview = preview_for(pilot.app, folder, mission)
    yield pilot, preview
    pilot.close()


def save(folder: Path, text: str, *, stamp: int) -> None:
    """Write the mission as an editor would, with a modification time of our choosing."""
    file = folder / "scenario.yaml"
    file.write_text(text, encoding="utf-8")
    # Whole seconds apart: a save is seen even on file systems with a coarse clock.
    os.utime(file, ns=(stamp * 1_000_000_000, stamp * 1_000_000_000))


def texts(pilot: Pilot, name: str) -> list[str]:
    """The texts drawn under `name`, with French typography's no-break spaces made plain."""
    return [
        fit.text.replace("\u202f", " ").replace("\u00a0", " ")
        for fit in pilot.fits()
        if fit.name == name
    ]


def done(pilot: Pilot) -> set[str]:
    finished = (PuzzleState.SOLVED, PuzzleState.SKIPPED)
    return {pid for pid, g in pilot.app.state.puzzles.items() if g.state in finished}


def test_a_valid_save_shows_at_once_and_keeps_progress(
    previewed: tuple[Pilot, Preview], folder: Path
) -> None:
    # GIVEN a team that solved two puzzles and has the third one open
    pilot, preview = previewed
    stage(pilot.app, pilot.clock, puzzle="choix")
    solved = done(pilot)
    assert solved and pilot.screen == "puzzle:choix"
    assert any(OLD_PROMPT in t for t in texts(pilot, "prompt"))
    session = pilot.app.session
    # WHEN the author rewords the prompt and saves
    original = (folder / "scenario.yaml").read_text(encoding="utf-8")
    save(folder, original.replace(OLD_PROMPT, NEW_PROMPT), stamp=2_000_000_000)
    pilot.advance(SETTLE_FRAMES)
    # THEN the new wording is on screen, in the same game, with the same progress
    assert preview.reloads == 1
    assert pilot.app.session is not session
    assert pilot.screen == "puzzle:choix"
    assert any(NEW_PROMPT in t for t in texts(pilot, "prompt"))
    assert done(pilot) == solved
    assert pilot.app.state.lifecycle is Lifecycle.PLAYING


def test_a_broken_save_keeps_the_last_good_version_and_lists_the_errors(
    previewed: tuple[Pilot, Preview], folder: Path
) -> None:
    pilot, preview = previewed
    stage(pilot.app, pilot.clock, screen="map")
    solved = done(pilot)
    original = (folder / "scenario.yaml").read_text(encoding="utf-8")
    # WHEN a key is misspelt
    save(
        folder,
        original.replace('    prompt: "Une vidéo', '    promt: "Une vidéo'),
        stamp=2_000_000_000,
    )
    pilot.advance(SETTLE_FRAMES)
    # THEN the game goes on with the last good mission, and the located error is on screen
    assert preview.reloads == 0
    assert pilot.app.mission is not None
    assert pilot.app.mission.puzzle("choix").prompt == OLD_PROMPT
    assert done(pilot) == solved
    assert pilot.has(DISMISS)
    errors = texts(pilot, "preview-error")
    assert errors and any("scenario.yaml:" in e and "GDN" in e and "promt" in e for e in errors), (
        errors
    )
    assert all(f.fit for f in pilot.fits() if f.name.startswith("preview")), pilot.fits()
    # The author can put the panel aside and bring it back.
    pilot.tap(DISMISS)
    assert not pilot.has(DISMISS) and pilot.has(REOPEN)
    pilot.tap(REOPEN)
    assert pilot.has(DISMISS)
    # WHEN the file is fixed THEN the panel goes away and the mission reloads
    save(folder, original.replace(OLD_PROMPT, NEW_PROMPT), stamp=2_000_000_010)
    pilot.advance(SETTLE_FRAMES)
    assert not pilot.has(DISMISS) and not pilot.has(REOPEN)
    assert not texts(pilot, "preview-error")
    assert preview.reloads == 1
    assert pilot.app.mission is not None
    assert pilot.app.mission.puzzle("choix").prompt == NEW_PROMPT
    assert done(pilot) == solved


def test_author_shortcuts_jump_solve_and_switch_age_and_language(
    previewed: tuple[Pilot, Preview],
) -> None:
    pilot, _preview = previewed
    # F2 from the attract screen: the list of puzzles; a locked one opens, the game started for it.
    pilot.press("f2")
    assert pilot.screen == "preview-jump"
    pilot.tap("jump:boites")
    assert pilot.screen == "puzzle:boites"
    assert pilot.app.state.lifecycle is Lifecycle.PLAYING
    # F3 solves the open puzzle through the core, as the facilitator's "skip".
    pilot.press("f3")
    assert pilot.app.state.puzzles["boites"].state is PuzzleState.SKIPPED
    assert pilot.screen == "map"
    before = done(pilot)
    # F4 replays the game in the other age band; progress stays.
    age = pilot.app.state.age
    pilot.press("f4")
    assert pilot.app.state.age != age
    assert done(pilot) == before
    # F5 switches the displayed language live, the session keeps the one chosen in setup.
    pilot.press("f5")
    assert pilot.app.language == "en" and pilot.app.state.language == "fr"
    assert any(t == "What you found" for t in texts(pilot, "rewards-title"))


def test_no_author_shortcut_outside_the_preview(launch: object) -> None:
    pilot: Pilot = launch()  # type: ignore[operator]
    stage(pilot.app, pilot.clock, screen="map")
    for key in ("f2", "f3", "f4", "f5"):
        pilot.press(key)
    assert pilot.screen == "map"
    assert pilot.app.language == "fr"
