"""Caches bounded by count and by bytes (the pixels of surfaces, the glyphs of open fonts), least
recently used dropped first: a kiosk runs ten hours a day, and a count alone lets a few long
lines of large text, or a few large fonts, fill it."""

from __future__ import annotations

import ctypes
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

import pygame

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
S = TypeVar("S", bound="pygame.Surface | None")

# What an open font costs, from its size in pixels: FreeType's face (about 100 KB whatever the
# size) and the glyphs SDL_ttf keeps once drawn, up to 256 a font (its cache has 256 slots),
# each about 1.4 × size² bytes with its outline and pixmap. Measured: Andika at 100 px holds
# 3.8 MB once a storm of characters went through it, at 40 px about 0.6 MB.
FONT_OPEN_BYTES = 100 << 10
FONT_GLYPHS_KEPT = 256


def surface_bytes(surface: pygame.Surface | None) -> int:
    """The bytes of a surface's pixels (what a cache of them costs in memory)."""
    if surface is None:
        return 0
    return surface.get_pitch() * surface.get_height()


def font_bytes(size: int) -> int:
    """The most an open font of `size` pixels holds once it has drawn many characters."""
    return FONT_OPEN_BYTES + FONT_GLYPHS_KEPT * size * size * 14 // 10


class BoundedCache(OrderedDict[K, V], Generic[K, V]):
    """An LRU mapping that keeps at most `most` entries and `budget` bytes, each entry costing
    what `cost(key, value)` says; the newest entry is always kept, however large. `dropped` is
    told each key let go."""

    def __init__(self, most: int, budget: int, cost: Callable[[K, V], int],
                 dropped: Callable[[K], object] | None = None) -> None:
        super().__init__()
        self.most = most
        self.budget = budget
        self.bytes = 0
        self._cost = cost
        self._dropped = dropped

    def get(self, key: K, default: V | None = None) -> V | None:  # type: ignore[override]
        """The entry, marked as just used; `default` if absent."""
        if key not in self:
            return default
        self.move_to_end(key)
        return super().__getitem__(key)

    def __setitem__(self, key: K, value: V) -> None:
        if key in self:
            self.bytes -= self._cost(key, super().__getitem__(key))
        super().__setitem__(key, value)
        self.move_to_end(key)
        self.bytes += self._cost(key, value)
        while len(self) > 1 and (len(self) > self.most or self.bytes > self.budget):
            old, gone = self.popitem(last=False)
            self.bytes -= self._cost(old, gone)
            if self._dropped is not None:
                self._dropped(old)

    def pop(self, key: K, *default: V | None) -> V | None:  # type: ignore[override]
        """The entry, taken out of the cache (its bytes with it); `default` if absent."""
        if key not in self:
            if default:
                return default[0]
            raise KeyError(key)
        value = super().pop(key)
        self.bytes -= self._cost(key, value)
        return value

    def clear(self) -> None:
        super().clear()
        self.bytes = 0


class SurfaceCache(BoundedCache[K, S]):
    """A cache of surfaces bounded by count and by the bytes of their pixels."""

    def __init__(self, most: int, budget: int, dropped: Callable[[K], object] | None = None) -> None:
        super().__init__(most, budget, lambda _key, surface: surface_bytes(surface), dropped)


def _glibc(name: str) -> Callable[..., int] | None:
    """A function of glibc's allocator, or None where the C library is another (macOS,
    Windows, musl)."""
    try:
        function: Callable[..., int] = getattr(ctypes.CDLL("libc.so.6"), name)
    except (OSError, AttributeError):
        return None
    return function


_MALLOC_TRIM = _glibc("malloc_trim")


def release_heap() -> bool:
    """Give back to the system the pages the C heap keeps free: pixels of surfaces let go are
    freed by SDL, but glibc keeps most of them for later (it raises its mmap threshold each
    time a full-screen surface is freed, so later ones come from the heap), and a process that
    once held a few full screens more stays that large all day. Fixing the threshold low
    instead would give each frame's copy of a layer fresh pages to fault in (12 ms for a
    1920×838 copy instead of under 1 ms). Slow (a few ms): only in a quiet moment. True
    when the C library could be asked."""
    if _MALLOC_TRIM is None:
        return False
    _MALLOC_TRIM(0)
    return True
