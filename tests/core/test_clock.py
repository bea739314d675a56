"""The countdown against the system clock being set back or forward while a team plays."""

from __future__ import annotations

from gardiens.core.clock import SystemClock
from gardiens.core.commands import Choose, Confirm, Pause, Resume, Start, StartSetup
from gardiens.core.journal import Journal
from gardiens.core.session import Lifecycle, Session
from tests.core.sample import sample_mission

MISSION = sample_mission()


class Machine:
    """The two clocks of a computer: the wall clock anyone can set, and the steady one."""

    def __init__(self) -> None:
        self.wall = 1_700_000_000.0
        self.steady = 50.0

    def wait(self, seconds: float) -> None:
        self.wall += seconds
        self.steady += seconds

    def set_wall(self, seconds: float) -> None:
        self.wall += seconds


def playing(machine: Machine, journal: Journal) -> Session:
    clock = SystemClock(wall=lambda: machine.wall, steady=lambda: machine.steady)
    session = Session({MISSION.id: MISSION}, journal, clock)
    for command in (StartSetup(), Choose(mission=MISSION.id, age="9-12", language="fr"), Confirm(), Start()):
        assert session.handle(command).ok
    return session


def test_the_system_clock_set_forward_or_back_does_not_move_the_countdown() -> None:
    # GIVEN a team 60 s into its mission
    machine = Machine()
    session = playing(machine, Journal.memory())
    full = session.remaining()
    machine.wait(60)
    # WHEN the clock is set an hour forward, then two hours back, while the team plays on
    machine.set_wall(3600)
    machine.wait(30)
    assert session.handle(Pause()).ok
    machine.set_wall(-7200)
    machine.wait(500)
    assert session.handle(Resume()).ok
    machine.wait(10)
    # THEN only the 100 s of play count, and the mission goes on
    assert session.state.lifecycle is Lifecycle.PLAYING
    assert session.elapsed() == 100
    assert session.remaining() == full - 100


def test_a_restart_after_the_clock_was_set_back_resumes_the_same_countdown(tmp_path) -> None:
    machine = Machine()
    session = playing(machine, Journal.open(tmp_path))
    full = session.remaining()
    machine.wait(45)
    assert session.handle(Pause()).ok and session.handle(Resume()).ok
    session.journal.close()
    # The board restarts after a time server moved its clock back a day.
    machine.set_wall(-86_400)
    machine.steady = 3.0
    clock = SystemClock(wall=lambda: machine.wall, steady=lambda: machine.steady)
    again = Session({MISSION.id: MISSION}, Journal.open(tmp_path), clock)
    machine.wait(15)
    assert again.state.lifecycle is Lifecycle.PLAYING
    assert again.remaining() == full - 60
