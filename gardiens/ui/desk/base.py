"""What the facilitator's desk shares between its attendant and its screens: the kiosk's
timings, and what the screens ask of the attendant (`Attendant`). When a team counts as stuck
and the day's housekeeping are game rules: `gardiens.core.attention`, `gardiens.core.housekeeping`."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from gardiens.core.facilitator import PinGuard
from gardiens.core.kiosk import KioskSettings
from gardiens.i18n.interface import InterfaceTranslator

# The hidden gesture: a finger held this long on a small square in the top-right corner.
LONG_PRESS_SECONDS = 2.0
CORNER_TARGET = 110  # design pixels; the HUD's pause button lies below a short tap's reach
# The facilitator's screens close themselves when left alone this long (an adult walked away).
FACILITATOR_IDLE_SECONDS = 90.0
RESUME_SECONDS = 3.0


class Attendant(Protocol):
    """What the desk's screens ask of the kiosk's attendant, which owns them."""

    data_dir: Path
    settings: KioskSettings
    guard: PinGuard
    translator: InterfaceTranslator

    def now(self) -> float: ...

    def write_sheet(self) -> Path | None: ...
