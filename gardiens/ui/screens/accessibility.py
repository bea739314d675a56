"""The accessibility panel, reachable from every screen: text size, contrast, font, music and
sounds volumes, language, and whether the voice reads each screen as it opens; on a second page,
reduced motion and text spacing."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import pygame

from gardiens.i18n.interface import INTERFACE_LANGUAGES
from gardiens.ui.kit.modal import ModalScreen
from gardiens.ui.screens.attract import language_name
from gardiens.ui.theme import TEXT_STEPS, VOLUME_STEPS, Volume
from gardiens.ui.widgets.base import Button, Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Host

# The card, in design pixels: its width, and its column of row titles: usually, at most, and the
# room the icon and the margins take beside a title.
CARD_WIDTH = 1700
LABEL_WIDTH = 420
LABEL_MOST = 620
LABEL_ROOM = 140
# The button that turns to the other page, in the heading's band at the top right of the card.
PAGE_BUTTON_WIDTH = 620


class AccessibilityPanel(ModalScreen[None]):
    """Settings apply at once, to every screen, until the kiosk is reset by the facilitator."""

    name = "accessibility"

    def __init__(self, app: Host, *, on_dismiss: Callable[[None], object] | None = None) -> None:
        super().__init__(app, on_dismiss=on_dismiss)
        # The first page holds the six rows and the voice the card has room for; the second,
        # motion and spacing. The page stays when a setting changes (the panel is laid out again).
        self.page = 1

    def turn(self, page: int) -> None:
        self.page = page
        self.refresh()
        self.app.dirty = True

    def label_width(self, titles: tuple[str, ...]) -> int:
        """The column of row titles: as wide as the widest title on one line needs (the icon and
        margins included), between the usual width and the most that leaves the options room."""
        font = self.app.type.font(self.app.metrics.text("subtitle"), True)
        widest = max(font.size(self.app.type.shape(title))[0] for title in titles)
        return max(self.px(LABEL_WIDTH), min(self.px(LABEL_MOST), widest + self.px(LABEL_ROOM)))

    def card(self) -> pygame.Rect:
        rect = pygame.Rect(0, 0, self.px(CARD_WIDTH), min(self.height - self.px(80), self.px(960)))
        rect.center = (self.width // 2, self.height // 2)
        return rect

    def layout(self) -> None:
        app = self.app
        _ = self._
        s = app.settings
        card = self.card()
        self.rows: list[tuple[str, str, pygame.Rect]] = []
        widgets: list[Widget] = []
        titles = {"text": _("Taille du texte"), "contrast": _("Contraste"), "font": _("Police"),
                  "music": _("Musique"), "effects": _("Sons"), "language": _("Langue"), "voice": _("Voix"),
                  "motion": _("Animations"), "spacing": _("Espacement")}
        label_w = self.label_width(tuple(titles.values()))
        x0 = card.x + self.px(50) + label_w
        # Six rows and the close button share the card: rows stay above the touch minimum.
        row_h = self.px(96)
        gap = self.px(24)
        y = card.y + self.px(130)

        def apply(change: dict[str, object]) -> None:
            app.change_settings(s.with_(**change))

        def row(icon: str, title: str, options: list[tuple[str, str, bool, dict[str, object], str | None]]) -> None:
            nonlocal y
            self.rows.append((icon, title, pygame.Rect(card.x + self.px(50), y, label_w - self.px(20), row_h)))
            bw = (card.right - self.px(50) - x0 - gap * (len(options) - 1)) // len(options)
            for i, (name, label, chosen, change, family) in enumerate(options):
                widgets.append(Button(name, pygame.Rect(x0 + i * (bw + gap), y, bw, row_h), label,
                                      selected=chosen, family=family,  # type: ignore[arg-type]
                                      as_is="font-name" if family else None,
                                      on_tap=partial(apply, change)))
            y += row_h + self.px(14)

        w = self.px(420)
        close = pygame.Rect(card.right - self.px(50) - w, card.bottom - self.px(150), w, self.px(120))
        widgets.append(Button("close", close, _("Fermer"), icon="check", kind="accent", on_tap=self.close))
        turn = pygame.Rect(card.right - self.px(50 + PAGE_BUTTON_WIDTH), card.y + self.px(28),
                           self.px(PAGE_BUTTON_WIDTH), row_h)
        self.sample: pygame.Rect | None = None
        self.voice_missing: pygame.Rect | None = None
        if self.page == 2:
            widgets.append(Button("a11y-page:1", turn, _("Retour"), icon="back", on_tap=partial(self.turn, 1)))
            # Still: every animation shown in a pose that does not move (no sweeping beam,
            # confetti or sliding pop-up).
            row("pause", titles["motion"],
                [("motion:normal", _("Normales"), not s.reduced_motion, {"reduced_motion": False}, None),
                 ("motion:reduced", _("Réduites"), s.reduced_motion, {"reduced_motion": True}, None)])
            row("textsize", titles["spacing"],
                [("spacing:normal", _("Normal"), s.spacing == "normal", {"spacing": "normal"}, None),
                 ("spacing:wide", _("Large"), s.spacing == "wide", {"spacing": "wide"}, None)])
            if app.speech is not None and app.speech.available:
                # The voice reads on demand (the speaker button) or each screen as it opens.
                row("sound", titles["voice"],
                    [("voice:ask", _("Sur demande"), not s.auto_read, {"auto_read": False}, None),
                     ("voice:auto", _("À chaque écran"), s.auto_read, {"auto_read": True}, None)])
            # A sentence set with the spacing chosen, to see the difference before closing.
            self.sample = pygame.Rect(card.x + self.px(50), y + self.px(20), card.w - self.px(100),
                                      close.y - y - self.px(40))
            self.widgets = widgets
            return
        widgets.append(Button("a11y-page:2", turn, _("Plus de réglages"), icon="next",
                              on_tap=partial(self.turn, 2)))
        sizes = [_("Normal"), _("Grand"), _("Très grand")]
        row("textsize", titles["text"],
            [(f"text:{i}", sizes[i] if i < len(sizes) else f"{TEXT_STEPS[i]:.1f}", s.text_step == i,
              {"text_step": i}, None) for i in range(len(TEXT_STEPS))])
        row("contrast", titles["contrast"],
            [("contrast:off", _("Normal"), not s.high_contrast, {"high_contrast": False}, None),
             ("contrast:on", _("Élevé"), s.high_contrast, {"high_contrast": True}, None)])
        row("book", titles["font"],
            [("font:andika", "Andika", s.font == "andika", {"font": "andika"}, "andika"),
             ("font:opendyslexic", "OpenDyslexic", s.font == "opendyslexic", {"font": "opendyslexic"},
              "opendyslexic")])
        volumes: dict[Volume, str] = {"off": _("Coupé"), "low": _("Doux"), "normal": _("Normal")}
        row("music" if s.music != "off" else "mute", titles["music"],
            [(f"music:{step}", volumes[step], s.music == step, {"music": step}, None) for step in VOLUME_STEPS])
        row("sound" if s.effects != "off" else "mute", titles["effects"],
            [(f"effects:{step}", volumes[step], s.effects == step, {"effects": step}, None)
             for step in VOLUME_STEPS])
        # The language applies at once to the interface and the mission; each language is named
        # in its own words so that a team that cannot read the current one still finds its own.
        self.rows.append(("globe", titles["language"], pygame.Rect(card.x + self.px(50), y, label_w - self.px(20), row_h)))
        bw = (card.right - self.px(50) - x0 - gap * (len(INTERFACE_LANGUAGES) - 1)) // len(INTERFACE_LANGUAGES)
        for i, code in enumerate(INTERFACE_LANGUAGES):
            widgets.append(Button(f"language:{code}", pygame.Rect(x0 + i * (bw + gap), y, bw, row_h),
                                  language_name(code), selected=app.language == code,
                                  on_tap=partial(app.choose_language, code), as_is="language-name"))
        # Without a voice on this kiosk, the close button's line says so (with one, the voice's
        # choices are on the second page, where they have a row's room).
        if app.speech is None or not app.speech.available:
            voice = pygame.Rect(card.x + self.px(50), close.y + (close.h - row_h) // 2, label_w - self.px(20), row_h)
            self.rows.append(("sound", titles["voice"], voice))
            self.voice_missing = pygame.Rect(x0, voice.y, close.x - gap - x0, row_h)
        self.widgets = widgets

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        card = self.card()
        self.draw_card(surface, card, edge=p.primary, shadow=p.primary_dark)
        self.draw_heading(surface, card, "access", self._("Confort de lecture"), name="a11y-title",
                          right=110 + PAGE_BUTTON_WIDTH)
        for icon_name, title, rect in self.rows:
            image = app.assets.icon(icon_name, self.px(56), p.primary_dark)
            surface.blit(image, image.get_rect(midleft=(rect.x, rect.centery)))
            app.type.block(surface, title, rect.inflate(-self.px(80), 0).move(self.px(40), 0),
                           size=m.text("subtitle"), color=p.ink, bold=True, valign="middle", name="a11y-row")
        if self.sample is not None:
            app.type.block(surface, self._("Lumi rallume le phare : chaque énigme résolue chasse un peu "
                                            "de Brouillard."), self.sample,
                           size=m.text("body"), color=p.ink, valign="middle", name="a11y-sample")
        if self.voice_missing is not None:
            app.type.block(surface, self._("Pas de voix sur cette borne."), self.voice_missing,
                           size=m.text("body"), color=p.ink_soft, valign="middle", name="a11y-voice-missing")
        self.draw_widgets(surface)
