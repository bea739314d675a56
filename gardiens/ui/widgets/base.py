"""Widgets: named rectangles that can be tapped, focused with the keyboard, and sometimes dragged."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeAlias

import pygame

from gardiens.ui.draw import focus_ring, panel, raised_face
from gardiens.ui.theme import Color, FontChoice, mix

if TYPE_CHECKING:
    from gardiens.ui.assets import Assets
    from gardiens.ui.text import AsIs, Typesetter
    from gardiens.ui.theme import Metrics, Palette, Settings

# Where a widget's focus ring goes, and the ring's corner radius (see `Widget.paint`).
Ring: TypeAlias = tuple[pygame.Rect, int]
ButtonKind = Literal["primary", "accent", "plain", "good", "bad", "quiet", "locked"]
# Pixels of button looks kept at most (see `Looks`: about 10 MB, the buttons of two screens), and
# the largest button kept.
LOOKS_PIXELS = 2_500_000
LOOK_MAX_PIXELS = 400_000


class Canvas(Protocol):
    """What a widget draws with: the App's sizes, colours, text, pictures and button looks."""

    metrics: Metrics
    palette: Palette
    settings: Settings
    type: Typesetter
    assets: Assets
    looks: Looks


class Widget:
    """A touch target with a stable name (the pilot and the tests find widgets by name)."""

    focusable = True
    draggable = False
    # Whether all the widget paints lies within `PLAIN_REACH` of its rectangle (its shadow, a
    # badge on its corner, its focus ring): a repaint under a clip well away from it skips it.
    contained = False

    def __init__(
        self,
        name: str,
        rect: pygame.Rect,
        *,
        on_tap: Callable[[], object] | None = None,
        enabled: bool = True,
    ) -> None:
        self.name = name
        self.rect = pygame.Rect(rect)
        self.on_tap = on_tap
        self.enabled = enabled

    def hit(self, pos: tuple[int, int]) -> bool:
        return self.enabled and self.rect.collidepoint(pos)

    def activate(self, pos: tuple[int, int] | None = None) -> None:
        """A tap released on the widget, or Enter while it has the focus."""
        if self.enabled and self.on_tap is not None:
            self.on_tap()

    def draw(self, surface: pygame.Surface, app: Canvas, *, focused: bool, pressed: bool) -> None:
        """The widget painted where it sits, ringed while it has the keyboard focus."""
        face, radius = self.paint(surface, app, self.rect, pressed)
        if focused:
            focus_ring(surface, face, app.palette, radius, app.metrics.px(6))

    def paint(self, surface: pygame.Surface, app: Canvas, area: pygame.Rect, pressed: bool) -> Ring:
        """Draw the widget in `area`; returns where its focus ring goes and that ring's corner radius."""
        return area, app.metrics.px(16)

    def carried(self, pos: tuple[int, int]) -> pygame.Rect | None:
        """Where the widget is painted (`paint`) over the screen while a finger drags it at `pos`,
        apart from the screen under it (a card under the finger); None when it is not (a list
        slid by the finger is drawn by its screen)."""
        return None

    def appearance(self, app: Canvas) -> Hashable | None:
        """Everything the widget's pixels depend on when not pressed, where it sits included, or
        None when it cannot say: a tap that changes only some widgets' appearances repaints only
        their rectangles (`gardiens.ui.frame.Frame.tapped`), an unknown one the whole screen."""
        return None

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name} {tuple(self.rect)}>"


class Display(Widget):
    """A widget that only shows something (a gauge, the typed answer): no touch, no focus."""

    focusable = False

    def hit(self, pos: tuple[int, int]) -> bool:
        return False


