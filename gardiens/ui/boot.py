"""Slow start-up work (reading and checking the missions) done on a worker thread behind the first frame."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from gardiens.core.commands import Command

T = TypeVar("T")


class Boot(Generic[T]):
    """`work` runs on a worker thread; `finish` gets its result on the thread that polls.

    The kiosk shows its attract screen at once and hands this to `App.start_boot`: the App polls
    it once a frame and runs `finish` (which builds the session) between two frames, so the
    worker never touches the window, the journal or the screens.
    """

    def __init__(self, work: Callable[[], T], finish: Callable[[T], None]) -> None:
        self._work = work
        self._finish = finish
        self._done = threading.Event()
        self._result: T | None = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            # A daemon: a kiosk stopped while it still loads must not wait for the worker.
            self._thread = threading.Thread(target=self._run, name="gardiens-boot", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        try:
            self._result = self._work()
        except BaseException as error:  # handed over to the polling thread, which decides
            self._error = error
        finally:
            self._done.set()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work is done (tests and tools that have nothing to draw meanwhile)."""
        return self._done.wait(timeout)

    def hand_over(self) -> None:
        """Run `finish` with the result; the worker's error, if any, is raised here instead."""
        if not self._done.is_set():
            raise RuntimeError("the start-up work is not done yet")
        if self._error is not None:
            raise self._error
        self._finish(self._result)  # type: ignore[arg-type]


class StartUp:
    """The missions loading behind the attract screen, and the commands a team tapped before
    they were in: sent in order once the session exists, so that a tap is never lost."""

    def __init__(self) -> None:
        self.boot: Boot[Any] | None = None
        self.queued: list[Command] = []

    def start(self, boot: Boot[Any]) -> None:
        self.boot = boot
        boot.start()

    def pick_up(self, loaded: Callable[[], bool], command: Callable[[Command], object]) -> None:
        """Once the work is done: `boot` sets the session, then the queued commands go to it."""
        boot = self.boot
        if boot is None or not boot.done:
            return
        self.boot = None
        boot.hand_over()
        if loaded():
            queued, self.queued = self.queued, []
            for queued_command in queued:
                command(queued_command)
