"""Pop-ups are modal screens: they close with a result for whoever opened them."""

from __future__ import annotations

from collections.abc import Callable

from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.desk.screens import FacilitatorPanel, IdlePrompt, PinPad, ResumeScreen
from gardiens.ui.kit.modal import ModalScreen
from gardiens.ui.preview.jump_list import JumpList
from gardiens.ui.screens.accessibility import AccessibilityPanel
from gardiens.ui.screens.play import FeedbackPanel, HintPanel


def test_every_pop_up_is_a_modal_screen() -> None:
    pop_ups = (AccessibilityPanel, FeedbackPanel, HintPanel, IdlePrompt, ResumeScreen, JumpList, PinPad,
               FacilitatorPanel)
    assert [p.__name__ for p in pop_ups if not issubclass(p, ModalScreen)] == []


def test_a_pop_up_hands_its_result_to_whoever_opened_it(launch: Callable[..., Pilot]) -> None:
    # GIVEN the map with the accessibility panel opened by someone who waits for its result
    pilot = launch()
    stage(pilot.app, pilot.clock, screen="map")
    results: list[None] = []
    pilot.app.push(AccessibilityPanel(pilot.app, on_dismiss=results.append))
    pilot.advance()
    # WHEN the team closes it
    pilot.tap("close")
    # THEN it left the stack and its opener heard of it once
    assert results == [None]
    assert pilot.screen == "map"
