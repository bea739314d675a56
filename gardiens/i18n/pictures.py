"""The words of a mission's pictures in its catalog: each `<text>` run of its SVG pictures, with
the picture as context and the run's place (`picture.svg:LINE`) as location.

Babel extractor for mapping files: `[gardiens_picture: scenarios/**.svg]`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from gardiens.core.library import MISSION_FILE
from gardiens.core.pictures import mission_pictures, picture_context, read_runs

# Babel reads a `(context, msgid)` message through this keyword's spec, `((1, "c"), 2)`.
KEYWORD = "pgettext"

def mission_of(picture: Path) -> Path | None:
    """The mission file of the folder (or parent folder) that holds `picture`, if any."""
    for folder in picture.resolve().parents:
        if (folder / MISSION_FILE).is_file():
            return folder / MISSION_FILE
    return None


def extract_picture(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    """Yield `(lineno, "pgettext", (picture, text), comments)` for every text run of a picture
    that lies in a mission's folder (its context is its path in that folder)."""
    name = Path(getattr(fileobj, "name", "picture.svg"))
    mission = mission_of(name)
    if mission is None or KEYWORD not in keywords:
        return
    context = picture_context(mission.parent, name.resolve())
    for run in read_runs(fileobj.read().decode(options.get("encoding", "utf-8"))):
        yield run.line, KEYWORD, (context, run.text), [f"words of the picture {context}"]


def untranslated_runs(folder: Path, translations: dict[tuple[str | None, str], str]) -> Iterator[tuple[Path, int, str]]:
    """The picture runs of a mission's `folder` that `translations` leaves untranslated: the
    picture, the run's line and its text."""
    for path, runs in mission_pictures(folder):
        context = picture_context(folder, path)
        for run in runs:
            if (context, run.text) not in translations:
                yield path, run.line, run.text
