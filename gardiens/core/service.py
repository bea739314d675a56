"""What the kiosk tells systemd (the sd_notify protocol): ready, still drawing frames, stopping.

Without a `NOTIFY_SOCKET` in the environment (any run outside a `Type=notify` unit) it says nothing.
"""

from __future__ import annotations

import logging
import math
import os
import time
from collections.abc import Callable, Mapping

log = logging.getLogger(__name__)


class ServiceNotifier:
    """Datagrams to the service manager's socket; `alive()` may be called every frame."""

    def __init__(self, environ: Mapping[str, str] | None = None, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        env = os.environ if environ is None else environ
        self._address = _socket_address(env.get("NOTIFY_SOCKET", ""))
        self.interval = _ping_interval(env) if self._address is not None else None
        self._clock = clock
        self._last_ping = -math.inf

    @property
    def active(self) -> bool:
        return self._address is not None

    def ready(self) -> None:
        self._send("READY=1")

    def stopping(self) -> None:
        self._send("STOPPING=1")

    def alive(self) -> None:
        """A watchdog ping, at most twice per watchdog period (what systemd recommends)."""
        if self.interval is None:
            return
        now = self._clock()
        if now - self._last_ping >= self.interval:
            self._last_ping = now
            self._send("WATCHDOG=1")

    def _send(self, message: str) -> None:
        if self._address is None:
            return
        # Only under a service manager: elsewhere the kiosk's start-up does not import it.
        import socket

        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                sock.connect(self._address)
                sock.sendall(message.encode("ascii"))
        except OSError as error:
            # The game goes on; without pings systemd restarts it, which the log then explains.
            log.warning("could not tell the service manager %s: %s", message, error)


def _socket_address(value: str) -> str | None:
    if value.startswith("@"):
        # An abstract socket: its name starts with a NUL byte instead of the "@".
        return "\0" + value[1:]
    return value if value.startswith("/") else None


def _ping_interval(env: Mapping[str, str]) -> float | None:
    """Half the watchdog period, if the watchdog is meant for this process."""
    try:
        usec = int(env.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    if usec <= 0:
        return None
    # systemd sets WATCHDOG_PID to the unit's main process. Under cage that is the compositor, and
    # the game is its child: the watchdog then watches the game's frames, which is the point.
    pid = env.get("WATCHDOG_PID", "")
    if pid and pid not in (str(os.getpid()), str(os.getppid())):
        return None
    return usec / 1_000_000 / 2
