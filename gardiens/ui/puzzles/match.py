"""The "match" kind: each earned fragment tapped, then the target (a reflex) it goes with."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame

from gardiens.core.model import Match
from gardiens.ui.puzzles.base import seeded
from gardiens.ui.puzzles.categorise import ARROW_ROOM, LABEL_ROOM, PAGER, CategoriseView
from gardiens.ui.puzzles.sorting import SortBox
from gardiens.ui.widgets.base import Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen

# Design pixels: the narrowest target; below it a reflex's words wrap onto too many lines.
NARROWEST_TARGET = 400


class MatchView(CategoriseView):
    """The earned fragments as cards in a tray (paged when they do not all fit), the targets in a
    grid of boxes under it, rows of up to three or four. Tap a fragment then its target, or drag
    it; a matched fragment stays in its place wearing its target's words, and a tap on it picks it
    up again. Only earned fragments are shown, and every fragment is matched before submitting."""

    puzzle: Match  # type: ignore[assignment]
    card_prefix = "fragment"
    box_prefix = "target"
    # A reflex is a short sentence: its box's head holds it whole, on as many lines as it needs.
    box_lines = 0

    def __init__(self, screen: Screen, puzzle: Match) -> None:
        pool = list(puzzle.fragments)
        seeded(puzzle.id).shuffle(pool)
        self.pool = pool
        super().__init__(screen, puzzle)  # type: ignore[arg-type]

    def card_ids(self) -> list[str]:
        held = self.app.state.rewards
        return [rid for rid in self.pool if rid in held]

    def card_text(self, card_id: str) -> str:
        words = self.app.words
        return words.reward_label(card_id) if words else card_id

    def box_ids(self) -> list[str]:
        return [t.id for t in self.puzzle.targets]

    def box_label(self, box_id: str) -> str:
        return next(self.text(t.text) for t in self.puzzle.targets if t.id == box_id)

    def layout(self, area: pygame.Rect) -> list[Widget]:
        """The targets' grid at the bottom, as tall as their words need; the fragments' tray
        takes the rest. No card and no box moves when a fragment is matched."""
        self.area = area
        gap = self.px(18)
        m = self.app.metrics
        self.size = m.text("small")
        targets = self.box_ids()
        # Larger text wraps a reflex onto more lines: its box is given more width.
        narrowest = round(self.px(NARROWEST_TARGET) * m.text_factor)
        cols = max(1, min(len(targets), (area.w + gap) // (narrowest + gap)))
        rows = math.ceil(len(targets) / cols)
        # Rows as even as they can be: five targets are three and two, not four and one.
        cols = math.ceil(len(targets) / rows)
        bw = (area.w - gap * (cols - 1)) // cols
        names = [self.app.type.measure(self.box_label(b), m.text("body"), bw - self.px(LABEL_ROOM), bold=True)[2]
                 for b in targets]
        self.head = max(self.px(self.box_head), max(names) + self.px(14))
        box_h = self.head + self.px(ARROW_ROOM)
        grid_top = area.bottom - rows * box_h - (rows - 1) * gap
        self.tray = pygame.Rect(area.x, area.y, area.w, grid_top - gap - area.y)
        inner = self.tray.inflate(-2 * gap, -2 * gap)
        widgets: list[Widget] = [self.tray_box()]
        ids = self.card_ids()
        if ids:
            card_cols, card_h, self.pages = self._grid(inner.w, inner.h)
            self.page = max(0, min(self.page, len(self.pages) - 1))
            card_w = (inner.w - gap * (card_cols - 1)) // card_cols
            widgets += self.card_rows(self.pages[self.page], card_cols, (inner.centerx, inner.y), (card_w, card_h), gap)
        else:
            self.pages = [[]]
        if len(self.pages) > 1:
            widgets += self.pager(pygame.Rect(inner.x, inner.bottom - self.px(PAGER), inner.w, self.px(PAGER)),
                                  len(self.pages))
        else:
            self.pager(inner, 1)
        self.boxes = []
        for index, target in enumerate(targets):
            row, col = divmod(index, cols)
            in_row = min(cols, len(targets) - row * cols)
            left = area.centerx - (in_row * bw + (in_row - 1) * gap) // 2
            rect = pygame.Rect(left + col * (bw + gap), grid_top + row * (box_h + gap), bw, box_h)
            self.boxes.append(SortBox(self, f"{self.box_prefix}:{target}", rect, target))
        return [*widgets, *self.boxes]

    def answer(self) -> object | None:
        if not self.placed.keys() >= set(self.puzzle.fragments):
            return None
        return dict(self.placed)

    def status(self) -> str:
        if not set(self.puzzle.fragments) <= set(self.card_ids()):
            return self._("Il vous manque des morceaux : résolvez d'abord les autres énigmes.")
        if self.selected is not None:
            return self._("Maintenant, touchez la case qui va avec ce morceau.")
        if self.answer() is not None:
            return self._("Tout est associé ! Touchez un morceau pour le changer de case, ou validez.")
        return self._("Touchez un morceau, puis la case qui va avec. Vous pouvez aussi le faire glisser.")

    def score_words(self, right: int, total: int) -> str:
        return self.ngettext("{right} morceau sur {total} est dans la bonne case.",
                             "{right} morceaux sur {total} sont dans la bonne case.", right).format(
            right=right, total=total)
