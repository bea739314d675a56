"""The story pop-up: when a mission's event fires during play, Lumi or le Brouillard speaks."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from gardiens.core.model import StoryEvent
from gardiens.ui.draw import brouillard, lumi, speech_bubble
from gardiens.ui.screens.play import BUTTON_ROW, PopUp
from gardiens.ui.widgets.base import Button, Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Host

# Where the speaker stands, left of the bubble, and the room of its name above the bubble
# (design pixels).
SPEAKER_ROOM = 420
NAME_ROW = 110
# The speakers' heights (design pixels).
LUMI_HEIGHT = 400
FOG_HEIGHT = 220


class StoryPanel(PopUp[None]):
    """One story event of the mission: its speaker drawn large, its words in a bubble, and
    « Continuer ». It closes with no result: the story asks nothing of the team."""

    def __init__(self, app: Host, event: StoryEvent) -> None:
        super().__init__(app)
        self.event = event
        self.name = "story"

    def card(self) -> pygame.Rect:
        rect = pygame.Rect(0, 0, self.px(1500), min(self.px(780), self.height - self.px(200)))
        rect.center = (self.width // 2, self.height // 2)
        return rect

    def layout(self) -> None:
        card = self.card()
        self.widgets: list[Widget] = [
            Button("continue", pygame.Rect(card.right - self.px(520), card.bottom - self.px(BUTTON_ROW),
                                           self.px(460), self.px(130)),
                   self._("Continuer"), icon="next", kind="accent", on_tap=self.close, text_role="subtitle"),
        ]
        self.focus = "continue"

    def speaker_name(self) -> str:
        return self._("Lumi") if self.event.speaker == "lumi" else self._("Le Brouillard")

    def bubble(self, card: pygame.Rect) -> pygame.Rect:
        """The words, right of the speaker, between its name and the button."""
        top = card.y + self.px(40 + NAME_ROW)
        return pygame.Rect(card.x + self.px(SPEAKER_ROOM), top, card.right - self.px(60) - card.x
                           - self.px(SPEAKER_ROOM), card.bottom - self.px(BUTTON_ROW + 30) - top)

    def paint(self, surface: pygame.Surface, card: pygame.Rect) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        adversary = self.event.speaker == "adversary"
        self.panel(surface, card, edge=p.ink_soft if adversary else p.accent,
                   shadow=p.ink if adversary else p.accent_dark)
        stand = pygame.Rect(card.x + self.px(40), card.y + self.px(60), self.px(SPEAKER_ROOM - 60),
                            card.h - self.px(120))
        if adversary:
            speaker = brouillard(surface, stand.center, self.px(FOG_HEIGHT), fog=p.fog, ink=p.ink)
        else:
            speaker = lumi(surface, (stand.centerx, stand.bottom - self.px(40)), self.px(LUMI_HEIGHT),
                           mood="happy", wave=1.0, high_contrast=app.settings.high_contrast)
        app.type.block(surface, self.speaker_name(),
                       pygame.Rect(card.x + self.px(SPEAKER_ROOM), card.y + self.px(40),
                                   card.w - self.px(SPEAKER_ROOM + 60), self.px(NAME_ROW)),
                       size=m.text("title"), color=p.ink if adversary else p.accent_dark, bold=True,
                       valign="middle", max_lines=1, name="story-speaker")
        bubble = self.bubble(card)
        speech_bubble(surface, bubble, p.surface_alt, p.outline, radius=self.px(30),
                      tail_to=(speaker.right + self.px(10), speaker.centery), width=self.px(3))
        words = app.words
        text = words.text(self.event.text) if words is not None else ""
        app.type.block(surface, text, bubble.inflate(-self.px(60), -self.px(50)), size=m.text("subtitle"),
                       color=p.ink, valign="middle", name="story-text")
        self.draw_widgets(surface)


def draw_speakers(app: Host, surface: pygame.Surface) -> None:
    """Both speakers as a story panel shows them, drawn off screen ahead of time: each is
    rasterised from its drawing the first time, tens of milliseconds on the frame of a tap."""
    p = app.palette
    px = app.metrics.px
    brouillard(surface, (0, 0), px(FOG_HEIGHT), fog=p.fog, ink=p.ink)
    lumi(surface, (0, 0), px(LUMI_HEIGHT), mood="happy", wave=1.0, high_contrast=app.settings.high_contrast)
