"""The feedback pop-up after an answer: nothing it says is shrunk or cut; what the screen cannot
hold goes on pages the team turns with big arrows."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from gardiens.core.checkers import Explanation, Verdict
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.screens.play import FeedbackPanel, HintPanel
from gardiens.ui.text import TEXT_FLOORS

LONG = ("Explication numéro {n}, un réglage trop ouvert laisse des inconnus voir ce que vous publiez, "
        "alors gardez-le pour vos amis et demandez à un adulte en cas de doute.")


def wrong_answer(pilot: Pilot, count: int) -> FeedbackPanel:
    """The feedback of a wrong answer with `count` long explanations, over the puzzle screen."""
    stage(pilot.app, pilot.clock, puzzle="vrai-faux")
    puzzle = pilot.app.top.puzzle  # type: ignore[union-attr]
    details = tuple(Explanation(None, None, False, LONG.format(n=n + 1)) for n in range(count))
    panel = FeedbackPanel(pilot.app, puzzle, Verdict(False, "Certains réglages laissent encore passer le Brouillard.",
                                                      details, score=(0, count)), [])
    pilot.app.push(panel)
    pilot.settle()
    return panel


def drawn(pilot: Pilot) -> list[str]:
    return [fit.text for fit in pilot.fits() if fit.name == "feedback-detail"]


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
def test_many_explanations_are_paged_never_cut(launch: Callable[..., Pilot], size: tuple[int, int]) -> None:
    # GIVEN a wrong answer with eight long explanations
    pilot = launch(size=size)
    wrong_answer(pilot, 8)
    scale = size[1] / 1080
    # WHEN the team turns the pages to the end
    seen: list[str] = []
    first = [fit.name for fit in pilot.fits()]
    assert "feedback-message" in first and "feedback-score" in first
    while True:
        fits = [fit for fit in pilot.fits() if fit.name.startswith("feedback-")]
        # THEN each page's texts fit at their full size, and each explanation shows once
        for fit in fits:
            assert fit.fit and not fit.cut and not fit.shrunk, fit
            assert fit.size >= TEXT_FLOORS[fit.kind] * scale, fit
        seen += drawn(pilot)
        for name in ("feedback-previous", "feedback-next", "continue"):
            assert pilot.find(name).rect.h >= 64 * scale
        if not pilot.find("feedback-next").enabled:
            break
        assert pilot.app.top is not None and pilot.app.top.focus == "feedback-next"
        pilot.tap("feedback-next")
    assert seen == [LONG.format(n=n + 1) for n in range(8)]
    assert pilot.app.top is not None and pilot.app.top.focus == "continue"
    # AND the team can go back, or leave from any page
    pilot.tap("feedback-previous")
    pilot.tap("continue")
    assert pilot.screen.startswith("puzzle")


def test_a_short_feedback_has_no_pages(launch: Callable[..., Pilot]) -> None:
    pilot = launch(size=(1280, 800))
    wrong_answer(pilot, 1)
    assert drawn(pilot) == [LONG.format(n=1)]
    assert not pilot.has("feedback-next") and not pilot.has("feedback-previous")
    assert not [fit for fit in pilot.fits() if fit.name == "feedback-page"]


def test_hints_that_do_not_all_fit_are_paged_the_latest_shown(launch: Callable[..., Pilot]) -> None:
    # GIVEN three long hints shown, in the pseudo-locale (longer texts) at 1280×800
    from gardiens.i18n.pseudo import PSEUDO_LANGUAGE

    pilot = launch(size=(1280, 800), language=PSEUDO_LANGUAGE)
    stage(pilot.app, pilot.clock, screen="hints", puzzle="vrai-faux")
    pilot.settle()
    panel = pilot.app.top
    assert isinstance(panel, HintPanel)
    panel.shown = lambda: [LONG.format(n=n + 1) for n in range(3)]  # type: ignore[method-assign]
    panel.refresh()
    # THEN every hint drawn fits whole, the latest first, and the arrows bring back the others
    def hints() -> list[str]:
        fits = [fit for fit in pilot.fits() if fit.name == "hint-step"]
        assert all(fit.fit and not fit.cut for fit in fits), fits
        return [fit.text for fit in fits]

    assert hints()[-1] == LONG.format(n=3)
    assert pilot.has("hint-previous") and not pilot.find("hint-next").enabled
    seen = hints()
    while pilot.find("hint-previous").enabled:
        pilot.tap("hint-previous")
        seen = hints() + seen
    assert seen == [LONG.format(n=n + 1) for n in range(3)]
