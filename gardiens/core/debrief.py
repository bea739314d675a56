"""What a team earns at its debrief: the badge, from the mission's result and the hints used."""

from __future__ import annotations

from enum import IntEnum

from gardiens.core.session import DebriefData, Outcome

# A won mission with this many hints or fewer earns the golden lighthouse.
GOLD_HINTS = 1


class Badge(IntEnum):
    """The medal drawn on the debrief; its value is its number of stars."""

    APPRENTICES = 1
    KEEPERS = 2
    GOLDEN_LIGHTHOUSE = 3


def badge_of(debrief: DebriefData) -> Badge:
    """Every team gets a badge: a mission not won still earns the apprentices' one."""
    if debrief.outcome is Outcome.WON:
        return Badge.GOLDEN_LIGHTHOUSE if debrief.hints_used <= GOLD_HINTS else Badge.KEEPERS
    return Badge.APPRENTICES
