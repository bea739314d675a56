"""The "ads" kind: the hidden ads spotted among the posts of a feed."""

from __future__ import annotations

import pygame

from gardiens.core.model import AdPost, Ads
from gardiens.ui.draw import panel
from gardiens.ui.puzzles.base import Item
from gardiens.ui.puzzles.picking import PickingView
from gardiens.ui.puzzles.social import mission_picture, paint_post, plain, tag
from gardiens.ui.widgets.base import Canvas, Ring, Widget
from gardiens.ui.widgets.layout import grid


class AdCard(Item["AdsView"]):
    """An influencer's post; tapping it marks it as a hidden ad (tap again to take the mark off)."""

    def __init__(self, view: AdsView, post: AdPost, rect: pygame.Rect) -> None:
        super().__init__(view, "ad", post.id, rect, tap=view.toggle)
        self.post = post

    def paint(self, surface: pygame.Surface, app: Canvas, area: pygame.Rect, pressed: bool) -> Ring:
        p = app.palette
        m = app.metrics
        view = self.view
        chosen = self.post.id in view.chosen
        rect = area.move(0, m.px(3) if pressed else 0)
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
        return rect, m.px(22)


class AdsView(PickingView):
    """Influencer posts: tap every one that advertises without saying so, then validate."""

    puzzle: Ads
    pick_prefix = "ad"

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        posts = self.puzzle.posts
        columns = 3 if len(posts) > 4 and area.w >= self.px(1500) else 2
        cells = grid(area, len(posts), columns=columns, gap=self.px(22), max_height=self.px(330), middle=True,
                     centre_rows=True)
        return [AdCard(self, post, rect) for post, rect in zip(posts, cells, strict=True)]

    def answer(self) -> object | None:
        if not self.chosen and any(post.hidden_ad for post in self.puzzle.posts):
            return None
        return list(self.chosen)

    def status(self) -> str:
        n = len(self.chosen)
        return self.ngettext("{n} post marqué « pub cachée ». Touchez un post pour le marquer.",
                             "{n} posts marqués « pub cachée ». Touchez un post pour le marquer.", n).format(n=n)
