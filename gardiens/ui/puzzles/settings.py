"""The "settings" kind: a profile's privacy settings switched to safe values."""

from __future__ import annotations

from collections.abc import Hashable
from functools import partial
from typing import TYPE_CHECKING

import pygame

from gardiens.core.model import Setting, Settings
from gardiens.ui.draw import panel
from gardiens.ui.puzzles.base import GestureError, Hand, Item, PuzzleView, paginate, taps
from gardiens.ui.puzzles.social import app_window, avatar, plain
from gardiens.ui.widgets.base import Display, Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen
    from gardiens.ui.widgets.base import Canvas, Ring


# What an option's segment takes besides its words: its mark on the left and its margins.
SEGMENT_PAD = 76


class Segment(Item["SettingsView"]):
    """One option of a setting's segmented control; the chosen one is raised and ticked."""

    contained = True

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
        box = pygame.Rect(rect.x + m.px(58), rect.y + m.px(4), area.w - m.px(SEGMENT_PAD), rect.h - m.px(8))
        app.type.block(surface, self.label, box, size=m.text("small"), color=ink, bold=chosen, valign="middle",
                       name=self.name)
        return rect, m.px(18)

    def appearance(self, app: Canvas) -> Hashable | None:
        return self.appearance_of(self.label, self.view.values.get(self.setting_id) == self.item_id)


