"""The "feed" kind: a phone feed whose posts are sorted into boxes."""

from __future__ import annotations

import pygame

from gardiens.core.model import Feed, FeedPost
from gardiens.ui.draw import panel
from gardiens.ui.puzzles.social import avatar, mission_picture, paint_post, plain
from gardiens.ui.puzzles.sorting import SortView


class FeedView(SortView):
    """A phone feed whose posts are sorted into boxes (e.g. harassment or not)."""

    puzzle: Feed
    card_prefix = "post"
    box_prefix = "box"
    min_box = 190

    def posts(self) -> dict[str, FeedPost]:
        return {post.id: post for post in self.puzzle.posts}

    def card_ids(self) -> list[str]:
        return [post.id for post in self.puzzle.posts]

    def box_ids(self) -> list[str]:
        return [cat.id for cat in self.puzzle.categories]

    def paint_card(self, surface: pygame.Surface, card_id: str, rect: pygame.Rect, *, compact: bool) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        post = self.posts()[card_id]
        author = plain(self.text(post.author))
        selected = self.selected == card_id
        if compact:
            panel(surface, rect, p.surface, radius=m.px(18), shadow=p.shadow, depth=m.px(4),
                  border=p.primary if selected else p.outline, border_width=m.px(6 if selected else 3))
            radius = min(m.px(26), rect.h // 2 - m.px(6))
            avatar(surface, app, (rect.x + m.px(12) + radius, rect.centery), radius, author)
            x = rect.x + 2 * radius + m.px(24)
            text = f"{author} — {plain(self.text(post.text))}"
            app.type.block(surface, text, pygame.Rect(x, rect.y + m.px(4), rect.right - x - m.px(14), rect.h - m.px(8)),
                           size=m.text("small"), color=p.ink, valign="middle", max_lines=2, name=f"post:{card_id}")
        else:
            image = None
            if post.image:
                side = min(rect.h - m.px(40), rect.w // 3)
                image = mission_picture(self, post.image, (side, side))
            paint_post(surface, app, rect, author=author, date=plain(self.text(post.date)),
                       text=plain(self.text(post.text)), label=plain(self.text(post.label)), image=image,
                       selected=selected, name=f"post:{card_id}")

    def paint_box(self, surface: pygame.Surface, box_id: str, rect: pygame.Rect) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        label = next(self.text(c.label) for c in self.puzzle.categories if c.id == box_id)
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
