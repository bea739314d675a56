"""The walk in docs/architecture.md holds: the kind written there, put in a package of its own,
loads from YAML, checks answers, is won by the bot and is journaled as it declares."""

from __future__ import annotations

import importlib
import random
import re
import sys
from pathlib import Path

import pytest
import yaml

from gardiens.core import checkers
from gardiens.core.autoplay import Bot, play
from gardiens.core.clock import ManualClock
from gardiens.core.commands import Submit
from gardiens.core.journal import Journal
from gardiens.core.model import Mission, mission_model
from gardiens.core.puzzles import KINDS, kind_of
from gardiens.core.session import Lifecycle, Outcome, Session

WALK = (Path(__file__).resolve().parents[2] / "docs" / "architecture.md").read_text("utf-8")


def block(info: str) -> str:
    """The fenced block of the walk whose info string is `info`."""
    found = re.search(rf"^```{re.escape(info)}\n(.*?)^```", WALK, re.MULTILINE | re.DOTALL)
    assert found, f"docs/architecture.md has no ```{info} block"
    return found.group(1)


@pytest.fixture
def lamps_mission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Mission:
    package = tmp_path / "toykinds"
    package.mkdir()
    (package / "__init__.py").write_text("", "utf-8")
    (package / "lamps.py").write_text(block("python lamps.py"), "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "toykinds", raising=False)
    monkeypatch.delitem(sys.modules, "toykinds.lamps", raising=False)
    lamps = importlib.import_module("toykinds.lamps")
    model = mission_model((*KINDS, lamps.LampsKind()))
    return model.model_validate(yaml.safe_load(block("yaml lamps-mission")))


def test_the_package_mission_does_not_know_the_toy_kind() -> None:
    with pytest.raises(ValueError, match="lamps"):
        Mission.model_validate(yaml.safe_load(block("yaml lamps-mission")))


def test_the_toy_kind_loads_and_checks(lamps_mission: Mission) -> None:
    lamps = lamps_mission.puzzle("lampes")
    assert kind_of(lamps).label == "Rangée de lampes"
    assert checkers.check(lamps, ["agence", "journal"], {}).correct
    wrong = checkers.check(lamps, ["rumeur"], {})
    assert not wrong.correct and wrong.score == (0, 3)
    with pytest.raises(checkers.MalformedAnswer):
        checkers.check(lamps, ["lampe-inconnue"], {})


def test_the_bot_wins_and_the_journal_keeps_what_the_kind_declares(
    lamps_mission: Mission,
) -> None:
    clock = ManualClock(0)
    session = Session({lamps_mission.id: lamps_mission}, Journal.memory(), clock)
    bot = Bot(lamps_mission, "9-12", "fr", seed=1)
    while session.state.lifecycle is not Lifecycle.PLAYING:
        bot.act(session)
    lamps = lamps_mission.puzzle("lampes")
    slip = checkers.wrong_answer(lamps, {}, random.Random(0))
    assert session.handle(Submit("lampes", slip)).ok
    play(bot, session, clock)
    assert session.state.outcome is Outcome.WON
    kept = [
        e.data["answer"]
        for e in session.events()
        if e.kind == "answer_submitted" and e.data["puzzle"] == "lampes" and not e.data["correct"]
    ]
    assert kept and all(answer == {"lit": 1} for answer in kept)
