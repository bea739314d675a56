"""The typesetter's line breaking: few measures, the same lines as adding words one by one."""

from __future__ import annotations

import os

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gardiens.ui.assets import Assets
from gardiens.ui.text import Typesetter, _height, _room, shrink_sizes
from gardiens.ui.theme import Metrics, Settings, TextSize

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")


def greedy(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Word wrap by measuring every candidate line, the plain way (a word too wide is cut after
    as many letters as fit, counted one by one)."""
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
                cut = 1
                while cut < len(line) and font.size(line[:cut + 1])[0] <= width:
                    cut += 1
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
    # Never below the smallest size allowed (here the reading floor), even when nothing fits.
    smallest, _heights = typesetter.stacked(texts, 400, 10, 36, 20)
    assert smallest == max(typesetter.floors["reading"], round(36 * typesetter.min_scale)) == 28


def test_no_text_is_set_under_its_floor_it_is_reported_as_not_fitting() -> None:
    # GIVEN the floors of a 1280×800 window (21 px reading, 18 px label) and a tight box
    pygame.font.init()
    typesetter = Typesetter(Assets(), "andika", floors=Metrics((1280, 800), Settings()).floors)
    surface = pygame.Surface((1280, 800))
    text = "Un message bien trop long pour la petite bulle qu'on lui donne sur cet écran."
    box = pygame.Rect(0, 0, 300, 60)
    # WHEN it is drawn as reading text and as a label, and a number is asked for at 12 px
    reading = typesetter.block(surface, text, box, size=TextSize(24, "body"), color=(0, 0, 0))
    label = typesetter.block(surface, text, box, size=TextSize(27, "button"), color=(0, 0, 0))
    typesetter.line(surface, "42", (0, 100), size=12, color=(0, 0, 0))
    # THEN it stops shrinking at each floor, is cut and says it did not fit
    assert (reading.size, reading.fit, reading.cut) == (21, False, "ellipsised")
    assert (label.size, label.fit, label.kind) == (19, False, "label")  # 72 % of 27 is above 18
    assert typesetter.report[-1].size == 18


def test_theme_sizes_never_fall_under_the_floors_scaled_by_height() -> None:
    # At 1280×800 the layout scales by the width (2/3) but the floors by the height (800/1080).
    metrics = Metrics((1280, 800), Settings())
    assert metrics.floors == {"reading": 21, "label": 18}
    assert metrics.text("small") == 21 and metrics.text("body") == 24
    assert Metrics((1920, 1080), Settings()).text("small") == 30


def test_a_moved_text_keeps_every_field_but_its_place() -> None:
    from dataclasses import fields

    from gardiens.ui.text import TextFit

    values = {}
    for number, field in enumerate(fields(TextFit)):
        if field.name in ("box", "ink"):
            values[field.name] = (10, 20, 30, 40)
        elif field.type in ("str",) or field.name in ("name", "text", "untranslated", "source", "said"):
            values[field.name] = f"value-{number}"
        elif field.name == "line_texts":
            values[field.name] = ("a", "b")
        elif field.name in ("fit",):
            values[field.name] = False
        elif field.name == "kind":
            values[field.name] = "label"
        elif field.name == "cut":
            values[field.name] = "clipped"
        else:
            values[field.name] = 100 + number
    fit = TextFit(**values)
    moved = fit.moved(5, 7)
    assert moved.box == (15, 27, 30, 40) and moved.ink == (15, 27, 30, 40)
    for field in fields(TextFit):
        if field.name not in ("box", "ink"):
            assert getattr(moved, field.name) == getattr(fit, field.name), field.name


def first_fitting(typesetter: Typesetter, text: str, size: int, box: pygame.Rect, bold: bool,
                  max_lines: int) -> tuple[int, list[str], bool]:
    """Shrink to fit the plain way: each size of the steps in turn, the first that fits."""
    sizes = shrink_sizes(typesetter.floored(size), typesetter.smallest(size))
    for current in sizes:
        face = typesetter.font(current, bold)
        lines = typesetter.wrap(text, current, box.w, bold)
        room = _room(face, box.h, max_lines)
        fits = (max(face.size(line)[0] for line in lines) <= box.w and _height(face, len(lines)) <= box.h
                and (not max_lines or len(lines) <= max_lines))
        if fits or current == sizes[-1]:
            return current, lines[:room + 1], fits
    raise AssertionError("no size tried")


@pytest.fixture(scope="module", params=["normal", "wide"])
def spaced(request: pytest.FixtureRequest) -> Typesetter:
    pygame.font.init()
    return Typesetter(Assets(), "andika", spacing=request.param)


@settings(max_examples=150, deadline=None)
@given(words=st.lists(WORDS, max_size=40), width=st.integers(min_value=40, max_value=1100),
       height=st.integers(min_value=30, max_value=600), size=st.sampled_from([28, 46, 70, 140]),
       bold=st.booleans(), max_lines=st.sampled_from([0, 1, 2, 4]))
def test_shrink_to_fit_finds_the_size_trying_each_would(
    spaced: Typesetter, words: list[str], width: int, height: int, size: int, bold: bool, max_lines: int
) -> None:
    text = " ".join(words)
    box = pygame.Rect(0, 0, width, height)
    used, lines, fits = spaced.fit_size(text, size, box, bold, max_lines)
    wanted, shown, fitting = first_fitting(spaced, text, size, box, bold, max_lines)
    # Lines past those the box shows (and one more) may be laid out or not, as the layouts
    # kept say: the box never shows them.
    assert (used, lines[:len(shown)], fits) == (wanted, shown, fitting)


def test_a_title_that_must_shrink_is_measured_at_two_sizes(monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN the attract screen's title, too large for its box at 1080p: trying each size in
    # turn measures it at 140, 128, 117 and 107 px (a new face each)
    pygame.font.init()
    typesetter = Typesetter(Assets(), "andika")
    text, box = "Les Gardiens du numérique", pygame.Rect(0, 0, 1100, 330)
    measured: list[int] = []
    real = typesetter._measured

    def counted(text: str, size: int, width: int, bold: bool, limit: int = 0) -> tuple[list[str], int, int]:
        measured.append(size)
        return real(text, size, width, bold, limit)

    monkeypatch.setattr(typesetter, "_measured", counted)
    # WHEN it is fitted
    used, lines, fits = typesetter.fit_size(text, 140, box, bold=True)
    # THEN it is measured where it starts and where it fits only, at the size trying each finds
    assert fits and len(lines) == 2
    assert shrink_sizes(140, typesetter.smallest(140)).index(used) == 3
    assert measured == [140, used]
