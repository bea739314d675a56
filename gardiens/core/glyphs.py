"""Which characters the bundled fonts can draw, read from the fonts' character maps (no window).

`gardiens validate` warns about a mission text with a character no bundled font has; the
typesetter draws with the fallback font what the reading font lacks.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from gardiens.paths import assets_dir

FONT_SUFFIXES = (".ttf", ".otf")
# The character maps read: Unicode (Windows BMP and full repertoire, Unicode platform).
_UNICODE_MAPS = {(3, 1), (3, 10), (0, 3), (0, 4), (0, 6)}
# Characters drawn as nothing on purpose: they join, space or select, they are not glyphs.
_INVISIBLE = frozenset({0x200B, 0x200C, 0x200D, 0x2060, 0xFE0E, 0xFE0F, 0xFEFF})


@cache
def font_characters(path: Path) -> frozenset[int]:
    """The code points `path` (TrueType or OpenType) maps to a glyph."""
    data = path.read_bytes()
    tables = struct.unpack_from(">H", data, 4)[0]
    for i in range(tables):
        tag, _, offset, _ = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if tag == b"cmap":
            return frozenset(_cmap(data, offset))
    return frozenset()


def _cmap(data: bytes, cmap: int) -> Iterator[int]:
    count = struct.unpack_from(">H", data, cmap + 2)[0]
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        if (platform, encoding) not in _UNICODE_MAPS:
            continue
        table = cmap + offset
        kind = struct.unpack_from(">H", data, table)[0]
        if kind == 4:
            yield from _segments(data, table)
        elif kind == 12:
            groups = struct.unpack_from(">I", data, table + 12)[0]
            for g in range(groups):
                first, last, glyph = struct.unpack_from(">III", data, table + 16 + 12 * g)
                yield from range(first + (1 if glyph == 0 else 0), last + 1)


def _segments(data: bytes, table: int) -> Iterator[int]:
    """A format-4 map: segments of code points, each mapped by a delta or through an array."""
    segs = struct.unpack_from(">H", data, table + 6)[0] // 2
    ends = table + 14
    starts = ends + 2 * segs + 2
    deltas = starts + 2 * segs
    ranges = deltas + 2 * segs
    for s in range(segs):
        end, start = struct.unpack_from(">H", data, ends + 2 * s)[0], struct.unpack_from(">H", data, starts + 2 * s)[0]
        delta = struct.unpack_from(">h", data, deltas + 2 * s)[0]
        at = ranges + 2 * s
        through = struct.unpack_from(">H", data, at)[0]
        for code in range(start, min(end, 0xFFFE) + 1):
            if through == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                glyph = struct.unpack_from(">H", data, at + through + 2 * (code - start))[0]
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                yield code


def bundled_fonts(folder: Path | None = None) -> list[Path]:
    """The fonts shipped with the game."""
    fonts = (folder or assets_dir() / "fonts").iterdir()
    return sorted(path for path in fonts if path.suffix.lower() in FONT_SUFFIXES)


@cache
def drawable(folder: Path | None = None) -> frozenset[int]:
    """Every code point at least one bundled font draws."""
    return frozenset().union(*(font_characters(path) for path in bundled_fonts(folder)))


def undrawable_runs(text: str, folder: Path | None = None) -> list[str]:
    """The runs of characters of `text` that no bundled font draws, in order, each once."""
    known = drawable(folder)
    runs: list[str] = []
    run = ""
    for char in text:
        code = ord(char)
        if code in known or code in _INVISIBLE or char.isspace() or code < 0x20:
            if run and run not in runs:
                runs.append(run)
            run = ""
        else:
            run += char
    if run and run not in runs:
        runs.append(run)
    return runs
