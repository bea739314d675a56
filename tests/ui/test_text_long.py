"""Texts of any length lay out in work that grows with their length, never with its square:
counted in letters measured (not timed), and a box lays out only the lines it can show."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gardiens.ui.assets import Assets
from gardiens.ui.text import LONG_WORD, Face, Typesetter, _ellipsize
from gardiens.ui.theme import TextSize

BOX = pygame.Rect(0, 0, 900, 300)
SIZE = TextSize(44, "body")


@dataclass
class Measures:
    calls: int = 0
    letters: int = 0


@pytest.fixture
def measures(monkeypatch: pytest.MonkeyPatch) -> Iterator[Measures]:
    """Every measure the typesetter asks of its fonts, counted with the letters measured."""
    pygame.font.init()
    counted = Measures()
    size = Face.size

    def counting(face: Face, text: str) -> tuple[int, int]:
        counted.calls += 1
        counted.letters += len(text)
        return size(face, text)

    monkeypatch.setattr(Face, "size", counting)
    yield counted


def measured(counted: Measures, run: object) -> Measures:
    """The measures taken while `run` (a thunk) ran."""
    before = Measures(counted.calls, counted.letters)
    assert callable(run)
    run()
    return Measures(counted.calls - before.calls, counted.letters - before.letters)


TEXTS = {
    "one word": lambda n: "x" * n,
    "words": lambda n: ("Bravo les Gardiens, le Brouillard est vaincu ! " * n)[:n],
    "emoji": lambda n: ("🦉" * n)[:n],
    "marks": lambda n: "a" + "\u0301" * (n - 1),
}


@pytest.mark.parametrize("kind", TEXTS)
def test_wrapping_ten_times_the_text_takes_about_ten_times_the_measures(measures: Measures, kind: str) -> None:
    # GIVEN a text and the same text ten times as long
    short, long = TEXTS[kind](4_000), TEXTS[kind](40_000)
    # WHEN each is wrapped whole (no box to stop at) by a fresh typesetter
    few = measured(measures, lambda: Typesetter(Assets(), "andika").measure(short, 30, 500))
    many = measured(measures, lambda: Typesetter(Assets(), "andika").measure(long, 30, 500))
    # THEN the measures and the letters measured grow ten times, not a hundred
    assert many.calls <= 10 * few.calls + 50
    assert many.letters <= 10 * few.letters + 5_000


@pytest.mark.parametrize("kind", TEXTS)
def test_a_box_lays_out_only_the_lines_it_shows(measures: Measures, kind: str) -> None:
    # GIVEN a box and texts far longer than it holds
    surface = pygame.Surface((1000, 400))
    draw = [lambda n=n: Typesetter(Assets(), "andika").block(surface, TEXTS[kind](n), BOX, size=SIZE, color=(0, 0, 0))
            for n in (10_000, 1_000_000)]
    # WHEN each is drawn
    small, huge = (measured(measures, thunk) for thunk in draw)
    # THEN a hundred times the text costs no more measures: the lines beyond the box are not set
    assert huge.calls <= small.calls + 10
    assert huge.letters <= small.letters + 2 * LONG_WORD


@pytest.mark.parametrize("kind", TEXTS)
def test_a_million_letters_are_cut_with_an_ellipsis_and_said_not_to_fit(kind: str) -> None:
    # GIVEN a victory text of a million characters, one word or many
    pygame.font.init()
    typesetter = Typesetter(Assets(), "andika")
    surface = pygame.Surface((1000, 400))
    text = TEXTS[kind](1_000_000)
    # WHEN it is drawn in its box
    fit = typesetter.block(surface, text, BOX, size=SIZE, color=(0, 0, 0))
    # THEN it shrank to its smallest size, shows as many lines as the box holds, the last ending
    # in …, and is reported as cut and not fitting
    assert (fit.fit, fit.cut, fit.size) == (False, "ellipsised", typesetter.smallest(SIZE))
    font = typesetter.font(fit.size)
    assert fit.lines == (BOX.h - round(font.get_linesize() * 0.8)) // font.get_linesize() + 1
    assert typesetter.report[-1] is fit and fit.text == typesetter.shape(text)
    # and no word longer than a line is kept among the measured words
    assert all(len(word) <= LONG_WORD for _face, word in typesetter._word_widths)


@pytest.mark.parametrize("kind", TEXTS)
def test_the_lines_drawn_are_the_first_lines_of_the_whole_wrapping(kind: str) -> None:
    # GIVEN a text too long for its box
    pygame.font.init()
    text = TEXTS[kind](30_000)
    typesetter = Typesetter(Assets(), "andika")
    # WHEN the box sets it (stopping at the lines it shows) and it is wrapped whole at that size
    used, lines, fits = typesetter.fit_size(text, SIZE, BOX)
    whole = Typesetter(Assets(), "andika").wrap(text, used, BOX.w)
    # THEN the lines the box laid out are the first of the whole wrapping, and one more
    assert not fits
    assert len(lines) < len(whole) and lines == whole[:len(lines)]


def plain_ellipsis(font: Face, line: str, width: int) -> str:
    while line and font.size(line + "…")[0] > width:
        line = line[:-1]
    return line + "…"


@settings(max_examples=150, deadline=None)
@given(line=st.text(alphabet="Lumi le Brouillard àéWi!«»🦉", max_size=60),
       width=st.integers(min_value=0, max_value=700))
def test_the_ellipsis_keeps_the_longest_start_that_fits(line: str, width: int) -> None:
    pygame.font.init()
    font = Typesetter(Assets(), "andika").font(30)
    assert _ellipsize(font, line, width) == plain_ellipsis(font, line, width)
