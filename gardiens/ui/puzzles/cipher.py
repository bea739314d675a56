"""The "cipher" kind: a shifted message decoded and typed in."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Hashable

import pygame

from gardiens.core import checkers
from gardiens.core.model import Cipher
from gardiens.ui.draw import out_of_clip, panel
from gardiens.ui.puzzles.text import TextView
from gardiens.ui.widgets.base import Widget
from gardiens.ui.widgets.keys import AnswerField, keyboard


def _plain_upper(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()


class CipherView(TextView):
    """A Caesar-coded message, its key, an alphabet strip to decode with, and the keyboard."""

    puzzle: Cipher

    @property
    def rows(self) -> tuple[tuple[str, ...], ...]:
        return self.keys.letters

    def ciphertext(self) -> str:
        return checkers.caesar(_plain_upper(self.puzzle.plaintext), self.puzzle.shift)

    def layout(self, area: pygame.Rect) -> list[Widget]:
        # The coded message and the answer share one row so the keys keep a finger's size.
        self.area = area
        gap = self.px(30)
        row_h = self.px(104)
        self.code_box = pygame.Rect(area.x, area.y, (area.w - gap) // 2, row_h)
        field = pygame.Rect(self.code_box.right + gap, area.y, area.w - self.code_box.w - gap, row_h)
        self.strip = pygame.Rect(area.x, area.y + row_h + self.px(14), area.w, self.px(116))
        keys = pygame.Rect(area.x, self.strip.bottom + self.px(16), area.w, area.bottom - self.strip.bottom
                           - self.px(16))
        return [AnswerField("answer", field, lambda: self.typed, placeholder=self._("Écrivez le mot décodé")),
                *keyboard(keys, self.press, self.px(12), space_label=self._("espace"), rows=self.rows)]

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        code = self.ciphertext()
        box = self.code_box
        panel(surface, box, p.night if not app.settings.high_contrast else p.surface, radius=self.px(20),
              border=p.outline, border_width=self.px(3))
        icon = app.assets.icon("key", self.px(56), (255, 232, 150) if not app.settings.high_contrast else p.ink)
        surface.blit(icon, icon.get_rect(midleft=(box.x + self.px(24), box.centery)))
        app.type.block(surface, code, box.inflate(-self.px(180), -self.px(8)), size=m.text("title"),
                       color=(255, 232, 150) if not app.settings.high_contrast else p.ink, bold=True,
                       valign="middle", align="center", max_lines=1, name="ciphertext", as_is="code")
        strip = self.strip
        if not surface.get_clip().colliderect(strip):
            return  # a tap repainting only keys (52 cells and letters, all clipped away)
        head_w = self.px(210)
        cell_w = (strip.w - head_w) / 26
        row_h = strip.h // 2
        used = set(code)
        shift = self.puzzle.shift
        heads = (self._("codé"), self._("clair"))
        for row in range(2):
            y = strip.y + row * row_h
            head = pygame.Rect(strip.x, y, head_w - self.px(10), row_h)
            if not out_of_clip(surface, head):
                app.type.block(surface, heads[row], head, size=m.text("small"), color=p.ink_soft, bold=True,
                               valign="middle", align="right", name=f"strip-head:{row}")
            for i in range(26):
                cell = pygame.Rect(round(strip.x + head_w + i * cell_w), y, math.ceil(cell_w) - 2, row_h - 4)
                if out_of_clip(surface, cell):
                    continue  # a key's repaint touches the few cells above it
                letter = chr(65 + i)
                hot = letter in used
                if row == 0:
                    panel(surface, cell, p.accent if hot else p.surface, radius=self.px(8), border=p.outline,
                          border_width=1)
                    app.type.line(surface, letter, cell.center, size=m.text("small"),
                                  color=p.on_accent if hot else p.ink, bold=True, anchor="center", as_is="letter")
                else:
                    plain = chr(65 + (i - shift) % 26) if self.puzzle.show_key else "?"
                    panel(surface, cell, p.surface_alt, radius=self.px(8), border=p.outline, border_width=1)
                    app.type.line(surface, plain, cell.center, size=m.text("small"),
                                  color=p.primary_dark if hot else p.ink_soft, bold=hot, anchor="center",
                                  as_is="letter")

    def backdrop(self) -> Hashable | None:
        return (tuple(self.code_box), tuple(self.strip))

    def status(self) -> str:
        if self.puzzle.show_key:
            shift = self.puzzle.shift
            return self.ngettext("Clé : chaque lettre a avancé de {n} place.",
                                 "Clé : chaque lettre a avancé de {n} places.", shift).format(n=shift)
        return self._("Trouvez de combien de places les lettres ont avancé.")
