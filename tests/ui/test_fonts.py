"""Every text font draws French whole: accents over their letters, thin spaces thin, composed
letters whatever the source's normal form; a snapshot per font shows it."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from typing import get_args

import pygame
import pytest

from gardiens.testing.pilot import Pilot
from gardiens.ui.accents import ADRIFT, CHECK_SIZE, FRENCH_ACCENTED, Adrift, _parts, adrift
from gardiens.ui.assets import Assets
from gardiens.ui.text import Typesetter
from gardiens.ui.theme import FontChoice
from tests.ui.test_snapshots import check_snapshot

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
INK = (20, 20, 20)
FONTS = get_args(FontChoice)
FRENCH = ("« Été, début, çà et là, œuvre : île ! »", "À Noël, où êtes-vous ? Ça déçoit : l'alphabet…",
          "ÉÈÊËÀÂÎÏÔÙÛÜŸÇŒÆ éèêëàâîïôùûüÿçœæ")


@pytest.fixture(scope="module")
def assets() -> Assets:
    pygame.font.init()
    return Assets()


def accent_gap(surface: pygame.Surface) -> float:
    """How far above its letter an accent stands, as a share of the letter's height (0 if it
    touches it)."""
    parts = _parts(surface)
    if parts is None:
        return 0.0
    accent, letter = parts
    return (letter.top - accent.bottom) / letter.h


def test_the_check_finds_the_adrift_accents_of_opendyslexic_and_none_in_andika(assets: Assets) -> None:
    assert {"é", "è", "à", "ù", "É"} <= adrift(assets.font("opendyslexic", CHECK_SIZE))
    assert not adrift(assets.font("andika", CHECK_SIZE))
    assert not adrift(assets.font("andika", CHECK_SIZE, bold=True))


def test_the_typesetter_checks_a_letter_only_when_a_text_holds_it(assets: Assets) -> None:
    opened: list[pygame.font.Font] = []

    def font() -> pygame.font.Font:
        opened.append(assets.font("opendyslexic", CHECK_SIZE))
        return opened[-1]

    letters = Adrift(font)
    # GIVEN texts without accented letters THEN no letter is checked, the font is not even opened
    assert not any(char in letters for char in "Touchez l'ecran pour commencer !")
    assert not opened
    # GIVEN « é » THEN only it is checked, once, and found as the whole check finds it
    assert "é" in letters
    assert "é" in letters
    assert len(opened) == 1
    assert {char for char in FRENCH_ACCENTED if char in letters} == adrift(assets.font("opendyslexic", CHECK_SIZE))
    assert len(opened) == len(FRENCH_ACCENTED)


@pytest.mark.parametrize("bold", [False, True])
@pytest.mark.parametrize("family", FONTS)
def test_every_accent_stands_over_its_letter(assets: Assets, family: FontChoice, bold: bool) -> None:
    face = Typesetter(assets, family).font(CHECK_SIZE, bold)
    for letter in "éèàùÉÈÀÙêâîôû":
        drawn = face.render(letter, True, INK)
        assert accent_gap(drawn) <= ADRIFT, (family, bold, letter)


def test_opendyslexic_draws_the_narrow_no_break_space_narrow(assets: Assets) -> None:
    typesetter = Typesetter(assets, "opendyslexic")
    face = typesetter.font(48)
    shaped = typesetter.shape("l'alphabet :")
    assert "\u202f" in shaped
    # GIVEN OpenDyslexic, whose own no-break space is twice its word space
    # THEN the space before the colon is narrower than a word space, not wider
    gap = face.size(shaped)[0] - face.size("l'alphabet:")[0]
    assert 0 < gap < face.size(" ")[0]


@pytest.mark.parametrize("family", FONTS)
def test_decomposed_text_is_drawn_as_composed(assets: Assets, family: FontChoice) -> None:
    typesetter = Typesetter(assets, family)
    decomposed = unicodedata.normalize("NFD", "début, Été")
    assert typesetter.shape(decomposed) == typesetter.shape("début, Été")


@pytest.mark.parametrize("family", FONTS)
def test_each_font_draws_french_as_its_reference(launch: Callable[..., Pilot], assets: Assets,
                                                 family: FontChoice) -> None:
    launch()  # the comparison needs the display a kiosk has
    typesetter = Typesetter(assets, family)
    surface = pygame.Surface((1400, 420))
    surface.fill((255, 252, 245))
    for row, text in enumerate(FRENCH):
        typesetter.line(surface, text, (20, 20 + 130 * row), size=48, color=INK, anchor="topleft")
        typesetter.line(surface, text, (20, 80 + 130 * row), size=40, color=INK, bold=True, anchor="topleft")
    check_snapshot(f"fonts-{family}", surface)
