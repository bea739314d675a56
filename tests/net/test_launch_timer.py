"""The launch order's optional timer mode: read into the core's command, absent means normal."""

from __future__ import annotations

import json

import pytest

from gardiens.core.commands import Launch, TimerMode
from gardiens.core.session import SessionState
from gardiens.net.protocol import BadCommand, LinkRefusal, core_command, parse_command

BASE = {"kind": "launch", "mission": "essai-ui", "band": "9-12", "language": "fr"}


def launch(**extra: object) -> Launch | LinkRefusal:
    payload = json.dumps({"v": 1, "id": "c-1", "command": {**BASE, **extra}}).encode()
    command = core_command(parse_command(payload).command, SessionState(), ())
    assert isinstance(command, Launch)
    return command


def test_a_launch_without_a_timer_is_a_normal_countdown_as_before() -> None:
    assert launch() == Launch("essai-ui", "9-12", "fr", None, TimerMode.NORMAL)


@pytest.mark.parametrize("mode", list(TimerMode))
def test_a_launch_carries_its_timer_mode(mode: TimerMode) -> None:
    command = launch(timer=mode.value, minutes=12)
    assert isinstance(command, Launch)
    assert (command.timer, command.minutes) == (mode, 12)


def test_an_unknown_timer_mode_is_refused_as_malformed() -> None:
    payload = json.dumps({"v": 1, "id": "c-2", "command": {**BASE, "timer": "turbo"}}).encode()
    with pytest.raises(BadCommand) as refused:
        parse_command(payload)
    assert refused.value.code is LinkRefusal.MALFORMED and refused.value.id == "c-2"
