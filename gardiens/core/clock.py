"""Clocks the session reads time from: the wall clock, or one that tests move by hand."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """Seconds since the epoch; the session only ever subtracts two readings."""

    def now(self) -> float: ...


class SystemClock:
    """Wall-clock time, so that a countdown survives a restart of the program."""

    def now(self) -> float:
        return time.time()


class ManualClock:
    """A clock that moves only when told to: tests and bots never sleep."""

    def __init__(self, start: float = 0.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock does not go backwards")
        self._now += seconds

    def set(self, when: float) -> None:
        self._now = when
