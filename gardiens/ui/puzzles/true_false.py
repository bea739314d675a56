"""The "true_false" kind: each statement marked true or false."""

from __future__ import annotations

from collections.abc import Hashable
from functools import partial
from typing import TYPE_CHECKING

import pygame

from gardiens.core.model import TrueFalse
from gardiens.ui.draw import panel
from gardiens.ui.puzzles.base import GestureError, Hand, PuzzleView, taps
from gardiens.ui.widgets.base import Button, Display, Widget
from gardiens.ui.widgets.layout import grid

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen
    from gardiens.ui.widgets.base import Canvas, Ring


# Design pixels: the gap between statements, the tallest a statement's card grows in the grid, the
# smallest a card of the pages is, and the row of the page buttons.
GAP = 18
MAX_CARD = 160
MIN_CARD = 124
NAV = 110
# Design pixels a button keeps beside its label: its icon and its margins.
BUTTON_ROOM = 120


class StatementCard(Display):
    """A statement's card, under its two answer buttons: it turns another colour once answered."""

    contained = True

    def __init__(self, view: TrueFalseView, sid: str, rect: pygame.Rect, text: str, size: int) -> None:
        super().__init__(f"statement:{sid}", rect)
        self.view = view
        self.sid = sid
        self.text = text
        self.size = size

    def paint(self, surface: pygame.Surface, app: Canvas, area: pygame.Rect, pressed: bool) -> Ring:
        p = app.palette
        view = self.view
        done = self.sid in view.answers
        panel(surface, area, p.surface if not done else p.surface_alt, radius=view.px(24),
              border=p.primary if done else p.outline, border_width=view.px(3))
        app.type.block(surface, self.text, view.text_box(area), size=self.size, color=p.ink, valign="middle",
                       name=f"statement:{self.sid}")
        return area, view.px(24)

    def appearance(self, app: Canvas) -> Hashable | None:
        return (type(self).__name__, tuple(self.rect), self.sid, self.sid in self.view.answers, self.text, self.size)


