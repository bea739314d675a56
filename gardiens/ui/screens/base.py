"""What every screen shares: its widgets, keyboard focus, the top bar and the dimmed overlay look."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from gardiens.ui.widgets.base import Widget

if TYPE_CHECKING:
    from gardiens.ui.app import App

# Top bar height at 1920×1080; the accessibility button sits in its left corner on every screen.
TOP_BAR = 130
CORNER = 150


class Screen:
    """One screen of the stack. Screens read the session and send commands through the App."""

    name = "screen"
    overlay = False  # drawn above the screen below it, which is dimmed
    holds_sync = False  # the App waits for this screen to close before following the session
    shows_accessibility = True  # the team's accessibility button sits in the top-left corner
    # Its animation only sets a mood (the attract screen): a frame of it may give way to
    # longer preparation, as a frame that draws nothing does.
    ambient = False

    def __init__(self, app: App) -> None:
        self.app = app
        self.widgets: list[Widget] = []
        self.focus: str | None = None
        self.opened_at = app.time

    # -- helpers -------------------------------------------------------------------

    def _(self, message: str) -> str:
        return self.app.translator.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The singular or plural form for `n`, by the language's rule (French: 0 and 1 singular)."""
        return self.app.translator.ngettext(singular, plural, n)

    def px(self, value: float) -> int:
        return self.app.metrics.px(value)

    @property
    def width(self) -> int:
        return self.app.metrics.width

    @property
    def height(self) -> int:
        return self.app.metrics.height

    def rect(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        px = self.app.metrics.px
        return pygame.Rect(px(x), px(y), px(w), px(h))

    def find(self, name: str) -> Widget | None:
        for widget in self.widgets:
            if widget.name == name:
                return widget
        return None

    # -- lifecycle -----------------------------------------------------------------

    def layout(self) -> None:
        """Build the widgets for the current window size, settings and session state."""
        self.widgets = []

    def refresh(self) -> None:
        """Rebuild after a change, keeping the keyboard focus on the same named widget."""
        self.layout()
        if self.focus is not None and self.find(self.focus) is None:
            self.focus = None

    def stale(self) -> bool:
        """True when the session moved on and this screen should leave the stack."""
        return False

    def animating(self) -> bool:
        return False

    def update(self, dt: float) -> None:
        """Advance animations by `dt` seconds."""

    # -- drawing -------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_background(surface)
        self.draw_widgets(surface)

    def draw_background(self, surface: pygame.Surface) -> None:
        surface.blit(self.app.background(), (0, 0))

    def draw_widgets(self, surface: pygame.Surface) -> None:
        pressed = self.app.pressed_widget()
        for widget in self.widgets:
            widget.draw(surface, self.app, focused=widget.name == self.focus and self.app.show_focus,
                        pressed=widget is pressed)

    def dim(self, surface: pygame.Surface) -> None:
        """Veil what is under an overlay: two fills over the pixels, no full-screen layer kept."""
        *color, alpha = self.app.palette.dim
        share = alpha / 255
        keep = round(255 * (1 - share))
        surface.fill((keep, keep, keep), special_flags=pygame.BLEND_RGB_MULT)
        surface.fill(tuple(round(c * share) for c in color), special_flags=pygame.BLEND_RGB_ADD)

    # -- input ---------------------------------------------------------------------

    def widget_at(self, pos: tuple[int, int]) -> Widget | None:
        for widget in reversed(self.widgets):
            if widget.hit(pos):
                return widget
        return None

    def focusables(self) -> list[Widget]:
        return [w for w in self.widgets if w.focusable and w.enabled]

    def move_focus(self, step: int) -> None:
        order = self.focusables()
        if not order:
            return
        names = [w.name for w in order]
        if self.focus in names:
            index = (names.index(self.focus) + step) % len(names)
        else:
            index = 0 if step > 0 else len(names) - 1
        self.focus = names[index]

    def move_focus_towards(self, dx: int, dy: int) -> None:
        """Arrow keys: the nearest widget in that direction, else the next one in order."""
        current = self.find(self.focus) if self.focus else None
        if current is None:
            self.move_focus(1)
            return
        cx, cy = current.rect.center
        best: tuple[float, Widget] | None = None
        for widget in self.focusables():
            if widget is current:
                continue
            wx, wy = widget.rect.center
            along = (wx - cx) * dx + (wy - cy) * dy
            if along <= 0:
                continue
            across = abs((wx - cx) * dy) + abs((wy - cy) * dx)
            score = along + 2 * across
            if best is None or score < best[0]:
                best = (score, widget)
        if best is not None:
            self.focus = best[1].name
        else:
            self.move_focus(1 if dx + dy > 0 else -1)

    def on_key(self, event: pygame.event.Event) -> bool:
        """A key press the screen handles itself; return True when consumed."""
        return False

    def on_text(self, text: str) -> None:
        """Text typed on a physical keyboard (or pasted)."""

    def on_back(self) -> None:
        """Escape: close an overlay, go back to the map; never quits the kiosk."""

    def on_drag(self, widget: Widget, pos: tuple[int, int]) -> None:
        """A draggable widget is being moved by a finger."""

    def on_drop(self, widget: Widget, pos: tuple[int, int]) -> None:
        """A dragged widget was released at `pos`."""

    def on_tap_outside(self, pos: tuple[int, int]) -> None:
        """A tap that hit no widget."""
