"""The "cookies" kind: a cookie banner answered, its purposes switched one by one."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

import pygame

from gardiens.core.model import CookieButton, Cookies
from gardiens.ui.draw import panel
from gardiens.ui.puzzles.base import GestureError, Hand, Item, PuzzleView
from gardiens.ui.puzzles.social import app_window, mission_picture, plain
from gardiens.ui.theme import Color
from gardiens.ui.widgets.base import Button, Canvas, Ring, Widget
from gardiens.ui.widgets.layout import grid

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen


class GreyButton(Button):
    """The small grey button of a cookie banner: made dull on purpose, still a full-size target."""

    def colors(self, app: Canvas) -> tuple[Color, Color, Color, Color]:
        if self.selected:
            return super().colors(app)
        p = app.palette
        return p.locked_soft, p.ink_soft, p.locked, p.locked

    def appearance(self, app: Canvas) -> Hashable | None:
        return self.appearance_of(app)


class LinkButton(Widget):
    """Tiny underlined text, the banner's hidden way out; its touch area is padded to a finger."""

    contained = True

    def __init__(self, name: str, rect: pygame.Rect, label: str, *, on_tap: Callable[[], None],
                 chosen: bool) -> None:
        super().__init__(name, rect, on_tap=on_tap)
        self.label = label
        self.chosen = chosen

    def paint(self, surface: pygame.Surface, app: Canvas, area: pygame.Rect, pressed: bool) -> Ring:
        p = app.palette
        m = app.metrics
        size = round(m.text("small") * 0.8)
        x = area.x + m.px(10)
        if self.chosen:
            panel(surface, area, p.surface, radius=m.px(16), border=p.primary, border_width=m.px(5))
            icon = app.assets.icon("check", m.px(36), p.primary)
            surface.blit(icon, icon.get_rect(midleft=(x, area.centery)))
            x += m.px(44)
        rect = app.type.line(surface, self.label, (x, area.centery), size=size, color=p.ink_soft,
                             anchor="midleft")
        pygame.draw.line(surface, p.ink_soft, (rect.x, rect.bottom - m.px(4)), (rect.right, rect.bottom - m.px(4)),
                         max(1, m.px(2)))
        return area, m.px(16)

    def appearance(self, app: Canvas) -> Hashable | None:
        return (type(self).__name__, tuple(self.rect), self.name, self.label, self.chosen)


