"""The "ads" kind: the hidden ads spotted among the posts of a feed."""

from __future__ import annotations

from collections.abc import Hashable

import pygame

from gardiens.core.model import AdPost, Ads
from gardiens.ui.draw import panel
from gardiens.ui.puzzles.base import Hand, Item, ids
from gardiens.ui.puzzles.picking import PickingView
from gardiens.ui.puzzles.social import (
    PostPages,
    go_to_page,
    lay_pages,
    mission_picture,
    page_buttons,
    page_column,
    paint_post,
    post_shape,
    tag,
    tag_size,
)
from gardiens.ui.widgets.base import Canvas, Ring, Widget

# The side of a post's picture and of its check box, in design pixels.
THUMB = 170
CHECK = 60


class AdCard(Item["AdsView"]):
    """An influencer's post; tapping it marks it as a hidden ad (tap again to take the mark off)."""

    contained = True

    def __init__(self, view: AdsView, post: AdPost, rect: pygame.Rect) -> None:
        super().__init__(view, "ad", post.id, rect, tap=view.toggle)
        self.post = post

    def paint(self, surface: pygame.Surface, app: Canvas, area: pygame.Rect, pressed: bool) -> Ring:
        p = app.palette
        m = app.metrics
        view = self.view
        chosen = self.post.id in view.chosen
        rect = area.move(0, m.px(3) if pressed else 0)
        image = mission_picture(view, self.post.image, (view.px(THUMB), view.px(THUMB))) if self.post.image else None
        author, date, text, label = view.words(self.post)
        inner = paint_post(surface, app, rect, author=author, date=date, text=text, label=label, image=image,
                           selected=chosen, name=self.name, corner=view.px(CHECK + 12), footer=view.stamp_height())
        box = pygame.Rect(0, 0, view.px(CHECK), view.px(CHECK))
        box.topright = (inner.right, inner.y)
        if chosen:
            panel(surface, box, p.primary, radius=m.px(12), border=p.primary_dark, border_width=m.px(3))
            icon = app.assets.icon("check", m.px(46), p.on_primary)
            surface.blit(icon, icon.get_rect(center=box.center))
            stamp = view._("Pub cachée !")
            w, h = tag_size(app, stamp, inner.w, icon=True)
            tag(surface, app, (inner.right - w, inner.bottom - h), stamp, w, icon="flag", strong=True,
                name=f"{self.name}-stamp")
        else:
            panel(surface, box, p.surface, radius=m.px(12), border=p.ink_soft, border_width=m.px(4))
        return rect, m.px(22)

    def appearance(self, app: Canvas) -> Hashable | None:
        return self.appearance_of(self.post.id in self.view.chosen, self.view.stamp_height())


class AdsView(PostPages, PickingView):
    """Influencer posts: tap every one that advertises without saying so, then validate. Every
    post shows its whole text; the posts turn pages when they do not fit on one screen."""

    puzzle: Ads
    pick_prefix = "ad"

    def stamp_height(self) -> int:
        """The room kept at the bottom of every card for the « Pub cachée ! » stamp, marked or not,
        so that marking a post moves nothing."""
        return tag_size(self.app, self._("Pub cachée !"), 10_000, icon=True)[1]

    def post_height(self, post_id: str, width: int) -> int:
        post = next(p for p in self.puzzle.posts if p.id == post_id)
        author, date, text, label = self.words(post)
        return post_shape(self.app, width, author=author, date=date, text=text, label=label,
                          thumb=self.px(THUMB) if post.image else 0, corner=self.px(CHECK + 12),
                          footer=self.stamp_height()).height

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        posts = {post.id: post for post in self.puzzle.posts}
        gap = self.px(22)
        columns = [2, 3] if len(posts) > 4 and area.w >= self.px(1500) else [2]
        side = page_column(self)
        pages = lay_pages(list(posts), area, columns=columns, gap=gap, side=side + gap, height=self.post_height)
        shown = self.keep_pages(pages)
        # One page stands in the middle of the area; pages start at its top, so they line up.
        dy = (area.bottom - max(rect.bottom for _id, rect in shown)) // 2 if self.pages == 1 else 0
        widgets: list[Widget] = [AdCard(self, posts[post_id], rect.move(0, dy)) for post_id, rect in shown]
        if self.pages > 1:
            self.nav = pygame.Rect(area.right - side, area.y, side, area.h)
            widgets += page_buttons(self, self.nav, self.page, self.pages, self.turn)
        return widgets

    def answer(self) -> object | None:
        if not self.chosen and any(post.hidden_ad for post in self.puzzle.posts):
            return None
        return list(self.chosen)

    def enter(self, hand: Hand, answer: object) -> int:
        """Each post is found on its page, then tapped."""
        made = 0
        for post_id in ids(answer):
            made += go_to_page(hand, lambda: self.page, self.page_of[post_id])
            hand.tap(f"{self.pick_prefix}:{post_id}")
            made += 1
        return made

    def status(self) -> str:
        n = len(self.chosen)
        marked = self.ngettext("{n} post marqué « pub cachée ». Touchez un post pour le marquer.",
                               "{n} posts marqués « pub cachée ». Touchez un post pour le marquer.", n).format(n=n)
        if self.page < self.pages - 1:
            return self._("D'autres posts attendent : touchez « Suite ».")
        return marked
