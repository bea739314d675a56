"""The "feed" kind: a phone feed whose posts are sorted into boxes."""

from __future__ import annotations

import pygame

from gardiens.core.model import Feed, FeedPost
from gardiens.ui.puzzles.social import mission_picture, paint_post, plain
from gardiens.ui.puzzles.sorting import SortView


class FeedView(SortView):
    """A phone feed whose posts are sorted into boxes (e.g. harassment or not)."""

    puzzle: Feed
    card_prefix = "post"
    box_prefix = "box"

    def posts(self) -> dict[str, FeedPost]:
        return {post.id: post for post in self.puzzle.posts}

    def card_ids(self) -> list[str]:
        return [post.id for post in self.puzzle.posts]

    def box_ids(self) -> list[str]:
        return [cat.id for cat in self.puzzle.categories]

    def box_label(self, box_id: str) -> str:
        return next(self.text(c.label) for c in self.puzzle.categories if c.id == box_id)

    def paint_card(self, surface: pygame.Surface, card_id: str, rect: pygame.Rect) -> None:
        m = self.app.metrics
        post = self.posts()[card_id]
        image = None
        if post.image:
            side = min(rect.h - m.px(40), rect.w // 3)
            image = mission_picture(self, post.image, (side, side))
        paint_post(surface, self.app, rect, author=plain(self.text(post.author)), date=plain(self.text(post.date)),
                   text=plain(self.text(post.text)), label=plain(self.text(post.label)), image=image,
                   selected=self.selected == card_id, name=f"post:{card_id}")

    def paint_box(self, surface: pygame.Surface, box_id: str, rect: pygame.Rect) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        label = self.box_label(box_id)
        head = self.box_frame(surface, rect, p.primary)
        pygame.draw.rect(surface, p.primary, head, border_top_left_radius=m.px(26), border_top_right_radius=m.px(26))
        icon = app.assets.icon("box", m.px(46), p.on_primary)
        surface.blit(icon, icon.get_rect(midleft=(head.x + m.px(20), head.centery)))
        count = sum(1 for b in self.placed.values() if b == box_id)
        app.type.line(surface, str(count), (head.right - m.px(24), head.centery), size=m.text("subtitle"),
                      color=p.on_primary, bold=True, anchor="midright")
        app.type.block(surface, label, pygame.Rect(head.x + m.px(80), head.y, head.w - m.px(150), head.h),
                       size=m.text("body"), color=p.on_primary, bold=True, align="center", valign="middle",
                       max_lines=2, name=f"box:{box_id}")
        if self.selected is not None:
            self.drop_arrow(surface, rect)
