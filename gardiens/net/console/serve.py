"""Running the console: the broker's address from the venue's kiosk.toml or the command line,
the PIN guard from the data folder, the Starlette app under uvicorn."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import uvicorn

from gardiens.core.clock import SystemClock
from gardiens.core.facilitator import PinGuard
from gardiens.core.kiosk import KioskSettings
from gardiens.core.model import Mission
from gardiens.net.console.board import Board, BrokerSettings
from gardiens.net.console.web import ConsoleSettings, console_app


@dataclass(frozen=True)
class ConsoleOptions:
    data_dir: Path
    broker: BrokerSettings
    bind: str = "127.0.0.1"
    port: int = 8080
    red_minutes: float = 10.0
    language: str | None = None
    sheets: Mapping[str, Path] | None = None
    ssl_certfile: Path | None = None
    ssl_keyfile: Path | None = None


def broker_settings(kiosk: KioskSettings, *, host: str | None, port: int | None,
                    username: str, password: str | None) -> BrokerSettings | None:
    """The broker named on the command line, else in kiosk.toml's [link]; None if neither."""
    link = kiosk.link
    if host is None and link is None:
        return None
    return BrokerSettings(
        host=host or (link.host if link else "127.0.0.1"),
        port=port or (link.port if link else 1883),
        username=username,
        password=password,
        ca_file=str(link.ca_file) if link and link.ca_file else None,
        prefix=link.prefix if link else "gardiens/v1",
    )


def serve(options: ConsoleOptions, kiosk: KioskSettings, missions: Mapping[str, Mission]) -> None:
    """Serve the console until interrupted (the same lockout as the kiosk's PIN pad)."""
    guard = PinGuard(options.data_dir, SystemClock(), attempts=kiosk.pin_attempts,
                     lockout=kiosk.pin_lockout_seconds)
    board = Board(options.broker, red_after=options.red_minutes * 60)
    settings = ConsoleSettings(data_dir=options.data_dir, guard=guard, missions=missions,
                               language=options.language, sheets=options.sheets or {})
    uvicorn.run(console_app(board, settings), host=options.bind, port=options.port,
                log_level="warning", ws_max_size=64 * 1024, timeout_graceful_shutdown=3,
                ssl_certfile=str(options.ssl_certfile) if options.ssl_certfile else None,
                ssl_keyfile=str(options.ssl_keyfile) if options.ssl_keyfile else None)