class SettingCard(Display):
    """A setting's card: its name, the « modifié » mark once changed, and the track under its
    options (the options are widgets over it)."""

    contained = True

    def __init__(self, view: SettingsView, setting: Setting, rect: pygame.Rect) -> None:
        super().__init__(f"setting-card:{setting.id}", rect)
        self.view = view
        self.setting = setting

    def changed(self) -> bool:
        return self.view.values[self.setting.id] != self.setting.start

    def paint(self, surface: pygame.Surface, app: Canvas, area: pygame.Rect, pressed: bool) -> Ring:
        view = self.view
        p = app.palette
        m = app.metrics
        setting = self.setting
        panel(surface, area, p.surface_alt, radius=view.px(22), border=p.outline, border_width=view.px(2))
        label, track = view.parts(area, setting)
        if self.changed():
            mark = (label.right + view.mark_width(), label.y) if not view.side else label.bottomleft
            app.type.line(surface, view._("modifié"), mark, size=m.text("small"), color=p.primary_dark,
                          bold=True, anchor="topright" if not view.side else "bottomleft", kind="label")
        app.type.block(surface, plain(view.text(setting.label)), label, size=m.text("body"), color=p.ink,
                       bold=True, name=f"setting:{setting.id}")
        panel(surface, track, p.surface, radius=view.px(22), border=p.outline, border_width=view.px(2))
        return area, view.px(22)

    def appearance(self, app: Canvas) -> Hashable | None:
        return (type(self).__name__, tuple(self.rect), self.setting.id, self.changed(), self.view.side)


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
        self.page_of: dict[str, int] = {}
        self.side = 0

    def choose(self, setting_id: str, option_id: str) -> None:
        self.values[setting_id] = option_id
        self.changed()

    def layout(self, area: pygame.Rect) -> list[Widget]:
        """Each setting a card: its name, then its options side by side, each as wide as its words
        need and as tall as their longest wraps. Two columns where the cards fit them, else one
        column of full-width cards, paged when they do not all fit."""
        self.area = area
        settings = self.puzzle.settings
        head_h = self.px(86)
        self.phone = pygame.Rect(area.x, area.y, area.w, area.h)
        body = pygame.Rect(self.phone.x + self.px(18), self.phone.y + head_h + self.px(14),
                           self.phone.w - self.px(36), self.phone.h - head_h - self.px(28))
        gap = self.px(14)
        placed: list[tuple[pygame.Rect, int]] = []
        widgets: list[Widget] = []
        self.side = 0
        if len(settings) > 3:
            width = (body.w - gap) // 2
            heights = [self.card_height(s, width) for s in settings]
            rows = (len(settings) + 1) // 2
            row_h = [max(heights[i:i + 2]) for i in range(0, len(settings), 2)]
            if sum(row_h) + gap * (rows - 1) <= body.h:
                top = body.y
                for r, h in enumerate(row_h):
                    for c in range(2):
                        if 2 * r + c < len(settings):
                            placed.append((pygame.Rect(body.x + c * (width + gap), top, width, h), 2 * r + c))
                    top += h + gap
        if not placed:
            # One column: the names go in a column of their own, beside the options.
            font = self.app.type.font(self.app.metrics.text("body"), True)
            widest = max(font.size(self.app.type.shape(plain(self.text(s.label))))[0] for s in settings)
            self.side = min(body.w * 3 // 10, widest + self.px(24))
            heights = [self.card_height(s, body.w) for s in settings]
            if sum(heights) + gap * (len(settings) - 1) > body.h:
                bar = pygame.Rect(body.x, body.bottom - self.app.metrics.touch, body.w, self.app.metrics.touch)
                body.h -= bar.h + gap
                pages = paginate(heights, body.h, gap)
                widgets += self.pager(bar, len(pages))
                shown = pages[self.page]
            else:
                shown = list(range(len(settings)))
                self.pager(body, 1)
            self.page_of = {settings[i].id: n for n, page in enumerate(paginate(heights, body.h, gap)) for i in page}
            top = body.y
            for i in shown:
                placed.append((pygame.Rect(body.x, top, body.w, heights[i]), i))
                top += heights[i] + gap
        else:
            self.pager(body, 1)
            self.page_of = {s.id: 0 for s in settings}
        self.cards = []
        # The cards under the page buttons and the options, as when the view drew them.
        widgets[:0] = [SettingCard(self, settings[index], card) for card, index in placed]
        for card, index in placed:
            setting = settings[index]
            self.cards.append((card, setting.id))
            track = self.parts(card, setting)[1]
            widths = self.segment_widths(setting, track.w)
            x = track.x
            for option, w in zip(setting.options, widths, strict=True):
                widgets.append(Segment(self, setting.id, option.id, pygame.Rect(x, track.y, w, track.h),
                                       plain(self.text(option.label))))
                x += w
        return widgets

    def label_height(self, setting: Setting, width: int) -> int:
        m = self.app.metrics
        return self.app.type.measure(plain(self.text(setting.label)), m.text("body"), width, bold=True)[2]

    def parts(self, card: pygame.Rect, setting: Setting) -> tuple[pygame.Rect, pygame.Rect]:
        """Where a setting's name and its options go in its card: the name above the options, or
        beside them when the cards are wide (`side` is then the width of the names' column)."""
        pad = self.px(12)
        inner = card.inflate(-2 * pad, -2 * pad)
        if self.side:
            label = pygame.Rect(inner.x + pad, inner.y, self.side - pad, inner.h)
            return label, pygame.Rect(label.right + pad, inner.y, inner.right - label.right - pad, inner.h)
        label_w = inner.w - 2 * pad - self.mark_width()
        label = pygame.Rect(inner.x + pad, inner.y, label_w, self.label_height(setting, label_w))
        return label, pygame.Rect(inner.x, label.bottom + pad // 2, inner.w, inner.bottom - label.bottom - pad // 2)

    def mark_width(self) -> int:
        """Room kept beside a setting's name for the « modifié » mark."""
        return self.app.type.font(self.app.metrics.text("small"), True).size(self._("modifié"))[0] + self.px(16)

    def segment_widths(self, setting: Setting, width: int) -> list[int]:
        """Each option's share of `width`: what its words need on one line, but never narrower than
        its longest word."""
        app = self.app
        size = app.metrics.text("small")
        font = app.type.font(size, True)
        pad = self.px(SEGMENT_PAD)
        labels = [app.type.shape(plain(self.text(o.label))) for o in setting.options]
        natural = [font.size(label)[0] for label in labels]
        longest = [max(font.size(word)[0] for word in label.split()) if label.strip() else 0 for label in labels]
        room = width - pad * len(labels)
        scale = room / max(1, sum(natural))
        widths = [pad + max(word, int(n * scale)) for n, word in zip(natural, longest, strict=True)]
        # Words kept whole may take more than the track: the widest options give the excess back.
        excess = sum(widths) - width
        while excess > 0:
            widest = max(range(len(widths)), key=lambda k: widths[k] - pad - longest[k])
            give = min(excess, widths[widest] - pad - longest[widest])
            if give <= 0:
                break
            widths[widest] -= give
            excess -= give
        widths[-1] += width - sum(widths)
        return widths

    def card_height(self, setting: Setting, width: int) -> int:
        pad = self.px(12)
        track_w = width - 2 * pad - (self.side + pad if self.side else 0)
        size = self.app.metrics.text("small")
        lines = max(self.app.type.measure(plain(self.text(o.label)), size, w - self.px(SEGMENT_PAD), bold=True)[2]
                    for o, w in zip(setting.options, self.segment_widths(setting, track_w), strict=True))
        track_h = max(self.app.metrics.touch, lines + self.px(24))
        if self.side:
            # Under the name, room for the « modifié » mark.
            mark_h = self.app.type.font(size, True).get_linesize()
            return max(track_h, self.label_height(setting, self.side - pad) + mark_h) + 2 * pad
        label_w = width - 4 * pad - self.mark_width()
        return self.label_height(setting, label_w) + pad // 2 + track_h + 2 * pad

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
        self.draw_page_count(surface)

    def backdrop(self) -> Hashable | None:
        # What `draw` paints: the phone's window and the page count (the cards are widgets).
        return (tuple(self.phone), self.page, self.page_total, tuple(self.page_count))

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
        made = 0
        for sid, oid in answer.items():
            made += self.turn_to(hand, self.page_of.get(sid, 0))
            made += taps(hand, [f"setting:{sid}:{oid}"])
        return made