class Button(Widget):
    """A rounded button with an optional icon; `selected` shows a check mark, not only a colour."""

    def __init__(
        self,
        name: str,
        rect: pygame.Rect,
        label: str = "",
        *,
        on_tap: Callable[[], object] | None = None,
        icon: str | None = None,
        kind: ButtonKind = "plain",
        selected: bool | None = None,
        enabled: bool = True,
        text_role: str = "button",
        family: FontChoice | None = None,
        align: Literal["left", "center"] = "center",
        round_: bool = False,
        selected_icon: str | None = "check",
        as_is: AsIs | None = None,
    ) -> None:
        super().__init__(name, rect, on_tap=on_tap, enabled=enabled)
        self.label = label
        # Why the label needs no translation, when it needs none (see AsIs).
        self.as_is = as_is
        self.icon = icon
        self.kind = kind
        self.selected = selected
        self.text_role = text_role
        self.family = family
        self.align = align
        self.round = round_
        self.selected_icon = selected_icon

    def colors(self, app: Canvas) -> tuple[Color, Color, Color, Color]:
        """Fill, text, border and shadow colours for the button's kind and state."""
        p = app.palette
        kind = self.kind
        if self.selected:
            kind = "primary"
        fills = {
            "primary": (p.primary, p.on_primary, p.primary_dark, p.primary_dark),
            "accent": (p.accent, p.on_accent, p.accent_dark, p.accent_dark),
            "plain": (p.surface, p.ink, p.outline, p.shadow),
            "good": (p.good_soft, p.ink, p.good, p.good),
            "bad": (p.bad_soft, p.ink, p.bad, p.bad),
            "quiet": (p.surface_alt, p.ink, p.outline, p.shadow),
            "locked": (p.locked_soft, p.ink_soft, p.locked, p.locked),
        }
        fill, ink, border, shadow = fills[kind]
        if not self.enabled:
            fill = mix(fill, p.locked_soft, 0.7)
            ink = p.locked
            border = p.locked
        return fill, ink, border, shadow

    def draw(self, surface: pygame.Surface, app: Canvas, *, focused: bool, pressed: bool) -> None:
        if type(self) is Button and app.type.deferred is None:
            face, radius = app.looks.draw(surface, self, app, pressed)
        else:
            face, radius = self.paint(surface, app, self.rect, pressed)
        if focused:
            focus_ring(surface, face, app.palette, radius, app.metrics.px(6))

    def paint(self, surface: pygame.Surface, app: Canvas, area: pygame.Rect, pressed: bool) -> Ring:
        """Draw the button in `area`; returns its face (where the focus ring goes) and corner radius."""
        m = app.metrics
        fill, ink, border, shadow = self.colors(app)
        rect, depth = raised_face(area, m.px(7) if self.enabled else m.px(3), pressed and self.enabled, sunk=m.px(2))
        radius = rect.h // 2 if self.round else m.px(22)
        width = m.px(6) if (self.selected or app.settings.high_contrast) else m.px(3)
        panel(surface, rect, fill, radius=radius, shadow=shadow, depth=depth, border=border,
              border_width=max(2, width))
        self.draw_content(surface, app, rect, ink)
        return rect, radius

    def look(self, app: Canvas, pressed: bool) -> tuple[Any, ...]:
        """Everything the button's pixels depend on, but where it sits."""
        t = app.type
        return (self.rect.size, self.label, self.icon, self.kind, self.selected, self.enabled,
                pressed and self.enabled, self.text_role, self.family, self.align, self.round,
                self.selected_icon, app.palette, app.settings, app.metrics.size, t.family, t.language,
                t.min_scale)

    def appearance(self, app: Canvas) -> Hashable | None:
        # A kind of button that draws itself otherwise says what its pixels depend on itself.
        return self.appearance_of(app) if type(self) is Button else None

    def appearance_of(self, app: Canvas, *more: Hashable) -> Hashable:
        """The appearance of a button whose pixels depend only on its fields, and on `more`."""
        return (type(self), tuple(self.rect), self.as_is, self.look(app, False), *more)

    def draw_content(self, surface: pygame.Surface, app: Canvas, rect: pygame.Rect, ink: Color) -> None:
        m = app.metrics
        pad = m.px(18)
        inner = rect.inflate(-2 * pad, -2 * m.px(8))
        icon = self.icon
        if self.selected and self.selected_icon:
            icon = self.selected_icon
        if icon:
            size = min(m.px(56), inner.h, max(m.px(24), int(rect.h * 0.55)))
            if not self.label:
                image = app.assets.icon(icon, size, ink)
                surface.blit(image, image.get_rect(center=rect.center))
                return
            image = app.assets.icon(icon, size, ink)
            if self.align == "center":
                label_w = app.type.measure(self.label, m.text(self.text_role), inner.w - size - pad)[1]
                block = size + pad + label_w
                x = max(inner.x, rect.centerx - block // 2)
            else:
                x = inner.x
            surface.blit(image, image.get_rect(midleft=(x, rect.centery)))
            inner = pygame.Rect(x + size + pad, inner.y, inner.right - x - size - pad, inner.h)
            align: Literal["left", "center"] = "left"
        else:
            align = self.align
        if self.label:
            if self.family is not None and self.family != app.type.family:
                saved = app.type.family
                app.type.family = self.family
                try:
                    app.type.block(surface, self.label, inner, size=m.text(self.text_role), color=ink,
                                   bold=True, align=align, valign="middle", name=self.name, as_is=self.as_is)
                finally:
                    app.type.family = saved
            else:
                app.type.block(surface, self.label, inner, size=m.text(self.text_role), color=ink,
                               bold=True, align=align, valign="middle", name=self.name, as_is=self.as_is)


class Looks:
    """Buttons drawn once per look and reused: a keypad or a keyboard redrawn after each tap costs
    one copy per key instead of its rounded panels and its text.

    The text blocks set when a look was drawn are reported again each time it is reused, at the
    button's place, so the layout check of a frame sees every label.
    """

    def __init__(self) -> None:
        self._kept: OrderedDict[tuple[Any, ...], tuple[pygame.Surface, pygame.Rect, int, list[Any]]] = (
            OrderedDict()
        )
        self._pixels = 0

    def draw(self, surface: pygame.Surface, button: Button, app: Canvas,
             pressed: bool) -> tuple[pygame.Rect, int]:
        w, h = button.rect.size
        if w * h > LOOK_MAX_PIXELS or w <= 0 or h <= 0:
            return button.paint(surface, app, button.rect, pressed)
        key = button.look(app, pressed)
        kept = self._kept.get(key)
        if kept is None:
            # Room below the button for its pressed face, which sinks into its shadow.
            canvas = pygame.Surface((w, h + app.metrics.px(16)), pygame.SRCALPHA)
            report = app.type.report
            app.type.report = []
            try:
                face, radius = button.paint(canvas, app, pygame.Rect(0, 0, w, h), pressed)
                fits = app.type.report
            finally:
                app.type.report = report
            kept = self._kept[key] = (canvas, face, radius, fits)
            self._pixels += canvas.get_width() * canvas.get_height()
            while self._pixels > LOOKS_PIXELS and len(self._kept) > 1:
                old = self._kept.popitem(last=False)[1][0]
                self._pixels -= old.get_width() * old.get_height()
        else:
            self._kept.move_to_end(key)
        canvas, face, radius, fits = kept
        x, y = button.rect.topleft
        surface.blit(canvas, (x, y))
        app.type.report += [fit.moved(x, y) for fit in fits]
        return face.move(x, y), radius

    def clear(self) -> None:
        self._kept.clear()
        self._pixels = 0
