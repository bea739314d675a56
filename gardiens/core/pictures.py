"""The words of a mission picture: the `<text>` runs of an SVG, read so that the engine can draw
them itself, translated (the kiosk's SVG renderer draws no text), and so that catalogs list them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Anchor = Literal["start", "middle", "end"]

_TEXT = re.compile(r"<text\b([^>]*)>(.*?)</text\s*>", re.DOTALL | re.IGNORECASE)
_ATTRIBUTE = re.compile(r"([A-Za-z_:][\w:.-]*)\s*=\s*(\"[^\"]*\"|'[^']*')")
_TAG = re.compile(r"<[^>]*>")
_SVG_TAG = re.compile(r"<svg\b([^>]*)>", re.DOTALL | re.IGNORECASE)
_NUMBER = re.compile(r"^\s*(-?[0-9]*\.?[0-9]+)\s*(px)?\s*$")
# SVG's initial values for what a run leaves out.
DEFAULT_SIZE = 16.0
DEFAULT_FILL = "#000000"


@dataclass(frozen=True)
class PictureRun:
    """One `<text>` of a picture: its words and where and how the picture's author drew them, in
    the picture's own units (`y` is the baseline; `length` the width the run must fit, if any)."""

    text: str
    x: float
    y: float
    size: float
    bold: bool
    fill: str
    anchor: Anchor
    length: float | None
    line: int


def read_runs(source: str) -> list[PictureRun]:
    """The text runs of an SVG picture, in the order they are written (empty runs left out)."""
    import html  # with the first picture read: not before the kiosk's first frame

    runs = []
    for match in _TEXT.finditer(source):
        words = " ".join(html.unescape(_TAG.sub("", match.group(2))).split())
        if not words:
            continue
        attributes = _attributes(match.group(1))
        weight = attributes.get("font-weight", "normal").strip()
        anchor = attributes.get("text-anchor", "start").strip()
        runs.append(PictureRun(
            text=words,
            x=_number(attributes.get("x")) or 0.0,
            y=_number(attributes.get("y")) or 0.0,
            size=_number(attributes.get("font-size")) or DEFAULT_SIZE,
            bold=weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 600),
            fill=attributes.get("fill", DEFAULT_FILL).strip(),
            anchor=anchor if anchor in ("start", "middle", "end") else "start",  # type: ignore[arg-type]
            length=_number(attributes.get("textLength")),
            line=source.count("\n", 0, match.start()) + 1,
        ))
    return runs


def without_text(source: str) -> str:
    """The picture with its text runs taken out (drawn by the engine instead)."""
    return _TEXT.sub("", source)


def picture_width(source: str) -> float | None:
    """The width of the picture's own units (its viewBox, else its declared width)."""
    found = _SVG_TAG.search(source)
    if found is None:
        return None
    attributes = _attributes(found.group(1))
    box = attributes.get("viewBox", "").replace(",", " ").split()
    if len(box) == 4:
        width = _number(box[2])
        if width:
            return width
    return _number(attributes.get("width"))


def picture_context(folder: Path, picture: Path) -> str:
    """The message context of a picture's runs in its mission's catalog: its path in the
    mission's folder (`recherche-image.svg`)."""
    return picture.relative_to(folder).as_posix()


def mission_pictures(folder: Path) -> Iterator[tuple[Path, list[PictureRun]]]:
    """Every SVG picture of a mission's folder that has text runs, with them, in name order."""
    for path in sorted(folder.rglob("*.svg")):
        try:
            runs = read_runs(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        if runs:
            yield path, runs


def _attributes(tag: str) -> dict[str, str]:
    found = {name: value[1:-1] for name, value in _ATTRIBUTE.findall(tag)}
    # A `style` declaration wins over the attribute of the same name, as in SVG.
    for declaration in found.pop("style", "").split(";"):
        name, _, value = declaration.partition(":")
        if name.strip() and value.strip():
            found[name.strip()] = value.strip()
    return found


def _number(value: str | None) -> float | None:
    if value is None:
        return None
    match = _NUMBER.match(value)
    return float(match.group(1)) if match else None
