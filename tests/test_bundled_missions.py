"""The six bundled missions: what every one must hold, and each won by the bot in every band."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gardiens.core import checkers
from gardiens.core.autoplay import Bot
from gardiens.core.clock import ManualClock
from gardiens.core.commands import Launch
from gardiens.core.journal import Journal
from gardiens.core.library import load_library, scenarios_dir
from gardiens.core.loader import load_mission
from gardiens.core.model import AGE_BANDS, THEMES, pick_list
from gardiens.core.puzzles import kind_of
from gardiens.core.session import Outcome, Session
from gardiens.i18n.missions import CatalogAnswers, untranslated

THEMED = {"feed", "chat", "settings", "password", "cookies", "pegi", "ads"}
FILES = sorted(scenarios_dir().glob("*/scenario.yaml"))
IDS = [f.parent.name for f in FILES]


def test_six_missions_cover_the_six_themes() -> None:
    library = load_library()
    assert len(library) == 6
    assert {mission.theme for mission, _ in library.values()} == set(THEMES)


def test_list_json_shows_both_bands_and_both_languages() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "gardiens", "list", "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    missions = json.loads(out)
    assert len(missions) == 6
    for entry in missions:
        assert sorted(entry["ages"]) == sorted(AGE_BANDS)
        assert set(entry["languages"]) >= {"fr", "en"}


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_mission_validates_without_error_or_warning(path: Path) -> None:
    result = load_mission(path)
    assert [d.render() for d in result.diagnostics] == []


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_mission_shape_follows_the_brief(path: Path) -> None:
    mission = load_mission(path).mission
    assert mission is not None
    assert set(mission.ages) == set(AGE_BANDS)
    assert "en" in mission.translations
    assert 5 <= len(mission.puzzles) <= 8
    types = {p.type for p in mission.puzzles}
    assert len(types) >= 4
    assert len(types & THEMED) >= 2
    goal = mission.puzzle(mission.goal)
    # The finale is made of what the other puzzles gave (a code's digits, a message's fragments).
    needed = kind_of(goal).rewards_needed(goal)
    given = {r.id for p in mission.puzzles if p.id != goal.id for r in p.rewards}
    assert needed and set(needed) <= given
    for age in AGE_BANDS:
        assert 1 <= len(pick_list(mission.debrief.key_messages, age)) <= 3
        assert len(pick_list(mission.debrief.questions, age)) >= 2
    assert (path.parent / "SOURCES.md").is_file()


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("age", AGE_BANDS)
@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_bot_wins_every_mission_band_and_language(path: Path, age: str, language: str) -> None:
    mission = load_mission(path).mission
    assert mission is not None
    clock = ManualClock(0)
    session = Session({mission.id: mission}, Journal.memory(), clock, answers=CatalogAnswers())
    bot = Bot(mission, age, language, seed=7)  # type: ignore[arg-type]
    for _ in range(1000):
        clock.advance(bot.think_seconds(session))
        if bot.act(session) is None:
            break
    assert session.state.outcome is Outcome.WON
    assert session.state.language == language


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_every_typed_answer_is_translated_and_accepted_in_every_language(path: Path) -> None:
    mission = load_mission(path).mission
    assert mission is not None
    for language in mission.translations:
        missing = [t for t in untranslated(mission, language) if t.context.endswith("/answers")]
        assert missing == [], (language, missing)
        session = Session({mission.id: mission}, Journal.memory(), ManualClock(0), answers=CatalogAnswers())
        session.handle(Launch(mission=mission.id, age=mission.ages[0], language=language))
        for puzzle in mission.puzzles:
            played = session.played(puzzle.id)
            for answer in checkers.answer_texts(played):
                if answer.role != "mistake":
                    assert checkers.check(played, answer.text, session.rewards_values()).correct, answer


def test_every_puzzle_type_is_played_in_some_bundled_mission() -> None:
    from gardiens.core.model import PUZZLE_TYPES

    used = {p.type for mission, _ in load_library().values() for p in mission.puzzles}
    assert used == set(PUZZLE_TYPES)
