"""The "settings" kind: a profile's privacy settings switched to safe values."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import pygame

from gardiens.core.model import Settings
from gardiens.ui.draw import panel
from gardiens.ui.puzzles.base import GestureError, Hand, Item, PuzzleView, taps
from gardiens.ui.puzzles.social import app_window, avatar, plain
from gardiens.ui.widgets.base import Widget
from gardiens.ui.widgets.layout import grid

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen
    from gardiens.ui.widgets.base import Canvas, Ring


class Segment(Item["SettingsView"]):
    """One option of a setting's segmented control; the chosen one is raised and ticked."""

    def __init__(self, view: SettingsView, setting_id: str, option_id: str, rect: pygame.Rect, label: str) -> None:
        super().__init__(view, f"setting:{setting_id}", option_id, rect, label=label,
                         tap=partial(view.choose, setting_id))
        self.setting_id = setting_id

    def paint(self, surface: pygame.Surface, app: Canvas, area: pygame.Rect, pressed: bool) -> Ring:
        p = app.palette
        m = app.metrics
        chosen = self.view.values.get(self.setting_id) == self.item_id
        rect = area.inflate(-m.px(8), -m.px(8))
        if chosen:
            panel(surface, rect, p.primary, radius=m.px(18), shadow=p.primary_dark, depth=m.px(4),
                  border=p.primary_dark, border_width=m.px(4))
            ink = p.on_primary
            icon = app.assets.icon("check", m.px(40), ink)
            surface.blit(icon, icon.get_rect(midleft=(rect.x + m.px(12), rect.centery)))
        else:
            if pressed:
                panel(surface, rect, p.surface, radius=m.px(18))
            ink = p.ink
            ring = pygame.Rect(0, 0, m.px(30), m.px(30))
            ring.midleft = (rect.x + m.px(16), rect.centery)
            pygame.draw.ellipse(surface, p.ink_soft, ring, max(2, m.px(3)))
        box = pygame.Rect(rect.x + m.px(58), rect.y + m.px(4), rect.w - m.px(68), rect.h - m.px(8))
        app.type.block(surface, self.label, box, size=m.text("small"), color=ink, bold=chosen, valign="middle",
                       name=self.name)
        return rect, m.px(18)


class SettingsView(PuzzleView):
    """The privacy panel of a made-up profile: each setting starts where the puzzle says."""

    puzzle: Settings
    # The panel is the picture: a side picture would squeeze its settings.
    side_picture = False

    def __init__(self, screen: Screen, puzzle: Settings) -> None:
        super().__init__(screen, puzzle)
        self.values: dict[str, str] = {s.id: s.start for s in puzzle.settings}
        self.cards: list[tuple[pygame.Rect, str]] = []
        self.phone = pygame.Rect(0, 0, 0, 0)

    def choose(self, setting_id: str, option_id: str) -> None:
        self.values[setting_id] = option_id
        self.changed()

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        settings = self.puzzle.settings
        cols = 2 if len(settings) > 3 else 1
        width = area.w if cols == 2 else min(area.w, self.px(1300))
        self.phone = pygame.Rect(area.centerx - width // 2, area.y, width, area.h)
        head_h = self.px(86)
        body = pygame.Rect(self.phone.x + self.px(18), self.phone.y + head_h + self.px(14),
                           self.phone.w - self.px(36), self.phone.h - head_h - self.px(28))
        cells = grid(body, len(settings), columns=cols, gap=self.px(14), max_height=self.px(230), by_columns=True)
        label_h = min(self.px(58), cells[0].h // 3) if cells else 0
        widgets: list[Widget] = []
        self.cards = []
        for setting, card in zip(settings, cells, strict=True):
            self.cards.append((card, setting.id))
            track = pygame.Rect(card.x + self.px(14), card.y + label_h + self.px(10), card.w - self.px(28),
                                card.h - label_h - self.px(22))
            n = len(setting.options)
            seg_w = track.w // n
            for k, option in enumerate(setting.options):
                rect = pygame.Rect(track.x + k * seg_w, track.y, seg_w if k < n - 1 else track.right - track.x - k * seg_w,
                                   track.h)
                widgets.append(Segment(self, setting.id, option.id, rect, plain(self.text(option.label))))
        self.label_h = label_h
        return widgets

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        dark = not app.settings.high_contrast
        head = app_window(surface, app, self.phone, radius=self.px(34), bar_height=self.px(86),
                          bar=p.night if dark else p.surface)
        ink = (255, 255, 255) if dark else p.ink
        profile = plain(self.text(self.puzzle.profile))
        avatar(surface, app, (head.x + self.px(56), head.centery), self.px(32), profile)
        title = self._("Confidentialité")
        title_w = app.type.font(m.text("body"), True).size(title)[0]
        lock = app.assets.icon("lock", self.px(40), ink)
        surface.blit(lock, lock.get_rect(midright=(head.right - self.px(30) - title_w - self.px(12), head.centery)))
        app.type.line(surface, title, (head.right - self.px(30), head.centery), size=m.text("body"), color=ink,
                      bold=True, anchor="midright")
        app.type.block(surface, profile, pygame.Rect(head.x + self.px(104), head.y, head.w - self.px(190) - title_w
                       - self.px(60), head.h), size=m.text("body"), color=ink, bold=True, valign="middle",
                       max_lines=1, name="settings-profile")
        settings = {s.id: s for s in self.puzzle.settings}
        for card, sid in self.cards:
            setting = settings[sid]
            changed = self.values[sid] != setting.start
            panel(surface, card, p.surface_alt, radius=self.px(22), border=p.outline, border_width=self.px(2))
            label = pygame.Rect(card.x + self.px(20), card.y + self.px(8), card.w - self.px(40), self.label_h)
            if changed:
                mark = self._("modifié")
                font = app.type.font(round(m.text("small") * 0.8), True)
                mw = font.size(mark)[0]
                app.type.line(surface, mark, (label.right, label.centery), size=round(m.text("small") * 0.8),
                              color=p.primary_dark, bold=True, anchor="midright")
                label.w -= mw + self.px(16)
            app.type.block(surface, plain(self.text(setting.label)), label, size=m.text("body"), color=p.ink,
                           bold=True, valign="middle", max_lines=1, name=f"setting:{sid}")
            track = pygame.Rect(card.x + self.px(14), card.y + self.label_h + self.px(10), card.w - self.px(28),
                                card.h - self.label_h - self.px(22))
            panel(surface, track, p.surface, radius=self.px(22), border=p.outline, border_width=self.px(2))

    def answer(self) -> object | None:
        return dict(self.values)

    def status(self) -> str:
        changed = sum(1 for s in self.puzzle.settings if self.values[s.id] != s.start)
        return self.ngettext("Touchez une option pour changer un réglage. {n} réglage changé sur {total}.",
                             "Touchez une option pour changer un réglage. {n} réglages changés sur {total}.",
                             changed).format(n=changed, total=len(self.puzzle.settings))

    def enter(self, hand: Hand, answer: object) -> int:
        if not isinstance(answer, dict):
            raise GestureError("expected an option for each setting")
        return taps(hand, [f"setting:{sid}:{oid}" for sid, oid in answer.items()])
