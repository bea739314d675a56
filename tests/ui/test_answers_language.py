"""A team of another language decodes and types its own words: the cipher shows the coded
translation, and the touch bot wins with the translated answer."""

from __future__ import annotations

from collections.abc import Callable

from gardiens.core.commands import Command, Submit
from gardiens.core.model import Mission
from gardiens.core.session import PuzzleState, Reply
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.testing.ui_autoplay import solve_next
from gardiens.ui.puzzles.cipher import CipherView
from tests.ui.conftest import to_map


class English:
    """The test mission's cipher (SOURCE) translated as a catalog would give it."""

    def answers(self, mission: Mission, language: str, puzzle_id: str, source: str) -> list[str]:
        return ["TRUTH"] if (language, puzzle_id, source) == ("en", "message", "SOURCE") else []


def test_an_english_team_decodes_an_english_word(launch: Callable[..., Pilot], mission: Mission) -> None:
    # GIVEN an English kiosk whose answers come from a translator
    pilot = launch(language="en")
    pilot.app.session.answers = English()
    # WHEN the cipher is open
    stage(pilot.app, pilot.clock, puzzle="message", language="en")
    view = pilot.app.top.view  # type: ignore[union-attr]
    assert isinstance(view, CipherView)
    # THEN its coded message is the English word, shifted
    assert view.ciphertext() == "WUXWK"


def test_the_touch_bot_types_the_english_answer(launch: Callable[..., Pilot], mission: Mission) -> None:
    pilot = launch(language="en")
    pilot.app.session.answers = English()
    to_map(pilot)
    session = pilot.app.session
    assert session.state.language == "en"
    sent: list[object] = []
    handle = session.handle

    def spy(command: Command) -> Reply:
        sent.append(command)
        return handle(command)

    session.handle = spy  # type: ignore[method-assign]
    solve_next(pilot, mission)
    assert session.state.puzzles["message"].state is PuzzleState.SOLVED
    # The French word would also have been right: the bot typed the English one, by touch.
    assert [str(c.answer).upper() for c in sent if isinstance(c, Submit)] == ["TRUTH"]
