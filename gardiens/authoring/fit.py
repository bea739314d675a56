"""Whether a mission's texts fit their places on the kiosk at the text floors (GDN409): measured
with the kiosk's font in the tightest window (1280×800), where the floors weigh most."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pygame

from gardiens.core.diagnostics import Diagnostic, Reporter, SourceMap, YamlPath
from gardiens.core.model import Categorise, Mission, Text
from gardiens.i18n.format import typographer
from gardiens.paths import assets_dir

# The window where the floors weigh most against the layout: laid out by its width (2/3 of the
# 1920 design), read by its height (the floors × 800/1080).
WINDOW = (1280, 800)
DESIGN_WIDTH = 1920
FLOORS_AT_1080 = {"reading": 28, "label": 24}


@dataclass(frozen=True)
class Place:
    """Where a text is shown: its width in design units (at 1920 wide), the lines it holds, and
    whether it is reading text or a label (each has its floor)."""

    name: str
    width: int
    lines: int
    kind: Literal["reading", "label"] = "reading"
    bold: bool = False


# A card to sort (categorise): at most 520 units wide less its padding; it grows to two lines.
CARD = Place("card", 520 - 64 - 28, 2)


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
        width = round(place.width * WINDOW[0] / DESIGN_WIDTH)
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


def _floor(pixels: int) -> int:
    return round(pixels * WINDOW[1] / 1080)


def _texts(text: Text, path: YamlPath) -> Iterator[tuple[str, YamlPath]]:
    if isinstance(text, str):
        yield text, path
    else:
        for band, value in text.items():
            yield value, (*path, band)


def placed_texts(mission: Mission) -> Iterator[tuple[str, YamlPath, Place]]:
    """Each text of the mission whose place on screen is known, with where it is in the file."""
    for i, puzzle in enumerate(mission.puzzles):
        if isinstance(puzzle, Categorise):
            for j, item in enumerate(puzzle.items):
                for text, path in _texts(item.text, ("puzzles", i, "items", j, "text")):
                    yield text, path, CARD


def fit_warnings(file: Path, mission: Mission, source: SourceMap,
                 measure: Measure | None = None) -> list[Diagnostic]:
    """GDN409 for each text of `mission` (read from `file`) too long for its place at the floor."""
    measure = measure or Measure()
    report = Reporter(str(file), source)
    for text, path, place in placed_texts(mission):
        needed = measure.lines(typographer(text, mission.language), place)
        if needed > place.lines:
            report.add("GDN409", path, lines=needed, limit=place.lines)
    return report.diagnostics
