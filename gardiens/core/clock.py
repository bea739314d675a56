"""Clocks the session reads time from: the wall clock, or one that tests move by hand."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol


class Clock(Protocol):
    """Seconds since the epoch; the session only ever subtracts two readings."""

    def now(self) -> float: ...


class SystemClock:
    """Wall-clock time as read when the program started, moved on by the monotonic clock.

    The countdown is the difference of two readings: a system clock set back or forward while
    a team plays (a time server's first sync on a board without a battery, a facilitator
    fixing the date) must not take minutes from the team or give them any. Across a restart
    the session counts no downtime anyway (`Restored`), so the wall time is read again only
    then, and the readings stay close enough to the date for the records.
    """

    def __init__(
        self,
        wall: Callable[[], float] = time.time,
        steady: Callable[[], float] = time.monotonic,
    ) -> None:
        self._steady = steady
        self._offset = wall() - steady()

    def now(self) -> float:
        return self._steady() + self._offset


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
