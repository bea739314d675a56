"""What a session's journal holds: one typed event per thing that happened, written as a kind and
a small JSON object, and read back typed (a journal of an earlier release reads the same way).

`decode` is the one place that trusts nothing about a stored row: an unknown kind or a missing
field is a `ValueError`, which the session treats as a game it can no longer replay.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any, ClassVar, TypeAlias

from gardiens.core.model import AGE_BANDS, AgeBand


@dataclass(frozen=True)
class _Event:
    kind: ClassVar[str]

    def to_data(self) -> dict[str, Any]:
        """The JSON object stored beside the kind; fields left at None are not written."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}


@dataclass(frozen=True)
class SetupStarted(_Event):
    kind = "setup_started"


@dataclass(frozen=True)
class Chosen(_Event):
    kind = "chosen"
    mission: str | None = None
    age: AgeBand | None = None
    language: str | None = None
    team: str | None = None


@dataclass(frozen=True)
class SetupConfirmed(_Event):
    kind = "setup_confirmed"


@dataclass(frozen=True)
class MissionStarted(_Event):
    kind = "mission_started"
    time_limit: float


@dataclass(frozen=True)
class Paused(_Event):
    kind = "paused"


@dataclass(frozen=True)
class Resumed(_Event):
    kind = "resumed"


@dataclass(frozen=True)
class Restored(_Event):
    """The kiosk started again in the middle of a game (the time it was down is not the team's)."""

    kind = "restored"


@dataclass(frozen=True)
class TimeAdded(_Event):
    kind = "time_added"
    seconds: float


@dataclass(frozen=True)
class AnswerSubmitted(_Event):
    """`answer` is what the puzzle's kind lets the journal keep of a wrong answer (never free
    text); a right answer keeps nothing."""

    kind = "answer_submitted"
    puzzle: str
    correct: bool
    answer: object = None

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"puzzle": self.puzzle, "correct": self.correct}
        if not self.correct:
            data["answer"] = self.answer
        return data


@dataclass(frozen=True)
class HintShown(_Event):
    kind = "hint_shown"
    puzzle: str
    step: int
    source: str = "team"
    penalty: float | None = None


@dataclass(frozen=True)
class HintPushed(_Event):
    kind = "hint_pushed"
    puzzle: str
    text: str


@dataclass(frozen=True)
class PuzzleSkipped(_Event):
    kind = "puzzle_skipped"
    puzzle: str


@dataclass(frozen=True)
class MissionEnded(_Event):
    """`outcome` is a value of `gardiens.core.session.Outcome`."""

    kind = "mission_ended"
    outcome: str


@dataclass(frozen=True)
class Reset(_Event):
    kind = "reset"


GameEvent: TypeAlias = (
    SetupStarted
    | Chosen
    | SetupConfirmed
    | MissionStarted
    | Paused
    | Resumed
    | Restored
    | TimeAdded
    | AnswerSubmitted
    | HintShown
    | HintPushed
    | PuzzleSkipped
    | MissionEnded
    | Reset
)


def _text(data: Mapping[str, Any], name: str) -> str:
    value = data[name]
    if not isinstance(value, str):
        raise ValueError(f"{name} must be text, not {value!r}")
    return value


def _optional_text(data: Mapping[str, Any], name: str) -> str | None:
    return _text(data, name) if data.get(name) is not None else None


def _optional_age(data: Mapping[str, Any]) -> AgeBand | None:
    age = _optional_text(data, "age")
    if age is not None and age not in AGE_BANDS:
        raise ValueError(f"unknown age band {age!r}")
    return age


def _number(data: Mapping[str, Any], name: str) -> float:
    value = data[name]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number, not {value!r}")
    return float(value)


_READERS: dict[str, Callable[[Mapping[str, Any]], GameEvent]] = {
    "setup_started": lambda d: SetupStarted(),
    "chosen": lambda d: Chosen(
        _optional_text(d, "mission"),
        _optional_age(d),
        _optional_text(d, "language"),
        _optional_text(d, "team"),
    ),
    "setup_confirmed": lambda d: SetupConfirmed(),
    "mission_started": lambda d: MissionStarted(_number(d, "time_limit")),
    "paused": lambda d: Paused(),
    "resumed": lambda d: Resumed(),
    "restored": lambda d: Restored(),
    "time_added": lambda d: TimeAdded(_number(d, "seconds")),
    "answer_submitted": lambda d: AnswerSubmitted(
        _text(d, "puzzle"), bool(d["correct"]), d.get("answer")
    ),
    "hint_shown": lambda d: HintShown(
        _text(d, "puzzle"),
        int(_number(d, "step")),
        _optional_text(d, "source") or "team",
        _number(d, "penalty") if d.get("penalty") is not None else None,
    ),
    "hint_pushed": lambda d: HintPushed(_text(d, "puzzle"), _text(d, "text")),
    "puzzle_skipped": lambda d: PuzzleSkipped(_text(d, "puzzle")),
    "mission_ended": lambda d: MissionEnded(_text(d, "outcome")),
    "reset": lambda d: Reset(),
}


def decode(kind: str, data: Mapping[str, Any]) -> GameEvent:
    """The typed event of a stored row; `ValueError` when the row is not one this release reads."""
    reader = _READERS.get(kind)
    if reader is None:
        raise ValueError(f"unknown event kind {kind!r}")
    try:
        return reader(data)
    except KeyError as missing:
        raise ValueError(f"{kind} event without {missing}") from None


def encode(event: GameEvent) -> tuple[str, dict[str, Any]]:
    """The kind and JSON object the journal stores for `event`."""
    return event.kind, event.to_data()
