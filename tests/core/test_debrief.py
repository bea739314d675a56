"""The debrief's rules: one lane per puzzle whatever the team did, and help chosen for the mission."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from gardiens.core import checkers
from gardiens.core.clock import ManualClock
from gardiens.core.commands import Abandon, Choose, Confirm, RequestHint, Start, StartSetup, Submit
from gardiens.core.debrief import help_for, lanes_of, theme_help
from gardiens.core.journal import Journal
from gardiens.core.loader import load_mission_bytes
from gardiens.core.model import MAX_HELP, THEMES
from gardiens.core.session import PuzzleState, Session
from gardiens.core.texts import iter_source_texts
from tests.core.sample import sample_data, sample_mission

MISSION = sample_mission()
VALID = Path(__file__).parent.parent / "data" / "valid" / "minimal" / "scenario.yaml"


def test_a_puzzle_tried_fifty_times_with_twenty_hints_is_one_lane_with_its_counts() -> None:
    # GIVEN a team that tries the first puzzle 50 times wrong and asks for hints 20 times
    clock = ManualClock(1000.0)
    session = Session({MISSION.id: MISSION}, Journal.memory(), clock)
    for command in (StartSetup(), Choose(mission=MISSION.id, age="9-12", language="fr"), Confirm(), Start()):
        assert session.handle(command).ok
    first = MISSION.puzzles[0]
    wrong = checkers.wrong_answer(first, session.rewards_values(), random.Random(1))
    for _ in range(50):
        clock.advance(2)
        session.handle(Submit(first.id, wrong))
    for _ in range(20):
        session.handle(RequestHint(first.id))
    clock.advance(5)
    assert session.handle(Submit(first.id, checkers.solution(first, session.rewards_values()))).ok
    assert session.handle(Abandon()).ok
    debrief = session.debrief()
    assert debrief is not None
    # WHEN its timeline is laid out
    lanes = lanes_of(debrief)
    # THEN every puzzle has one lane, the solved one first with all its tries and hints counted
    assert len(lanes) == len(MISSION.puzzles)
    assert sorted(lane.number for lane in lanes) == list(range(1, len(MISSION.puzzles) + 1))
    assert (lanes[0].puzzle_id, lanes[0].state, lanes[0].wrong) == (first.id, PuzzleState.SOLVED, 50)
    # (the session gives no more hints than the ladder has)
    assert lanes[0].hints == debrief.puzzles[0].hints >= 2
    assert all(not lane.done for lane in lanes[1:])


def test_lanes_follow_the_order_the_team_finished_the_puzzles() -> None:
    clock = ManualClock(1000.0)
    session = Session({MISSION.id: MISSION}, Journal.memory(), clock)
    for command in (StartSetup(), Choose(mission=MISSION.id, age="9-12", language="fr"), Confirm(), Start()):
        assert session.handle(command).ok
    solved = []
    for _ in range(3):
        ready = [p for p in MISSION.puzzles if session.state.puzzles[p.id].state is PuzzleState.AVAILABLE
                 and p.id != MISSION.goal]
        puzzle = ready[-1]
        clock.advance(30)
        assert session.handle(Submit(puzzle.id, checkers.solution(puzzle, session.rewards_values()))).ok
        solved.append(puzzle.id)
    assert session.handle(Abandon()).ok
    debrief = session.debrief()
    assert debrief is not None
    lanes = lanes_of(debrief)
    assert [lane.puzzle_id for lane in lanes[:3]] == solved
    unfinished = [lane.number for lane in lanes[3:]]
    assert unfinished == sorted(unfinished)


def test_every_theme_has_between_one_and_three_help_resources_with_an_adult() -> None:
    defaults = theme_help()
    assert set(defaults) == set(THEMES)
    for theme, resources in defaults.items():
        assert 1 <= len(resources) <= MAX_HELP, theme
        assert any(r.kind == "adult" for r in resources), theme


def test_the_harassment_theme_gives_the_3018_and_infox_a_fact_checking_resource() -> None:
    assert theme_help()["cyberharcelement"][0].title == "Le 3018"
    assert {r.kind for r in theme_help()["infox"]} >= {"fact-check"}


def test_a_mission_without_help_gets_its_theme_help() -> None:
    card = help_for(MISSION)
    assert not card.authored
    assert card.resources == theme_help()[MISSION.theme]


def test_a_mission_help_replaces_the_theme_help_and_is_translated_as_mission_text() -> None:
    data = sample_data()
    data["debrief"]["help"] = [
        {"kind": "phone", "title": "Le 3018", "text": {"9-12": "Appelez le 3018.", "13-16": "Le 3018 répond."}},
    ]
    mission = type(MISSION).model_validate(data)
    card = help_for(mission)
    assert card.authored
    assert [r.title for r in card.resources] == ["Le 3018"]
    texts = {(t.path, t.msgid) for t in iter_source_texts(mission)}
    assert (("debrief", "help", 0, "title"), "Le 3018") in texts
    assert (("debrief", "help", 0, "text", "9-12"), "Appelez le 3018.") in texts


def help_block(entries: str) -> bytes:
    text = VALID.read_text(encoding="utf-8")
    return (text.rstrip("\n") + "\n  help:\n" + entries).encode()


@pytest.mark.parametrize(("entries", "code", "line"), [
    ('    - kind: telephone\n      title: "Le 3018"\n      text: "Appelez."\n', "GDN204", 76),
    ('    - kind: phone\n      title: "Le 3018"\n', "GDN202", 76),
    ("".join(f'    - kind: adult\n      title: "A{i}"\n      text: "B"\n' for i in range(4)), "GDN", 75),
])
def test_a_wrong_help_block_is_located(entries: str, code: str, line: int) -> None:
    result = load_mission_bytes(help_block(entries), file="m.yaml")
    assert result.mission is None
    [error] = [d for d in result.diagnostics if d.severity == "error"]
    assert error.code.startswith(code), error.render()
    assert error.line == line, error.render()
