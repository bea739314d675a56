"""A picture's words drawn by the engine: each `<text>` run of an SVG translated for the team,
set in the bundled font at the picture's scale, shrunk to its `textLength` if need be."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from gardiens.core.pictures import PictureRun
from gardiens.i18n.pseudo import without_marks
from gardiens.ui.theme import MIN_SHRINK, FontChoice

if TYPE_CHECKING:
    # Only named: the attract screen draws pictures before the mission model is imported.
    from gardiens.ui.words import MissionWords

# Each try of shrink-to-fit is this much smaller than the last (as the typesetter's).
SHRINK_STEP = 0.92
SOURCE_LANGUAGE = "fr"


def _same(_picture: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class PictureWords:
    """How a team reads pictures: its language, the font chosen, and the lookup of a run's
    translation by (picture context, source text). Equal settings share cached pictures."""

    language: str = SOURCE_LANGUAGE
    family: FontChoice = "andika"
    mission: str = ""
    translate: Callable[[str, str], str] = field(default=_same, compare=False, hash=False)


def pictures_of(words: MissionWords | None, family: FontChoice) -> PictureWords | None:
    """How a team with these mission words reads its pictures in the font `family`."""
    if words is None:
        return None
    return PictureWords(words.language, family, words.mission.id, words.picture)


@dataclass(frozen=True)
class PictureMisfit:
    """A run that does not fit its `textLength` even at its smallest size: drawn cut, reported."""

    picture: str
    text: str
    size: int
    wanted_size: int
    box: tuple[int, int, int, int]


def language_variant(path: Path, language: str) -> Path:
    """The picture made for `language` (`name.en.png` beside `name.png`) when there is one."""
    variant = path.with_name(f"{path.stem}.{language}{path.suffix}")
    return variant if language and variant.is_file() else path


def draw_runs(surface: pygame.Surface, runs: list[PictureRun], scale: float, context: str,
              words: PictureWords, font: Callable[[int, bool], pygame.font.Font]) -> list[PictureMisfit]:
    """Draw each run onto the rasterised picture; the runs that could not fit are returned."""
    misfits = []
    for run in runs:
        text = without_marks(words.translate(context, run.text))
        wanted = max(1, round(run.size * scale))
        smallest = max(1, round(wanted * MIN_SHRINK))
        room = None if run.length is None else max(1, round(run.length * scale))
        size = wanted
        face = font(size, run.bold)
        width = face.size(text)[0]
        while room is not None and width > room and size > smallest:
            size = max(smallest, min(size - 1, round(size * SHRINK_STEP)))
            face = font(size, run.bold)
            width = face.size(text)[0]
        rendered = face.render(text, True, _colour(run.fill))
        shown = width if room is None else min(width, room)
        x = run.x * scale
        if run.anchor == "middle":
            x -= shown / 2
        elif run.anchor == "end":
            x -= shown
        top = round(run.y * scale) - face.get_ascent()
        surface.blit(rendered, (round(x), top), area=pygame.Rect(0, 0, shown, rendered.get_height()))
        if shown < width:
            misfits.append(PictureMisfit(context, text, size, wanted,
                                         (round(x), top, shown, rendered.get_height())))
    return misfits


def _colour(fill: str) -> pygame.Color:
    try:
        return pygame.Color(fill)
    except ValueError:
        return pygame.Color(0, 0, 0)
