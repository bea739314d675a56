"""What every puzzle view shares: the answer-building part of a puzzle screen, and the gestures
(taps and drags) by which a view declares how a team enters a given answer on it."""

from __future__ import annotations

import random
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Protocol, TypeAlias

import pygame

from gardiens.core.model import Puzzle
from gardiens.ui.kit.screen import ScreenPart
from gardiens.ui.widgets.base import Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Host, Screen


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
        """Drawn over the widgets (a card being dragged)."""
        return None

    def answer(self) -> object | None:
        """The answer to submit, or None while it is incomplete."""
        return None

    def status(self) -> str:
        return ""

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
