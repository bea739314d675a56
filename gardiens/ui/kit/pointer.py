"""Fingers and the mouse as one pointer: the App and the facilitator's desk read touches alike."""

from __future__ import annotations

from typing import TypeAlias

import pygame

# (phase: "down", "move" or "up"; pixel position; pointer id: ("finger", n) or ("mouse", 0))
PointerEvent: TypeAlias = tuple[str, tuple[int, int], tuple[str, int]]


def pointer_event(event: pygame.event.Event, size: tuple[int, int]) -> PointerEvent | None:
    """A finger or left-button event in a window of `size`; None for any other event."""
    kind = event.type
    if kind in (pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION):
        pos = (int(event.x * size[0]), int(event.y * size[1]))
        phase = {pygame.FINGERDOWN: "down", pygame.FINGERUP: "up"}.get(kind, "move")
        return phase, pos, ("finger", int(getattr(event, "finger_id", 0)))
    if kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION):
        # SDL also turns touches into mouse events; the finger events already count.
        if getattr(event, "touch", False):
            return None
        if kind != pygame.MOUSEMOTION and getattr(event, "button", 1) != 1:
            return None
        phase = {pygame.MOUSEBUTTONDOWN: "down", pygame.MOUSEBUTTONUP: "up"}.get(kind, "move")
        return phase, (int(event.pos[0]), int(event.pos[1])), ("mouse", 0)
    return None
