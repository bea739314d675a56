"""The "password" kind: a strong password typed while a meter tells which rules it keeps."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Hashable
from typing import TYPE_CHECKING

import pygame

from gardiens.core.checkers import MAX_TEXT_ANSWER, rule_met
from gardiens.core.model import Password
from gardiens.ui.draw import panel
from gardiens.ui.puzzles.base import GestureError, Hand, paginate
from gardiens.ui.puzzles.social import plain
from gardiens.ui.puzzles.typed import TypedView
from gardiens.ui.theme import Color
from gardiens.ui.widgets.base import Button, Display, Widget
from gardiens.ui.widgets.keys import (
    FALLBACK_LANGUAGE,
    AnswerField,
    KeyboardLayout,
    key_rows,
    keyboard,
    layout_for,
)

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen
    from gardiens.ui.widgets.base import Canvas


SYMBOL_ROWS = key_rows("1234567890", "!?#@&*$%+=", "-_.,;:/()'", "letters <>[]{} back", '€~^ space "|\\')
MODE_KEYS = ("shift", "symbols", "letters")


def letter_rows(layout: KeyboardLayout) -> tuple[tuple[str, ...], ...]:
    """The password keyboard's page of letters in a language: the digits, then its keyboard's rows of
    Latin letters (accents live on the symbol-free keyboard of answers, not in passwords), with the
    shift, erase and mode keys around them."""
    rows = ["".join(key for key in row if len(key) == 1 and "a" <= key <= "z") for row in layout.rows]
    rows = [row for row in rows if row]
    if not rows:
        return letter_rows(layout_for(FALLBACK_LANGUAGE))
    *top, last = rows
    return key_rows("1234567890", *top, f"shift {last} back", "symbols -_ space .!?")


def password_char(char: str) -> bool:
    """Characters a password may hold: printable letters, digits, symbols and the space."""
    if char == " ":
        return True
    if len(char) != 1 or not char.isprintable() or char.isspace():
        return False
    return ord(char) < 0x2000 and unicodedata.category(char)[0] in "LNPS"


class Meter(Display):
    """The strength gauge: filled boxes and a word, not only a colour."""

    def __init__(self, view: PasswordView, rect: pygame.Rect) -> None:
        super().__init__("meter", rect)
        self.view = view

    def appearance(self, app: Canvas) -> Hashable | None:
        return (type(self).__name__, tuple(self.rect), self.view.score())

    def draw(self, surface: pygame.Surface, app: Canvas, *, focused: bool, pressed: bool) -> None:
        p = app.palette
        m = app.metrics
        met, total = self.view.score()
        words = self.view.strength_word(met, total)
        head = pygame.Rect(self.rect.x, self.rect.y, self.rect.w, self.rect.h // 2)
        app.type.block(surface, self.view._("Solidité : {word}").format(word=words), head, size=m.text("body"),
                       color=p.ink, bold=True, valign="middle", max_lines=1, name="meter-word")
        bar = pygame.Rect(self.rect.x, head.bottom + m.px(4), self.rect.w, self.rect.h - head.h - m.px(8))
        color: Color = p.bad if met * 2 < total else p.accent if met < total else p.good
        gap = m.px(8)
        w = (bar.w - gap * (total - 1)) / max(1, total)
        for i in range(total):
            cell = pygame.Rect(round(bar.x + i * (w + gap)), bar.y, math.ceil(w), bar.h)
            if i < met:
                panel(surface, cell, color, radius=m.px(10), border=p.ink, border_width=max(1, m.px(2)))
            else:
                panel(surface, cell, p.surface, radius=m.px(10), border=p.outline, border_width=max(1, m.px(2)))


class Rules(Display):
    """The rules of the page on show, each ticked once the password keeps it."""

    contained = True

    def __init__(self, view: PasswordView, rect: pygame.Rect) -> None:
        super().__init__("rules", rect)
        self.view = view

    def draw(self, surface: pygame.Surface, app: Canvas, *, focused: bool, pressed: bool) -> None:
        self.view.draw_rules(surface)

    def appearance(self, app: Canvas) -> Hashable | None:
        view = self.view
        kept = tuple(view.keeps(view.puzzle.rules[i]) for i in view.rules_shown)
        return (type(self).__name__, tuple(self.rect), tuple(view.rules_shown), tuple(view.rule_heights), kept)


class PasswordView(TypedView):
    """A password typed on an on-screen keyboard, a strength gauge, and the rules it must keep."""

    puzzle: Password
    erase_wrong = False

    def __init__(self, screen: Screen, puzzle: Password) -> None:
        super().__init__(screen, puzzle)
        self.shift = False
        self.symbols = False
        self.side = pygame.Rect(0, 0, 0, 0)
        self.rules_box = pygame.Rect(0, 0, 0, 0)
        self.persona_box = pygame.Rect(0, 0, 0, 0)
        self.rule_heights: list[int] = []
        # The rules shown on the page of rules turned to.
        self.rules_shown: list[int] = []
        # Whether the person's card is the last page of the rules (when, under it, the rules had
        # no room for their tallest one over the page buttons).
        self.persona_paged = False

    @property
    def max_length(self) -> int:
        return min(self.puzzle.max_length, MAX_TEXT_ANSWER)

    def accepts(self, char: str) -> bool:
        return password_char(char)

    def score(self) -> tuple[int, int]:
        met = sum(1 for r in self.puzzle.rules if self.keeps(r))
        return met, len(self.puzzle.rules)

    def keeps(self, rule: object) -> bool:
        # An empty field keeps no rule, not even "nothing about the person".
        return bool(self.typed) and rule_met(rule, self.typed)  # type: ignore[arg-type]

    def strength_word(self, met: int, total: int) -> str:
        if not self.typed:
            return self._("vide")
        share = met / max(1, total)
        if share >= 1:
            return self._("en béton !")
        if share >= 0.7:
            return self._("presque")
        if share >= 0.4:
            return self._("moyenne")
        return self._("faible")

    def press(self, key: str) -> None:
        if key == "back":
            self.typed = self.typed[:-1]
        elif key == "shift":
            self.shift = not self.shift
        elif key == "symbols":
            self.symbols = True
        elif key == "letters":
            self.symbols = False
        elif len(self.typed) < self.max_length and password_char(key):
            self.typed += key.upper() if self.shift and key.isalpha() else key
        self.changed()

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        gap = self.px(30)
        # Larger text needs a wider column for the rules and the card (the keyboard keeps the rest).
        side_w = min(round(self.px(640) * self.app.metrics.text_factor), area.w * 9 // 20)
        self.side = pygame.Rect(area.x, area.y, side_w, area.h)
        right = pygame.Rect(self.side.right + gap, area.y, area.right - self.side.right - gap, area.h)
        field = pygame.Rect(right.x, right.y, right.w, self.px(104))
        meter = Meter(self, pygame.Rect(self.side.x, self.side.y, self.side.w, self.px(110)))
        # The person's card and each rule are as tall as their wrapped text.
        small = self.app.metrics.text("small")
        persona = plain(self.text(self.puzzle.persona))
        persona_h = self.app.type.measure(persona, small, self.side.w - self.px(36))[2] + self.px(84)
        self.rule_heights = [max(self.px(48), self.app.type.measure(plain(self.text(r.label)), small,
                                 self.side.w - self.px(60), bold=True)[2] + self.px(10)) for r in self.puzzle.rules]
        # The rules fill the room between the gauge and the card, paged when they do not all fit.
        top = meter.rect.bottom + self.px(14)
        gap = self.px(10)
        touch = self.app.metrics.touch
        self.persona_paged = self.side.bottom - persona_h - self.px(14) - top < max(self.rule_heights) + touch + gap
        if self.persona_paged:
            # Large, widely spaced text: the card takes the rules' place on a page of its own.
            room = self.side.bottom - top
            self.persona_box = pygame.Rect(self.side.x, top, self.side.w, min(persona_h, room - touch - gap))
        else:
            self.persona_box = pygame.Rect(self.side.x, self.side.bottom - persona_h, self.side.w, persona_h)
            room = self.persona_box.y - self.px(14) - top
        pages = paginate(self.rule_heights, room, gap)
        widgets: list[Widget] = []
        if len(pages) > 1 or self.persona_paged:
            bar = pygame.Rect(self.side.x, top + room - touch, self.side.w, touch)
            room -= touch + gap
            self.rule_heights = [min(h, room) for h in self.rule_heights]
            pages = paginate(self.rule_heights, room, gap) + ([[]] if self.persona_paged else [])
            widgets += self.pager(bar, len(pages))
        else:
            self.pager(self.side, 1)
        self.rules_box = pygame.Rect(self.side.x, top, self.side.w, room)
        self.rules_shown = pages[self.page]
        keys_rect = pygame.Rect(right.x, field.bottom + self.px(18), right.w, right.bottom - field.bottom - self.px(18))
        rows = SYMBOL_ROWS if self.symbols else self.letter_rows
        keys = keyboard(keys_rect, self.press, self.px(12), space_label=self._("espace"), rows=rows)
        for key in keys:
            if isinstance(key, Button):
                self.dress_key(key)
        # The rules under every other widget, as when the view drew them.
        return [Rules(self, self.rules_box),
                AnswerField("answer", field, lambda: self.typed, placeholder=self._("Inventez un mot de passe")),
                meter, *keys, *widgets]

    @property
    def letter_rows(self) -> tuple[tuple[str, ...], ...]:
        """The letters as the team's language lays them out (AZERTY in French, QWERTY in English)."""
        return letter_rows(layout_for(self.app.language))

    def dress_key(self, key: Button) -> None:
        """Give the shared keyboard's keys their password look: real case, mode keys."""
        name = key.name.removeprefix("key:")
        if name == "shift":
            key.label, key.icon, key.kind = "", "up", "quiet"
            key.selected, key.selected_icon = self.shift, None
        elif name == "symbols":
            key.label, key.kind, key.text_role = "#?!", "quiet", "body"
        elif name == "letters":
            key.label, key.kind, key.text_role = "abc", "quiet", "body"
        elif len(name) == 1 and name.isalpha():
            key.label = name.upper() if self.shift else name

    def draw_rules(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        box = self.rules_box
        shown = self.rules_shown
        # Spare room spreads the rules a little apart.
        spare = max(0, box.h - sum(self.rule_heights[i] for i in shown)) // max(1, len(shown))
        top = box.y
        for i in shown:
            rule = self.puzzle.rules[i]
            ok = self.keeps(rule)
            row = pygame.Rect(box.x, top, box.w, self.rule_heights[i])
            top = row.bottom + min(spare, self.px(14))
            side = max(self.px(12), min(self.px(44), row.h - self.px(6)))
            mark = pygame.Rect(0, 0, side, side)
            mark.midleft = (row.x + self.px(4), row.centery)
            pygame.draw.ellipse(surface, p.good if ok else p.surface, mark)
            pygame.draw.ellipse(surface, p.good if ok else p.ink_soft, mark, max(2, self.px(3)))
            icon = app.assets.icon("check" if ok else "cross", mark.w * 3 // 4, p.on_primary if ok else p.ink_soft)
            surface.blit(icon, icon.get_rect(center=mark.center))
            app.type.block(surface, plain(self.text(rule.label)), pygame.Rect(row.x + self.px(60), row.y,
                           row.w - self.px(60), row.h), size=m.text("small"), color=p.ink if ok else p.ink_soft,
                           bold=ok, valign="middle", name=f"rule:{i}")

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        self.draw_page_count(surface)
        if self.persona_paged and self.page < self.page_total - 1:
            return
        card = self.persona_box
        panel(surface, card, p.surface, radius=self.px(22), border=p.outline, border_width=self.px(3))
        icon = app.assets.icon("people", self.px(44), p.primary)
        surface.blit(icon, (card.x + self.px(18), card.y + self.px(14)))
        app.type.block(surface, self._("Sa fiche"), pygame.Rect(card.x + self.px(74), card.y + self.px(10),
                       card.w - self.px(90), self.px(50)), size=m.text("small"), color=p.primary_dark, bold=True,
                       valign="middle", max_lines=1, name="persona-title")
        app.type.block(surface, plain(self.text(self.puzzle.persona)),
                       pygame.Rect(card.x + self.px(18), card.y + self.px(62), card.w - self.px(36),
                                   card.h - self.px(72)), size=m.text("small"), color=p.ink, name="persona")

    def backdrop(self) -> Hashable | None:
        # What `draw` paints: the page count and the person's card (the rules are a widget).
        return (self.page, self.page_total, tuple(self.page_count), self.persona_paged, tuple(self.persona_box))

    def answer(self) -> object | None:
        return self.typed or None

    def status(self) -> str:
        n = len(self.typed)
        return self.ngettext("{n} caractère sur {max} au plus.", "{n} caractères sur {max} au plus.", n).format(
            n=n, max=self.max_length)

    def enter(self, hand: Hand, answer: object) -> int:
        """Type on the on-screen keyboard, switching case and symbol pages as a child would."""
        password = str(answer)
        letters = {k for row in self.letter_rows for k in row}
        symbols = {k for row in SYMBOL_ROWS for k in row}
        gestures = 0
        for char in password:
            key = char.lower() if char.isalpha() else char
            if key == " ":
                name = "key:space"
            elif key in (letters if not self.symbols else symbols):
                name = f"key:{key}"
            elif key in letters:
                hand.tap("key:letters")
                gestures += 1
                name = f"key:{key}"
            elif key in symbols:
                hand.tap("key:symbols")
                gestures += 1
                name = f"key:{key}"
            else:
                raise GestureError(f"no key for {char!r} on the password keyboard")
            if char.isalpha() and char.isupper() != self.shift:
                hand.tap("key:shift")
                gestures += 1
            hand.tap(name)
            gestures += 1
        if self.typed != password:
            raise GestureError("the password field does not hold what was typed")
        return gestures
