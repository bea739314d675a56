"""The "ads" kind: the hidden ads spotted among the posts of a feed."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame

from gardiens.core.model import AdPost, Ads
from gardiens.ui.draw import focus_ring, panel
from gardiens.ui.puzzles.base import Hand, PuzzleView, ids, taps
from gardiens.ui.puzzles.social import mission_picture, paint_post, plain, tag
from gardiens.ui.widgets.base import Canvas, Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen


class AdCard(Widget):
    """An influencer's post; tapping it marks it as a hidden ad (tap again to take the mark off)."""

    def __init__(self, view: AdsView, post: AdPost, rect: pygame.Rect) -> None:
        super().__init__(f"ad:{post.id}", rect, on_tap=lambda: view.toggle(post.id))
        self.view = view
        self.post = post

    def draw(self, surface: pygame.Surface, app: Canvas, *, focused: bool, pressed: bool) -> None:
        p = app.palette
        m = app.metrics
        view = self.view
        chosen = self.post.id in view.chosen
        rect = self.rect.move(0, m.px(3) if pressed else 0)
        image = None
        if self.post.image:
            side = min(rect.h // 2, rect.w // 3)
            image = mission_picture(view, self.post.image, (side, side))
        inner = paint_post(surface, app, rect, author=plain(view.text(self.post.author)),
                           date=plain(view.text(self.post.date)), text=plain(view.text(self.post.text)),
                           label=plain(view.text(self.post.label)), image=image, selected=chosen,
                           name=self.name)
        box = pygame.Rect(0, 0, m.px(60), m.px(60))
        box.topright = (inner.right, inner.y)
        if chosen:
            panel(surface, box, p.primary, radius=m.px(12), border=p.primary_dark, border_width=m.px(3))
            icon = app.assets.icon("check", m.px(46), p.on_primary)
            surface.blit(icon, icon.get_rect(center=box.center))
            stamp = view._("Pub cachée !")
            font = app.type.font(round(m.text("small") * 0.85), True)
            w = font.size(stamp)[0] + m.px(76)
            tag(surface, app, (inner.right - w, inner.bottom - font.get_linesize() - m.px(6)), stamp, w,
                icon="flag", strong=True, name=f"{self.name}-stamp")
        else:
            panel(surface, box, p.surface, radius=m.px(12), border=p.ink_soft, border_width=m.px(4))
        if focused:
            focus_ring(surface, rect, p, m.px(22), m.px(6))


class AdsView(PuzzleView):
    """Influencer posts: tap every one that advertises without saying so, then validate."""

    puzzle: Ads

    def __init__(self, screen: Screen, puzzle: Ads) -> None:
        super().__init__(screen, puzzle)
        self.chosen: list[str] = []

    def toggle(self, post_id: str) -> None:
        if post_id in self.chosen:
            self.chosen.remove(post_id)
        else:
            self.chosen.append(post_id)
        self.changed()

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        posts = self.puzzle.posts
        cols = 3 if len(posts) > 4 and area.w >= self.px(1500) else 2
        rows = math.ceil(len(posts) / cols)
        gap = self.px(22)
        w = (area.w - gap * (cols - 1)) // cols
        h = min(self.px(330), (area.h - gap * (rows - 1)) // rows)
        top = area.y + (area.h - (h * rows + gap * (rows - 1))) // 2
        widgets: list[Widget] = []
        for i, post in enumerate(posts):
            row, col = divmod(i, cols)
            in_row = min(cols, len(posts) - row * cols)
            x0 = area.x + (area.w - (in_row * w + (in_row - 1) * gap)) // 2
            widgets.append(AdCard(self, post, pygame.Rect(x0 + col * (w + gap), top + row * (h + gap), w, h)))
        return widgets

    def answer(self) -> object | None:
        if not self.chosen and any(post.hidden_ad for post in self.puzzle.posts):
            return None
        return list(self.chosen)

    def status(self) -> str:
        n = len(self.chosen)
        return self.ngettext("{n} post marqué « pub cachée ». Touche un post pour le marquer.",
                             "{n} posts marqués « pub cachée ». Touche un post pour le marquer.", n).format(n=n)

    def enter(self, hand: Hand, answer: object) -> int:
        return taps(hand, [f"ad:{pid}" for pid in ids(answer)])
