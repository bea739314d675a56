"""On-screen keypad and keyboard, laid out for the team's language, and the answer field they fill.

A language's keyboard is one data file, `gardiens/i18n/keyboards/<lang>.yaml`; a language without
one (the pseudo-locale, a new translation) gets the French keyboard, the missions' first language.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import cache, partial
from importlib import resources
from pathlib import Path

import pygame
import yaml

from gardiens.ui.draw import panel
from gardiens.ui.widgets.base import Button, Canvas, Display, Ring, Widget

# Keys that are named by a word rather than by the character they type.
NAMED_KEYS = frozenset({"back", "space", "shift", "symbols", "letters"})
# Keys that take two places: their label or icon is wider than a letter's, even at the largest text.
WIDE_KEYS = frozenset({"back", "space", "symbols", "letters"})


def key_rows(*rows: str) -> tuple[tuple[str, ...], ...]:
    """Keyboard rows written as text: words apart by spaces; a named key is one word, any other word
    is one key per character."""
    return tuple(tuple(key for word in row.split() for key in ((word,) if word in NAMED_KEYS else word))
                 for row in rows)


# Letters any answer may contain; everything else typed or pasted is dropped.
_EXTRA = set(" '-’")
# The keyboard of a language that declares none.
FALLBACK_LANGUAGE = "fr"
# A space bar alone in its row is drawn this many places wide.
SPACE_BAR = 6
ROW_PLACES = 10


class LayoutError(ValueError):
    """A keyboard file that cannot be used; its message says where (`file:line:col: ...`)."""


@dataclass(frozen=True)
class KeyboardLayout:
    """The keys of one language's on-screen keyboard, row by row."""

    rows: tuple[tuple[str, ...], ...]

    @property
    def letters(self) -> tuple[tuple[str, ...], ...]:
        """The rows without the digits row: the keyboard of a puzzle answered in letters."""
        return tuple(row for row in self.rows if not all(key.isdigit() for key in row))

    def key_for(self, char: str) -> str:
        """The key that types `char`, lower-cased; a letter this keyboard lacks is typed without its
        accent; "" when no key types it."""
        if char == " ":
            return "space"
        keys = {key for row in self.rows for key in row}
        lower = char.lower()
        if lower in keys:
            return lower
        base = unicodedata.normalize("NFKD", lower)[:1]
        return base if base in keys else ""


def keyboards_dir() -> Path:
    """Where the keyboard files ship, one per language."""
    return Path(str(resources.files("gardiens").joinpath("i18n", "keyboards")))


def read_layout(path: Path) -> KeyboardLayout:
    """A keyboard file, checked: `rows:` a list of texts, each key once, an erase key and a space bar.
    Raises LayoutError, located, for anything else."""
    text = path.read_text(encoding="utf-8")

    def error(mark: yaml.Mark | None, message: str, shift: int = 0) -> LayoutError:
        where = f"{path}:{mark.line + 1}:{mark.column + 1 + shift}" if mark is not None else str(path)
        return LayoutError(f"{where}: {message}")

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        raise error(exc.problem_mark, f"not readable as YAML: {exc.problem}") from None
    if not isinstance(root, yaml.MappingNode):
        raise error(root.start_mark if root is not None else None, "expected `rows:`, a list of keyboard rows")
    rows_node: yaml.Node | None = None
    for key, value in root.value:
        if key.value != "rows":
            raise error(key.start_mark, f"unknown entry `{key.value}`: a keyboard file has only `rows`")
        rows_node = value
    if not isinstance(rows_node, yaml.SequenceNode) or not rows_node.value:
        raise error(rows_node.start_mark if rows_node is not None else root.start_mark,
                    "`rows` must be a list of rows, each written as text")
    rows: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for node in rows_node.value:
        if not isinstance(node, yaml.ScalarNode) or not node.value.strip():
            raise error(node.start_mark, "a row is text: its keys, such as \"azertyuiop\" or \"wxcvbn back\"")
        quote = 1 if node.style in ("'", '"') else 0
        row = []
        for word in re.finditer(r"\S+", node.value):
            named = word.group() in NAMED_KEYS
            for offset, key in ((0, word.group()),) if named else enumerate(word.group()):
                if key in seen:
                    raise error(node.start_mark, f"the key `{key}` is on the keyboard twice",
                                quote + word.start() + offset)
                if not named and key != key.lower():
                    raise error(node.start_mark, f"write the key `{key}` in lower case: its label is shown "
                                "in capitals", quote + word.start() + offset)
                seen.add(key)
                row.append(key)
        rows.append(tuple(row))
    for needed in ("back", "space"):
        if needed not in seen:
            raise error(rows_node.start_mark, f"the keyboard has no `{needed}` key")
    return KeyboardLayout(tuple(rows))


@cache
def _layout_file(path: Path) -> KeyboardLayout:
    return read_layout(path)


def layout_for(language: str, folder: Path | None = None) -> KeyboardLayout:
    """The keyboard of `language`, or the French one when it declares none. A broken file is said,
    located, in the log, and the French keyboard takes its place so that the team can still type."""
    folder = folder or keyboards_dir()
    path = folder / f"{language}.yaml"
    if not path.is_file():
        path = folder / f"{FALLBACK_LANGUAGE}.yaml"
    try:
        return _layout_file(path)
    except LayoutError as exc:
        logging.getLogger(__name__).error("%s", exc)
        return _layout_file(keyboards_dir() / f"{FALLBACK_LANGUAGE}.yaml")


