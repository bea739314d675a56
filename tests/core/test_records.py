"""Records and privacy: anonymous results, statistics, purge, and nothing that names a team."""

from __future__ import annotations

from pathlib import Path

import pytest

from gardiens.core.autoplay import Bot
from gardiens.core.clock import ManualClock
from gardiens.core.commands import Choose, Confirm, Reset, Start, StartSetup
from gardiens.core.facilitator import PinError, PinGuard, has_pin, set_pin, verify_pin
from gardiens.core.journal import Journal
from gardiens.core.kiosk import KioskSettings, load_settings
from gardiens.core.pseudonym import team_name
from gardiens.core.records import (
    DAY,
    PUZZLE_FIELDS,
    RESULT_FIELDS,
    purge,
    record_finished,
    stats,
)
from gardiens.core.session import Session
from tests.core.sample import sample_mission

MISSION = sample_mission()
MISSIONS = {MISSION.id: MISSION}

# Every field an event may carry: the journal writes these and nothing else.
EVENT_FIELDS = {
    "setup_started": set(),
    "chosen": {"mission", "age", "language", "team", "timer"},
    "setup_confirmed": {"time_limit", "timer", "visit"},
    "mission_started": {"time_limit", "timer"},
    "answer_submitted": {"puzzle", "correct", "answer"},
    "hint_shown": {"puzzle", "step", "source", "penalty"},
    "hint_pushed": {"puzzle", "text"},
    "paused": set(),
    "resumed": set(),
    "restored": set(),
    "time_added": {"seconds"},
    "puzzle_skipped": {"puzzle"},
    "mission_ended": {"outcome"},
    "reset": set(),
}


def play_sessions(journal: Journal, clock: ManualClock, seeds: range) -> list[str]:
    teams = []
    for seed in seeds:
        session = Session(MISSIONS, journal, clock)
        bot = Bot(MISSION, "9-12" if seed % 2 else "13-16", "fr", seed)
        while bot.act(session) is not None:
            clock.advance(bot.think_seconds(session))
        teams.append(str(session.state.team))
        session.handle(Reset())
    return teams


def test_events_carry_only_the_listed_fields() -> None:
    journal = Journal.memory()
    play_sessions(journal, ManualClock(0), range(6))
    for event in journal.all_events():
        assert set(event.data) <= EVENT_FIELDS[event.kind], event


def test_results_keep_no_pseudonym_and_no_clock_time() -> None:
    journal = Journal.memory()
    teams = play_sessions(journal, ManualClock(1_700_000_000), range(4))
    assert record_finished(journal, MISSIONS) == 4
    assert record_finished(journal, MISSIONS) == 0
    for row in journal.results():
        assert set(row) == set(RESULT_FIELDS)
        for puzzle in row["puzzles"].values():
            assert set(puzzle) == set(PUZZLE_FIELDS)
        text = str(row)
        assert not any(team in text for team in teams)
        assert "1700000" not in text


def test_stats_per_mission_age_and_puzzle() -> None:
    journal = Journal.memory()
    play_sessions(journal, ManualClock(0), range(6))
    record_finished(journal, MISSIONS)
    table = stats(journal.results())
    assert [(g.mission, g.age, g.sessions) for g in table] == [
        ("essai", "13-16", 3),
        ("essai", "9-12", 3),
    ]
    group = table[0]
    assert group.win_rate == 1.0
    assert group.median_seconds and group.median_seconds > 0
    assert {p.puzzle for p in group.puzzles} == {p.id for p in MISSION.puzzles}
    assert any(p.common_wrong for g in table for p in g.puzzles)


def test_abandoned_session_counts_as_a_loss() -> None:
    journal = Journal.memory()
    session = Session(MISSIONS, journal, ManualClock(0))
    session.handle(StartSetup())
    session.handle(Choose(mission=MISSION.id, age="9-12", language="fr"))
    session.handle(Confirm())
    session.handle(Start())
    session.handle(Reset())
    record_finished(journal, MISSIONS)
    (group,) = stats(journal.results())
    assert group.win_rate == 0.0 and group.median_seconds is None


def test_purge_keeps_recent_sessions_and_every_result(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path)
    clock = ManualClock(0)
    play_sessions(journal, clock, range(2))
    clock.set(40 * DAY)
    play_sessions(journal, clock, range(2, 3))
    removed = purge(journal, MISSIONS, older_than_days=30, now=clock.now())
    assert removed == 2
    assert len(journal.sessions()) == 1
    assert len(journal.results()) == 3


def test_purge_leaves_a_session_in_play_unless_it_is_stale(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path)
    session = Session(MISSIONS, journal, ManualClock(0))
    session.handle(StartSetup())
    session.handle(Choose(mission=MISSION.id, age="9-12", language="fr"))
    assert purge(journal, MISSIONS, older_than_days=0, now=10) == 0
    assert purge(journal, MISSIONS, older_than_days=30, now=31 * DAY) == 1


def test_after_purging_everything_no_file_names_a_team(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path)
    teams = play_sessions(journal, ManualClock(0), range(5))
    purge(journal, MISSIONS, older_than_days=0, now=1)
    journal.close()
    names = set(teams) | {team_name(t, lang) for t in teams for lang in ("fr", "en")}
    for path in tmp_path.rglob("*"):
        if path.is_file():
            blob = path.read_bytes()
            for name in names:
                assert name.encode() not in blob, (path, name)
    again = Journal.open(tmp_path)
    assert len(again.results()) == 5


def test_pin_is_stored_as_a_salted_hash_only(tmp_path: Path) -> None:
    assert not has_pin(tmp_path)
    path = set_pin(tmp_path, "4827")
    assert has_pin(tmp_path)
    assert "4827" not in path.read_text()
    assert path.stat().st_mode & 0o077 == 0
    assert verify_pin(tmp_path, "4827")
    assert not verify_pin(tmp_path, "4828")
    first = path.read_text()
    set_pin(tmp_path, "4827")
    assert path.read_text() != first


@pytest.mark.parametrize("bad", ["", "12", "123456789", "12a4", "١٢٣٤"])
def test_pin_must_be_four_to_eight_digits(tmp_path: Path, bad: str) -> None:
    with pytest.raises(PinError):
        set_pin(tmp_path, bad)


def test_five_wrong_pins_lock_the_panel_for_a_minute(tmp_path: Path) -> None:
    set_pin(tmp_path, "2468")
    clock = ManualClock(0)
    guard = PinGuard(tmp_path, clock, attempts=5, lockout=60)
    for left in (4, 3, 2, 1):
        assert guard.check("0000").attempts_left == left
    assert guard.check("0000").locked_for == 60
    assert not guard.check("2468").ok
    clock.advance(61)
    assert guard.check("2468").ok


def test_kiosk_settings_from_file_or_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path) == (KioskSettings(), None)
    (tmp_path / "kiosk.toml").write_text("retention_days = 7\nidle_prompt_seconds = 60\n")
    settings, problem = load_settings(tmp_path)
    assert problem is None and settings.retention_days == 7
    (tmp_path / "kiosk.toml").write_text("retention_days = 'beaucoup'\n")
    settings, problem = load_settings(tmp_path)
    assert settings == KioskSettings() and problem and "kiosk.toml" in problem
