"""The attract screen, shown while the kiosk waits for a team (and while its missions load), and the
night scene and language names the other screens share."""

from __future__ import annotations

import functools
import math

import pygame

from gardiens.ui.draw import beam, fog_layer, lumi, paint_gradient, panel, stars
from gardiens.ui.kit.screen import CORNER, Screen
from gardiens.ui.widgets.base import Widget

ATTRACT_FPS = 12


def night_scene(screen: Screen) -> pygame.Surface:
    """The night sea under the stars, with Lumi's rock: the backdrop of the story screens."""
    app = screen.app

    def build() -> pygame.Surface:
        surface = pygame.Surface(app.size)
        paint_night(screen, surface)
        return surface

    return app.frame.cached(("night",), build)


def paint_night(screen: Screen, surface: pygame.Surface) -> None:
    """The night scene painted on `surface`, the window's size."""
    app = screen.app
    p = app.palette
    w, h = app.size
    paint_gradient(surface, p.night_top, p.night, (w, h))
    stars(surface, 140, 7, (255, 244, 214), pygame.Rect(0, 0, w, int(h * 0.6)))
    sea = pygame.Rect(0, int(h * 0.78), w, h - int(h * 0.78))
    pygame.draw.rect(surface, (18, 58, 104) if not app.settings.high_contrast else (0, 0, 0), sea)
    for k in range(6):
        y = sea.y + screen.px(18 + 26 * k)
        for x in range(-screen.px(40), w, screen.px(160)):
            pygame.draw.arc(surface, (70, 130, 190), (x + (k % 2) * screen.px(80), y,
                            screen.px(120), screen.px(30)), 0.3, math.pi - 0.3, max(2, screen.px(4)))


class AttractScreen(Screen):
    """"Touchez l'écran pour commencer": Lumi's lamp sweeps the fog; any tap starts the setup."""

    name = "attract"
    ambient = True

    def __init__(self, app: object) -> None:
        super().__init__(app)  # type: ignore[arg-type]
        self._since_frame = 0.0
        self._painted = False

    def layout(self) -> None:
        self.widgets = [Widget("start", pygame.Rect(0, 0, self.width, self.height), on_tap=self.start)]
        # The whole screen is one button: Enter starts, like a touch anywhere.
        self.focus = "start"

    def start(self) -> None:
        # Imported at the first tap, not before the kiosk's first frame.
        from gardiens.core.commands import StartSetup  # lazy: start-up

        # A tap in the first instant, while the missions still load, starts the setup once they are in.
        self.app.command_when_ready(StartSetup())

    def update(self, dt: float) -> None:
        # A slow, cheap animation: a dozen frames a second is enough for a sweeping beam.
        self._since_frame += dt
        # Still (reduced motion): nothing to redraw until something changes.
        if self._since_frame >= 1 / ATTRACT_FPS and not self.app.settings.reduced_motion:
            self._since_frame = 0.0
            self.app.dirty = True

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        still = app.settings.reduced_motion
        t = app.time
        if self._painted:
            surface.blit(night_scene(self), (0, 0))
        else:
            # The first frame paints the night straight on the window: a layer of its own is a
            # new full-screen surface (about 5 ms of fresh memory at 1080p, before the kiosk's
            # first frame), made for the frames after it.
            paint_night(self, surface)
            self._painted = True
        base = (self.px(1480), self.height - self.px(150))
        # Still, Lumi stands with her arm up and her lamp full on, its beam resting on the fog.
        lamp = lumi(surface, base, self.px(420), mood="happy", glow=1.0 if still else 0.8 + 0.2 * math.sin(t * 2),
                    wave=1.0 if still else 0.5 + 0.5 * math.sin(t * 1.5), high_contrast=app.settings.high_contrast)
        angle = math.pi - 0.2 if still else math.pi + 0.35 * math.sin(t * 0.6)
        beam(surface, lamp.center, angle, self.px(1500), 0.16, (255, 236, 160), 70)
        fog = app.frame.cached(("fog", 0), lambda: fog_layer(app.size, p.fog, 3))
        offset = 0 if still else int((t * self.px(40)) % self.width)
        surface.blit(fog, (-offset, self.height - fog.get_height()))
        if offset:
            # The half that scrolls in: drawn when it first shows, after the kiosk's first frame.
            rest = app.frame.cached(("fog", 1), lambda: fog_layer(app.size, p.fog, 3, half=1))
            surface.blit(rest, (self.width - offset, self.height - rest.get_height()))
        # The texts start right of the corner's column, where the speaker button lies.
        left = self.px(CORNER + 20)
        box = pygame.Rect(left, self.px(170), self.px(1100), self.px(330))
        app.type.block(surface, self._("Les Gardiens du numérique"), box, size=app.metrics.text("giant"),
                       color=(255, 246, 226), bold=True, valign="middle", name="attract-title")
        sub = pygame.Rect(left, self.px(510), self.px(1000), self.px(150))
        app.type.block(surface, self._("Le Brouillard recouvre Internet. Aidez Lumi à rallumer le phare !"),
                       sub, size=app.metrics.text("subtitle"), color=(255, 224, 170), name="attract-sub")
        bounce = 0 if still else int(self.px(10) * math.sin(t * 3))
        pill = pygame.Rect(left, self.px(730) + bounce, self.px(820), self.px(130))
        panel(surface, pill, p.accent, radius=pill.h // 2, shadow=p.accent_dark, depth=self.px(8))
        icon = app.assets.icon("touch", self.px(70), p.on_accent)
        surface.blit(icon, icon.get_rect(midleft=(pill.x + self.px(36), pill.centery)))
        app.type.block(surface, self._("Touchez l'écran pour commencer"),
                       pill.inflate(-self.px(150), -self.px(20)).move(self.px(50), 0),
                       size=app.metrics.text("subtitle"), color=p.on_accent, bold=True, valign="middle",
                       name="attract-cta")


# The kiosk's own languages by name: asking Babel loads its data for each language, tens of
# milliseconds in the frame that opens the setup screen.
_OWN_NAMES = {"fr": "Français", "en": "English"}


@functools.lru_cache(maxsize=64)
def language_name(code: str) -> str:
    """A language in its own words (« Français », "English"), capitalised for a button."""
    if code in _OWN_NAMES:
        return _OWN_NAMES[code]
    # Babel's locale data, for a language the kiosk has no name of its own for.
    from babel import Locale, UnknownLocaleError  # lazy: start-up

    try:
        name = Locale.parse(code).get_display_name(code) or code
    except (UnknownLocaleError, ValueError):
        name = code
    return name[:1].upper() + name[1:]
