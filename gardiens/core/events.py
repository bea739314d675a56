"""What a session's journal holds: one typed event per thing that happened, written as a kind and
a small JSON object, and read back typed (a journal of an earlier release reads the same way).

`decode` is the one place that trusts nothing about a stored row: an unknown kind or a missing
field is a `ValueError`, which the session treats as a game it can no longer replay.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import MISSING, fields
from types import UnionType
from typing import Any, ClassVar, TypeAlias, Union, cast, get_args, get_origin, get_type_hints

from gardiens.core.commands import TimerMode
from gardiens.core.frozen import Frozen
from gardiens.core.model import AGE_BANDS, AgeBand


class Event(Frozen):
    """One thing that happened; `kind` names it in the journal, for good (never rename one)."""

    kind: ClassVar[str]

    def __init_subclass__(cls, *, kind: str, **kwargs: Any) -> None:
        cls.kind = kind
        super().__init_subclass__(**kwargs)

    def to_data(self) -> dict[str, Any]:
        """The JSON object stored beside the kind; fields left at None are not written."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        return {name: value for name, value in values.items() if value is not None}


class SetupStarted(Event, kind="setup_started"):
    """A team tapped the attract screen: a new session begins."""


class Chosen(Event, kind="chosen"):
    mission: str | None = None
    age: AgeBand | None = None
    language: str | None = None
    team: str | None = None
    timer: TimerMode | None = None


class SetupConfirmed(Event, kind="setup_confirmed"):
    """The setup is complete: on to the briefing. `time_limit` is the countdown the facilitator
    chose at a launch (seconds, before the timer mode's factor), kept until the team starts;
    None keeps the mission's. `timer` is the mode chosen at a launch (None keeps the setup's).
    `visit` is the school visit's code the facilitator gave at a launch."""

    time_limit: float | None = None
    timer: TimerMode | None = None
    visit: str | None = None


class MissionStarted(Event, kind="mission_started"):
    """`time_limit` is the countdown, the timer mode's factor applied; `timer` is None in the
    journals written before modes existed (a normal countdown)."""

    time_limit: float
    timer: TimerMode | None = None


class CheckAnswered(Event, kind="check_answered"):
    """A question of the learning check answered `before` the briefing or `after` the mission:
    the id of the choice tapped, None when skipped (never anything the team wrote)."""

    moment: str
    question: str
    choice: str | None = None


class Paused(Event, kind="paused"):
    """The countdown stopped."""


class Resumed(Event, kind="resumed"):
    """The countdown went on."""


class Restored(Event, kind="restored"):
    """The kiosk started again in the middle of a game (the time it was down is not the team's)."""


class TimeAdded(Event, kind="time_added"):
    seconds: float


class AnswerSubmitted(Event, kind="answer_submitted"):
    """`answer` is what the puzzle's kind lets the journal keep of a wrong answer (never free
    text); a right answer keeps nothing."""

    puzzle: str
    correct: bool
    answer: object = None

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"puzzle": self.puzzle, "correct": self.correct}
        if not self.correct:
            data["answer"] = self.answer
        return data


class HintShown(Event, kind="hint_shown"):
    puzzle: str
    step: int
    source: str = "team"
    penalty: float | None = None


class HintPushed(Event, kind="hint_pushed"):
    puzzle: str
    text: str


class PuzzleSkipped(Event, kind="puzzle_skipped"):
    puzzle: str


class StoryTold(Event, kind="story_told"):
    """A story event of the mission fired: `event` is its place in the mission's `events` list."""

    event: int


class MissionEnded(Event, kind="mission_ended"):
    """`outcome` is a value of `gardiens.core.session.Outcome`."""

    outcome: str


class Reset(Event, kind="reset"):
    """Back to the attract screen for the next team."""


GameEvent: TypeAlias = (
    SetupStarted
    | Chosen
    | SetupConfirmed
    | MissionStarted
    | CheckAnswered
    | Paused
    | Resumed
    | Restored
    | TimeAdded
    | AnswerSubmitted
    | HintShown
    | HintPushed
    | PuzzleSkipped
    | StoryTold
    | MissionEnded
    | Reset
)


def _text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{name} must be text, not {value!r}")
    return value


def _age(name: str, value: object) -> AgeBand:
    age = _text(name, value)
    if age not in AGE_BANDS:
        raise ValueError(f"unknown age band {age!r}")
    return age


def _timer(name: str, value: object) -> TimerMode:
    try:
        return TimerMode(_text(name, value))
    except ValueError:
        raise ValueError(f"unknown timer mode {value!r}") from None


def _number(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number, not {value!r}")
    return float(value)


# How a stored value is read back into a field, by the field's type (None taken out of it).
_FIELD_READERS: dict[object, Callable[[str, object], object]] = {
    str: _text,
    AgeBand: _age,
    TimerMode: _timer,
    float: _number,
    int: lambda name, value: int(_number(name, value)),
    bool: lambda name, value: bool(value),
    object: lambda name, value: value,
}
_KINDS: dict[str, type[Event]] = {cls.kind: cls for cls in get_args(GameEvent)}


def _field_type(hint: object) -> object:
    """`str` for `str | None`: the type a value stored for the field has."""
    if isinstance(hint, UnionType) or get_origin(hint) is Union:
        (hint,) = [arg for arg in get_args(hint) if arg is not type(None)]
    return hint


_Reader: TypeAlias = tuple[str, bool, Callable[[str, object], object]]
# Per event class, worked out at its first decoding: resolving type hints costs milliseconds, and
# a solve decodes its events again to find the story it brings about. A few dozen classes at most.
_READERS: dict[type[Event], tuple[_Reader, ...]] = {}


def _readers(cls: type[Event]) -> tuple[_Reader, ...]:
    """Each field of `cls`: its name, whether it has a default, and how its stored value is read back."""
    readers = _READERS.get(cls)
    if readers is None:
        hints = get_type_hints(cls)
        readers = _READERS[cls] = tuple(
            (f.name, f.default is not MISSING, _FIELD_READERS[_field_type(hints[f.name])])
            for f in fields(cls)
        )
    return readers


def _read(cls: type[Event], data: Mapping[str, Any]) -> Event:
    """An event of `cls` from its stored fields: a field with a default may be missing or None."""
    values = {}
    for name, has_default, reader in _readers(cls):
        if has_default and data.get(name) is None:
            continue
        values[name] = reader(name, data[name])
    return cls(**values)


def decode(kind: str, data: Mapping[str, Any]) -> GameEvent:
    """The typed event of a stored row; `ValueError` when the row is not one this release reads."""
    cls = _KINDS.get(kind)
    if cls is None:
        raise ValueError(f"unknown event kind {kind!r}")
    try:
        return cast(GameEvent, _read(cls, data))
    except KeyError as missing:
        raise ValueError(f"{kind} event without {missing}") from None


def encode(event: GameEvent) -> tuple[str, dict[str, Any]]:
    """The kind and JSON object the journal stores for `event`."""
    return event.kind, event.to_data()
