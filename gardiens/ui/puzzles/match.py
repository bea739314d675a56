"""The "match" kind: each earned fragment tapped, then the target (a reflex) it goes with."""

from __future__ import annotations

import math
from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

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


@dataclass
class TrayPlan:
    """One way to share the view's height: the targets in `rows` rows under a tray holding the
    fragments in `card_cols` columns, on `pages` pages. `whole` is False when a target is too
    narrow for a word of its reflex, `fits` when the cards would run into the page buttons; `side` puts those buttons at the ends of the row of cards."""

    rows: int
    head: int
    grid_top: int
    card_cols: int
    card_h: int
    tag_h: int
    pages: list[list[str]]
    whole: bool
    fits: bool
    side: bool = False
    # The size role of the targets' words: "small" only when "body" leaves the tray no room.
    role: str = "body"
    # Whether each target keeps its strip for the drop arrow under its head (without it, the
    # arrow takes the place of the box icon).
    arrow: bool = True

    @property
    def rank(self) -> tuple[bool, bool, bool, bool, int]:
        """The better plan is the smaller: no word cut in two, the cards clear of the page
        buttons and the targets, the targets' words at reading size, then the fewest pages."""
        return (not self.whole, not self.fits, self.role != "body", not self.arrow, len(self.pages))


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
        self.arrow_room = self.px(ARROW_ROOM)

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
        takes the rest. The targets take as few rows as give every fragment a place on the fewest
        pages: one row of narrower targets is lower than two rows of wide ones, and leaves the tray
        room for a row of fragments side by side. No card and no box moves when a fragment is matched."""
        self.area = area
        gap = self.px(18)
        m = self.app.metrics
        self.size = m.text("small")
        targets = self.box_ids()
        # Larger text wraps a reflex onto more lines: its box is given more width.
        narrowest = round(self.px(NARROWEST_TARGET) * m.text_factor)
        widest = max(1, min(len(targets), (area.w + gap) // (narrowest + gap)))
        best: TrayPlan | None = None
        # Large, widely spaced text can make the targets' heads so tall that no row of fragments
        # fits over them: the targets then give up the strip of their drop arrow, and after that
        # their words are set one size down (never under the reading floor).
        for role, arrow in (("body", True), ("body", False), ("small", True), ("small", False)):
            for rows in range(math.ceil(len(targets) / widest), 0, -1):
                plan = self.plan(area, rows, gap, role, arrow=arrow)
                if best is None or plan.rank < best.rank:
                    best = plan
                if best.rank == (False, False, False, False, 1):
                    break
            assert best is not None
            if best.fits:
                break
        assert best is not None
        self.head, self.tag_h, self.pages, self.box_role = best.head, best.tag_h, best.pages, best.role
        self.arrow_room = self.px(ARROW_ROOM) if best.arrow else 0
        self.tray = pygame.Rect(area.x, area.y, area.w, best.grid_top - gap - area.y)
        inner = self.tray.inflate(-2 * gap, -gap if best.side else -2 * gap)
        widgets: list[Widget] = [self.tray_box()]
        if self.card_ids():
            self.page = max(0, min(self.page, len(self.pages) - 1))
            row_w = inner.w - 2 * self.side_room(gap) if best.side else inner.w
            card_w = (row_w - gap * (best.card_cols - 1)) // best.card_cols
            top = inner.y + (inner.h - self.rows_height(self.pages, best.card_cols, best.card_h)) // 2 if best.side else inner.y
            widgets += self.card_rows(self.pages[self.page], best.card_cols, (inner.centerx, top),
                                      (card_w, best.card_h), gap)
        if best.side:
            widgets += self.pager(pygame.Rect(inner.x, inner.centery - self.px(PAGER) // 2, inner.w, self.px(PAGER)),
                                  len(self.pages), square=True)
            # No room for the page count between the buttons: the cards are there. The next
            # button's colour tells that more cards follow.
            self.page_count = pygame.Rect(0, 0, 0, 0)
        elif len(self.pages) > 1:
            widgets += self.pager(pygame.Rect(inner.x, inner.bottom - self.px(PAGER), inner.w, self.px(PAGER)),
                                  len(self.pages))
        else:
            self.pager(inner, 1)
        cols = math.ceil(len(targets) / best.rows)
        bw = (area.w - gap * (cols - 1)) // cols
        box_h = self.head + self.arrow_room
        self.boxes = []
        for index, target in enumerate(targets):
            row, col = divmod(index, cols)
            in_row = min(cols, len(targets) - row * cols)
            left = area.centerx - (in_row * bw + (in_row - 1) * gap) // 2
            rect = pygame.Rect(left + col * (bw + gap), best.grid_top + row * (box_h + gap), bw, box_h)
            self.boxes.append(SortBox(self, f"{self.box_prefix}:{target}", rect, target))
        return [*widgets, *self.boxes]

    def plan(self, area: pygame.Rect, rows: int, gap: int, role: str = "body", *, arrow: bool = True) -> TrayPlan:
        """The targets in `rows` rows, their words in the size `role`, with or without the strip of
        their drop arrow, and the fragments' tray over them."""
        m = self.app.metrics
        targets = self.box_ids()
        # Rows as even as they can be: five targets are three and two, not four and one.
        cols = math.ceil(len(targets) / rows)
        bw = (area.w - gap * (cols - 1)) // cols
        typeset = self.app.type
        names = {b: typeset.measure(self.box_label(b), m.text(role), bw - self.px(LABEL_ROOM), bold=True)
                 for b in targets}
        head = max(self.px(self.box_head), max(h for _lines, _w, h in names.values()) + self.px(14))
        # A box so narrow that a word of its reflex is cut in two is no box for a reader.
        whole = all(sum(len(line.split()) for line in lines) == len(typeset.shape(self.box_label(b)).split())
                    for b, (lines, _w, _h) in names.items())
        grid_top = area.bottom - rows * (head + (self.px(ARROW_ROOM) if arrow else 0)) - (rows - 1) * gap
        inner = pygame.Rect(area.x, area.y, area.w, grid_top - gap - area.y).inflate(-2 * gap, -2 * gap)
        if not self.card_ids():
            return TrayPlan(rows, head, grid_top, 1, 0, self.tag_h, [[]], whole=whole, fits=True, role=role, arrow=arrow)
        card_cols, card_h, pages = self._grid(inner.w, inner.h)
        plan = TrayPlan(rows, head, grid_top, card_cols, card_h, self.tag_h, pages, whole=whole,
                        fits=self.rows_height(pages, card_cols, card_h) + self.px(PAGER) * (len(pages) > 1) <= inner.h,
                        role=role, arrow=arrow)
        if plan.fits or len(pages) == 1:
            return plan
        # A low tray: the page buttons go at both ends of the row of cards rather than under it.
        beside = pygame.Rect(area.x, area.y, area.w, grid_top - gap - area.y).inflate(-2 * gap, -gap)
        beside.w -= 2 * self.side_room(gap)
        # `_grid` keeps a page-button row and a gap under the cards: this row has neither.
        card_cols, card_h, pages = self._grid(beside.w, beside.h + self.px(PAGER) + gap)
        fits = self.rows_height(pages, card_cols, card_h) <= beside.h
        if not fits:
            return plan
        return TrayPlan(rows, head, grid_top, card_cols, card_h, self.tag_h, pages, whole=whole, fits=fits,
                        side=len(pages) > 1, role=role, arrow=arrow)

    def drop_arrow(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """Under the head when the target has the strip for it; else over the box icon, on a light disc."""
        if self.arrow_room:
            super().drop_arrow(surface, rect)
            return
        p = self.app.palette
        disc = pygame.Rect(0, 0, self.px(self.box_icon + 16), self.px(self.box_icon + 16))
        disc.center = (rect.x + self.px(self.box_icon_inset + self.box_icon // 2), rect.y + self.head_height() // 2)
        pygame.draw.ellipse(surface, p.surface, disc)
        icon = self.app.assets.icon("down", self.px(self.box_icon), p.accent_dark)
        surface.blit(icon, icon.get_rect(center=disc.center))

    def look(self) -> Hashable:
        return (*cast("tuple[Hashable, ...]", super().look()), self.arrow_room)

    def side_room(self, gap: int) -> int:
        """The width a page button takes at an end of the row of cards, with its gap."""
        return self.px(PAGER) + gap

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
