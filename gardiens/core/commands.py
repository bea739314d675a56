"""What the screens, the facilitator and the bots may ask of a session: one typed command each,
handed to `Session.handle`, and the reasons a command can be refused.

A command is a small frozen value: it can be logged, queued while the missions load, sent over
the network later, and mypy follows it from the button that sends it to the rule that takes it.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import TypeAlias

from gardiens.core.frozen import Frozen


class Refusal(StrEnum):
    """Why a command changed nothing; each has a message in `gardiens.i18n.refusals`."""

    ADDED_TIME_OUT_OF_RANGE = "added_time_out_of_range"
    AGE_BAND_NOT_OFFERED = "age_band_not_offered"
    ALREADY_RESET = "already_reset"
    DURATION_OUT_OF_RANGE = "duration_out_of_range"
    GAME_IN_PROGRESS = "game_in_progress"
    HINT_TEXT_LENGTH = "hint_text_length"
    LANGUAGE_NOT_OFFERED = "language_not_offered"
    MALFORMED_ANSWER = "malformed_answer"
    NO_AGE_BAND_CHOSEN = "no_age_band_chosen"
    NO_LANGUAGE_CHOSEN = "no_language_chosen"
    NO_MISSION_CHOSEN = "no_mission_chosen"
    NO_MORE_HINTS = "no_more_hints"
    NO_TEAM_NAME = "no_team_name"
    NOT_IN_SETUP = "not_in_setup"
    NOT_ON_ATTRACT_SCREEN = "not_on_attract_screen"
    NOT_ON_BRIEFING = "not_on_briefing"
    NOT_PAUSED = "not_paused"
    NOT_PLAYING = "not_playing"
    NOTHING_CHOSEN = "nothing_chosen"
    NOTHING_TO_DO = "nothing_to_do"
    PUZZLE_ALREADY_DONE = "puzzle_already_done"
    PUZZLE_LOCKED = "puzzle_locked"
    QUESTION_NOT_ASKED_NOW = "question_not_asked_now"
    TEAM_MUST_BE_GENERATED = "team_must_be_generated"
    TIME_IS_UP = "time_is_up"
    UNKNOWN_MISSION = "unknown_mission"
    UNKNOWN_PUZZLE = "unknown_puzzle"
    UNKNOWN_QUESTION = "unknown_question"
    VISIT_CODE_INVALID = "visit_code_invalid"


class TimerMode(StrEnum):
    """How the countdown runs, chosen at the launch (WCAG 2.2.1: a time limit can be extended or
    turned off). The value is written in the journal, for good (never rename one)."""

    NORMAL = "normal"
    RELAXED = "relaxed"
    OFF = "off"

    @property
    def factor(self) -> float:
        """What the mission's time is multiplied by (with no countdown, the mission's time is
        kept only for the record)."""
        return RELAXED_FACTOR if self is TimerMode.RELAXED else 1.0

    @property
    def counts_down(self) -> bool:
        """False when no countdown runs: the time is never up, the time taken is still kept."""
        return self is not TimerMode.OFF


RELAXED_FACTOR = 1.5


class StartSetup(Frozen):
    """A team taps the attract screen: a new session, with a generated team name."""


class Choose(Frozen):
    """The team (or the facilitator) picks among what the kiosk offers; None keeps a choice."""

    mission: str | None = None
    age: str | None = None
    language: str | None = None
    team: str | None = None
    timer: TimerMode | None = None


class RerollTeam(Frozen):
    """Another generated team name."""


class Confirm(Frozen):
    """The setup is complete: on to the briefing."""


class Start(Frozen):
    """The briefing is read: the countdown starts (`minutes` overrides the mission's, before the
    timer mode's factor)."""

    minutes: int | None = None


class Launch(Frozen):
    """The facilitator starts a mission for a team in one step, from the attract screen, the
    setup or the briefing: written as one journal transaction. `visit` groups the teams of one
    school visit for a class sheet (see `VISIT_CODE`)."""

    mission: str
    age: str
    language: str
    minutes: int | None = None
    timer: TimerMode = TimerMode.NORMAL
    visit: str | None = None


# A visit code: 3 to 16 capital letters, digits or dashes, a letter or digit at each end
# (« CM2-B-0607 »): short enough to say aloud, and no room for a name or a sentence.
VISIT_CODE = re.compile(r"[A-Z0-9][A-Z0-9-]{1,14}[A-Z0-9]")


def visit_code(text: str) -> str | None:
    """The visit code a facilitator typed, in capitals without surrounding spaces; None if it is
    not one."""
    code = text.strip().upper()
    return code if VISIT_CODE.fullmatch(code) else None


class AnswerCheck(Frozen):
    """The team's answer to a question of the learning check, before the briefing or at the
    debrief: a choice id, or None when it skipped the question."""

    question: str
    choice: str | None = None


class Submit(Frozen):
    """An answer to a puzzle (ids, a code, a text: see `gardiens.core.checkers.Answer`)."""

    puzzle: str
    answer: object


class RequestHint(Frozen):
    """The next step of a puzzle's hint ladder, asked by the team."""

    puzzle: str


class PushHint(Frozen):
    """The facilitator sends the next step of the ladder, or `text` of their own."""

    puzzle: str
    text: str | None = None


class Skip(Frozen):
    """The facilitator force-solves a puzzle (a broken prop, a team stuck for good)."""

    puzzle: str


class Pause(Frozen):
    """The countdown stops."""


class Resume(Frozen):
    """The countdown goes on."""


class AddTime(Frozen):
    """The facilitator gives the team more time."""

    seconds: float


class Abandon(Frozen):
    """The game ends before its end."""


class Tick(Frozen):
    """Sent regularly by the screen: records the end when the countdown reaches zero."""


class Reset(Frozen):
    """Back to the attract screen for the next team; an unfinished game ends as abandoned."""


Command: TypeAlias = (
    StartSetup
    | Choose
    | RerollTeam
    | Confirm
    | Start
    | Launch
    | AnswerCheck
    | Submit
    | RequestHint
    | PushHint
    | Skip
    | Pause
    | Resume
    | AddTime
    | Abandon
    | Tick
    | Reset
)
