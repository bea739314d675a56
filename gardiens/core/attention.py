"""Whether a team may need the facilitator: no progress for a while, or too many wrong tries."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from gardiens.core.kiosk import KioskSettings
from gardiens.core.session import Lifecycle, PuzzleState, SessionState


@dataclass(frozen=True)
class Stuck:
    """Why a team may need the facilitator: no progress for a while, or too many wrong tries."""

    quiet_for: float
    slow: bool
    puzzles: tuple[str, ...]

    @property
    def flagged(self) -> bool:
        return self.slow or bool(self.puzzles)


def stuck_of(state: SessionState, elapsed: float, settings: KioskSettings) -> Stuck:
    """Progress is a puzzle solved or skipped; wrong tries count on puzzles still open."""
    if state.lifecycle not in (Lifecycle.PLAYING, Lifecycle.PAUSED):
        return Stuck(0.0, False, ())
    solved = [p.solved_at for p in state.puzzles.values() if p.solved_at is not None]
    quiet = max(0.0, elapsed - max(solved, default=0.0))
    puzzles = tuple(
        pid
        for pid, p in state.puzzles.items()
        if p.state is PuzzleState.AVAILABLE and p.attempts >= settings.stuck_wrong_attempts
    )
    return Stuck(quiet, quiet >= settings.stuck_seconds, puzzles)


class Alarm(StrEnum):
    """How loud a team's card is on the facilitator's console, loudest last."""

    CALM = "calm"
    YELLOW = "yellow"
    RED = "red"


def alarm_of(stuck: Stuck, red_after: float) -> Alarm:
    """Yellow once the kiosk's stuck rule flags the team; red after `red_after` seconds without
    progress (the console's setting: the facilitator should go there now)."""
    if stuck.quiet_for >= red_after:
        return Alarm.RED
    return Alarm.YELLOW if stuck.flagged else Alarm.CALM
