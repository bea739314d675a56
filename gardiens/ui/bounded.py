"""Caches bounded by count and by bytes (the pixels of surfaces, the glyphs of open fonts), least
recently used dropped first: a kiosk runs ten hours a day, and a count alone lets a few long
lines of large text, or a few large fonts, fill it."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import cache
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
        # The keys not used since `mark`: what `sweep` lets go.
        self._unused: set[K] = set()

    def get(self, key: K, default: V | None = None) -> V | None:  # type: ignore[override]
        """The entry, marked as just used; `default` if absent."""
        if key not in self:
            return default
        self.move_to_end(key)
        self._unused.discard(key)
        return super().__getitem__(key)

    def __getitem__(self, key: K) -> V:
        self._unused.discard(key)
        return super().__getitem__(key)

    def __setitem__(self, key: K, value: V) -> None:
        self._unused.discard(key)
        if key in self:
            self.bytes -= self._cost(key, super().__getitem__(key))
        super().__setitem__(key, value)
        self.move_to_end(key)
        self.bytes += self._cost(key, value)
        while len(self) > 1 and (len(self) > self.most or self.bytes > self.budget):
            old, gone = self.popitem(last=False)
            self.bytes -= self._cost(old, gone)
            self._unused.discard(old)
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
        self._unused.discard(key)
        return value

    def clear(self) -> None:
        super().clear()
        self.bytes = 0
        self._unused.clear()

    def mark(self) -> None:
        """A setting changed (text size, font, contrast, spacing, language): every entry held now
        goes at the next `sweep` unless it is used before. What the new setting shows uses its
        own entries, and those of the old one that still serve; the rest is never asked again."""
        self._unused = set(self.keys())

    def sweep(self) -> int:
        """Let go of the entries not used since `mark` (none without a mark); how many went."""
        unused, self._unused = self._unused, set()
        gone = 0
        for key in unused:
            if key in self:
                value = super().pop(key)
                self.bytes -= self._cost(key, value)
                gone += 1
                if self._dropped is not None:
                    self._dropped(key)
        return gone


class SurfaceCache(BoundedCache[K, S]):
    """A cache of surfaces bounded by count and by the bytes of their pixels."""

    def __init__(self, most: int, budget: int, dropped: Callable[[K], object] | None = None) -> None:
        super().__init__(most, budget, lambda _key, surface: surface_bytes(surface), dropped)


@cache
def _glibc(name: str) -> Callable[..., int] | None:
    """A function of glibc's allocator, or None where the C library is another (macOS,
    Windows, musl); looked up the first time it is asked for, in a quiet moment, not before
    the kiosk's first frame (ctypes is a few milliseconds of start-up)."""
    import ctypes  # lazy: start-up

    try:
        function: Callable[..., int] = getattr(ctypes.CDLL("libc.so.6"), name)
    except (OSError, AttributeError):
        return None
    return function


# glibc's names for what `mallopt` sets (malloc.h).
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
# Blocks from this size on (a full-screen layer, the copy under an overlay: 4 to 8 MB at 1080p)
# get pages of their own, given back to the system when freed. glibc's default threshold
# (128 KiB) rises to the size of each large block freed, up to 32 MiB: once a full-screen
# surface was freed, later ones are cut out of the heap, and the small blocks allocated between
# them pin its pages, so a day of teams leaves the heap ever more holed. Not lower: a block with
# pages of its own pays for them when first drawn on (5 ms for a 1920×838 surface, 0.7 ms cut
# out of the heap), and smaller surfaces (lines of text, pictures) are made on taps; the copy
# under an overlay is drawn into the buffer kept from last time, not made anew each frame.
MMAP_THRESHOLD = 4 << 20
# Free memory at the top of the heap kept for the next allocations rather than given back at
# each free (the pauses give back the rest, see `release_heap`).
TRIM_THRESHOLD = 4 << 20


def release_heap() -> bool:
    """Give back to the system the pages the C heap keeps free: glibc keeps the pages of freed
    blocks for later, and a process that once held a few more lines of text, looks and layers
    stays that large all day. Slow (a few ms): only in a pause (see `Ahead`) or while the kiosk
    waits for a team. True when the C library could be asked."""
    trim = _glibc("malloc_trim")
    if trim is None:
        return False
    trim(0)
    return True


def tune_heap() -> bool:
    """Fix glibc's thresholds (see `MMAP_THRESHOLD`), once, in the kiosk's first quiet moment
    (ctypes is not imported before its first frame); True when the C library could be asked
    (glibc only: nothing elsewhere)."""
    mallopt = _glibc("mallopt")
    if mallopt is None:
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD))
