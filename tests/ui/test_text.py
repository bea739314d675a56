"""The typesetter's line breaking: few measures, the same lines as adding words one by one."""

from __future__ import annotations

import os

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gardiens.ui.assets import Assets
from gardiens.ui.text import Typesetter, _longest_prefix

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")


def greedy(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Word wrap by measuring every candidate line, the plain way."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if font.size(candidate)[0] <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = word
            while font.size(line)[0] > width and len(line) > 1:
                cut = _longest_prefix(font, line, width)
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
    return lines


@pytest.fixture(scope="module")
def typesetter() -> Typesetter:
    pygame.font.init()
    return Typesetter(Assets(), "andika")


WORDS = st.sampled_from([
    "Lumi", "le", "Brouillard", "à", "l'écran", "anticonstitutionnellement", "!", "«", "»",
    "", "WWWWWWWWWWWWWWWWWWWWWWW", "3018", "données", "é", "iiiiiiii", "x\ny", "ça",
])


@settings(max_examples=300, deadline=None)
@given(words=st.lists(WORDS, max_size=40), width=st.integers(min_value=8, max_value=900),
       size=st.sampled_from([18, 30, 44]), bold=st.booleans())
def test_lines_are_those_of_plain_greedy_wrapping(
    typesetter: Typesetter, words: list[str], width: int, size: int, bold: bool
) -> None:
    text = " ".join(words)
    font = typesetter.font(size, bold)
    assert typesetter.wrap(text, size, width, bold) == greedy(font, text, width)


def test_measures_are_kept(typesetter: Typesetter) -> None:
    text = "Un texte assez long pour tenir sur plusieurs lignes dans une boîte étroite."
    box = pygame.Rect(0, 0, 300, 400)
    first = typesetter.fit_size(text, 40, box)
    assert typesetter.fit_size(text, 40, box) is first
    lines, widest, _height = typesetter.measure(text, 40, 300)
    assert len(lines) > 1 and widest <= 300


def test_stacked_texts_take_the_largest_size_at_which_the_column_holds_them(typesetter: Typesetter) -> None:
    texts = ["Appelle le 3018 : gratuit, anonyme et confidentiel.", "Parles-en à un adulte de confiance."]
    roomy_size, roomy = typesetter.stacked(texts, 400, 1000, 36, 20)
    assert roomy_size == 36
    assert roomy == [typesetter.measure(t, 36, 400)[2] for t in texts]
    tight = sum(roomy) + 20 - 30
    size, heights = typesetter.stacked(texts, 400, tight, 36, 20)
    assert size < 36 and sum(heights) + 20 <= tight
    # Never below the smallest size allowed, even when nothing fits.
    smallest, _heights = typesetter.stacked(texts, 400, 10, 36, 20)
    assert smallest == max(8, round(36 * typesetter.min_scale))
