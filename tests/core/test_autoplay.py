"""The bot: it wins, its choices depend on seed and state only, so a resumed run ends the same."""

from __future__ import annotations

import pytest

from gardiens.core.autoplay import Bot
from gardiens.core.clock import ManualClock
from gardiens.core.journal import Journal
from gardiens.core.session import Outcome, Session
from tests.core.sample import sample_mission

MISSION = sample_mission()


def run_bot(bot: Bot, journal: Journal, clock: ManualClock) -> Session:
    session = Session({MISSION.id: MISSION}, journal, clock)
    for _ in range(500):
        clock.advance(bot.think_seconds(session))
        if bot.act(session) is None:
            break
    return session


def results(session: Session) -> dict[str, tuple[str, int, int]]:
    return {pid: (p.state.value, p.attempts, p.hints) for pid, p in session.state.puzzles.items()}


@pytest.mark.parametrize("age", ["9-12", "13-16"])
@pytest.mark.parametrize("seed", range(6))
def test_bot_wins_with_slips_and_hints(age: str, seed: int) -> None:
    session = run_bot(Bot(MISSION, age, "fr", seed), Journal.memory(), ManualClock(0))
    assert session.state.outcome is Outcome.WON
    assert session.remaining() > 0


def test_seeds_make_different_teams() -> None:
    runs = [
        results(run_bot(Bot(MISSION, "9-12", "fr", s), Journal.memory(), ManualClock(0)))
        for s in range(6)
    ]
    assert len({tuple(sorted(r.items())) for r in runs}) > 1
    assert any(a for r in runs for (_, a, _) in r.values())
    assert any(h for r in runs for (_, _, h) in r.values())


@pytest.mark.parametrize("seed", [1, 5])
def test_stopping_after_any_event_and_resuming_ends_the_same(seed: int) -> None:
    bot = Bot(MISSION, "9-12", "fr", seed)
    whole = run_bot(bot, Journal.memory(), ManualClock(0))
    expected = results(whole)
    events = whole.events()
    for cut in range(1, len(events)):
        journal = Journal.memory()
        for event in events[:cut]:
            journal.append(event.session, event.at, [(event.kind, event.data)])
        resumed = run_bot(bot, journal, ManualClock(events[cut - 1].at + 999))
        assert resumed.state.outcome is Outcome.WON, cut
        assert results(resumed) == expected, cut
