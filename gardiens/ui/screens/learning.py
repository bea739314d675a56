"""« Avant de commencer : une question ! »: the mission's learning check, asked on its own screen
before the briefing and again before the debrief. Each answer is a big button, « Passer » skips;
nothing is said of the first answer (a check, not a quiz), the right one is shown after the second.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import pygame

from gardiens.core.commands import AnswerCheck
from gardiens.core.learning import CheckQuestion, Moment
from gardiens.core.learning import pending as next_question
from gardiens.ui.draw import panel
from gardiens.ui.kit.screen import CORNER, TOP_BAR, Screen, draw_title
from gardiens.ui.widgets.base import Button, ButtonKind

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Host

# Design pixels: the side margins, the question's card, the gap between answers, the foot row.
SIDE = 90
QUESTION_H = 300
GAP = 30
FOOT = 170


class LearningScreen(Screen):
    """One question of the learning check at a time, until none is left at this moment."""

    name = "learning"

    def __init__(self, app: Host, ahead_of: Moment | None = None) -> None:
        super().__init__(app)
        # After the second ask: the question answered, and the choice tapped (None: skipped),
        # shown with the right answer until the team taps « Continuer ».
        self.revealed: tuple[CheckQuestion, str | None] | None = None
        # Prepared ahead (see ui/ahead.py) before the moment comes: the question it will ask then.
        self.ahead_of = ahead_of

    @property
    def holds_sync(self) -> bool:  # type: ignore[override]
        """The right answer stays on screen, though the session has moved on, until « Continuer »."""
        return self.revealed is not None

    def asked(self) -> tuple[Moment, CheckQuestion, int, int] | None:
        """The moment, the question shown, its number and how many there are."""
        mission = self.app.mission
        if mission is None:
            return None
        questions = mission.learning_check
        if self.revealed is not None:
            question = self.revealed[0]
            return "after", question, questions.index(question) + 1, len(questions)
        pending = self.app.session.pending_check()
        if pending is None and self.ahead_of is not None:
            coming = next_question(questions, self.app.state.checked, self.ahead_of)
            pending = (self.ahead_of, questions.index(coming)) if coming is not None else None
        if pending is None:
            return None
        moment, index = pending
        return moment, questions[index], index + 1, len(questions)

    def layout(self) -> None:
        _ = self._
        self.widgets = []
        asked = self.asked()
        words = self.app.words
        if asked is None or words is None:
            return
        _moment, question, _number, _count = asked
        foot = pygame.Rect(self.width - self.px(SIDE + 420), self.height - self.px(FOOT), self.px(420),
                           self.px(130))
        top = self.px(TOP_BAR + 40 + QUESTION_H + GAP)
        # In line with the question's card, right of the speaker button's column.
        area = pygame.Rect(self.px(CORNER), top, self.width - self.px(CORNER + SIDE), foot.y - self.px(GAP) - top)
        choices = question.choices
        columns = 2 if len(choices) > 1 else 1
        rows = (len(choices) + columns - 1) // columns
        gap = self.px(GAP)
        w = (area.w - gap * (columns - 1)) // columns
        h = min(self.px(190), (area.h - gap * (rows - 1)) // rows)
        right = question.right()
        for i, choice in enumerate(choices):
            rect = pygame.Rect(area.x + (i % columns) * (w + gap), area.y + (i // columns) * (h + gap), w, h)
            label = words.text(choice.text)
            if self.revealed is None:
                self.widgets.append(Button(f"check:{choice.id}", rect, label, kind="primary",
                                           text_role="subtitle",
                                           on_tap=partial(self.answer, question, choice.id)))
            else:
                chosen = self.revealed[1] == choice.id
                kind: ButtonKind = "good" if choice.id == right else "bad" if chosen else "quiet"
                # The team's wrong choice is marked by a cross as well as by its colour.
                wrong = chosen and choice.id != right
                self.widgets.append(Button(f"check:{choice.id}", rect, label, kind=kind, text_role="subtitle",
                                           selected=True if choice.id == right else None,
                                           icon="cross" if wrong else None, on_tap=self.go_on))
        if self.revealed is None:
            self.widgets.append(Button("skip", foot, _("Passer"), icon="next", kind="plain",
                                       text_role="subtitle", on_tap=lambda: self.answer(question, None)))
        else:
            self.widgets.append(Button("continue", foot, _("Continuer"), icon="next", kind="accent",
                                       text_role="subtitle", on_tap=self.go_on))
            self.focus = "continue"

    def answer(self, question: CheckQuestion, choice: str | None) -> None:
        """Journal the answer; after the mission, show the right one before moving on."""
        asked = self.asked()
        if asked is not None and asked[0] == "after":
            self.revealed = (question, choice)
        self.app.command(AnswerCheck(question.id, choice))
        self.refresh()

    def go_on(self) -> None:
        self.revealed = None
        self.app.sync(force=True)

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        _ = self._
        self.draw_background(surface)
        asked = self.asked()
        words = app.words
        if asked is None or words is None:
            self.draw_widgets(surface)
            return
        moment, question, number, count = asked
        title = _("Avant de commencer : une question !") if moment == "before" else _(
            "Avant de finir : la même question !")
        if count > 1:
            title = f"{title} ({number} / {count})"
        draw_title(self, surface, title, left=self.px(CORNER))
        # Right of the corner's column, where the speaker button lies.
        card = pygame.Rect(self.px(CORNER), self.px(TOP_BAR + 40), self.width - self.px(CORNER + SIDE),
                           self.px(QUESTION_H))
        panel(surface, card, p.surface, radius=self.px(32), border=p.outline, border_width=self.px(3))
        inner = card.inflate(-self.px(100), -self.px(60))
        if self.revealed is None:
            note = _("Pas de piège : répondez comme vous le pensez.") if moment == "before" else _(
                "Avez-vous changé d'avis ?")
        else:
            right = question.choice(question.right() or "")
            note = _("La bonne réponse : {answer}").format(answer=words.text(right.text) if right else "")
        note_h = self.px(110)
        app.type.block(surface, words.text(question.question),
                       pygame.Rect(inner.x, inner.y, inner.w, inner.h - note_h), size=m.text("subtitle"),
                       color=p.ink, bold=True, valign="middle", name="check-question")
        app.type.block(surface, note, pygame.Rect(inner.x, inner.bottom - note_h, inner.w, note_h),
                       size=m.text("body"), color=p.good if self.revealed is not None else p.ink_soft,
                       bold=self.revealed is not None, valign="middle", max_lines=2, name="check-note")
        self.draw_widgets(surface)
