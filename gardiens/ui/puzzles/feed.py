"""The "feed" kind: a phone feed whose posts are sorted into boxes."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

import pygame

from gardiens.core.model import Feed, FeedPost
from gardiens.ui.puzzles.base import GestureError, Hand
from gardiens.ui.puzzles.social import (
    Pages,
    PostPages,
    go_to_page,
    lay_pages,
    mission_picture,
    page_buttons,
    page_column,
    paint_post,
    post_shape,
)
from gardiens.ui.puzzles.sorting import CategoryBoxesView, SortCard
from gardiens.ui.widgets.base import Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen

# The side of a post's picture, in design pixels.
THUMB = 170


class FeedView(PostPages, CategoryBoxesView):
    """A phone feed whose posts are sorted into boxes (e.g. harassment or not). Every post shows
    its whole text: cards are as tall as their texts, and the feed turns pages when they do not
    all fit. Cards keep their places on a page, sorted or not."""

    puzzle: Feed
    card_prefix = "post"
    box_prefix = "box"
    # Boxes are targets, not shelves: their head and a margin to drop a card on.
    box_height = 110

    def __init__(self, screen: Screen, puzzle: Feed) -> None:
        super().__init__(screen, puzzle)
        self.head = self.px(self.box_head)
        self._pages: tuple[Hashable, Pages] | None = None

    def head_height(self) -> int:
        return self.head

    def posts(self) -> dict[str, FeedPost]:
        return {post.id: post for post in self.puzzle.posts}

    def card_ids(self) -> list[str]:
        return [post.id for post in self.puzzle.posts]

    def post_height(self, card_id: str, width: int) -> int:
        """A card's height at `width`: its post whole, and the strip that names its box."""
        post = self.posts()[card_id]
        author, date, text, label = self.words(post)
        shape = post_shape(self.app, width, author=author, date=date, text=text, label=label,
                           thumb=self.px(THUMB) if post.image else 0)
        return shape.height + self.px(self.tag_height)

    def column_choices(self, width: int) -> list[int]:
        """Column counts to try, the preferred (wider cards, shorter texts) first."""
        n = len(self.card_ids())
        if width >= self.px(1500):
            return [2, 3, 4] if n > 6 else [2, 3]
        return [2]

    def layout(self, area: pygame.Rect) -> list[Widget]:
        """The posts of the page on show, each in a place it keeps whether sorted or not; the
        boxes under them never move, whatever the page."""
        self.area = area
        gap = self.px(18)
        boxes = self.box_ids()
        bw = (area.w - gap * (len(boxes) - 1)) // len(boxes)
        # A box's head holds its name whole (larger or wider text wraps it), with room under it to drop on.
        names = max(self.app.type.measure(self.box_label(b), self.app.metrics.text("body"),
                                          bw - self.px(self.box_label_room), bold=True)[2] for b in boxes)
        self.head = max(self.px(self.box_head), names + self.px(14))
        box_h = max(self.px(self.box_height), self.head + self.px(20))
        side = page_column(self)
        room = pygame.Rect(area.x + gap, area.y + gap, area.w - 2 * gap, area.h - box_h - 3 * gap)
        pages = self.pages_in(room, gap, side + gap, self.column_choices(area.w))
        shown = self.keep_pages(pages)
        # With pages, the tray keeps one height on every page (the boxes never move): the room's,
        # or the tallest page's when a row is taller than the room (largest text, one row a page).
        tallest = max(rect.bottom for page in pages for _card, rect in page)
        bottom = tallest if self.pages == 1 else max(room.bottom, tallest)
        self.tray = pygame.Rect(area.x, area.y, area.w, bottom + gap - area.y)
        self.nav = pygame.Rect(room.right - side, room.y, side, room.h) if self.pages > 1 else pygame.Rect(0, 0, 0, 0)
        tray = self.tray_box()
        cards = [SortCard(self, card, rect) for card, rect in shown]
        top = self.tray.bottom + gap
        self.box_row(pygame.Rect(area.x, top, area.w, area.bottom - top), gap)
        widgets: list[Widget] = [tray, *cards, *self.boxes]
        if self.pages > 1:
            widgets += page_buttons(self, self.nav, self.page, self.pages, self.turn)
        return widgets

    def pages_in(self, room: pygame.Rect, gap: int, side: int, columns: list[int]) -> Pages:
        """The posts laid on pages in `room`, worked out once for the room and the look of the
        texts: a tap that sorts a post lays the feed out again, and measuring every post for
        each count of columns was most of that."""
        app = self.app
        t = app.type
        key = (tuple(room), gap, side, tuple(columns), id(app.words), app.settings, app.metrics.size, t.family,
               t.language, t.min_scale)
        if self._pages is not None and self._pages[0] == key:
            return self._pages[1]
        pages = lay_pages(self.card_ids(), room, columns=columns, gap=gap, side=side, height=self.post_height)
        if max(rect.bottom for page in pages for _card, rect in page) > room.bottom:
            # A post taller than the room beside another (largest text): one post a row, as wide
            # as the feed, is lower.
            wide = lay_pages(self.card_ids(), room, columns=[1], gap=gap, side=side, height=self.post_height)
            if max(rect.bottom for page in wide for _card, rect in page) <= room.bottom:
                pages = wide
        self._pages = (key, pages)
        return pages

    def status(self) -> str:
        if self.selected is None and self.page < self.pages - 1:
            return self._("D'autres posts attendent : touchez « Suite ».")
        return super().status()

    def enter(self, hand: Hand, answer: object) -> int:
        """Each post is found on its page, then dragged (the first) or tapped into its box."""
        if not isinstance(answer, dict):
            raise GestureError("expected a box for each post")
        made = 0
        for index, (card, box) in enumerate(answer.items()):
            made += go_to_page(hand, lambda: self.page, self.page_of[card])
            if index == 0:
                hand.drag(f"{self.card_prefix}:{card}", f"{self.box_prefix}:{box}")
            else:
                hand.tap(f"{self.card_prefix}:{card}")
                hand.tap(f"{self.box_prefix}:{box}")
            made += 2
        return made

    def paint_card(self, surface: pygame.Surface, card_id: str, rect: pygame.Rect) -> None:
        post = self.posts()[card_id]
        image = mission_picture(self, post.image, (self.px(THUMB), self.px(THUMB))) if post.image else None
        author, date, text, label = self.words(post)
        paint_post(surface, self.app, rect, author=author, date=date, text=text, label=label, image=image,
                   selected=self.selected == card_id, name=f"post:{card_id}")
