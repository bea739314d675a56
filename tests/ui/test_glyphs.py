"""Characters the reading font lacks are drawn by the bundled fallback fonts, not lost."""

from __future__ import annotations

import os

import pygame
import pytest

from gardiens.paths import assets_dir
from gardiens.ui.assets import Assets
from gardiens.ui.text import FALLBACK_FILE, Typesetter

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
INK = (20, 20, 20)


@pytest.fixture(scope="module")
def assets() -> Assets:
    pygame.font.init()
    return Assets()


def same_pixels(a: pygame.Surface, b: pygame.Surface) -> bool:
    return a.get_size() == b.get_size() and all(
        a.get_at((x, y)).a == b.get_at((x, y)).a for x in range(a.get_width()) for y in range(a.get_height()))


def test_an_emoji_is_measured_and_drawn_with_the_fallback_font(assets: Assets) -> None:
    face = Typesetter(assets, "andika").font(40)
    emoji = pygame.font.Font(assets_dir() / "fonts" / FALLBACK_FILE, 40)
    # GIVEN a line whose emoji the reading font lacks
    assert face.lacks("Bravo 😀")
    assert [run for _, run in face.runs("Bravo 😀 !")] == ["Bravo ", "😀", " !"]
    # THEN it is as wide as its parts, and the emoji is the fallback's glyph, not a missing-glyph box
    assert face.size("Bravo 😀")[0] == face.main.size("Bravo ")[0] + emoji.size("😀")[0]
    drawn = face.render("😀", True, INK)
    glyph = emoji.render("😀", True, INK)
    assert drawn.get_bounding_rect().size == glyph.get_bounding_rect().size
    assert not same_pixels(drawn, face.main.render("😀", True, INK))


def test_text_the_reading_font_has_is_drawn_as_before(assets: Assets) -> None:
    face = Typesetter(assets, "andika").font(32)
    assert not face.lacks("Élève, « ça » : 3018 !")
    assert same_pixels(face.render("Élève : ça", True, INK), assets.font("andika", 32).render("Élève : ça", True, INK))


def test_opendyslexic_borrows_from_andika_what_it_lacks(assets: Assets) -> None:
    face = Typesetter(assets, "opendyslexic").font(32)
    assert face.lacks("Ω")
    drawn, andika = face.render("Ω", True, INK), assets.font("andika", 32).render("Ω", True, INK)
    assert drawn.get_bounding_rect().size == andika.get_bounding_rect().size


def test_a_character_no_font_has_stays_with_the_reading_font(assets: Assets) -> None:
    face = Typesetter(assets, "andika").font(32)
    assert not face.lacks("שלום")


def test_a_block_with_an_emoji_reports_its_ink(assets: Assets) -> None:
    typesetter = Typesetter(assets, "andika")
    surface = pygame.Surface((800, 200), pygame.SRCALPHA)
    fit = typesetter.block(surface, "Trop drôle 😂😂", pygame.Rect(0, 0, 800, 200), size=40, color=INK)
    assert fit.fit and not fit.cut
    assert fit.ink[2] > typesetter.font(40).main.size("Trop drôle")[0]
