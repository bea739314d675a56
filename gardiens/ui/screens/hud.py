"""The heads-up display during play: countdown (or the time played, with no countdown), progress,
hint and pause buttons, and the title."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from gardiens.core.commands import Pause
from gardiens.core.session import PuzzleState
from gardiens.i18n.format import format_countdown
from gardiens.ui.draw import out_of_clip, panel
from gardiens.ui.kit.screen import bar_button_width
from gardiens.ui.widgets.base import Button, Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen

LOW_TIME = 60


class Hud:
    """Countdown and progress pills on the right of the top bar, with the pause and hint buttons."""

    def __init__(
        self, screen: Screen, *, puzzle_id: str | None = None,
        on_hint: Callable[[], None] | None = None,
    ) -> None:
        self.screen = screen
        self.puzzle_id = puzzle_id
        self.on_hint = on_hint
        self.timer = pygame.Rect(0, 0, 0, 0)
        self.progress = pygame.Rect(0, 0, 0, 0)
        self.left_edge = 0

    def widgets(self) -> list[Widget]:
        s = self.screen
        app = s.app
        _ = s._
        size = s.px(104)
        y = s.px(14)
        x = s.width - s.px(22) - size
        widgets: list[Widget] = [
            Button("pause", pygame.Rect(x, y, size, size), on_tap=lambda: app.command(Pause()),
                   icon="pause", kind="quiet", round_=True)
        ]
        x -= s.px(16) + s.px(190)
        self.progress = pygame.Rect(x, y, s.px(190), size - s.px(7))
        x -= s.px(16) + s.px(230)
        self.timer = pygame.Rect(x, y, s.px(230), size - s.px(7))
        if self.puzzle_id is not None and self.on_hint is not None:
            progress = app.state.puzzles.get(self.puzzle_id)
            offered = bool(progress and progress.hint_offered)
            label = _("Indice")
            w = bar_button_width(s, label, s.px(260), s.px(420))
            x -= s.px(16) + w
            widgets.append(Button("hint", pygame.Rect(x, y, w, size), label, on_tap=self.on_hint,
                                  icon="bulb", kind="accent" if offered else "plain"))
        self.left_edge = x - s.px(20)
        return widgets

    def draw(self, surface: pygame.Surface, *, only_timer: bool = False) -> None:
        app = self.screen.app
        state = app.state
        if state.timer.counts_down:
            remaining = app.session.remaining()
            pills = [(self.timer, "clock", format_countdown(remaining), remaining <= LOW_TIME)]
        else:
            # No countdown: the time played so far, beside the sign of no limit, never hurried.
            pills = [(self.timer, "infinity", format_countdown(app.session.elapsed()), False)]
        if not only_timer:
            pills.append((self.progress, "star", self._progress_text(state.puzzles), False))
        for rect, icon, text, hot in pills:
            if out_of_clip(surface, rect):
                continue
            self._pill(surface, rect, icon, text, hot)

    def solved_ahead(self, surface: pygame.Surface) -> None:
        """The progress pill as it reads once the puzzle of this HUD is solved, drawn on
        `surface` off screen: its text is then set before « Valider » opens the feedback."""
        self._pill(surface, self.progress, "star", self._progress_text(self.screen.app.state.puzzles, 1), False)

    def _pill(self, surface: pygame.Surface, rect: pygame.Rect, icon: str, text: str, hot: bool) -> None:
        app = self.screen.app
        p = app.palette
        m = app.metrics
        fill = p.accent if hot else p.surface
        ink = p.on_accent if hot else p.ink
        panel(surface, rect, fill, radius=rect.h // 2, border=p.outline, border_width=m.px(3))
        image = app.assets.icon(icon, m.px(48), ink)
        surface.blit(image, image.get_rect(midleft=(rect.x + m.px(20), rect.centery)))
        box = pygame.Rect(rect.x + m.px(76), rect.y + m.px(6), rect.w - m.px(96), rect.h - m.px(12))
        app.type.block(surface, text, box, size=m.text("subtitle"), color=ink, bold=True, align="right",
                       valign="middle", max_lines=1, name=f"hud-{icon}")

    def pills(self) -> tuple[str, ...]:
        """What its pills show besides the countdown's seconds, which change on their own."""
        return (self._progress_text(self.screen.app.state.puzzles),)

    @staticmethod
    def _progress_text(puzzles: object, more: int = 0) -> str:
        """« solved/all », with `more` puzzles solved than are now."""
        items = list(getattr(puzzles, "values", dict)())
        done = sum(1 for p in items if p.state in (PuzzleState.SOLVED, PuzzleState.SKIPPED)) + more
        return f"{done}/{len(items)}"

