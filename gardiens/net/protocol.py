"""What a linked kiosk says on the venue's MQTT broker and what it accepts: versioned JSON
messages, small and with nothing personal in them (docs/network.md is the reference).

Topics, under a prefix (`gardiens/v1` by default), for a kiosk `<id>`:

    <prefix>/kiosk/<id>/state    retained  the game as it stands (StateMessage)
    <prefix>/kiosk/<id>/event              what just happened (EventMessage)
    <prefix>/kiosk/<id>/status   retained  online / offline, offline being the last will
    <prefix>/kiosk/<id>/command            the console's orders (CommandMessage)
    <prefix>/kiosk/<id>/reply              one reply per command id (ReplyMessage)
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from gardiens.core import commands as core
from gardiens.core.attention import Stuck
from gardiens.core.session import SessionState

VERSION: Literal[1] = 1
# Bigger payloads are refused unread: a state of a 20-puzzle mission is about 2 kB.
MAX_PAYLOAD = 16 * 1024
# Event data that may cross the network: ids, verdicts and numbers, never an answer or a text.
EVENT_FIELDS = ("puzzle", "correct", "step", "outcome", "seconds", "time_limit", "mission")

Topic = Literal["state", "event", "status", "command", "reply"]
TOPICS: tuple[Topic, ...] = ("state", "event", "status", "command", "reply")


def topic(prefix: str, kiosk: str, leaf: Topic) -> str:
    return f"{prefix}/kiosk/{kiosk}/{leaf}"


class LinkRefusal(StrEnum):
    """Why a command was refused before it reached the game (the core's `Refusal` otherwise)."""

    MALFORMED = "malformed"
    TOO_LARGE = "too_large"
    UNKNOWN_COMMAND = "unknown_command"
    UNSUPPORTED_VERSION = "unsupported_version"
    UNKNOWN_READY_HINT = "unknown_ready_hint"
    NO_OPEN_PUZZLE = "no_open_puzzle"


class _Message(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    v: Literal[1] = VERSION


# -- what the kiosk publishes ----------------------------------------------------------


class PuzzleStatus(_Message):
    id: str
    status: str
    attempts: int
    hints: int


class StuckLevel(_Message):
    """The core's stuck rule (`gardiens.core.attention`): seconds without progress, whether that
    is past the kiosk's threshold, and the puzzles with too many wrong tries."""

    quiet_for: int
    slow: bool
    puzzles: tuple[str, ...] = ()


class StateMessage(_Message):
    type: Literal["state"] = "state"
    kiosk: str
    lifecycle: str
    outcome: str | None = None
    mission: str | None = None
    band: str | None = None
    language: str | None = None
    # A generated pseudonym (`gardiens.core.pseudonym`): never a child's name.
    team: str | None = None
    time_left: int = 0
    time_limit: int = 0
    puzzles: tuple[PuzzleStatus, ...] = ()
    hints_used: int = 0
    stuck: StuckLevel
    # When it was sent (seconds since the epoch), for a publisher that measures the way to the
    # console's page (`gardiens bench --console`); a kiosk leaves it out so that an unchanged
    # game is an unchanged payload.
    at: float | None = None


class EventMessage(_Message):
    type: Literal["event"] = "event"
    kiosk: str
    kind: str
    data: dict[str, str | int | float | bool] = Field(default_factory=dict)


class StatusMessage(_Message):
    type: Literal["status"] = "status"
    kiosk: str
    online: bool


class ReplyMessage(_Message):
    """`ok` with no code is the acknowledgement; otherwise `code` is a `Refusal` or a
    `LinkRefusal` value and `message` says it in the kiosk's language."""

    type: Literal["reply"] = "reply"
    kiosk: str
    id: str | None
    ok: bool
    code: str | None = None
    message: str | None = None


# -- what the kiosk accepts -----------------------------------------------------------

Name = Annotated[str, Field(min_length=1, max_length=64)]


class LaunchOrder(_Message):
    kind: Literal["launch"]
    mission: Name
    band: Literal["9-12", "13-16"]
    language: Annotated[str, Field(min_length=2, max_length=8)]
    minutes: Annotated[int, Field(ge=1, le=180)] | None = None
    # Optional: a console of an earlier release sends none, and the countdown is normal.
    timer: Literal["normal", "relaxed", "off"] | None = None
    # The school visit's code, for its class sheet (`gardiens report --visit`).
    visit: Annotated[str, Field(pattern=f"^{core.VISIT_CODE.pattern}$")] | None = None


class PauseOrder(_Message):
    kind: Literal["pause"]


class ResumeOrder(_Message):
    kind: Literal["resume"]


class AddTimeOrder(_Message):
    kind: Literal["add_time"]
    seconds: Annotated[float, Field(allow_inf_nan=False)]


class HintOrder(_Message):
    """The next step of the ladder, or one of the ready-made messages by its number
    (`gardiens.i18n.ready_hints`); to `puzzle`, else to the first open one."""

    kind: Literal["hint"]
    puzzle: Name | None = None
    ready: Annotated[int, Field(ge=0, le=99)] | None = None


class SolveOrder(_Message):
    kind: Literal["solve"]
    puzzle: Name


class EndOrder(_Message):
    kind: Literal["end"]


class ResetOrder(_Message):
    kind: Literal["reset"]


Order: TypeAlias = Annotated[
    LaunchOrder | PauseOrder | ResumeOrder | AddTimeOrder | HintOrder | SolveOrder | EndOrder
    | ResetOrder,
    Field(discriminator="kind"),
]
ORDER_KINDS = ("launch", "pause", "resume", "add_time", "hint", "solve", "end", "reset")


class CommandMessage(_Message):
    type: Literal["command"] = "command"
    id: Annotated[str, Field(min_length=1, max_length=64)]
    command: Order


class BadCommand(Exception):
    """A payload that is not a command this kiosk takes; `id` when one could be read."""

    def __init__(self, code: LinkRefusal, detail: str, id: str | None = None) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.id = id


def parse_command(payload: bytes | bytearray) -> CommandMessage:
    """The command in `payload`, or BadCommand saying why not (the size is checked unread)."""
    if len(payload) > MAX_PAYLOAD:
        raise BadCommand(LinkRefusal.TOO_LARGE, f"{len(payload)} bytes > {MAX_PAYLOAD}")
    try:
        raw = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise BadCommand(LinkRefusal.MALFORMED, f"not JSON: {error}") from None
    if not isinstance(raw, dict):
        raise BadCommand(LinkRefusal.MALFORMED, "not a JSON object")
    given = raw.get("id")
    id = given if isinstance(given, str) and 0 < len(given) <= 64 else None
    if raw.get("v") != VERSION:
        raise BadCommand(LinkRefusal.UNSUPPORTED_VERSION, f"v must be {VERSION}", id)
    order = raw.get("command")
    if isinstance(order, dict) and order.get("kind") not in ORDER_KINDS:
        raise BadCommand(LinkRefusal.UNKNOWN_COMMAND, f"unknown kind {order.get('kind')!r}", id)
    try:
        return CommandMessage.model_validate(raw)
    except ValidationError as error:
        detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        raise BadCommand(LinkRefusal.MALFORMED, detail[:300], id) from None


def core_command(
    order: Order, state: SessionState, ready_hints: tuple[str, ...]
) -> core.Command | LinkRefusal:
    """The core's typed command for a console's order (a ready-made hint already in words)."""
    match order:
        case LaunchOrder(
            mission=mission, band=band, language=language, minutes=minutes, timer=timer, visit=visit
        ):
            return core.Launch(mission, band, language, minutes, core.TimerMode(timer or "normal"), visit)
        case PauseOrder():
            return core.Pause()
        case ResumeOrder():
            return core.Resume()
        case AddTimeOrder(seconds=seconds):
            return core.AddTime(seconds)
        case HintOrder(puzzle=puzzle, ready=ready):
            if ready is not None and ready >= len(ready_hints):
                return LinkRefusal.UNKNOWN_READY_HINT
            target = puzzle or _first_open(state)
            if target is None:
                return LinkRefusal.NO_OPEN_PUZZLE
            return core.PushHint(target, None if ready is None else ready_hints[ready])
        case SolveOrder(puzzle=puzzle):
            return core.Skip(puzzle)
        case EndOrder():
            return core.Abandon()
        case ResetOrder():
            return core.Reset()
    raise AssertionError(order)


def _first_open(state: SessionState) -> str | None:
    return next((pid for pid, p in state.puzzles.items() if p.state.value == "available"), None)


def state_message(
    kiosk: str, state: SessionState, time_left: float, stuck: Stuck
) -> StateMessage:
    """What the console sees of a game: its shape and progress, nothing a child wrote."""
    puzzles = tuple(
        PuzzleStatus(id=pid, status=p.state.value, attempts=p.attempts, hints=p.hints + len(p.pushed))
        for pid, p in state.puzzles.items()
    )
    return StateMessage(
        kiosk=kiosk,
        lifecycle=state.lifecycle.value,
        outcome=state.outcome.value if state.outcome else None,
        mission=state.mission_id,
        band=state.age,
        language=state.language,
        team=state.team,
        time_left=round(time_left),
        time_limit=round(state.time_limit + state.added),
        puzzles=puzzles,
        hints_used=sum(p.hints for p in puzzles),
        stuck=StuckLevel(quiet_for=int(stuck.quiet_for), slow=stuck.slow, puzzles=stuck.puzzles),
    )


def event_message(kiosk: str, kind: str, data: Mapping[str, object]) -> EventMessage:
    kept = {
        key: value
        for key, value in data.items()
        if key in EVENT_FIELDS and isinstance(value, str | int | float | bool)
    }
    return EventMessage(kiosk=kiosk, kind=kind, data=kept)


def encode(message: BaseModel) -> bytes:
    return message.model_dump_json(exclude_none=False).encode("utf-8")
