"""Unlock rules: all of `requires`, one of `requires_any`, N of `requires_some`, and bonus
puzzles (`optional`), as the session opens puzzles, the lint judges them and the bots play."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gardiens.authoring.playtest import playtest
from gardiens.authoring.schema import mission_schema
from gardiens.core import checkers
from gardiens.core.autoplay import Bot, next_puzzle
from gardiens.core.clock import ManualClock
from gardiens.core.commands import Submit
from gardiens.core.journal import Journal
from gardiens.core.lint import lint_mission, solvable_puzzles
from gardiens.core.model import Mission
from gardiens.core.session import Lifecycle, Outcome, PuzzleState, Session
from tests.core.sample import sample_data
from tests.core.test_lint import check, codes, puzzle


def branching() -> dict[str, Any]:
    """The sample mission, where `secret` opens after `vf` or `ordre`, `final` after two of
    `vf`, `ordre` and `secret`, and `fil` is a bonus."""
    data = sample_data()
    by_id = {p["id"]: p for p in data["puzzles"]}
    by_id["secret"]["requires"] = []
    by_id["secret"]["requires_any"] = ["vf", "ordre"]
    by_id["final"]["requires"] = []
    by_id["final"]["requires_some"] = {"at_least": 2, "of": ["vf", "ordre", "secret"]}
    by_id["fil"]["optional"] = True
    return data


def started(mission: Mission) -> Session:
    """A session of `mission` brought to play by the bot's own setup steps."""
    session = Session({mission.id: mission}, Journal.memory(), ManualClock(0))
    bot = Bot(mission, "9-12", "fr", 0)
    while session.state.lifecycle is not Lifecycle.PLAYING:
        bot.act(session)
    return session


def solve(session: Session, mission: Mission, puzzle_id: str) -> None:
    answer = checkers.solution(mission.puzzle(puzzle_id), session.rewards_values())
    assert session.handle(Submit(puzzle_id, answer)).ok


def state_of(session: Session, puzzle_id: str) -> PuzzleState:
    return session.state.puzzles[puzzle_id].state


def test_rules_hold_over_the_solved_puzzles() -> None:
    mission = Mission.model_validate(branching())
    secret, final = mission.puzzle("secret"), mission.puzzle("final")
    assert not secret.opens_after(set())
    assert secret.opens_after({"ordre"})
    assert not final.opens_after({"vf"})
    assert final.opens_after({"vf", "secret"})
    assert final.prerequisites() == ["vf", "ordre", "secret"]


def test_the_session_opens_a_puzzle_after_any_of_and_after_two_of_three() -> None:
    mission = Mission.model_validate(branching())
    session = started(mission)
    solve(session, mission, "qcm")
    assert state_of(session, "secret") is PuzzleState.LOCKED
    solve(session, mission, "ordre")
    assert state_of(session, "secret") is PuzzleState.AVAILABLE
    assert state_of(session, "final") is PuzzleState.LOCKED
    solve(session, mission, "secret")
    assert state_of(session, "final") is PuzzleState.AVAILABLE


def test_at_least_more_than_listed_is_a_located_shape_error(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        puzzle(d, "cadenas")["requires_some"] = {"at_least": 3, "of": ["source", "intox"]}

    (found,) = check(tmp_path, edit)
    assert found.code == "GDN209"
    assert "« at_least » ne peut pas dépasser" in found.message


def test_a_choice_that_can_never_hold_makes_the_puzzle_unreachable(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        puzzle(d, "intox")["requires"] = []
        puzzle(d, "intox")["requires_any"] = ["cadenas"]
        puzzle(d, "source")["optional"] = True
        puzzle(d, "source")["requires_some"] = {"at_least": 1, "of": ["intox", "cadenas"]}

    diagnostics = check(tmp_path, edit)
    # No rule is an error on its own here: each is reported where it is written.
    assert codes(diagnostics) == ["GDN306", "GDN416", "GDN305"]
    assert "au choix (« cadenas »)" in diagnostics[2].message
    assert "bonus « source »" in diagnostics[1].message
    assert diagnostics[1].severity == "warning"


def test_unknown_names_in_the_new_rules_are_located(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        puzzle(d, "intox")["requires_any"] = ["sourse"]

    diagnostics = check(tmp_path, edit)
    assert codes(diagnostics) == ["GDN302", "GDN306"]
    assert "Vouliez-vous dire « source » ?" in diagnostics[0].message
    assert diagnostics[1].follows == "GDN302"


def test_the_final_puzzle_cannot_be_a_bonus(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        puzzle(d, "cadenas")["optional"] = True

    assert codes(check(tmp_path, edit)) == ["GDN209"]


def test_the_branching_mission_is_clean_and_all_of_it_reachable() -> None:
    mission = Mission.model_validate(branching())
    assert lint_mission(mission) == []
    assert solvable_puzzles(mission) == {p.id for p in mission.puzzles}


def test_bots_leave_a_bonus_for_last() -> None:
    mission = Mission.model_validate(branching())
    bonus, other = mission.puzzle("fil"), mission.puzzle("discussion")
    assert next_puzzle([bonus, other], {}) is other
    assert next_puzzle([bonus], {}) is bonus


@pytest.mark.parametrize("seed", range(3))
def test_the_bot_wins_a_branching_mission(seed: int) -> None:
    mission = Mission.model_validate(branching())
    session = Session({mission.id: mission}, Journal.memory(), ManualClock(0))
    bot = Bot(mission, "13-16", "fr", seed)
    clock = session.clock
    for _ in range(600):
        assert isinstance(clock, ManualClock)
        clock.advance(bot.think_seconds(session))
        if bot.act(session) is None:
            break
    assert session.state.outcome is Outcome.WON


def test_playtest_wins_a_branching_mission() -> None:
    mission = Mission.model_validate(branching())
    report = playtest(mission, runs=2)
    assert all(band.won == band.runs for band in report.bands)


def test_the_schema_knows_the_new_rules() -> None:
    schema = mission_schema()
    fields = set()
    for definition in schema["$defs"].values():
        fields |= set(definition.get("properties", {}))
    assert {"requires_any", "requires_some", "optional", "at_least", "of"} <= fields
