"""F2 in the preview: every puzzle of the mission, one tap away."""

from __future__ import annotations

from functools import partial

import pygame

from gardiens.core.session import PuzzleState
from gardiens.ui.kit.modal import ModalScreen
from gardiens.ui.widgets.base import Button, Widget


class JumpList(ModalScreen[str | None]):
    """The mission's puzzles as buttons; it closes with the one chosen, or None."""

    name = "preview-jump"

    def card(self) -> pygame.Rect:
        rect = pygame.Rect(0, 0, self.width - self.px(160), self.height - self.px(120))
        rect.center = (self.width // 2, self.height // 2)
        return rect

    def layout(self) -> None:
        app = self.app
        mission = app.mission or next(iter(app.session.missions.values()))
        words = app.words
        card = self.card()
        puzzles = list(mission.puzzles)
        cols = 3 if len(puzzles) > 6 else 2
        rows = max(1, -(-len(puzzles) // cols))
        gap = self.px(20)
        top = card.y + self.px(140)
        bottom = card.bottom - self.px(150)
        w = (card.w - self.px(80) - gap * (cols - 1)) // cols
        h = max(self.px(96), min(self.px(130), (bottom - top - gap * (rows - 1)) // rows))
        states = app.state.puzzles
        widgets: list[Widget] = []
        for i, puzzle in enumerate(puzzles):
            title = words.text(puzzle.title, puzzle_id=puzzle.id) if words else puzzle.id
            progress = states.get(puzzle.id)
            done = progress is not None and progress.state in (PuzzleState.SOLVED, PuzzleState.SKIPPED)
            rect = pygame.Rect(card.x + self.px(40) + (i % cols) * (w + gap), top + (i // cols) * (h + gap), w, h)
            widgets.append(Button(f"jump:{puzzle.id}", rect, f"{i + 1}. {title}", align="left",
                                  icon="check" if done else "play", kind="plain",
                                  on_tap=partial(self.dismiss, puzzle.id)))
        widgets.append(Button("close", pygame.Rect(card.right - self.px(440), card.bottom - self.px(130),
                                                   self.px(400), self.px(100)),
                              self._("Fermer"), icon="back", kind="quiet", on_tap=self.close))
        self.widgets = widgets

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        card = self.card()
        self.draw_card(surface, card, edge=p.primary, shadow=p.primary_dark, radius=40, depth=12)
        app.type.block(surface, self._("Aller à une énigme (aperçu)"),
                       pygame.Rect(card.x + self.px(40), card.y + self.px(30), card.w - self.px(80), self.px(90)),
                       size=app.metrics.text("title"), color=p.ink, bold=True, valign="middle", max_lines=1,
                       name="jump-title")
        self.draw_widgets(surface)
