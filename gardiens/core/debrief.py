"""What a team sees at its debrief, as game rules: the badge, the mission's puzzles one lane each
(tries and hints counted, not stacked), and where to find help for the mission's theme."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from functools import cache
from importlib import resources

import yaml
from pydantic import TypeAdapter

from gardiens.core.model import HelpResource, Mission, Theme
from gardiens.core.session import DebriefData, Outcome, PuzzleState

# A won mission with this many hints or fewer earns the golden lighthouse.
GOLD_HINTS = 1
# The help resources of each theme, for a mission that names none (`debrief.help`).
HELP_DEFAULTS_FILE = "help-by-theme.yaml"


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


@dataclass(frozen=True, slots=True)
class Lane:
    """One puzzle on the debrief's timeline: how it ended and what it took."""

    puzzle_id: str
    # Its place in the mission, from 1, as the map numbers it.
    number: int
    state: PuzzleState
    wrong: int
    hints: int
    done_at: float | None

    @property
    def done(self) -> bool:
        return self.state in (PuzzleState.SOLVED, PuzzleState.SKIPPED)


def lanes_of(debrief: DebriefData) -> list[Lane]:
    """Every puzzle once, in the order the team finished them, then those left unfinished in the
    mission's order: however many tries and hints, a puzzle takes one lane."""
    lanes = [
        Lane(report.id, number, report.state, report.attempts, report.hints, report.solved_at)
        for number, report in enumerate(debrief.puzzles, start=1)
    ]
    return sorted(lanes, key=_chronological)


def _chronological(lane: Lane) -> tuple[bool, float, int]:
    finished_at = lane.done_at if lane.done and lane.done_at is not None else 0.0
    return (not lane.done, finished_at, lane.number)


@dataclass(frozen=True, slots=True)
class HelpCard:
    """The resources the debrief shows, and whose words they are: the mission's own (translated
    by its catalog) or the defaults of its theme (translated with the interface)."""

    resources: tuple[HelpResource, ...]
    authored: bool


def help_for(mission: Mission) -> HelpCard:
    """The help the mission's author chose, else the defaults of the mission's theme."""
    if mission.debrief.help:
        return HelpCard(tuple(mission.debrief.help), authored=True)
    return HelpCard(theme_help()[mission.theme], authored=False)


_THEME_HELP = TypeAdapter(dict[Theme, tuple[HelpResource, ...]])


@cache
def theme_help() -> dict[Theme, tuple[HelpResource, ...]]:
    """The default help resources of every theme, from the core's data (validated on reading)."""
    text = resources.files("gardiens.core").joinpath("data", HELP_DEFAULTS_FILE).read_text(encoding="utf-8")
    return _THEME_HELP.validate_python(yaml.safe_load(text))
