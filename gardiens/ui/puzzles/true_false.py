"""The "true_false" kind: each statement marked true or false."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import pygame

from gardiens.core.model import TrueFalse
from gardiens.ui.draw import panel
from gardiens.ui.puzzles.base import GestureError, Hand, PuzzleView, taps
from gardiens.ui.widgets.base import Button, Widget
from gardiens.ui.widgets.layout import grid

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen


class TrueFalseView(PuzzleView):
    """Each statement gets one of two answers (« Info » / « Intox » or true / false)."""

    puzzle: TrueFalse

    @property
    def side_picture(self) -> bool:  # type: ignore[override]
        # Beside a picture, more than four statements leave too little room to read them.
        return len(self.puzzle.statements) <= 4

    def __init__(self, screen: Screen, puzzle: TrueFalse) -> None:
        super().__init__(screen, puzzle)
        self.answers: dict[str, bool] = {}
        self.cards: list[tuple[pygame.Rect, str]] = []

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

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        statements = self.puzzle.statements
        cols = 1 if len(statements) <= 4 else 2
        cells = grid(area, len(statements), columns=cols, gap=self.px(18), max_height=self.px(160))
        yes, no = self.labels()
        bw = self.px(230 if cols == 1 else 190)
        bh = min(cells[0].h - self.px(24), self.px(110)) if cells else 0
        widgets: list[Widget] = []
        self.cards = []
        for statement, card in zip(statements, cells, strict=True):
            self.cards.append((card, statement.id))
            chosen = self.answers.get(statement.id)
            y = card.centery - bh // 2
            widgets.append(Button(f"tf:{statement.id}:true", pygame.Rect(card.right - 2 * bw - self.px(30), y, bw, bh),
                                  yes, icon="check", selected=chosen is True, selected_icon=None, text_role="body",
                                  on_tap=partial(self.choose, statement.id, True)))
            widgets.append(Button(f"tf:{statement.id}:false", pygame.Rect(card.right - bw - self.px(16), y, bw, bh),
                                  no, icon="cross", selected=chosen is False, selected_icon=None, text_role="body",
                                  on_tap=partial(self.choose, statement.id, False)))
        self.button_w = 2 * bw + self.px(46)
        return widgets

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        texts = {s.id: self.text(s.text) for s in self.puzzle.statements}
        boxes = [pygame.Rect(card.x + self.px(26), card.y + self.px(10), card.w - self.button_w - self.px(40),
                             card.h - self.px(20)) for card, _sid in self.cards]
        size = app.type.common_size([texts[sid] for _card, sid in self.cards], boxes, m.text("body"))
        for (card, sid), box in zip(self.cards, boxes, strict=True):
            done = sid in self.answers
            panel(surface, card, p.surface if not done else p.surface_alt, radius=self.px(24),
                  border=p.primary if done else p.outline, border_width=self.px(3))
            app.type.block(surface, texts[sid], box, size=size, color=p.ink, valign="middle",
                           name=f"statement:{sid}")

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
        return taps(hand, [f"tf:{sid}:{'true' if value else 'false'}" for sid, value in answer.items()])
