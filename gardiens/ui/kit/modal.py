"""Pop-ups: screens over the one below that close with a result for whoever opened them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar, cast

import pygame

from gardiens.ui.draw import panel
from gardiens.ui.kit.screen import Screen

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Host
    from gardiens.ui.theme import Color
    from gardiens.ui.widgets.base import Canvas

T = TypeVar("T")


class ModalScreen(Screen, Generic[T]):
    """A pop-up over the screen below, which it dims (Textual's `ModalScreen[T]`).

    It closes with `dismiss(result)`: it leaves the stack and `result` goes to `on_dismiss`, the
    callback of whoever opened it, so that a pop-up never reaches into the screen below.
    Escape closes it as its own close button does (`close`).

        app.push(FeedbackPanel(app, puzzle, verdict, earned, on_dismiss=screen.after_feedback))
    """

    overlay = True

    def __init__(self, app: Host, *, on_dismiss: Callable[[T], object] | None = None) -> None:
        super().__init__(app)
        self._on_dismiss = on_dismiss

    def dismiss(self, result: T) -> None:
        """Leave the stack (when on top) and hand `result` to whoever opened the pop-up."""
        self.app.pop(self)
        if self._on_dismiss is not None:
            self._on_dismiss(result)

    def close(self) -> None:
        """Closed without an answer (its close button, Escape): the result is None. A pop-up whose
        result cannot be None (the PIN pad: unlocked or not) closes with its own."""
        self.dismiss(cast("T", None))

    def on_back(self) -> None:
        self.close()

    def draw_card(self, surface: pygame.Surface, card: pygame.Rect, *, edge: Color, shadow: Color,
                  radius: int = 44, depth: int = 14) -> None:
        """The pop-up's card on the screen below, veiled first (see `card_panel`)."""
        self.dim(surface)
        card_panel(surface, self.app, card, edge=edge, shadow=shadow, radius=radius, depth=depth)

    def draw_heading(self, surface: pygame.Surface, card: pygame.Rect, icon: str, title: str, *, name: str,
                     right: int = 60) -> None:
        """The pop-up's icon and title along the top of its card, the title on one line; `right` is
        the room kept right of the title (design pixels)."""
        app = self.app
        p = app.palette
        image = app.assets.icon(icon, self.px(80), p.primary)
        surface.blit(image, (card.x + self.px(50), card.y + self.px(34)))
        app.type.block(surface, title, pygame.Rect(card.x + self.px(160), card.y + self.px(30),
                       card.w - self.px(160 + right), self.px(90)), size=app.metrics.text("title"), color=p.ink,
                       bold=True, valign="middle", max_lines=1, name=name)


def card_panel(surface: pygame.Surface, app: Canvas, card: pygame.Rect, *, edge: Color, shadow: Color,
               radius: int = 44, depth: int = 14) -> None:
    """A pop-up's card: the paper colour, a thick coloured edge, a shadow of `depth` under it
    (design pixels, as `radius`)."""
    px = app.metrics.px
    panel(surface, card, app.palette.surface, radius=px(radius), shadow=shadow, depth=px(depth), border=edge,
          border_width=px(6))
