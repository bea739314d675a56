"""Learning from success: after a right answer the team can browse why each item is what it is,
and skip at any time; a wrong answer keeps its own explanations."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from gardiens.core.checkers import Explanation, Truth, Verdict
from gardiens.core.session import PuzzleState
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.screens.play import FeedbackPanel
from gardiens.ui.text import TEXT_FLOORS


def feedback(pilot: Pilot) -> FeedbackPanel:
    top = pilot.app.top
    assert isinstance(top, FeedbackPanel)
    return top


def shown(pilot: Pilot, name: str) -> list[str]:
    """The texts drawn under `name`, the screen redrawn."""
    return [fit.text for fit in pilot.fits() if fit.name == name]


def test_a_right_answer_offers_why_and_browses_one_card_per_statement(launch: Callable[..., Pilot]) -> None:
    # GIVEN a right answer to three true/false statements
    pilot = launch()
    stage(pilot.app, pilot.clock, screen="success", puzzle="vrai-faux")
    pilot.settle()
    assert pilot.has("why") and pilot.has("continue")
    # WHEN the team asks why
    pilot.tap("why")
    # THEN the first card shows the statement, its side in the puzzle's words and the explanation
    assert shown(pilot, "why-counter") == ["1 / 3"]
    assert shown(pilot, "why-item") == ["Une info partagée mille fois est forcément vraie."]
    assert shown(pilot, "why-answer") == ["Intox"]
    assert shown(pilot, "why-explanation") == ["Le nombre de partages ne prouve rien."]
    assert not pilot.find("why-previous").enabled
    pilot.tap("why-next")
    pilot.tap("why-next")
    assert shown(pilot, "why-counter") == ["3 / 3"]
    assert shown(pilot, "why-answer") == ["Info"]
    assert not pilot.find("why-next").enabled
    assert pilot.app.top is not None and pilot.app.top.focus == "continue"
    pilot.tap("why-previous")
    assert shown(pilot, "why-counter") == ["2 / 3"]


def test_continue_skips_the_cards_at_any_time(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    stage(pilot.app, pilot.clock, screen="why", puzzle="vrai-faux")
    pilot.settle()
    assert shown(pilot, "why-counter") == ["1 / 3"]
    pilot.tap("continue")
    pilot.settle()
    assert pilot.screen == "map"
    assert pilot.app.state.puzzles["vrai-faux"].state is PuzzleState.SOLVED


def test_a_right_choice_explains_the_choice_not_to_make(launch: Callable[..., Pilot]) -> None:
    pilot = launch(language="en")
    stage(pilot.app, pilot.clock, screen="why", puzzle="choix", language="en")
    pilot.settle()
    assert shown(pilot, "why-counter") == ["1 / 1"]
    assert shown(pilot, "why-answer") == ["Not the right choice"]


def test_a_puzzle_with_nothing_to_explain_offers_no_why(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    stage(pilot.app, pilot.clock, screen="success", puzzle="message")
    pilot.settle()
    assert pilot.has("continue") and not pilot.has("why")


def test_a_wrong_answer_keeps_its_explanations_and_offers_no_why(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    stage(pilot.app, pilot.clock, screen="feedback", puzzle="vrai-faux")
    pilot.settle()
    assert not pilot.has("why")
    details = shown(pilot, "feedback-detail")
    assert details and set(details) <= {
        "Le nombre de partages ne prouve rien.",
        "Une vieille photo peut être ressortie.",
        "Les images générées existent.",
    }


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
def test_why_cards_are_readable_and_their_buttons_big(launch: Callable[..., Pilot],
                                                      size: tuple[int, int]) -> None:
    pilot = launch(size=size)
    stage(pilot.app, pilot.clock, screen="why", puzzle="vrai-faux")
    pilot.settle()
    scale = size[1] / 1080
    texts = [fit for fit in pilot.fits() if fit.name.startswith("why-")]
    assert {fit.name for fit in texts} >= {"why-item", "why-answer", "why-explanation", "why-counter"}
    for fit in texts:
        assert fit.fit and not fit.cut and not fit.shrunk, fit.name
        assert fit.size >= TEXT_FLOORS[fit.kind] * scale, fit.name
    assert next(f for f in texts if f.name == "why-explanation").kind == "reading"
    for name in ("why-previous", "why-next", "continue"):
        assert pilot.find(name).rect.h >= 64 * scale


def test_an_explanation_too_long_for_its_card_goes_on_over_the_next_sheet(launch: Callable[..., Pilot]) -> None:
    # GIVEN a right answer whose first item has an explanation longer than a card holds
    pilot = launch(size=(1280, 800))
    stage(pilot.app, pilot.clock, puzzle="vrai-faux")
    puzzle = pilot.app.top.puzzle  # type: ignore[union-attr]
    long = " ".join(f"Phrase {n} d'une explication qui n'en finit pas." for n in range(1, 31))
    details = (Explanation("Une info partagée mille fois est forcément vraie.", Truth.FALSE, True, long),
               Explanation("Les images générées existent.", Truth.TRUE, True, "Une courte explication."))
    panel = FeedbackPanel(pilot.app, puzzle, Verdict(True, "Bravo.", details), [])
    pilot.app.push(panel)
    pilot.settle()
    pilot.tap("why")
    # WHEN the team reads on with « Suivant »
    read: list[str] = []
    while shown(pilot, "why-counter") == ["1 / 2"]:
        fits = [fit for fit in pilot.fits() if fit.name.startswith("why-")]
        assert all(fit.fit and not fit.cut for fit in fits), fits
        read += shown(pilot, "why-explanation")
        pilot.tap("why-next")
    # THEN it read the whole explanation, in more than one sheet, before the next card
    assert len(read) > 1
    assert " ".join(read) == long
    assert shown(pilot, "why-explanation") == ["Une courte explication."]
    pilot.tap("why-previous")
    assert shown(pilot, "why-counter") == ["1 / 2"]
