"""Wide text spacing (WCAG 2.2, 1.4.12): letters, words and lines set apart by the typesetter,
lines wrapped exactly as measured, and the spacing kept apart in the caches."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from gardiens.core.library import load_library
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage, stage_kiosk
from gardiens.ui.assets import Assets
from gardiens.ui.screens.play import PROMPT, PuzzleScreen
from gardiens.ui.text import Typesetter
from gardiens.ui.theme import SPACINGS, WIDE_LETTERS, WIDE_LINES, WIDE_WORDS, Settings, Spacing

SIZE = 40


@pytest.fixture(autouse=True)
def fonts() -> None:
    pygame.font.init()


TEXT = "Le Brouillard a envahi le fil d'actu de la Cité : aidez Lumi à rallumer le phare !"


def test_wide_spacing_adds_the_wcag_amounts() -> None:
    normal = Typesetter(Assets(), "andika").font(SIZE)
    wide = Typesetter(Assets(), "andika", spacing="wide").font(SIZE)
    letters = round(SIZE * WIDE_LETTERS)
    words = round(SIZE * WIDE_WORDS)
    # Each letter moves on by its width and the letter spacing; a space also by the word spacing.
    assert wide.size("ab")[0] == normal.size("a")[0] + normal.size("b")[0] + 2 * letters
    assert wide.size("a b")[0] - wide.size("ab")[0] == normal.size(" ")[0] + letters + words
    # Lines at least 1.5 times the size apart (Andika's own line height is already a little more);
    # the letters keep their own height.
    assert wide.get_linesize() >= SIZE * WIDE_LINES and wide.get_linesize() >= normal.get_linesize()
    assert Typesetter(Assets(), "opendyslexic", spacing="wide").font(SIZE).get_linesize() >= SIZE * WIDE_LINES
    assert wide.natural_linesize() == normal.get_linesize()


def test_a_spaced_line_is_drawn_as_wide_as_it_is_measured() -> None:
    face = Typesetter(Assets(), "andika", spacing="wide").font(SIZE)
    line = face.render("Énigme résolue !", True, (0, 0, 0))
    assert line.get_width() == face.size("Énigme résolue !")[0]
    assert line.get_bounding_rect().w > 0


def test_wide_lines_wrap_within_their_box_and_hold_fewer_letters() -> None:
    width = 700
    normal = Typesetter(Assets(), "andika").measure(TEXT, SIZE, width)
    wide_typesetter = Typesetter(Assets(), "andika", spacing="wide")
    lines, widest, _height = wide_typesetter.measure(TEXT, SIZE, width)
    face = wide_typesetter.font(SIZE)
    assert widest <= width and all(face.size(line)[0] <= width for line in lines)
    assert " ".join(lines).split() == TEXT.split()
    assert max(map(len, lines)) < max(map(len, normal[0]))


def test_the_spacing_is_part_of_every_cache_key() -> None:
    typesetter = Typesetter(Assets(), "andika", spacing="wide")
    surface = pygame.Surface((800, 400))
    typesetter.block(surface, TEXT, pygame.Rect(0, 0, 800, 400), size=SIZE, color=(0, 0, 0))
    assert typesetter.cache_sizes()["mixed"] > 0
    assert all(key[2] == "wide" for key in typesetter._layouts)
    assert all(key[2] == "wide" for key in typesetter._fits)
    assert all(key[1] == "wide" for key in typesetter._faces)


@pytest.mark.parametrize(("screen", "name"), [("pin", "pin"), ("panel", "facilitator")])
def test_the_facilitators_screens_keep_normal_spacing(launch: Callable[..., Pilot], tmp_path: Path,
                                                       screen: str, name: str) -> None:
    # GIVEN the same kiosk with normal and with wide spacing, on the facilitator's screen
    shown: dict[Spacing, pygame.Surface] = {}
    for spacing in SPACINGS:
        pilot = launch(size=(1280, 800), settings=Settings(spacing=spacing))
        stage_kiosk(pilot, screen, tmp_path / spacing)
        pilot.app.dirty = True
        pilot.advance()
        assert pilot.app.surface is not None and pilot.app.top is not None and pilot.app.top.name == name
        shown[spacing] = pilot.app.surface.copy()
        # THEN the team's own screens keep the spacing they chose
        assert pilot.app.type.spacing == spacing
    # THEN the adults' screen is drawn pixel for pixel as with normal spacing
    assert pygame.image.tobytes(shown["wide"], "RGB") == pygame.image.tobytes(shown["normal"], "RGB")


@pytest.mark.parametrize("spacing", SPACINGS)
def test_a_long_prompt_grows_its_box_rather_than_being_cut(pilots: list[Pilot], spacing: Spacing) -> None:
    # GIVEN a bundled puzzle with a long prompt, on a small screen with wide or normal spacing
    mission, path = load_library()["infox"]
    pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: path.parent}, size=(1280, 800),
                         settings=Settings(spacing=spacing))
    pilots.append(pilot)
    stage(pilot.app, pilot.clock, puzzle="site-bizarre")
    pilot.app.dirty = True
    pilot.advance()
    screen = pilot.app.top
    assert isinstance(screen, PuzzleScreen)
    # THEN the whole prompt is shown, at its floor or above
    prompt = next(fit for fit in pilot.app.type.report if fit.name == "prompt")
    assert prompt.fit and not prompt.cut and prompt.size >= pilot.app.type.floors["reading"]
    # THEN only wide spacing needs a taller box than usual
    usual = pilot.app.metrics.px(PROMPT)
    assert (screen.prompt.h > usual) == (spacing == "wide")


def test_a_long_victory_text_grows_the_bubble_rather_than_being_cut(pilots: list[Pilot]) -> None:
    # GIVEN the bundled mission with the longest victory text, won on a small screen, wide spacing
    mission, path = load_library()["jeux-video"]
    pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: path.parent}, size=(1280, 800),
                         settings=Settings(spacing="wide"))
    pilots.append(pilot)
    stage(pilot.app, pilot.clock, screen="victory")
    pilot.settle()
    pilot.app.dirty = True
    pilot.advance()
    # THEN its whole text is in the bubble, at its floor or above
    said = next(fit for fit in pilot.app.type.report if fit.name == "victory-text")
    assert said.fit and not said.cut and said.size >= pilot.app.type.floors["reading"]
