"""The debrief screen: a timeline that fits whatever the team did, the help of the mission, and
the discussion questions a tap away."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import combinations

import pygame
import pytest

from gardiens.core.session import DebriefData, PuzzleReport, PuzzleState
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.screens.ending import DebriefScreen, QuestionsPanel
from gardiens.ui.text import TEXT_FLOORS
from gardiens.ui.theme import Settings

PUZZLES = 16


def crowded(data: DebriefData) -> DebriefData:
    """The staged debrief, as if the mission had 16 puzzles and the team had tried the first
    one 50 times with 20 hints, and every other one many times too."""
    states = [PuzzleState.SOLVED] * 12 + [PuzzleState.SKIPPED] * 2 + [PuzzleState.AVAILABLE] * 2
    reports = tuple(
        PuzzleReport(f"p{i}", state, 50 if i == 0 else 30 + i, 20 if i == 0 else 1 + i % 7,
                     60.0 * i if state is not PuzzleState.AVAILABLE else None)
        for i, state in enumerate(states)
    )
    return replace(data, puzzles=reports, hints_used=sum(r.hints for r in reports), solved=14)


def debrief_with(pilot: Pilot, monkeypatch: pytest.MonkeyPatch, change: Callable[[DebriefData], DebriefData],
                 language: str | None = None) -> DebriefScreen:
    assert pilot.clock is not None
    stage(pilot.app, pilot.clock, screen="debrief", language=language)
    pilot.advance()
    data = pilot.app.session.debrief()
    assert data is not None
    changed = change(data)
    monkeypatch.setattr(pilot.app.session, "debrief", lambda: changed)
    screen = pilot.app.top
    assert isinstance(screen, DebriefScreen)
    return screen


@pytest.mark.parametrize(("size", "step"), [((1920, 1080), 0), ((1280, 800), 0), ((1920, 1080), 2),
                                            ((1280, 800), 2)])
def test_the_timeline_holds_sixteen_puzzles_fifty_tries_and_twenty_hints(
    launch: Callable[..., Pilot], monkeypatch: pytest.MonkeyPatch, size: tuple[int, int], step: int
) -> None:
    # GIVEN a debrief of 16 puzzles, one tried 50 times with 20 hints
    pilot = launch(size=size, settings=Settings(text_step=step))
    screen = debrief_with(pilot, monkeypatch, crowded)
    drawn: list[tuple[pygame.Rect, int, int]] = []
    draw_timeline = screen.draw_timeline

    def recorded(surface: pygame.Surface, data: DebriefData, box: pygame.Rect) -> None:
        start = len(pilot.app.type.report)
        draw_timeline(surface, data, box)
        drawn.append((box, start, len(pilot.app.type.report)))

    monkeypatch.setattr(screen, "draw_timeline", recorded)
    # WHEN the screen is drawn
    surface = pygame.Surface(pilot.app.size)
    screen.draw(surface)
    # THEN each puzzle has one mark, counts are written once, and every mark and text of the
    # timeline lies inside it, none over another, none under the labels' floor
    [(box, start, end)] = drawn
    texts = pilot.app.type.report[start:end]
    written = [t.text for t in texts]
    assert written.count("×50") == 1 and written.count("×20") == 1
    assert len([t for t in written if t.isdigit()]) == PUZZLES
    marks = screen.timeline_marks
    rings = [m for m in marks if m.w == marks[-1].w and m.h == marks[-1].h]
    assert len(rings) >= PUZZLES
    inks = [pygame.Rect(t.ink) for t in texts]
    floor = round(TEXT_FLOORS["label"] * size[1] / 1080)
    for text in texts:
        assert text.size >= floor, text
        assert not text.cut, text
    for rect in [*marks, *inks]:
        assert box.contains(rect), (rect, box)
    for a, b in combinations([*marks, *inks], 2):
        assert not a.colliderect(b), (a, b)


def test_the_timeline_and_the_cards_above_it_do_not_meet(
    launch: Callable[..., Pilot], monkeypatch: pytest.MonkeyPatch
) -> None:
    pilot = launch(size=(1280, 800), settings=Settings(text_step=2))
    screen = debrief_with(pilot, monkeypatch, crowded)
    surface = pygame.Surface(pilot.app.size)
    pilot.app.type.report.clear()
    screen.draw(surface)
    texts = {t.name: pygame.Rect(t.ink) for t in pilot.app.type.report}
    top_of_timeline = texts["timeline-title"].top
    above = [t for t in pilot.app.type.report if t.name in ("help", "help-name", "key-message", "fact")]
    assert above
    for text in above:
        assert pygame.Rect(text.ink).bottom < top_of_timeline, text


def test_the_help_card_shows_the_theme_help_in_the_team_language(
    launch: Callable[..., Pilot], monkeypatch: pytest.MonkeyPatch
) -> None:
    pilot = launch(language="en")
    screen = debrief_with(pilot, monkeypatch, lambda data: data, language="en")
    assert pilot.app.mission is not None and pilot.app.mission.theme == "infox"
    resources = screen.help_resources()
    assert [icon for icon, _title, _text in resources] == ["search", "search", "adult"]
    assert resources[0][1] == "CLEMI"


def test_the_questions_open_one_at_a_time_and_close(
    launch: Callable[..., Pilot], monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN the debrief of a mission with discussion questions
    pilot = launch()
    debrief_with(pilot, monkeypatch, lambda data: data)
    # WHEN the facilitator taps « Questions »
    pilot.tap("questions")
    pilot.advance()
    panel = pilot.app.top
    # THEN the first question shows, the next one is a tap away, and closing returns to the debrief
    assert isinstance(panel, QuestionsPanel)
    questions = panel.questions
    assert len(questions) >= 2
    pilot.app.type.report.clear()
    pilot.advance()
    panel.draw(pygame.Surface(pilot.app.size))
    shown = [t.text for t in pilot.app.type.report if t.name == "question"]
    assert shown == [pilot.app.type.shape(questions[0])]
    pilot.tap("next")
    assert panel.index == 1
    pilot.tap("close")
    pilot.advance()
    assert pilot.screen == "debrief"


@pytest.mark.parametrize(("size", "step"), [((1920, 1080), 0), ((1280, 800), 2)])
def test_every_key_message_and_help_is_shown_whole_page_by_page(
    launch: Callable[..., Pilot], monkeypatch: pytest.MonkeyPatch, size: tuple[int, int], step: int
) -> None:
    # GIVEN the debrief, with the largest text in the smaller window too
    pilot = launch(size=size, settings=Settings(text_step=step))
    screen = debrief_with(pilot, monkeypatch, lambda data: data)
    wanted = {entry.text for entry in screen.entries()}
    seen: set[str] = set()
    # WHEN every card is turned to its last page
    for _turn in range(12):
        pilot.app.type.report.clear()
        screen.draw(pygame.Surface(pilot.app.size))
        report = pilot.app.type.report
        # THEN each page's texts are whole and at least at the reading floor
        for fit in report:
            if fit.name in ("key-message", "help", "help-name"):
                assert fit.fit and not fit.cut, fit
                assert fit.size >= round(TEXT_FLOORS["reading"] * size[1] / 1080), fit
                if fit.name != "help-name":
                    seen.add(fit.text)
        ahead = [w for w in screen.widgets if w.name.endswith("-next") and w.enabled]
        if not ahead:
            break
        for button in ahead:
            pilot.tap(button.name)
    # AND every key message and help text was on some page
    assert len(seen) == len(wanted) > 0
