"""A cache of surfaces bounded by count and by pixel bytes, least recently used dropped first: a
kiosk runs ten hours a day, and a count alone lets a few long lines of large text fill it."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

import pygame

K = TypeVar("K", bound=Hashable)
V = TypeVar("V", bound="pygame.Surface | None")


def surface_bytes(surface: pygame.Surface | None) -> int:
    """The bytes of a surface's pixels (what a cache of them costs in memory)."""
    if surface is None:
        return 0
    return surface.get_pitch() * surface.get_height()


class SurfaceCache(OrderedDict[K, V], Generic[K, V]):
    """An LRU mapping that keeps at most `most` entries and `budget` bytes of pixels; the newest
    entry is always kept, however large. `dropped` is told each key let go."""

    def __init__(self, most: int, budget: int, dropped: Callable[[K], object] | None = None) -> None:
        super().__init__()
        self.most = most
        self.budget = budget
        self.bytes = 0
        self._dropped = dropped

    def get(self, key: K, default: V | None = None) -> V | None:  # type: ignore[override]
        """The entry, marked as just used; `default` if absent."""
        if key not in self:
            return default
        self.move_to_end(key)
        return super().__getitem__(key)

    def __setitem__(self, key: K, value: V) -> None:
        if key in self:
            self.bytes -= surface_bytes(super().__getitem__(key))
        super().__setitem__(key, value)
        self.move_to_end(key)
        self.bytes += surface_bytes(value)
        while len(self) > 1 and (len(self) > self.most or self.bytes > self.budget):
            old, surface = self.popitem(last=False)
            self.bytes -= surface_bytes(surface)
            if self._dropped is not None:
                self._dropped(old)

    def clear(self) -> None:
        super().clear()
        self.bytes = 0
