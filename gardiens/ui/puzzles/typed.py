"""The shared typing view: text typed on the on-screen keyboard, pasted, or erased."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING

import pygame

from gardiens.core.model import Puzzle
from gardiens.ui.puzzles.base import PuzzleView

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen


class TypedView(PuzzleView, ABC):
    """An answer typed on the on-screen keyboard, or on a real one, or pasted: what `accepts`
    lets through, up to `max_length` characters."""

    # A wrong answer is erased for the next try (a password stays, to be mended).
    erase_wrong = True

    def __init__(self, screen: Screen, puzzle: Puzzle) -> None:
        super().__init__(screen, puzzle)
        self.typed = ""

    @property
    @abstractmethod
    def max_length(self) -> int:
        """The most characters the answer may have."""

    @abstractmethod
    def accepts(self, char: str) -> bool:
        """Whether `char` may be part of the answer."""

    def on_text(self, text: str) -> None:
        room = self.max_length - len(self.typed)
        kept = [c for c in text[: self.max_length * 4] if self.accepts(c)]
        self.typed += "".join(kept)[: max(0, room)]
        self.changed()

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_BACKSPACE:
            self.press("back")
            return True
        # Where a space may be typed, the space bar types it (it arrives as text): it does not press
        # the focused key.
        return event.key == pygame.K_SPACE and self.accepts(" ")

    def after_wrong(self) -> None:
        if self.erase_wrong:
            self.typed = ""

    @abstractmethod
    def press(self, key: str) -> None:
        """A key of the on-screen keyboard, "back" included."""
