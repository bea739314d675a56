"""The "text" kind: a short answer typed on the on-screen keyboard."""

from __future__ import annotations

import pygame

from gardiens.core.model import Cipher, ShortText
from gardiens.ui.puzzles.base import Hand, taps
from gardiens.ui.puzzles.typed import TypedView
from gardiens.ui.widgets.base import Widget
from gardiens.ui.widgets.keys import AnswerField, KeyboardLayout, allowed_char, keyboard, layout_for


class TextView(TypedView):
    """A short answer typed on the on-screen keyboard of the team's language."""

    puzzle: ShortText | Cipher

    @property
    def keys(self) -> KeyboardLayout:
        return layout_for(self.app.language)

    @property
    def rows(self) -> tuple[tuple[str, ...], ...]:
        return self.keys.rows

    @property
    def max_length(self) -> int:
        if isinstance(self.puzzle, ShortText):
            return self.puzzle.max_length
        return min(60, len(self.puzzle.plaintext) + 10)

    def accepts(self, char: str) -> bool:
        return allowed_char(char)

    def press(self, key: str) -> None:
        if key == "back":
            self.typed = self.typed[:-1]
        elif (len(self.typed) < self.max_length and allowed_char(key)
              and (key != " " or (self.typed and not self.typed.endswith(" ")))):
            self.typed += key
        self.changed()

    def field_and_keys(self, area: pygame.Rect, top: int) -> list[Widget]:
        gap = self.px(12)
        field_h = self.px(110)
        field = pygame.Rect(area.x, top, min(area.w, self.px(1300)), field_h)
        field.centerx = area.centerx
        keys = pygame.Rect(area.x, field.bottom + self.px(20), area.w, area.bottom - field.bottom - self.px(20))
        return [AnswerField("answer", field, lambda: self.typed, placeholder=self._("Écrivez votre réponse ici")),
                *keyboard(keys, self.press, gap, space_label=self._("espace"), rows=self.rows)]

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        return self.field_and_keys(area, area.y)

    def answer(self) -> object | None:
        return self.typed.strip() or None

    def status(self) -> str:
        return self.ngettext("{n} lettre au plus.", "{n} lettres au plus.", self.max_length).format(
            n=self.max_length)

    def enter(self, hand: Hand, answer: object) -> int:
        keys = self.keys
        return taps(hand, [f"key:{key}" if (key := keys.key_for(char)) else "" for char in str(answer)])
