"""A cache of surfaces bounded by count and by pixel bytes, least recently used dropped first: a
kiosk runs ten hours a day, and a count alone lets a few long lines of large text fill it."""

from __future__ import annotations

import ctypes
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

    def pop(self, key: K, *default: V | None) -> V | None:  # type: ignore[override]
        """The entry, taken out of the cache (its bytes with it); `default` if absent."""
        if key not in self:
            if default:
                return default[0]
            raise KeyError(key)
        value = super().pop(key)
        self.bytes -= surface_bytes(value)
        return value

    def clear(self) -> None:
        super().clear()
        self.bytes = 0


def _glibc(name: str) -> Callable[..., int] | None:
    """A function of glibc's allocator, or None where the C library is another (macOS,
    Windows, musl)."""
    try:
        function: Callable[..., int] = getattr(ctypes.CDLL("libc.so.6"), name)
    except (OSError, AttributeError):
        return None
    return function


_MALLOC_TRIM = _glibc("malloc_trim")
_MALLOPT = _glibc("mallopt")
# glibc's M_MMAP_THRESHOLD, and the size from which a block gets pages of its own: a line of
# text stays in the heap, a picture or a screen-sized layer is given back when let go.
_M_MMAP_THRESHOLD = -3
OWN_PAGES_FROM = 256 << 10


def give_back_large_blocks() -> bool:
    """Have every block of `OWN_PAGES_FROM` bytes or more (the pixels of pictures and layers)
    mapped on its own, so that its pages go back to the system when it is freed. By default
    glibc raises that threshold each time such a block is freed, up to 32 MB, and the
    full-screen layers a session draws and lets go then stay in the heap, scattered among
    small blocks that keep it from shrinking. True when the C library could be asked."""
    if _MALLOPT is None:
        return False
    return bool(_MALLOPT(_M_MMAP_THRESHOLD, OWN_PAGES_FROM))


def release_heap() -> bool:
    """Give back to the system the pages the C heap keeps free: pixels of surfaces let go are
    freed by SDL, but glibc keeps most of them for later, so a process that once held a few
    full screens more stays that large all day. Slow (a few ms): only in a quiet moment. True
    when the C library could be asked."""
    if _MALLOC_TRIM is None:
        return False
    _MALLOC_TRIM(0)
    return True
