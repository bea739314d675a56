"""On-screen keypad and keyboard (AZERTY with French accents), and the answer field they fill."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import partial

import pygame

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


KEYBOARD_ROWS = key_rows("1234567890", "azertyuiop", "qsdfghjklm", "wxcvbn'- back", "éèêàâçùîô space")
LETTERS_ONLY = KEYBOARD_ROWS[1:]
# Letters any answer may contain; everything else typed or pasted is dropped.
_EXTRA = set(" '-’")


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
    rows: tuple[tuple[str, ...], ...] = KEYBOARD_ROWS,
) -> list[Widget]:
    """The letter keyboard; the space bar, the erase key and the mode keys take two places."""
    widgets: list[Widget] = []
    h = (rect.h - (len(rows) - 1) * gap) // len(rows)
    for r, row in enumerate(rows):
        units = sum(2 if key in WIDE_KEYS else 1 for key in row)
        unit = (rect.w - (units - 1) * gap) / max(units, 10)
        x = rect.x + (rect.w - (unit * units + gap * (units - 1))) / 2
        y = rect.y + r * (h + gap)
        for key in row:
            span = 2 if key in WIDE_KEYS else 1
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

    def __init__(self, name: str, rect: pygame.Rect, value: Callable[[], str], *, placeholder: str = "",
                 cells: int = 0) -> None:
        super().__init__(name, rect)
        self.value = value
        self.placeholder = placeholder
        self.cells = cells

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