def check_layouts(folder: Path | None = None) -> list[str]:
    """Every keyboard file's problems, located; empty when all can be used."""
    problems = []
    for path in sorted((folder or keyboards_dir()).glob("*.yaml")):
        try:
            read_layout(path)
        except LayoutError as exc:
            problems.append(str(exc))
    return problems


def allowed_char(char: str) -> bool:
    """Letters (accented Latin included), digits, space, apostrophe and hyphen."""
    if char in _EXTRA:
        return True
    if not char.isalnum() or len(char) != 1:
        return False
    return unicodedata.normalize("NFKD", char)[:1].isascii()


def keypad(rect: pygame.Rect, press: Callable[[str], None], gap: int) -> list[Widget]:
    """A phone-style digit pad: 1–9, then erase, 0, clear."""
    keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "back", "0", "clear"]
    w = (rect.w - 2 * gap) // 3
    h = (rect.h - 3 * gap) // 4
    widgets: list[Widget] = []
    for i, key in enumerate(keys):
        r = pygame.Rect(rect.x + (i % 3) * (w + gap), rect.y + (i // 3) * (h + gap), w, h)
        icon = {"back": "backspace", "clear": "cross"}.get(key)
        widgets.append(Button(f"key:{key}", r, "" if icon else key, icon=icon,
                              kind="quiet" if icon else "plain", text_role="title",
                              on_tap=partial(press, key)))
    return widgets


def keyboard(
    rect: pygame.Rect, press: Callable[[str], None], gap: int, *, space_label: str,
    rows: tuple[tuple[str, ...], ...],
) -> list[Widget]:
    """The letter keyboard; the space bar, the erase key and the mode keys take two places (a space
    bar alone in its row, more)."""
    widgets: list[Widget] = []
    h = (rect.h - (len(rows) - 1) * gap) // len(rows)
    for r, row in enumerate(rows):
        spans = {key: 2 if key in WIDE_KEYS else 1 for key in row}
        if row == ("space",):
            spans["space"] = SPACE_BAR
        units = sum(spans[key] for key in row)
        unit = (rect.w - (units - 1) * gap) / max(units, ROW_PLACES)
        x = rect.x + (rect.w - (unit * units + gap * (units - 1))) / 2
        y = rect.y + r * (h + gap)
        for key in row:
            span = spans[key]
            w = round(unit * span + gap * (span - 1))
            box = pygame.Rect(round(x), y, w, h)
            if key == "back":
                widget = Button("key:back", box, icon="backspace", kind="quiet", on_tap=lambda: press("back"))
            elif key == "space":
                widget = Button("key:space", box, space_label, kind="quiet", text_role="body",
                                on_tap=lambda: press(" "))
            else:
                widget = Button(f"key:{key}", box, key.upper() if key.isalpha() else key, text_role="subtitle",
                                on_tap=partial(press, key), as_is="letter")
            widgets.append(widget)
            x += w + gap
    return widgets


class AnswerField(Display):
    """Where the typed answer appears, with a caret; boxes per character for a padlock code."""

    contained = True

    def __init__(self, name: str, rect: pygame.Rect, value: Callable[[], str], *, placeholder: str = "",
                 cells: int = 0) -> None:
        super().__init__(name, rect)
        self.value = value
        self.placeholder = placeholder
        self.cells = cells

    def appearance(self, app: Canvas) -> Hashable | None:
        return (tuple(self.rect), self.value(), self.placeholder, self.cells) if type(self) is AnswerField else None

    def paint(self, surface: pygame.Surface, app: Canvas, area: pygame.Rect, pressed: bool) -> Ring:
        p = app.palette
        m = app.metrics
        text = self.value()
        if self.cells:
            gap = m.px(14)
            w = min(m.px(120), (area.w - gap * (self.cells - 1)) // self.cells)
            x = area.centerx - (w * self.cells + gap * (self.cells - 1)) // 2
            for i in range(self.cells):
                cell = pygame.Rect(x + i * (w + gap), area.y, w, area.h)
                filled = i < len(text)
                panel(surface, cell, p.surface if filled else p.surface_alt, radius=m.px(18),
                      border=p.primary if i == len(text) else p.outline, border_width=m.px(5 if i == len(text) else 3))
                if filled:
                    app.type.line(surface, text[i], cell.center, size=m.text("huge"), color=p.ink, bold=True,
                                  anchor="center")
            return area, m.px(18)
        panel(surface, area, p.surface, radius=m.px(22), border=p.primary, border_width=m.px(5))
        inner = area.inflate(-m.px(48), -m.px(16))
        if text:
            size = m.text("title")
            font = app.type.font(size, True)
            shown = text
            while font.size(shown + "|")[0] > inner.w and len(shown) > 1:
                shown = shown[1:]
            rect = app.type.line(surface, shown, (inner.x, inner.centery), size=size, color=p.ink, bold=True,
                                 anchor="midleft")
            caret_x = rect.right + m.px(6)
        else:
            app.type.block(surface, self.placeholder, inner, size=m.text("body"), color=p.ink_soft,
                           valign="middle", max_lines=1, name=f"{self.name}-placeholder")
            caret_x = inner.x
        pygame.draw.line(surface, p.primary, (caret_x, inner.y + m.px(12)), (caret_x, inner.bottom - m.px(12)),
                         max(2, m.px(5)))
        return area, m.px(22)
