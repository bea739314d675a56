"""Whether a mission's texts fit their places on the kiosk at the text floors (GDN409): measured
with the kiosk's font in the tightest window (1280×800), where the floors weigh most.

The places are those the puzzle views lay out, in design units (pixels at 1920 wide), for the
number of items the puzzle has; each is described next to the view it follows.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

# Measuring needs pygame's fonts, not its greeting on the author's terminal.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame

from gardiens.core.diagnostics import Diagnostic, Reporter, SourceMap, YamlPath
from gardiens.core.model import (
    Ads,
    Categorise,
    Feed,
    Mission,
    MultipleChoice,
    Puzzle,
    Settings,
    Text,
    TrueFalse,
)
from gardiens.i18n.format import typographer
from gardiens.paths import assets_dir

# The window where the floors weigh most against the layout: laid out by its width (2/3 of the
# 1920 design), read by its height (the floors × 800/1080).
WINDOW = (1280, 800)
DESIGN_WIDTH = 1920
FLOORS_AT_1080 = {"reading": 28, "label": 24}
# The design canvas in that window: 1920 units wide, as tall as the window's proportions make it.
SCALE = WINDOW[0] / DESIGN_WIDTH
CANVAS_HEIGHT = round(WINDOW[1] / SCALE)
# A block of n lines is (n - 1) line spacings and the ink of the last (ui/text.py `_height`).
INK_SHARE = 0.8

# The puzzle screen (ui/screens/play.py, PuzzleScreen.layout): the view's area lies under the
# top bar and the prompt, above the footer, 60 units in from each side; a puzzle's picture, when
# the view shows it beside, takes 2/5 of that width and a gap of 40.
TOP_BAR = 130
PROMPT = 4 + 136 + 16
FOOTER = 160
AREA_WIDTH = DESIGN_WIDTH - 120
AREA_HEIGHT = CANVAS_HEIGHT - TOP_BAR - PROMPT - FOOTER
AREA_BESIDE_PICTURE = AREA_WIDTH - AREA_WIDTH * 2 // 5 - 40


@dataclass(frozen=True)
class Place:
    """Where a text is shown: its width in design units (at 1920 wide), the lines it holds (or,
    when `height` is given, as many as that many design units hold), and whether it is reading
    text or a label (each has its floor)."""

    name: str
    width: int
    lines: int = 0
    kind: Literal["reading", "label"] = "reading"
    bold: bool = False
    height: int = 0


# Lists that do not fit their area are paged (ui/puzzles/base.py `pager`, social.py's « Suite »): an
# item then has at most the area less the row of page buttons (a touch target and a gap).
PAGER_ROW = 96 + 16
# A card to sort (ui/puzzles/categorise.py): cards are grid cells as tall as their text, paged past
# what the area holds, and a card too tall for any grid is alone on its page, as wide as the tray
# (its text 2 × 20 narrower), above the boxes (about 200 with their gap) and the page buttons.
CARD = Place("card", AREA_WIDTH - 2 * 20, height=AREA_HEIGHT - 200 - PAGER_ROW)
# A puzzle's title on the plate under its spot in the scene (ui/screens/play.py, PuzzleSpot; sizes
# in ui/screens/scene.py): two lines at most in the widest plate (340, 10 in from each side).
TILE_TITLE = Place("title", 340 - 2 * 10, 2, kind="label", bold=True)


class Measure:
    """The kiosk's regular and bold fonts at the floors of WINDOW."""

    def __init__(self, fonts: Path | None = None) -> None:
        pygame.font.init()
        folder = fonts or assets_dir() / "fonts"
        self._fonts = {bold: {kind: pygame.font.Font(folder / name, _floor(pixels))
                              for kind, pixels in FLOORS_AT_1080.items()}
                       for bold, name in ((False, "Andika-Regular.ttf"), (True, "Andika-Bold.ttf"))}

    def lines(self, text: str, place: Place) -> int:
        """How many lines `text` takes in `place` at its floor (greedy word wrap)."""
        font = self._fonts[place.bold][place.kind]
        width = _px(place.width)
        count = 0
        for paragraph in text.split("\n"):
            count += 1
            line = ""
            for word in paragraph.split(" "):
                candidate = f"{line} {word}" if line else word
                if line and font.size(candidate)[0] > width:
                    count += 1
                    line = word
                else:
                    line = candidate
                while font.size(line)[0] > width and len(line) > 1:
                    count += 1
                    line = line[len(line) // 2:]
        return count

    def room(self, place: Place) -> int:
        """The lines `place` holds at its floor."""
        if not place.height:
            return place.lines
        spacing = self._fonts[place.bold][place.kind].get_linesize()
        height = _px(place.height)
        if height < round(spacing * INK_SHARE):
            return 0
        return 1 + int((height - round(spacing * INK_SHARE)) // spacing)


def _floor(pixels: int) -> int:
    return round(pixels * WINDOW[1] / 1080)


def _px(units: int) -> int:
    return round(units * SCALE)


def _texts(text: Text | None, path: YamlPath) -> Iterator[tuple[str, YamlPath]]:
    if text is None:
        return
    if isinstance(text, str):
        yield text, path
    else:
        for band, value in text.items():
            yield value, (*path, band)


def _listed(values: list[Text], at: YamlPath, field: str, place: Place) -> Iterator[tuple[str, YamlPath, Place]]:
    """The texts of a list's elements (`field` of each element of the list at `at`), all in `place`."""
    for j, value in enumerate(values):
        for text, path in _texts(value, (*at, j, field)):
            yield text, path, place


def _area_width(puzzle: Puzzle) -> int:
    return AREA_BESIDE_PICTURE if puzzle.image else AREA_WIDTH


def choice_label(puzzle: MultipleChoice) -> Place:
    """An answer of a choice (ui/puzzles/choice.py): when the answers do not fit two columns, they
    are full-width rows as tall as their text, paged; one row alone on its page has the area less
    the page buttons. Its bold label sits beside a 56-unit mark, 18 in, 8 from top and bottom."""
    return Place("choice", _area_width(puzzle) - 2 * 18 - 56 - 18, bold=True,
                 height=AREA_HEIGHT - PAGER_ROW - 2 * 8)


def statement(puzzle: TrueFalse) -> Place:
    """A true/false statement (ui/puzzles/true_false.py): on pages, one card as tall as the page
    less its buttons' row (110) and a gap (18); the text beside the two answer buttons (2 × 230
    + 46) with 40 of margins, 28 less tall than its card."""
    return Place("statement", _area_width(puzzle) - (2 * 230 + 46) - 40, height=AREA_HEIGHT - 110 - 18 - 28)


# A setting's card (ui/puzzles/settings.py) when the settings do not fit two columns: a full-width
# row of the phone (36 in), its name in the first third, its options across the rest; a row alone on
# its page has the phone's screen (less its bar, 86, and 28) less the page buttons.
SETTING_ROW_WIDTH = AREA_WIDTH - 36
SETTING_ROW_HEIGHT = AREA_HEIGHT - 86 - 28 - PAGER_ROW


def setting_label(puzzle: Settings) -> Place:
    """A setting's name: bold, wrapped in the first third of its row, 20 in from each side."""
    return Place("setting", SETTING_ROW_WIDTH // 3 - 40, bold=True, height=SETTING_ROW_HEIGHT)


def setting_option(puzzle: Settings, options: int) -> Place:
    """An option of a setting: an equal part of the rest of the row (28 narrower), less 8 around and
    58 + 10 for its mark, in bold once chosen, wrapped as tall as the row."""
    segment = (SETTING_ROW_WIDTH - SETTING_ROW_WIDTH // 3 - 28) // options
    return Place("option", segment - 8 - 68, bold=True, height=SETTING_ROW_HEIGHT - 8 - 8)


def _post_text(width: int, height: int, *, image: bool, label: bool) -> Place:
    """The text of a social post (ui/puzzles/social.py `paint_post`) on a card width × height:
    inside 16 and 12 of padding, under the author's line (76), above its label's tag (about 50
    with its gap), left of its picture (a third of the card, and 14)."""
    inner_w, inner_h = width - 32, height - 24
    if image:
        inner_w -= min(height - 40, width // 3) + 14
    return Place("post", inner_w, height=inner_h - 76 - (50 if label else 0))


def feed_post(puzzle: Feed, image: bool, label: bool) -> Place:
    """A post to sort (ui/puzzles/feed.py, social.py): cards as tall as their text in two columns
    or more, 18 apart, paged; a card alone on its page has the area above the boxes (110 and a
    gap) less the page buttons and the strip of its tag (48)."""
    card_w = (_area_width(puzzle) - 18 * 3) // 2
    card_h = AREA_HEIGHT - 110 - 18 - PAGER_ROW
    return _post_text(card_w, card_h - 48, image=image, label=label)


def ad_post(puzzle: Ads, image: bool, label: bool) -> Place:
    """A post to mark as a hidden ad (ui/puzzles/ads.py): as tall as its text in two columns or
    more, 22 apart, paged; a picture takes at most half its height."""
    w = (_area_width(puzzle) - 22) // 2
    h = AREA_HEIGHT - PAGER_ROW
    place = _post_text(w, h, image=False, label=label)
    if image:
        place = Place(place.name, place.width - min(h // 2, w // 3) - 14, height=place.height)
    return place


def placed_texts(mission: Mission) -> Iterator[tuple[str, YamlPath, Place]]:
    """Each text of the mission whose place on screen is known, with where it is in the file."""
    for i, puzzle in enumerate(mission.puzzles):
        at: YamlPath = ("puzzles", i)
        for text, path in _texts(puzzle.title, (*at, "title")):
            yield text, path, TILE_TITLE
        if isinstance(puzzle, Categorise):
            yield from _listed([item.text for item in puzzle.items], (*at, "items"), "text", CARD)
        elif isinstance(puzzle, MultipleChoice):
            yield from _listed([c.text for c in puzzle.choices], (*at, "choices"), "text", choice_label(puzzle))
        elif isinstance(puzzle, TrueFalse):
            yield from _listed([s.text for s in puzzle.statements], (*at, "statements"), "text", statement(puzzle))
        elif isinstance(puzzle, Settings):
            name = setting_label(puzzle)
            for j, setting in enumerate(puzzle.settings):
                for text, path in _texts(setting.label, (*at, "settings", j, "label")):
                    yield text, path, name
                yield from _listed([o.label for o in setting.options], (*at, "settings", j, "options"), "label",
                                   setting_option(puzzle, len(setting.options)))
        elif isinstance(puzzle, (Feed, Ads)):
            for j, post in enumerate(puzzle.posts):
                image, label = post.image is not None, post.label is not None
                place = feed_post(puzzle, image, label) if isinstance(puzzle, Feed) else ad_post(puzzle, image, label)
                for text, path in _texts(post.text, (*at, "posts", j, "text")):
                    yield text, path, place


def fit_warnings(file: Path, mission: Mission, source: SourceMap,
                 measure: Measure | None = None) -> list[Diagnostic]:
    """GDN409 for each text of `mission` (read from `file`) too long for its place at the floor."""
    measure = measure or Measure()
    report = Reporter(str(file), source)
    for text, path, place in placed_texts(mission):
        needed = measure.lines(typographer(text, mission.language), place)
        room = measure.room(place)
        if needed > room:
            report.add("GDN409", path, lines=needed, limit=room)
    return report.diagnostics