class TrueFalseView(PuzzleView):
    """Each statement gets one of two answers (« Info » / « Intox » or true / false).

    The puzzle's picture stays beside the statements. When they do not all fit at their reading
    size, they are shown a page at a time, with page buttons under them."""

    puzzle: TrueFalse

    def __init__(self, screen: Screen, puzzle: TrueFalse) -> None:
        super().__init__(screen, puzzle)
        self.answers: dict[str, bool] = {}
        self.cards: list[tuple[pygame.Rect, str]] = []
        self.pages: list[list[int]] = []
        self.page = 0
        self.size = 0

    def labels(self) -> tuple[str, str]:
        if self.puzzle.labels:
            return self.text(self.puzzle.labels[0]), self.text(self.puzzle.labels[1])
        return self._("Vrai"), self._("Faux")

    def choose(self, sid: str, value: bool) -> None:
        if self.answers.get(sid) is value:
            del self.answers[sid]
        else:
            self.answers[sid] = value
        self.changed()

    def turn(self, step: int) -> None:
        self.page = max(0, min(len(self.pages) - 1, self.page + step))
        self.changed()

    def page_of(self, sid: str) -> int:
        index = [s.id for s in self.puzzle.statements].index(sid)
        return next(n for n, page in enumerate(self.pages) if index in page)

    def text_box(self, card: pygame.Rect) -> pygame.Rect:
        return pygame.Rect(card.x + self.px(26), card.y + self.px(10), card.w - self.button_w - self.px(40),
                           card.h - self.px(20))

    def _cells(self, area: pygame.Rect) -> list[pygame.Rect]:
        """Where the statements go: the grid when every one fits it at the reading size, else
        pages of cards as tall as their statement, as many as the height holds."""
        statements = self.puzzle.statements
        app = self.app
        body = app.metrics.text("body")
        cols = 1 if len(statements) <= 4 or self.screen_has_picture() else 2
        self.button_w = self._buttons_width(230 if cols == 1 else 190)
        cells = grid(area, len(statements), columns=cols, gap=self.px(GAP), max_height=self.px(MAX_CARD))
        texts = [self.text(s.text) for s in statements]
        if all(self._fits(t, body, c) for t, c in zip(texts, cells, strict=True)):
            self.pages = [list(range(len(statements)))]
            return cells
        # One column of cards, each as tall as its statement; pages of as many as fit.
        self.button_w = self._buttons_width(230)
        width = area.w - self.button_w - self.px(40)
        heights = [max(self.px(MIN_CARD), app.type.measure(t, body, width)[2] + self.px(28)) for t in texts]
        room = area.h - self.px(NAV) - self.px(GAP)
        self.pages = [[]]
        used = 0
        for index, h in enumerate(heights):
            if self.pages[-1] and used + self.px(GAP) + h > room:
                self.pages.append([])
                used = 0
            used += (self.px(GAP) if self.pages[-1] else 0) + h
            self.pages[-1].append(index)
        self.page = min(self.page, len(self.pages) - 1)
        y = area.y
        shown: dict[int, pygame.Rect] = {}
        for index in self.pages[self.page]:
            shown[index] = pygame.Rect(area.x, y, area.w, heights[index])
            y += heights[index] + self.px(GAP)
        return [shown.get(i, pygame.Rect(0, 0, 0, 0)) for i in range(len(statements))]

    def _buttons_width(self, smallest: int) -> int:
        """The two answer buttons side by side: each as wide as the longer label with its icon,
        and at least `smallest` design pixels."""
        font = self.app.type.font(self.app.metrics.text("body"), True)
        label = max(font.size(self.app.type.shape(text))[0] for text in self.labels())
        return 2 * max(self.px(smallest), label + self.px(BUTTON_ROOM)) + self.px(46)

    def _fits(self, text: str, size: int, card: pygame.Rect) -> bool:
        """Whether `text` fits its card at `size`, without shrinking."""
        used, _lines, fits = self.app.type.fit_size(self.app.type.shape(text), size, self.text_box(card))
        return fits and used >= size

    def screen_has_picture(self) -> bool:
        return self.puzzle.image is not None

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        statements = self.puzzle.statements
        cells = self._cells(area)
        on_page = set(self.pages[self.page])
        yes, no = self.labels()
        bw = (self.button_w - self.px(46)) // 2
        widgets: list[Widget] = []
        self.cards = [(card, s.id) for index, (s, card) in enumerate(zip(statements, cells, strict=True))
                      if index in on_page]
        # The statements on show share one text size, the largest at which each fits its card.
        texts = {s.id: self.text(s.text) for s in statements}
        size = self.app.type.common_size([texts[sid] for _card, sid in self.cards],
                                         [self.text_box(card) for card, _sid in self.cards],
                                         self.app.metrics.text("body"))
        # Every card under every button, as when the view drew them.
        widgets += [StatementCard(self, sid, card, texts[sid], size) for card, sid in self.cards]
        for index, (statement, card) in enumerate(zip(statements, cells, strict=True)):
            if index not in on_page:
                continue
            chosen = self.answers.get(statement.id)
            bh = min(card.h - self.px(24), self.px(110))
            y = card.centery - bh // 2
            widgets.append(Button(f"tf:{statement.id}:true", pygame.Rect(card.right - 2 * bw - self.px(30), y, bw, bh),
                                  yes, icon="check", selected=chosen is True, selected_icon=None, text_role="body",
                                  on_tap=partial(self.choose, statement.id, True)))
            widgets.append(Button(f"tf:{statement.id}:false", pygame.Rect(card.right - bw - self.px(16), y, bw, bh),
                                  no, icon="cross", selected=chosen is False, selected_icon=None, text_role="body",
                                  on_tap=partial(self.choose, statement.id, False)))
        if len(self.pages) > 1:
            widgets += self._page_buttons(area)
        return widgets

    def _page_buttons(self, area: pygame.Rect) -> list[Widget]:
        """Previous and next page under the statements; « next » stands out once this page is
        answered, so that no page is forgotten."""
        _ = self._
        done = all(self.puzzle.statements[i].id in self.answers for i in self.pages[self.page])
        last = self.page >= len(self.pages) - 1
        h = self.px(NAV - 14)
        y = area.bottom - h
        w = min(self.px(330), (area.w - self.px(260)) // 2)
        return [
            Button("tf-previous", pygame.Rect(area.x, y, w, h), _("Précédent"), icon="back", kind="plain",
                   enabled=self.page > 0, on_tap=partial(self.turn, -1)),
            Button("tf-next", pygame.Rect(area.right - w, y, w, h), _("Suivant"), icon="next",
                   kind="accent" if done and not last else "plain", enabled=not last, on_tap=partial(self.turn, 1)),
        ]

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        if len(self.pages) > 1:
            row = pygame.Rect(self.area.x, self.area.bottom - self.px(NAV - 14), self.area.w, self.px(NAV - 14))
            app.type.block(surface, f"{self.page + 1} / {len(self.pages)}", row, size=m.text("subtitle"),
                           color=p.ink_soft, bold=True, align="center", valign="middle", max_lines=1,
                           name="tf-page")

    def backdrop(self) -> Hashable | None:
        # What `draw` paints: the page number (the statements' cards are widgets).
        return (self.page, len(self.pages), tuple(self.area))

    def answer(self) -> object | None:
        if len(self.answers) < len(self.puzzle.statements):
            return None
        return dict(self.answers)

    def status(self) -> str:
        done = len(self.answers)
        return self.ngettext("{done} réponse sur {total}", "{done} réponses sur {total}", done).format(
            done=done, total=len(self.puzzle.statements))

    def enter(self, hand: Hand, answer: object) -> int:
        if not isinstance(answer, dict):
            raise GestureError("expected a true or false for each statement")
        gestures = 0
        for sid, value in answer.items():
            while self.page != self.page_of(str(sid)):
                hand.tap("tf-next" if self.page < self.page_of(str(sid)) else "tf-previous")
                gestures += 1
            gestures += taps(hand, [f"tf:{sid}:{'true' if value else 'false'}"])
        return gestures
