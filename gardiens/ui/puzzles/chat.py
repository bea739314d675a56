"""The "chat" kind: a group conversation read to its end, then answered with reactions."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

import pygame

from gardiens.core.model import Chat
from gardiens.ui.draw import out_of_clip, panel
from gardiens.ui.puzzles.base import Hand, Part, ids
from gardiens.ui.puzzles.picking import PickingView
from gardiens.ui.puzzles.social import (
    Pages,
    app_window,
    avatar,
    go_to_page,
    mission_picture,
    page_buttons,
    page_column,
    page_number,
    plain,
)
from gardiens.ui.theme import Color, mix
from gardiens.ui.widgets.base import Button, Display, Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen
    from gardiens.ui.text import TextFit
    from gardiens.ui.widgets.base import Canvas


# The whole conversation is kept drawn (see `ChatView.draw_conversation`) up to this many pixels:
# 16 MB, a conversation eight windows long at 1920×1080.
CONVERSATION_PIXELS = 4_000_000


def _seen(fit: TextFit, clip: pygame.Rect) -> TextFit:
    """`fit` as drawing it under `clip` reports it: its ink cut to what the clip lets through."""
    ink = pygame.Rect(fit.ink)
    if clip.contains(ink):
        return fit
    shown = clip.clip(ink)
    return replace(fit, ink=(shown.x, shown.y, shown.w, shown.h))


class ReactionButton(Button):
    """A reaction to choose; all reactions share one text size so none looks less important."""

    contained = True

    def __init__(self, name: str, rect: pygame.Rect, label: str, *, size: int, icon: str, selected: bool,
                 on_tap: Callable[[], None]) -> None:
        super().__init__(name, rect, label, icon=icon, selected=selected, on_tap=on_tap)
        self.size = size

    def appearance(self, app: Canvas) -> Hashable | None:
        return self.appearance_of(app, self.size)

    @staticmethod
    def text_box(rect: pygame.Rect, app: Canvas) -> pygame.Rect:
        """Where the label goes on the button's face `rect`."""
        m = app.metrics
        icon = min(m.px(48), rect.h - m.px(16))
        return pygame.Rect(rect.x + icon + m.px(38), rect.y + m.px(6), rect.w - icon - m.px(56), rect.h - m.px(12))

    @classmethod
    def height_for(cls, app: Canvas, label: str, width: int, size: int) -> int:
        """The height of a button `width` wide that shows `label` whole at `size`: the label is
        measured in the very box it is drawn in (the face, above the button's raised edge)."""
        m = app.metrics
        face = pygame.Rect(0, 0, width, m.touch - m.px(7))
        box = cls.text_box(face, app)
        return max(m.touch, app.type.measure(label, size, box.w, bold=True)[2] + m.touch - box.h)

    def draw_content(self, surface: pygame.Surface, app: Canvas, rect: pygame.Rect, ink: Color) -> None:
        m = app.metrics
        name = "check" if self.selected else (self.icon or "circle")
        image = app.assets.icon(name, min(m.px(48), rect.h - m.px(16)), ink)
        surface.blit(image, image.get_rect(midleft=(rect.x + m.px(22), rect.centery)))
        app.type.block(surface, self.label, self.text_box(rect, app), size=self.size, color=ink, bold=True,
                       valign="middle", name=self.name)


class ChatWindow(Part["ChatView"]):
    """The conversation; a finger slides it up and down like a phone chat."""

    focusable = False
    draggable = True
    contained = True

    def draw(self, surface: pygame.Surface, app: Canvas, *, focused: bool, pressed: bool) -> None:
        self.view.draw_conversation(surface)

    def appearance(self, app: Canvas) -> Hashable | None:
        view = self.view
        return (tuple(self.rect), tuple(view.window), view.scroll, view.max_scroll, view.content_h,
                id(view.picture), len(view.bubbles))


