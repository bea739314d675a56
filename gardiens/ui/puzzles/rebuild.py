"""The "rebuild" kind: the fragments the team earned, tapped into slots to form the message."""

from __future__ import annotations

from collections.abc import Hashable
from functools import partial
from typing import TYPE_CHECKING

import pygame

from gardiens.core.model import Rebuild
from gardiens.ui.draw import panel
from gardiens.ui.puzzles.base import GestureError, Hand, PuzzleView, ids, seeded
from gardiens.ui.widgets.base import Button, Display, Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen
    from gardiens.ui.widgets.base import Canvas, Ring

# The most slots or fragments side by side: beyond, a fragment's words wrap too much.
MAX_COLUMNS = 4
HEADING = 64


class Place(Display):
    """Where no fragment is: a free slot's numbered outline, or the empty outline a fragment
    leaves in the pool while it sits in a slot."""

    contained = True

    def __init__(self, view: RebuildView, name: str, rect: pygame.Rect, number: int | None) -> None:
        super().__init__(name, rect)
        self.view = view
        self.number = number

    def paint(self, surface: pygame.Surface, app: Canvas, area: pygame.Rect, pressed: bool) -> Ring:
        p = app.palette
        m = app.metrics
        view = self.view
        if self.number is None:
            pygame.draw.rect(surface, p.outline, area, width=max(2, view.px(4)), border_radius=view.px(22))
        else:
            panel(surface, area, p.surface_alt, radius=view.px(22), border=p.outline, border_width=view.px(3))
            app.type.line(surface, str(self.number), area.center, size=m.text("subtitle"), color=p.ink, bold=True,
                          anchor="center")
        return area, view.px(22)

    def appearance(self, app: Canvas) -> Hashable | None:
        return (type(self).__name__, tuple(self.rect), self.number)


