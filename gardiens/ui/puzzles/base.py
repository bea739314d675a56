"""What every puzzle view shares: the answer-building part of a puzzle screen, and the gestures
(taps and drags) by which a view declares how a team enters a given answer on it."""

from __future__ import annotations

import random
from abc import ABC, abstractmethod
from collections.abc import Callable, Hashable, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Generic, Protocol, TypeAlias, TypeVar

import pygame

from gardiens.core.model import Puzzle
from gardiens.ui.draw import panel
from gardiens.ui.kit.screen import ScreenPart
from gardiens.ui.widgets.base import Button, Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Host, Screen
    from gardiens.ui.theme import Color
    from gardiens.ui.widgets.base import Canvas


RIPPLE_SECONDS = 0.6

# A widget's name ("key:7", "box:spam") or a point on the screen.
Spot: TypeAlias = str | tuple[int, int]


class Hand(Protocol):
    """What plays a view's gestures: a finger that taps and drags (the test pilot's)."""

    def tap(self, target: Spot) -> None: ...

    def drag(self, start: Spot, end: Spot) -> None: ...


class GestureError(RuntimeError):
    """A view's gestures did not build the answer they were meant to enter."""


class PuzzleView(ScreenPart, ABC):
    """The answer-building part of a puzzle screen. It keeps the answer across re-layouts."""

    # False when the view shows the puzzle's picture itself (a website under a cookie banner).
    side_picture = True

    def __init__(self, screen: Screen, puzzle: Puzzle) -> None:
        self.screen = screen
        self.app: Host = screen.app
        self.puzzle = puzzle
        self.area = pygame.Rect(0, 0, 0, 0)
        # The page shown of a list too long for its place (see `pager`), and where its count goes.
        self.page = 0
        self.page_total = 1
        self.page_count = pygame.Rect(0, 0, 0, 0)

    def text(self, value: object) -> str:
        words = self.app.words
        return words.text(value, puzzle_id=self.puzzle.id) if words else ""  # type: ignore[arg-type]

    def layout(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        return []

    def draw(self, surface: pygame.Surface) -> None:
        """Drawn under the widgets."""
        return None

    def draw_over(self, surface: pygame.Surface) -> None:
        """Drawn over the widgets (the card a finger drags is drawn over all by the frame, see
        `Card.carried`)."""
        return None

    def backdrop(self) -> Hashable | None:
        """Everything `draw` and `draw_over` paint after a tap (see `Screen.backdrop`); None when
        the view cannot say. A view that paints nothing besides its widgets has nothing to say."""
        kind = type(self)
        return () if kind.draw is PuzzleView.draw and kind.draw_over is PuzzleView.draw_over else None

    def answer(self) -> object | None:
        """The answer to submit, or None while it is incomplete."""
        return None

    def status(self) -> str:
        return ""

    def score_words(self, right: int, total: int) -> str | None:
        """How a wrong answer's score is said, when the kind has its own words for it."""
        return None

    def after_wrong(self) -> None:
        """What to clear after a wrong answer so the team can try again."""
        return None

    def on_text(self, text: str) -> None:
        """Typed or pasted text."""
        return None

    def on_key(self, event: pygame.event.Event) -> bool:
        return False

    def on_drag(self, widget: Widget, pos: tuple[int, int]) -> None:
        """A finger moves a card."""
        return None

    def on_drop(self, widget: Widget, pos: tuple[int, int]) -> None:
        """A card is released."""
        return None

    def animating(self) -> bool:
        return False

    def changed(self) -> None:
        self.screen.refresh()
        self.app.dirty = True

    @abstractmethod
    def enter(self, hand: Hand, answer: object) -> int:
        """Touch the widgets that build `answer` as a team would; returns the gestures made."""

    def pager(self, bar: pygame.Rect, pages: int, *, square: bool = False) -> list[Widget]:
        """Buttons at both ends of `bar` that turn the pages of a list split into `pages` pages
        (none when it fits on one page); the page count sits between them (`draw_page_count`).
        They are twice as wide as `bar` is tall, or `square` (at the ends of a row of cards)."""
        self.page_total = pages
        self.page = max(0, min(self.page, pages - 1))
        if pages <= 1:
            self.page_count = pygame.Rect(0, 0, 0, 0)
            return []
        side = bar.h
        width = side if square else side * 2
        back = Button("page:back", pygame.Rect(bar.x, bar.y, width, side), icon="back", kind="quiet",
                      enabled=self.page > 0, on_tap=lambda: self.turn(-1))
        more = self.page < pages - 1
        ahead = Button("page:next", pygame.Rect(bar.right - width, bar.y, width, side), icon="next",
                       kind="accent" if more else "quiet", enabled=more, on_tap=lambda: self.turn(1))
        self.page_count = pygame.Rect(back.rect.right, bar.y, ahead.rect.x - back.rect.right, bar.h)
        return [back, ahead]

    def turn(self, step: int) -> None:
        self.page = max(0, min(self.page_total - 1, self.page + step))
        self.changed()

    def ahead(self, surface: pygame.Surface) -> None:
        """Work done off screen, on a surface in the format of `surface`, when the puzzle is
        prepared before it shows (see `gardiens.ui.ahead`), beyond drawing what shows."""
        return None

    def page_span(self) -> int:
        """How many pages the view's list takes (see `pager`)."""
        return self.page_total

    def other_pages(self) -> Iterator[None]:
        """Turns to each page not on show, one at a time, and back to the page on show at the
        end: a screen prepared ahead lays each out and draws it off screen, its texts then set
        before a tap turns to it (see `gardiens.ui.ahead`)."""
        shown = self.page
        try:
            for page in range(self.page_span()):
                if page != shown:
                    self.page = page
                    yield
        finally:
            self.page = shown

    def draw_page_count(self, surface: pygame.Surface) -> None:
        if self.page_count.w:
            app = self.app
            app.type.block(surface, self._("Page {n} sur {total}").format(n=self.page + 1, total=self.page_total),
                           self.page_count, size=app.metrics.text("button"), color=app.palette.ink, bold=True,
                           align="center", valign="middle", max_lines=1, name="page-count")

    def turn_to(self, hand: Hand, page: int) -> int:
        """Turn the pages with the pager's buttons until `page` shows; returns the taps made."""
        made = 0
        while self.page != page and made < 50:
            hand.tap("page:next" if self.page < page else "page:back")
            made += 1
        return made


V = TypeVar("V", bound=PuzzleView)


class Part(Widget, Generic[V]):
    """A widget of a puzzle view that draws itself from the view's state (a switch, a card)."""

    def __init__(self, view: V, name: str, rect: pygame.Rect, *,
                 on_tap: Callable[[], object] | None = None) -> None:
        super().__init__(name, rect, on_tap=on_tap)
        self.view = view

    def appearance_of(self, *more: Hashable) -> Hashable:
        """The appearance of a part drawn from where it sits and `more`, what it shows of the
        view's state (the App's sizes, colours and language are compared besides)."""
        return (type(self).__qualname__, tuple(self.rect), self.name, *more)


class Item(Part[V]):
    """A widget standing for one item of the puzzle (a card, a post, an option), named
    "<kind>:<item_id>"; a tap hands the item's id to `tap`."""

    def __init__(self, view: V, kind: str, item_id: str, rect: pygame.Rect, *, label: str = "",
                 tap: Callable[[str], object]) -> None:
        super().__init__(view, f"{kind}:{item_id}", rect, on_tap=partial(tap, item_id))
        self.item_id = item_id
        self.label = label


class Card(Item[V]):
    """A card a finger can drag: while it moves, its place keeps an empty outline and the frame
    draws it under the finger, over the screen (`carried`)."""

    draggable = True
    contained = True
    # Its corners, in design pixels: the outline left behind has the card's shape.
    corner = 22

    def draw(self, surface: pygame.Surface, app: Canvas, *, focused: bool, pressed: bool) -> None:
        if self.dragged():
            pygame.draw.rect(surface, app.palette.outline, self.rect, width=max(2, app.metrics.px(4)),
                             border_radius=app.metrics.px(self.corner))
            return
        super().draw(surface, app, focused=focused, pressed=pressed)

    def dragged(self) -> bool:
        """Whether a finger drags the card (its place then shows an empty outline)."""
        drag = self.view.app.input.dragging()
        return drag is not None and drag[0] is self

    def raised(self, surface: pygame.Surface, app: Canvas, area: pygame.Rect, *, picked: bool,
               depth: int) -> Color:
        """The card's raised panel, in the primary colour while it is picked up; returns the ink
        to write on it."""
        p = app.palette
        m = app.metrics
        panel(surface, area, p.primary if picked else p.surface, radius=m.px(self.corner), shadow=p.shadow,
              depth=m.px(depth), border=p.primary_dark if picked else p.outline,
              border_width=m.px(5 if picked else 3))
        return p.on_primary if picked else p.ink

    def carried(self, pos: tuple[int, int]) -> pygame.Rect:
        """Where the card is drawn while a finger drags it at `pos`."""
        rect = self.rect.copy()
        rect.center = pos
        return rect


def paginate(heights: Sequence[int], room: int, gap: int) -> list[list[int]]:
    """The indices of items `heights` tall, in order, split into pages that each fit `room` with
    `gap` between items (an item taller than `room` has a page to itself)."""
    pages: list[list[int]] = [[]]
    used = 0
    for index, height in enumerate(heights):
        needed = used + gap + height if pages[-1] else height
        if pages[-1] and needed > room:
            pages.append([index])
            used = height
        else:
            pages[-1].append(index)
            used = needed
    return pages


def taps(hand: Hand, names: list[str]) -> int:
    """Tap each named widget in turn; an empty name is a character no key types (skipped)."""
    for name in names:
        if name:
            hand.tap(name)
    return len(names)


def ids(answer: object) -> list[str]:
    """An answer that is a list of ids (choices, ads, chat replies)."""
    if not isinstance(answer, list):
        raise GestureError("expected a list of ids")
    return [str(a) for a in answer]


def seeded(puzzle_id: str) -> random.Random:
    return random.Random(sum(ord(c) * (i + 1) for i, c in enumerate(puzzle_id)))