class PurposeSwitch(Item["CookiesView"]):
    """A row with a cookie purpose and its on/off switch; the whole row is the target."""

    contained = True

    def __init__(self, view: CookiesView, purpose_id: str, rect: pygame.Rect, label: str) -> None:
        super().__init__(view, "purpose", purpose_id, rect, label=label, tap=view.flip)

    def paint(self, surface: pygame.Surface, app: Canvas, area: pygame.Rect, pressed: bool) -> Ring:
        p = app.palette
        m = app.metrics
        on = self.view.switches[self.item_id]
        panel(surface, area, p.surface, radius=m.px(20), border=p.outline, border_width=m.px(3))
        switch = pygame.Rect(0, 0, m.px(170), min(m.px(70), area.h - m.px(16)))
        switch.midright = (area.right - m.px(18), area.centery)
        fill = p.primary if on else p.locked_soft
        pygame.draw.rect(surface, fill, switch, border_radius=switch.h // 2)
        pygame.draw.rect(surface, p.primary_dark if on else p.locked, switch, width=max(2, m.px(3)),
                         border_radius=switch.h // 2)
        knob = pygame.Rect(0, 0, switch.h - m.px(12), switch.h - m.px(12))
        knob.center = (switch.right - switch.h // 2, switch.centery) if on else (switch.x + switch.h // 2,
                                                                                   switch.centery)
        pygame.draw.ellipse(surface, p.surface, knob)
        pygame.draw.ellipse(surface, p.primary_dark if on else p.locked, knob, max(2, m.px(3)))
        icon = app.assets.icon("check" if on else "cross", knob.w * 2 // 3, p.primary if on else p.locked)
        surface.blit(icon, icon.get_rect(center=knob.center))
        word = self.view._("Oui") if on else self.view._("Non")
        word_x = switch.x + m.px(22) if on else switch.right - m.px(22)
        app.type.line(surface, word, (word_x, switch.centery), size=m.text("small"),
                      color=p.on_primary if on else p.ink, bold=True, anchor="midleft" if on else "midright")
        app.type.block(surface, self.label, pygame.Rect(area.x + m.px(22), area.y + m.px(6),
                       switch.x - area.x - m.px(40), area.h - m.px(12)), size=m.text("small"),
                       color=p.ink, valign="middle", name=self.name)
        return area, m.px(20)

    def appearance(self, app: Canvas) -> Hashable | None:
        return self.appearance_of(self.label, self.view.switches[self.item_id])


class CookiesView(PuzzleView):
    """A made-up website under a cookie banner whose buttons are drawn as big, small or a tiny link."""

    puzzle: Cookies
    # The picture is the website, dimmed under the banner.
    side_picture = False

    def __init__(self, screen: Screen, puzzle: Cookies) -> None:
        super().__init__(screen, puzzle)
        self.choice: str | None = None
        self.customising = False
        self.switches: dict[str, bool] = {p.id: p.start for p in puzzle.purposes}
        self.site = pygame.Rect(0, 0, 0, 0)
        self.banner = pygame.Rect(0, 0, 0, 0)
        self.text_box = pygame.Rect(0, 0, 0, 0)
        self.picture: pygame.Surface | None = None

    def buttons(self) -> dict[str, CookieButton]:
        return {b.id: b for b in self.puzzle.buttons}

    def tap(self, button_id: str) -> None:
        button = self.buttons()[button_id]
        if button.action == "customise":
            self.customising = True
            self.choice = None
        else:
            self.choice = button_id
        self.changed()

    def flip(self, purpose_id: str) -> None:
        self.switches[purpose_id] = not self.switches[purpose_id]
        if self.choice is not None and self.buttons()[self.choice].action == "customise":
            self.choice = None
        self.changed()

    def save(self) -> None:
        custom = next((b for b in self.puzzle.buttons if b.action == "customise"), None)
        if custom is not None:
            self.choice = custom.id
        self.changed()

    def close_panel(self) -> None:
        self.customising = False
        self.changed()

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        self.site = area.copy()
        bar = self.px(70)
        self.picture = mission_picture(self, self.puzzle.image, (self.site.w, self.site.h - bar))
        width = min(self.site.w - self.px(80), self.px(1500))
        if self.customising:
            return self.layout_panel(width)
        return self.layout_banner(width)

    def layout_banner(self, width: int) -> list[Widget]:
        app = self.app
        m = app.metrics
        pad = self.px(34)
        gap = self.px(20)
        items: list[tuple[CookieButton, int, int]] = []
        for button in self.puzzle.buttons:
            label = plain(self.text(button.label))
            if button.style == "big":
                w = app.type.font(m.text("subtitle"), True).size(label)[0] + self.px(130)
                items.append((button, min(max(w, self.px(340)), width - 2 * pad), self.px(120)))
            elif button.style == "small":
                w = app.type.font(m.text("small"), True).size(label)[0] + self.px(70)
                items.append((button, min(max(w, self.px(200)), width - 2 * pad), self.px(88)))
            else:
                w = app.type.font(round(m.text("small") * 0.8)).size(label)[0] + self.px(70)
                items.append((button, min(w, width - 2 * pad), self.px(88)))
        rows: list[list[tuple[CookieButton, int, int]]] = [[]]
        used = 0
        for item in items:
            if rows[-1] and used + item[1] > width - 2 * pad:
                rows.append([])
                used = 0
            rows[-1].append(item)
            used += item[1] + gap
        buttons_h = sum(max(h for _b, _w, h in row) for row in rows) + gap * (len(rows) - 1)
        text_h = app.type.measure(plain(self.text(self.puzzle.banner)), m.text("body"), width - 2 * pad)[2]
        height = min(self.site.h - self.px(90), self.px(96) + text_h + buttons_h + 2 * pad)
        self.banner = pygame.Rect(self.site.centerx - width // 2, self.site.bottom - height - self.px(16), width, height)
        self.text_box = pygame.Rect(self.banner.x + pad, self.banner.y + self.px(96), width - 2 * pad,
                                    self.banner.h - self.px(96) - buttons_h - 2 * pad + self.px(10))
        widgets: list[Widget] = []
        y = self.banner.bottom - pad - buttons_h
        for row in rows:
            row_h = max(h for _b, _w, h in row)
            x = self.banner.right - pad - (sum(w for _b, w, _h in row) + gap * (len(row) - 1))
            for button, w, h in row:
                widgets.append(self.button_widget(button, pygame.Rect(x, y + (row_h - h) // 2, w, h)))
                x += w + gap
            y += row_h + gap
        return widgets

    def button_widget(self, button: CookieButton, rect: pygame.Rect) -> Widget:
        label = plain(self.text(button.label))
        name = f"cookie:{button.id}"
        chosen = self.choice == button.id
        tap = lambda b=button.id: self.tap(b)  # noqa: E731
        if button.style == "big":
            return Button(name, rect, label, kind="accent", selected=chosen or None, text_role="subtitle",
                          on_tap=tap)
        if button.style == "small":
            return GreyButton(name, rect, label, kind="quiet", selected=chosen or None, text_role="small",
                              on_tap=tap)
        return LinkButton(name, rect, label, on_tap=tap, chosen=chosen)

    def layout_panel(self, width: int) -> list[Widget]:
        pad = self.px(34)
        self.banner = pygame.Rect(self.site.centerx - width // 2, self.site.y + self.px(86), width,
                                  self.site.h - self.px(102))
        purposes = self.puzzle.purposes
        footer = self.px(120)
        body = pygame.Rect(self.banner.x + pad, self.banner.y + self.px(96), width - 2 * pad,
                           self.banner.h - self.px(96) - footer - pad)
        cells = grid(body, len(purposes), columns=2 if len(purposes) > 3 else 1, gap=self.px(16),
                     max_height=self.px(120), by_columns=True)
        widgets: list[Widget] = [PurposeSwitch(self, purpose.id, rect, plain(self.text(purpose.label)))
                                 for purpose, rect in zip(purposes, cells, strict=True)]
        saved = self.choice is not None
        y = self.banner.bottom - pad - footer + self.px(10)
        widgets.append(Button("cookie-back", pygame.Rect(self.banner.x + pad, y, self.px(300), footer - self.px(10)),
                              self._("Retour"), icon="back", kind="quiet", on_tap=self.close_panel))
        widgets.append(Button("cookie-save", pygame.Rect(self.banner.right - pad - self.px(640), y, self.px(640),
                                                         footer - self.px(10)),
                              self._("Choix enregistrés") if saved else self._("Enregistrer mes choix"),
                              icon="check", kind="accent", selected=saved or None, on_tap=self.save))
        self.text_box = body
        return widgets

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        bar = app_window(surface, app, self.site, radius=self.px(24), bar_height=self.px(70), bar=p.surface_alt)
        for k in range(3):
            pygame.draw.circle(surface, p.outline, (bar.x + self.px(36 + 34 * k), bar.centery), self.px(11))
        address = pygame.Rect(bar.x + self.px(150), bar.y + self.px(12), bar.w - self.px(300), bar.h - self.px(24))
        panel(surface, address, p.surface, radius=address.h // 2, border=p.outline, border_width=max(1, self.px(2)))
        lock = app.assets.icon("globe", self.px(32), p.ink_soft)
        surface.blit(lock, lock.get_rect(midleft=(address.x + self.px(16), address.centery)))
        app.type.block(surface, plain(self.text(self.puzzle.site)), address.inflate(-self.px(120), 0),
                       size=m.text("small"), color=p.ink_soft, valign="middle", max_lines=1, name="cookie-site")
        page = pygame.Rect(bar.x + self.px(3), bar.bottom, bar.w - self.px(6), self.site.bottom - bar.bottom - self.px(3))
        if self.picture is not None:
            surface.blit(self.picture, self.picture.get_rect(center=page.center))
        else:
            for k in range(5):
                pygame.draw.rect(surface, p.surface_alt, (page.x + self.px(60), page.y + self.px(40 + 70 * k),
                                                          page.w * (3 + k % 3) // 8, self.px(40)),
                                 border_radius=self.px(12))
        # The page behind is dimmed: the banner is what asks for an answer.
        veil = pygame.Surface(page.size, pygame.SRCALPHA)
        veil.fill(p.dim)
        surface.blit(veil, page.topleft)
        banner = self.banner
        panel(surface, banner, p.surface, radius=self.px(28), shadow=p.night, depth=self.px(10), border=p.outline,
              border_width=self.px(3))
        self.cookie(surface, (banner.x + self.px(70), banner.y + self.px(52)), self.px(34))
        title = self._("Paramètres des cookies") if self.customising else plain(self.text(self.puzzle.site))
        app.type.block(surface, title, pygame.Rect(banner.x + self.px(124), banner.y + self.px(14),
                       banner.w - self.px(160), self.px(76)), size=m.text("subtitle"), color=p.ink, bold=True,
                       valign="middle", max_lines=1, name="cookie-title")
        if not self.customising:
            app.type.block(surface, plain(self.text(self.puzzle.banner)), self.text_box, size=m.text("body"),
                           color=p.ink, name="cookie-banner")
        elif not self.puzzle.purposes:
            app.type.block(surface, self._("Aucun réglage à changer ici."), self.text_box, size=m.text("body"),
                           color=p.ink_soft, name="cookie-empty")

    def backdrop(self) -> Hashable | None:
        # What `draw` paints: the website, dimmed, and the banner's panel, title and text.
        return (tuple(self.site), tuple(self.banner), tuple(self.text_box), self.customising, id(self.picture))

    def cookie(self, surface: pygame.Surface, center: tuple[int, int], radius: int) -> None:
        """A drawn biscuit with chocolate chips: the banner's emblem."""
        p = self.app.palette
        dough = p.gold if not self.app.settings.high_contrast else p.surface
        pygame.draw.circle(surface, dough, center, radius)
        pygame.draw.circle(surface, p.accent_dark, center, radius, max(2, radius // 8))
        for dx, dy in ((-0.4, -0.3), (0.3, -0.4), (0.1, 0.1), (-0.3, 0.4), (0.45, 0.3)):
            pygame.draw.circle(surface, p.ink, (center[0] + dx * radius, center[1] + dy * radius), max(2, radius // 7))

    def answer(self) -> object | None:
        if self.choice is None:
            return None
        button = self.buttons()[self.choice]
        if button.action != "customise":
            return {"button": button.id}
        return {"button": button.id} | {pid: "on" if on else "off" for pid, on in self.switches.items()}

    def status(self) -> str:
        if self.customising and self.choice is None:
            return self._("Touchez chaque ligne pour dire oui ou non, puis enregistrez.")
        if self.choice is not None:
            label = plain(self.text(self.buttons()[self.choice].label))
            return self._("Votre choix : « {label} ». Touchez Valider.").format(label=label)
        return self._("Lisez le bandeau, puis choisissez un de ses boutons.")

    def after_wrong(self) -> None:
        self.choice = None
        self.customising = False
        self.switches = {p.id: p.start for p in self.puzzle.purposes}

    def enter(self, hand: Hand, answer: object) -> int:
        """A banner button; when it opens the settings, each purpose switched then saved."""
        if not isinstance(answer, dict):
            raise GestureError("expected the button and each purpose's switch")
        hand.tap(f"cookie:{answer['button']}")
        if not self.customising:
            return 1
        gestures = 1
        for purpose in self.puzzle.purposes:
            on = answer.get(purpose.id, "on" if purpose.start else "off") == "on"
            if self.switches[purpose.id] != on:
                hand.tap(f"purpose:{purpose.id}")
                gestures += 1
        hand.tap("cookie-save")
        return gestures + 1