class RebuildView(PuzzleView):
    """A row of slots (it wraps) above the earned fragments. A tapped fragment goes to the first
    free slot; a tapped slot sends its fragment back. Only earned fragments are shown, each at a
    place of its own, which it leaves empty while it sits in a slot."""

    puzzle: Rebuild

    def __init__(self, screen: Screen, puzzle: Rebuild) -> None:
        super().__init__(screen, puzzle)
        pool = list(puzzle.fragments)
        seeded(puzzle.id).shuffle(pool)
        if pool == puzzle.order:
            pool.reverse()
        self.pool = pool
        self.slots: list[str | None] = [None] * len(puzzle.order)
        self.slot_rects: list[pygame.Rect] = []
        self.pool_rects: dict[str, pygame.Rect] = {}
        self.headings = (pygame.Rect(0, 0, 0, 0), pygame.Rect(0, 0, 0, 0))

    def earned(self) -> list[str]:
        held = self.app.state.rewards
        return [rid for rid in self.pool if rid in held]

    def label(self, reward_id: str) -> str:
        words = self.app.words
        return words.reward_label(reward_id) if words else reward_id

    def place(self, reward_id: str) -> None:
        if reward_id not in self.slots and None in self.slots:
            self.slots[self.slots.index(None)] = reward_id
            self.changed()

    def send_back(self, index: int) -> None:
        self.slots[index] = None
        self.changed()

    def _cell_height(self, texts: list[str], width: int) -> int:
        m = self.app.metrics
        words_w = width - 2 * self.px(18)
        tallest = max((self.app.type.measure(t, m.text("body"), words_w, bold=True)[2] for t in texts), default=0)
        return max(m.touch, tallest + 2 * self.px(8) + self.px(7) + self.px(16))

    def _widest_word(self, texts: list[str]) -> int:
        """The width of the longest word of the fragments: a narrower cell would break it."""
        m = self.app.metrics
        words = {word for text in texts for word in text.split()}
        return max((self.app.type.measure(w, m.text("body"), 1 << 20, bold=True)[1] for w in words), default=0)

    def _cells(self, corner: tuple[int, int], count: int, columns: int, size: tuple[int, int],
               gap: int) -> list[pygame.Rect]:
        """`count` cells of `size` in rows of `columns` from `corner` (the rows' centre x and
        first y) down, each row centred."""
        centerx, top = corner
        width, height = size
        cells = []
        for i in range(count):
            row, col = divmod(i, columns)
            in_row = min(columns, count - row * columns)
            left = centerx - (in_row * width + (in_row - 1) * gap) // 2
            cells.append(pygame.Rect(left + col * (width + gap), top + row * (height + gap), width, height))
        return cells

    def _fit(self, area: pygame.Rect, texts: list[str], gap: int) -> tuple[bool, int, int, int, int]:
        """The arrangement that fits: the slots above the fragments, else (large text, wide
        spacing) the slots beside them, each with as many columns as fit, the most first.
        Returns (beside, columns, cell width, cell height, height used); when nothing fits, the
        arrangement that overflows least."""
        heading = self.px(HEADING)
        count, pool = len(self.slots), len(self.pool)
        tried: list[tuple[bool, int, int, int, int]] = []
        widest = self._widest_word(texts) + 2 * self.px(18)
        for beside in (False, True):
            room = (area.w - gap) // 2 if beside else area.w
            for columns in range(min(MAX_COLUMNS, count), 0, -1):
                width = min(self.px(560), (room - gap * (columns - 1)) // columns)
                height = self._cell_height(texts, width)
                slot_rows, pool_rows = -(-count // columns), -(-pool // columns)
                if beside:
                    rows = max(slot_rows, pool_rows)
                    used = heading + rows * height + rows * gap
                else:
                    rows = slot_rows + pool_rows
                    used = 2 * heading + rows * height + (rows + 2) * gap
                tried.append((beside, columns, width, height, used))
                if used <= area.h and width >= widest:
                    return tried[-1]
        return min(tried, key=lambda t: t[4])

    def layout(self, area: pygame.Rect) -> list[Widget]:
        """The slots above the fragments, or beside them when the text is large, in as many
        columns as fit (the most first) with every fragment readable in its cell."""
        self.area = area
        gap = self.px(22)
        heading = self.px(HEADING)
        count = len(self.slots)
        texts = [self.label(rid) for rid in self.pool]
        beside, columns, width, height, used = self._fit(area, texts, gap)
        top = area.y + max(0, (area.h - used) // 2)
        if beside:
            half = (area.w - gap) // 2
            left = pygame.Rect(area.x, top, half, heading)
            right = pygame.Rect(area.right - half, top, half, heading)
            self.headings = (left, right)
            self.slot_rects = self._cells((left.centerx, left.bottom + gap), count, columns, (width, height), gap)
            pool_cells = self._cells((right.centerx, right.bottom + gap), len(self.pool), columns, (width, height),
                                     gap)
        else:
            message = pygame.Rect(area.x, top, area.w, heading)
            self.slot_rects = self._cells((area.centerx, message.bottom + gap), count, columns, (width, height), gap)
            below = self.slot_rects[-1].bottom + 2 * gap
            self.headings = (message, pygame.Rect(area.x, below, area.w, heading))
            pool_cells = self._cells((area.centerx, below + heading + gap), len(self.pool), columns,
                                     (width, height), gap)
        self.pool_rects = dict(zip(self.pool, pool_cells, strict=True))
        # The outlines first: under every fragment, as when the view drew them.
        widgets: list[Widget] = [Place(self, f"free:{index}", rect, index + 1)
                                 for index, (rect, placed) in enumerate(zip(self.slot_rects, self.slots, strict=True))
                                 if placed is None]
        widgets += [Place(self, f"left:{rid}", rect, None) for rid, rect in self.pool_rects.items() if rid in self.slots]
        for index, (rect, placed) in enumerate(zip(self.slot_rects, self.slots, strict=True)):
            if placed is not None:
                widgets.append(Button(f"slot:{index}", rect, self.label(placed), kind="primary", text_role="body",
                                      on_tap=partial(self.send_back, index)))
        for rid in self.earned():
            if rid not in self.slots:
                widgets.append(Button(f"fragment:{rid}", self.pool_rects[rid], self.label(rid), text_role="body",
                                      on_tap=partial(self.place, rid)))
        return widgets

    def draw(self, surface: pygame.Surface) -> None:
        """The headings (the outlines of free slots and of fragments placed are widgets)."""
        app = self.app
        p = app.palette
        m = app.metrics
        message, fragments = self.headings
        app.type.block(surface, self._("Le message"), message, size=m.text("subtitle"), color=p.ink, bold=True,
                       align="center", valign="middle", max_lines=1, name="rebuild-message")
        app.type.block(surface, self._("Vos morceaux"), fragments, size=m.text("subtitle"), color=p.ink, bold=True,
                       align="center", valign="middle", max_lines=1, name="rebuild-fragments")

    def backdrop(self) -> Hashable | None:
        return tuple(map(tuple, self.headings))

    def answer(self) -> object | None:
        if any(placed is None for placed in self.slots):
            return None
        return list(self.slots)

    def status(self) -> str:
        return self._("Touchez les morceaux dans l'ordre du message. Touchez un morceau placé pour le retirer.")

    def score_words(self, right: int, total: int) -> str:
        return self.ngettext("{right} morceau sur {total} est à la bonne place.",
                             "{right} morceaux sur {total} sont à la bonne place.", right).format(
            right=right, total=total)

    def enter(self, hand: Hand, answer: object) -> int:
        """Every placed fragment is sent back, then each is tapped in the answer's order."""
        wanted = ids(answer)
        gestures = 0
        for index in reversed(range(len(self.slots))):
            if self.slots[index] is not None:
                hand.tap(f"slot:{index}")
                gestures += 1
        for rid in wanted:
            hand.tap(f"fragment:{rid}")
            gestures += 1
        if self.slots != wanted:
            raise GestureError(f"slots ended as {self.slots}, wanted {wanted}")
        return gestures
