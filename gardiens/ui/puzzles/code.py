"""The "code" kind: a padlock with a digit pad, one box per digit and the code pieces earned."""

from __future__ import annotations

from collections.abc import Hashable

import pygame

from gardiens.core import checkers
from gardiens.core.model import CodeLock
from gardiens.ui.draw import panel
from gardiens.ui.puzzles.base import Hand, taps
from gardiens.ui.puzzles.typed import TypedView
from gardiens.ui.widgets.base import Widget
from gardiens.ui.widgets.keys import AnswerField, keypad


class CodeView(TypedView):
    """A padlock: a big digit pad, one box per digit, and the code pieces earned so far."""

    puzzle: CodeLock

    @property
    def max_length(self) -> int:
        mission = self.app.mission
        values = mission.reward_values() if mission else {}
        return len(checkers.expected_code(self.puzzle, values))

    def accepts(self, char: str) -> bool:
        return char.isdigit() and char.isascii()

    def press(self, key: str) -> None:
        if key == "back":
            self.typed = self.typed[:-1]
        elif key == "clear":
            self.typed = ""
        elif self.accepts(key) and len(self.typed) < self.max_length:
            self.typed += key
        self.changed()

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        gap = self.px(16)
        pad_w = min(self.px(600), area.w)
        field_h = self.px(130)
        pad = pygame.Rect(0, 0, pad_w, area.h - field_h - self.px(30))
        right = self.app.state.rewards and self.puzzle.code_from
        centre_x = area.x + (area.w * 2) // 3 if right else area.centerx
        pad.midtop = (centre_x, area.y + field_h + self.px(30))
        field = pygame.Rect(0, area.y, pad_w, field_h)
        field.centerx = centre_x
        self.clues = pygame.Rect(area.x, area.y, max(0, pad.left - area.x - self.px(60)), area.h)
        return [AnswerField("answer", field, lambda: self.typed, cells=self.max_length),
                *keypad(pad, self.press, gap)]

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        mission = app.mission
        if not (self.puzzle.code_from and mission and self.clues.w > self.px(200)):
            return
        p = app.palette
        m = app.metrics
        labels = {r.id: r for pz in mission.puzzles for r in pz.rewards}
        app.type.block(surface, self._("Pièces du code"), pygame.Rect(self.clues.x, self.clues.y, self.clues.w,
                       self.px(60)), size=m.text("subtitle"), color=p.ink, bold=True, name="clues-title")
        y = self.clues.y + self.px(80)
        for rid in self.puzzle.code_from:
            card = pygame.Rect(self.clues.x, y, self.clues.w, self.px(110))
            earned = rid in app.state.rewards
            panel(surface, card, p.surface if earned else p.locked_soft, radius=self.px(20),
                  border=p.outline, border_width=self.px(3))
            value = labels[rid].value if earned and rid in labels else "?"
            app.type.line(surface, value, (card.x + self.px(60), card.centery), size=m.text("title"),
                          color=p.primary_dark if earned else p.locked, bold=True, anchor="center")
            words = app.words
            text = words.reward_label(rid) if earned and words else self._("Pas encore trouvé")
            app.type.block(surface, text, pygame.Rect(card.x + self.px(120), card.y + self.px(8), card.w - self.px(140),
                           card.h - self.px(16)), size=m.text("small"), color=p.ink, valign="middle",
                           name="clue")
            y += card.h + self.px(16)
            if y > self.clues.bottom - self.px(110):
                break

    def backdrop(self) -> Hashable | None:
        return (tuple(self.clues), tuple(self.app.state.rewards))

    def answer(self) -> object | None:
        return self.typed if len(self.typed) == self.max_length else None

    def status(self) -> str:
        return self.ngettext("Tapez le chiffre du code.", "Tapez les {n} chiffres du code.", self.max_length).format(
            n=self.max_length)

    def enter(self, hand: Hand, answer: object) -> int:
        return taps(hand, [f"key:{digit}" for digit in str(answer)])
