"""The bundled fonts draw French punctuation spacing, guillemets and the pseudo-locale's letters."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gardiens.i18n.format import NARROW_NBSP, NBSP, for_font, typographer
from gardiens.i18n.pseudo import _ACCENTED

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
pygame = pytest.importorskip("pygame")

FONTS = Path(__file__).resolve().parents[2] / "assets" / "fonts"
ANDIKA = ("Andika-Regular.ttf", "Andika-Bold.ttf")
OPEN_DYSLEXIC = ("OpenDyslexic-Regular.otf", "OpenDyslexic-Bold.otf")
PSEUDO_LETTERS = "".join(chr(code) for code in _ACCENTED.values() if isinstance(code, int))


def missing(font_file: str, chars: str) -> set[str]:
    """Characters the font draws with its .notdef box (same metrics as an unassigned code point)."""
    pygame.font.init()
    font = pygame.font.Font(str(FONTS / font_file), 40)
    notdef = font.metrics("\u0378")[0]
    return {c for c, metrics in zip(chars, font.metrics(chars), strict=True) if metrics == notdef}


@pytest.mark.parametrize("font_file", ANDIKA + OPEN_DYSLEXIC)
def test_guillemets_nbsp_and_pseudo_letters_exist(font_file: str) -> None:
    assert missing(font_file, "«»’…" + NBSP + PSEUDO_LETTERS) == set()


@pytest.mark.parametrize("font_file", ANDIKA)
def test_andika_has_the_narrow_no_break_space(font_file: str) -> None:
    assert missing(font_file, NARROW_NBSP) == set()


@pytest.mark.parametrize("font_file", OPEN_DYSLEXIC)
def test_open_dyslexic_lacks_it_and_gets_a_no_break_space(font_file: str) -> None:
    lacks = missing(font_file, NARROW_NBSP)
    assert lacks == {NARROW_NBSP}
    shown = for_font(typographer("Prêts ? « Go » !", "fr"), lacks)
    assert NARROW_NBSP not in shown and shown.count(NBSP) == 4
