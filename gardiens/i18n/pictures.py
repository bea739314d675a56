"""The words of a mission's pictures in its catalog: each `<text>` run of its SVG pictures, with
the picture as context and the run's place (`picture.svg:LINE`) as location."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from gardiens.core.pictures import mission_pictures, picture_context

# Babel's extracted message: (file, line, msgid, comments, context).
PictureMessage = tuple[str, int, str, list[str], str]


def picture_messages(folder: Path, root: Path) -> Iterator[PictureMessage]:
    """The text runs of the pictures in a mission's `folder`, located from `root`."""
    for path, runs in mission_pictures(folder):
        context = picture_context(folder, path)
        where = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        for run in runs:
            yield where, run.line, run.text, [f"words of the picture {context}"], context


def untranslated_runs(folder: Path, translations: dict[tuple[str | None, str], str]) -> Iterator[tuple[Path, int, str]]:
    """The picture runs of a mission's `folder` that `translations` leaves untranslated: the
    picture, the run's line and its text."""
    for path, runs in mission_pictures(folder):
        context = picture_context(folder, path)
        for run in runs:
            if (context, run.text) not in translations:
                yield path, run.line, run.text