class ChatTrack(Display):
    """The scroll track between the arrows: where the part on show sits in the conversation. A
    scroll repaints it, with the conversation, alone."""

    contained = True

    def __init__(self, view: ChatView, rect: pygame.Rect) -> None:
        super().__init__("chat-track", rect)
        self.view = view

    def draw(self, surface: pygame.Surface, app: Canvas, *, focused: bool, pressed: bool) -> None:
        view = self.view
        track = self.rect
        if track.h > view.px(40) and view.max_scroll > 0:
            p = app.palette
            pygame.draw.rect(surface, p.surface_alt, track, border_radius=track.w // 2)
            thumb_h = max(view.px(40), track.h * view.window.h // max(1, view.content_h))
            thumb_y = track.y + (track.h - thumb_h) * view.scroll // max(1, view.max_scroll)
            pygame.draw.rect(surface, p.primary, (track.x, thumb_y, track.w, thumb_h), border_radius=track.w // 2)

    def appearance(self, app: Canvas) -> Hashable | None:
        view = self.view
        return (type(self).__name__, tuple(self.rect), tuple(view.window), view.scroll, view.max_scroll,
                view.content_h)


class ChatView(PickingView):
    """A group chat to read (it scrolls), then the reaction to choose, with big buttons."""

    puzzle: Chat
    # The picture is shared in the conversation, above the first message.
    side_picture = False

    def __init__(self, screen: Screen, puzzle: Chat) -> None:
        super().__init__(screen, puzzle)
        self.scroll = 0
        self.content_h = 0
        self.window = pygame.Rect(0, 0, 0, 0)
        self.frame = pygame.Rect(0, 0, 0, 0)
        self.bubbles: list[tuple[pygame.Rect, str, str, bool, int]] = []
        self.picture: pygame.Surface | None = None
        self.picture_at = pygame.Rect(0, 0, 0, 0)
        self.drag_y: int | None = None
        self._faded: tuple[tuple[int, Color, int], pygame.Surface] | None = None
        self._whole: tuple[Hashable, tuple[pygame.Surface, list[list[TextFit]]]] | None = None
        # The answers' pages, the one on show, and where each answer is.
        self.page = 0
        self.pages = 1
        self.page_of: dict[str, int] = {}
        self.nav = pygame.Rect(0, 0, 0, 0)

    @property
    def multiple(self) -> bool:
        return self.puzzle.multiple

    @property
    def max_scroll(self) -> int:
        return max(0, self.content_h - self.window.h)

    def scroll_by(self, dy: int) -> None:
        self.scroll = max(0, min(self.max_scroll, self.scroll + dy))
        self.changed()

    def bar_texts(self) -> tuple[str, str, int]:
        """The group's name, its count of members and the width that count takes in the bar."""
        app = self.app
        m = app.metrics
        members = len({self.text(msg.author) for msg in self.puzzle.messages})
        count = self.ngettext("{n} membre", "{n} membres", members).format(n=members)
        count_w = min(self.frame.w // 2, app.type.measure(count, app.type.floored(m.text("small")), 10_000)[1]
                      + self.px(8))
        return plain(self.text(self.puzzle.group)), count, count_w

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        app = self.app
        m = app.metrics
        gap = self.px(24)
        # Half the width for the conversation, which scrolls; the answers turn pages when they
        # need more room than the other half.
        self.frame = pygame.Rect(area.x, area.y, round(area.w / 2), area.h)
        # The group's name on one line in the window's bar, or two when large or widely spaced
        # letters need them: the bar grows.
        group, _count, count_w = self.bar_texts()
        named = app.type.measure(group, m.text("body"), self.frame.w - self.px(138) - count_w, bold=True)
        lines = max(1, len(named[0]))
        head_h = max(self.px(84), named[2] * min(lines, 2) // lines + self.px(16))
        bar_w = self.px(96)
        self.window = pygame.Rect(self.frame.x + self.px(6), self.frame.y + head_h,
                                  self.frame.w - bar_w - self.px(18), self.frame.h - head_h - self.px(6))
        self.layout_bubbles()
        self.scroll = max(0, min(self.max_scroll, self.scroll))
        step = self.window.h * 2 // 3
        up = Button("chat-up", pygame.Rect(self.window.right + self.px(6), self.window.y + self.px(8), bar_w, bar_w),
                    icon="up", kind="quiet", enabled=self.scroll > 0, on_tap=lambda: self.scroll_by(-step))
        more = self.scroll < self.max_scroll
        down = Button("chat-down", pygame.Rect(self.window.right + self.px(6), self.window.bottom - bar_w - self.px(8),
                                               bar_w, bar_w),
                      icon="down", kind="accent" if more else "quiet", enabled=more,
                      on_tap=lambda: self.scroll_by(step))
        track = pygame.Rect(self.window.right + self.px(40), self.window.y + self.px(120), self.px(16),
                            self.window.h - self.px(240))
        widgets: list[Widget] = [ChatWindow(self, "chat", self.window), ChatTrack(self, track), up, down]
        side = pygame.Rect(self.frame.right + gap, area.y, area.right - self.frame.right - gap, area.h)
        head = app.type.font(m.text("body"), True).get_linesize() + self.px(4)
        self.choices_head = pygame.Rect(side.x, side.y - self.px(4), side.w, head)
        column = pygame.Rect(side.x, side.y + head, side.w, side.h - head)
        pages = self.answer_pages(column)
        self.pages = len(pages)
        self.page = max(0, min(self.pages - 1, self.page))
        self.page_of = {choice: index for index, page in enumerate(pages) for choice, _rect in page}
        idle = "square" if self.multiple else "circle"
        size = m.text("small")
        for choice_id, rect in pages[self.page]:
            widgets.append(ReactionButton(f"choice:{choice_id}", rect, self.answer_text(choice_id), size=size,
                                          icon=idle, selected=choice_id in self.chosen,
                                          on_tap=partial(self.toggle, choice_id)))
        self.nav = pygame.Rect(0, 0, 0, 0)
        if self.pages > 1:
            nav_w = page_column(self)
            self.nav = pygame.Rect(column.right - nav_w, column.y, nav_w, column.h)
            widgets += page_buttons(self, self.nav, self.page, self.pages, self.turn)
        return widgets

    def answer_text(self, choice_id: str) -> str:
        return next(plain(self.text(c.text)) for c in self.puzzle.choices if c.id == choice_id)

    def answer_pages(self, column: pygame.Rect) -> Pages:
        """The answers in `column`, each button as tall as its text needs at one size for all (a
        long answer takes more lines, not a smaller font); when they do not all fit, pages of
        them beside the page buttons. The room a page leaves is shared out among its buttons."""
        app = self.app
        gap = self.px(12)
        size = app.metrics.text("small")
        order = [c.id for c in self.puzzle.choices]
        width = column.w
        heights = {c: ReactionButton.height_for(app, self.answer_text(c), width, size) for c in order}
        groups = [order]
        if sum(heights.values()) + gap * (len(order) - 1) > column.h:
            width = column.w - page_column(self) - gap
            heights = {c: ReactionButton.height_for(app, self.answer_text(c), width, size) for c in order}
            groups = [[]]
            y = column.y
            for choice_id in order:
                if groups[-1] and y + heights[choice_id] > column.bottom:
                    groups.append([])
                    y = column.y
                groups[-1].append(choice_id)
                y += heights[choice_id] + gap
        pages: Pages = []
        for group in groups:
            spare = (column.h - sum(heights[c] for c in group) - gap * (len(group) - 1)) // len(group)
            y = column.y
            pages.append([])
            for choice_id in group:
                h = max(heights[choice_id], min(self.px(150), heights[choice_id] + spare))
                pages[-1].append((choice_id, pygame.Rect(column.x, y, width, h)))
                y += h + gap
        return pages

    def turn(self, step: int) -> None:
        self.page = max(0, min(self.pages - 1, self.page + step))
        self.changed()

    def page_span(self) -> int:
        return self.pages

    def layout_bubbles(self) -> None:
        """Place every bubble in conversation coordinates (0 = top of the conversation)."""
        app = self.app
        m = app.metrics
        pad = self.px(18)
        width = self.window.w
        size = m.text("small")
        # An author's name is a label: a little smaller than the messages, never under its floor.
        name_size = app.type.floored(round(m.text("small") * 0.85), "label")
        name_h = app.type.font(name_size, True).get_linesize()
        radius = self.px(26)
        y = self.px(16)
        self.picture = mission_picture(self, self.puzzle.image, (width // 2, self.px(240)))
        if self.picture is not None:
            self.picture_at = self.picture.get_rect(midtop=(width // 2, y))
            y = self.picture_at.bottom + self.px(20)
        self.bubbles = []
        previous = None
        for message in self.puzzle.messages:
            author = plain(self.text(message.author))
            text = plain(self.text(message.text))
            max_w = width * 3 // 4 - (0 if message.me else 2 * radius + pad)
            _lines, widest, height = app.type.measure(text, size, max_w - 2 * pad)
            show_name = not message.me and author != previous
            bw = max(widest + 2 * pad, app.type.font(name_size, True).size(author)[0] + 2 * pad if show_name else 0)
            bh = height + 2 * self.px(10) + (name_h if show_name else 0)
            x = width - bw - pad if message.me else 2 * radius + pad + self.px(10)
            self.bubbles.append((pygame.Rect(x, y, min(bw, max_w), bh), author, text, message.me,
                                 name_h if show_name else 0))
            y += bh + self.px(12)
            previous = author if not message.me else None
        self.content_h = y + self.px(10)

    def draw_conversation(self, surface: pygame.Surface) -> None:
        """The part of the conversation on show: copied from the whole conversation drawn once
        (a scroll is then one copy, not every bubble it shows drawn again), or drawn bubble by
        bubble when the conversation is too long to keep drawn. The texts on show are reported
        as drawing them there would."""
        app = self.app
        p = app.palette
        window = self.window
        clip = surface.get_clip()
        shown = window.clip(clip) if clip else window
        whole = self._whole[1] if self._whole is not None and self._whole[0] == self._whole_key(surface) else None
        if whole is None:
            pygame.draw.rect(surface, mix(p.surface_alt, p.surface, 0.4), window)
            surface.set_clip(shown)
            self._draw_bubbles(surface, window.x, window.y - self.scroll, window)
            surface.set_clip(clip)
        else:
            image, fits = whole
            surface.blit(image, window, pygame.Rect(0, self.scroll, window.w, window.h))
            dx, dy = window.x, window.y - self.scroll
            report = app.type.report
            for (box, *_rest), texts in zip(self.bubbles, fits, strict=True):
                if box.bottom + dy < window.y or box.y + dy > window.bottom:
                    continue
                report += [_seen(fit.moved(dx, dy), shown) for fit in texts]
        # A fading edge and the scroll track tell that more of the conversation is hidden.
        if self.scroll < self.max_scroll:
            fade = self._fade(window.w, mix(p.surface_alt, p.surface, 0.4))
            surface.blit(fade, (window.x, window.bottom - fade.get_height()))

    def ahead(self, surface: pygame.Surface) -> None:
        """The whole conversation drawn once, off screen, on a surface in `surface`'s format, with
        the texts each bubble set there: the frames that show the chat copy the part on show
        (see `draw_conversation`). Not on a frame that shows the chat: it would draw every
        message, not only those on show. Nothing when it would hold more than
        `CONVERSATION_PIXELS`, or while the texts are put off (their reports would be missing)."""
        app = self.app
        size = (self.window.w, max(self.window.h, self.content_h))
        if app.type.deferred is not None or size[0] <= 0 or size[0] * size[1] > CONVERSATION_PIXELS:
            return
        key = self._whole_key(surface)
        if self._whole is None or self._whole[0] != key:
            p = app.palette
            image = pygame.Surface(size, 0, surface)
            image.fill(mix(p.surface_alt, p.surface, 0.4))
            report = app.type.report
            app.type.report = []
            try:
                fits = self._draw_bubbles(image, 0, 0, image.get_rect())
            finally:
                app.type.report = report
            self._whole = (key, (image, fits))

    def _whole_key(self, surface: pygame.Surface) -> Hashable:
        """What the whole conversation drawn for `surface` depends on."""
        app = self.app
        return ((self.window.w, max(self.window.h, self.content_h)), surface.get_bitsize(),
                tuple((tuple(b[0]), *b[1:]) for b in self.bubbles), id(self.picture), tuple(self.picture_at),
                app.palette, app.settings, app.type.family)

    def _draw_bubbles(self, surface: pygame.Surface, x: int, top: int, window: pygame.Rect) -> list[list[TextFit]]:
        """The picture and the bubbles, the conversation's top left at `x`, `top`, those within
        `window` only; returns the texts each bubble set (none for those not drawn)."""
        app = self.app
        p = app.palette
        m = app.metrics
        if self.picture is not None:
            at = self.picture_at.move(x, top)
            panel(surface, at.inflate(self.px(12), self.px(12)), p.surface, radius=self.px(14), shadow=p.shadow,
                  depth=self.px(5))
            surface.blit(self.picture, at)
        size = m.text("small")
        # An author's name is a label: a little smaller than the messages, never under its floor.
        name_size = app.type.floored(round(m.text("small") * 0.85), "label")
        radius = self.px(26)
        pad = self.px(18)
        fits: list[list[TextFit]] = []
        for i, (box, author, text, me, name_h) in enumerate(self.bubbles):
            fits.append([])
            rect = box.move(x, top)
            if rect.bottom < window.y or rect.y > window.bottom:
                continue
            # With its author's avatar, at the conversation's left edge.
            reach = rect.union(pygame.Rect(x, rect.y, 2 * (pad + radius), 2 * radius)) if name_h else rect
            if out_of_clip(surface, reach):
                continue
            start = len(app.type.report)
            fill = p.primary if me else p.surface
            ink = p.on_primary if me else p.ink
            panel(surface, rect, fill, radius=self.px(24), border=p.primary_dark if me else p.outline,
                  border_width=max(2, self.px(3)))
            if name_h:
                avatar(surface, app, (x + pad + radius - self.px(6), rect.y + radius), radius, author)
                app.type.block(surface, author, pygame.Rect(rect.x + pad, rect.y + self.px(8), rect.w - 2 * pad, name_h),
                               size=name_size, color=p.primary_dark if not app.settings.high_contrast else p.ink,
                               bold=True, max_lines=1, name=f"chat-author:{i}", kind="label")
            body = pygame.Rect(rect.x + pad, rect.y + self.px(10) + name_h, rect.w - 2 * pad + self.px(4),
                               rect.h - name_h - self.px(18))
            app.type.block(surface, text, body, size=size, color=ink, name=f"chat-message:{i}")
            fits[-1] = app.type.report[start:]
        return fits

    def _fade(self, width: int, base: Color) -> pygame.Surface:
        """The fading edge at the bottom of the conversation, made once for its width and colour:
        a chat scrolled or tapped repaints the conversation at each frame."""
        key = (width, base, self.px(60))
        if self._faded is None or self._faded[0] != key:
            fade = pygame.Surface((width, key[2]), pygame.SRCALPHA)
            for yy in range(fade.get_height()):
                pygame.draw.line(fade, (*base, round(255 * yy / fade.get_height())), (0, yy), (width, yy))
            self._faded = (key, fade)
        return self._faded[1]

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        p = app.palette
        m = app.metrics
        head = app_window(surface, app, self.frame, radius=self.px(30), bar_height=self.window.y - self.frame.y,
                          bar=p.night if not app.settings.high_contrast else p.surface)
        ink = (255, 255, 255) if not app.settings.high_contrast else p.ink
        icon = app.assets.icon("people", self.px(48), ink)
        surface.blit(icon, icon.get_rect(midleft=(head.x + self.px(24), head.centery)))
        group, count, count_w = self.bar_texts()
        app.type.block(surface, group, pygame.Rect(head.x + self.px(90), head.y,
                                                   head.w - self.px(138) - count_w, head.h),
                       size=m.text("body"), color=ink, bold=True, valign="middle", max_lines=2, name="chat-group")
        app.type.block(surface, count, pygame.Rect(head.right - self.px(24) - count_w, head.y, count_w, head.h),
                       size=m.text("small"), color=ink, valign="middle", align="right", max_lines=1,
                       name="chat-members")
        question = self._("Plusieurs réactions possibles :") if self.multiple else self._("Votre réaction :")
        app.type.block(surface, question, self.choices_head, size=m.text("body"), color=p.ink, bold=True,
                       valign="middle", max_lines=1, name="chat-question")
        if self.pages > 1:
            page_number(surface, app, self.nav, self.page, self.pages)

    def backdrop(self) -> Hashable | None:
        # The conversation and its scroll track are widgets of their own: a scroll changes them.
        return (tuple(self.frame), tuple(self.window), tuple(self.choices_head), self.multiple, self.page,
                self.pages, tuple(self.nav))

    def on_drag(self, widget: Widget, pos: tuple[int, int]) -> None:
        if not isinstance(widget, ChatWindow):
            return
        if self.drag_y is not None:
            self.scroll = max(0, min(self.max_scroll, self.scroll - (pos[1] - self.drag_y)))
        self.drag_y = pos[1]

    def on_drop(self, widget: Widget, pos: tuple[int, int]) -> None:
        if isinstance(widget, ChatWindow):
            self.on_drag(widget, pos)
            self.drag_y = None
            self.changed()

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.scroll_by((1 if event.key == pygame.K_PAGEDOWN else -1) * self.window.h * 2 // 3)
            return True
        return False

    def status(self) -> str:
        if self.scroll < self.max_scroll:
            return self._("Lisez toute la discussion : faites-la glisser ou touchez la flèche.")
        if self.page < self.pages - 1:
            return self._("D'autres réactions attendent : touchez « Suite ».")
        if self.multiple:
            return self._("Plusieurs réponses possibles.")
        return self._("Une seule réponse.")

    def enter(self, hand: Hand, answer: object) -> int:
        """Scroll the conversation to its end with the arrow, as a team reads, then tap each
        reaction, turning to its page first."""
        made = 0
        while self.scroll < self.max_scroll and made < 30:
            hand.tap("chat-down")
            made += 1
        for choice_id in ids(answer):
            made += go_to_page(hand, lambda: self.page, self.page_of[choice_id])
            hand.tap(f"choice:{choice_id}")
            made += 1
        return made
