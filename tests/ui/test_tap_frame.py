"""A tap that changes only some widgets' looks (a key typed, a choice selected, a switch turned)
repaints only their rectangles: what the window then shows is exactly what a whole repaint would
show, and only those rectangles are sent to the display."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest

from gardiens.core.model import Mission
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.widgets.base import Display
from tests.ui.conftest import MISSION_DIR, display_sent, load
from tests.ui.test_speech import speaking

# Widgets a tap on which leaves the puzzle (or opens a pop-up) or turns its page (the cookie
# banner's button that opens its settings, the feed's page buttons).
LEAVING = {"back", "submit", "hint", "pause", "a11y", "speaker", "page:back", "page:next", "cookie:parametrer",
           "page-next", "page-previous", "tf-next", "tf-previous"}


@pytest.mark.parametrize(("kind", "size"), [("cipher", (1280, 800)), ("text", (1920, 1080)),
                                            ("choice", (1280, 800)), ("text", (1280, 800)),
                                            ("code", (1280, 800)), ("chat", (1920, 1080)),
                                            ("text+voice", (1280, 800)), ("order", (1280, 800)),
                                            ("categorise", (1920, 1080)), ("feed", (1280, 800)),
                                            ("match", (1920, 1080)), ("categorise+voice", (1280, 800)),
                                            ("true_false", (1280, 800)), ("rebuild", (1280, 800)),
                                            ("hotspots", (1920, 1080)), ("settings", (1920, 1080)),
                                            ("password", (1280, 800)), ("cookies", (1920, 1080)),
                                            ("pegi", (1280, 800)), ("ads", (1920, 1080))])
def test_a_tap_repaints_only_what_it_changed_as_a_whole_repaint_would(
        mission: Mission, pilots: list[Pilot], kind: str, size: tuple[int, int],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    voice = kind.endswith("+voice")
    kind = kind.removesuffix("+voice")
    # GIVEN a puzzle of that kind on show (the test mission's, else the bundled mission's)
    folder = MISSION_DIR
    if any(p.type == kind for p in mission.puzzles):
        puzzle = next(p.id for p in mission.puzzles if p.type == kind)
    else:
        mission, folder, puzzle = _bundled(kind)
    pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: folder}, size=size, language="fr")
    pilots.append(pilot)
    app = pilot.app
    stage(app, pilot.clock, puzzle=puzzle)
    if voice:
        # The speaker button shows beside the prompt, its voice silent until asked.
        speaking(pilot, tmp_path)
        assert app.speech is not None and app.speech.button() is not None
    pilot.settle()
    assert app.surface is not None
    sent = display_sent(monkeypatch)
    partial_taps = 0
    # (A widget as large as a card tray or a chat window repaints much of the window when touched.)
    names = [w.name for w in app.top.widgets if w.enabled and not isinstance(w, Display) and w.name not in LEAVING
             and w.rect.w * w.rect.h < size[0] * size[1] / 6]
    assert names
    # WHEN a finger taps one widget after another (each twice: a choice chosen, then let go)
    for name in [n for n in names[:6] for _ in range(2)]:
        if not pilot.has(name):
            continue
        _tap_sent(pilot, name, sent)
        shown = app.surface.copy()
        if sent and all(isinstance(area, pygame.Rect) for area in sent):
            partial_taps += 1
            # THEN what went to the display lies around the widgets that changed, not everywhere
            # (a card picked up changes every box it may go to: the title and prompt stay)
            assert sum(area.w * area.h for area in sent) < size[0] * size[1] * 0.8, (name, sent)
        # AND the window shows what repainting it whole shows
        app.dirty = True
        pilot.advance()
        assert pygame.image.tobytes(shown, "RGB") == pygame.image.tobytes(app.surface, "RGB"), name
    # AND most taps repainted only part of the window
    assert partial_taps >= len(names[:6])


def _tap_sent(pilot: Pilot, name: str, sent: list[Any]) -> None:
    """A finger comes down on `name` and lifts; `sent` then holds what the lift sent to the display."""
    widget = pilot.find(name)
    pilot._finger(pygame.FINGERDOWN, widget.rect.center)
    pilot.advance()
    sent.clear()
    pilot._finger(pygame.FINGERUP, widget.rect.center)
    pilot.advance()


SCENARIOS = Path(__file__).parents[2] / "scenarios"


def _bundled(kind: str) -> tuple[Mission, Path, str]:
    """A bundled mission with a puzzle of `kind`, its folder and that puzzle's id."""
    for folder in sorted(SCENARIOS.iterdir()):
        scenario = folder / "scenario.yaml"
        if scenario.exists():
            found = load(scenario)
            for puzzle in found.puzzles:
                if puzzle.type == kind:
                    return found, folder, puzzle.id
    raise AssertionError(f"no bundled mission has a {kind} puzzle")


def _bundled_on_show(pilots: list[Pilot], kind: str, size: tuple[int, int]) -> Pilot:
    """A bundled mission's puzzle of `kind` on show at `size`, in French, its frames settled."""
    mission, folder, puzzle = _bundled(kind)
    pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: folder}, size=size, language="fr")
    pilots.append(pilot)
    stage(pilot.app, pilot.clock, puzzle=puzzle)
    pilot.settle()
    return pilot


def _same_as_whole(pilot: Pilot) -> bool:
    """Whether the window shows what repainting it whole shows (it is then repainted whole)."""
    app = pilot.app
    assert app.surface is not None
    shown = pygame.image.tobytes(app.surface, "RGB")
    app.dirty = True
    pilot.advance()
    return shown == pygame.image.tobytes(app.surface, "RGB")


@pytest.mark.parametrize(("kind", "size"), [("order", (1280, 800)), ("categorise", (1920, 1080)),
                                            ("feed", (1280, 800)), ("match", (1920, 1080)),
                                            ("categorise", (1280, 720))])
def test_a_dragged_card_moves_over_the_screen_kept_without_it_as_a_whole_repaint_would(
        pilots: list[Pilot], kind: str, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a puzzle of that kind of a bundled mission on show, its first card under a finger
    mission, folder, puzzle = _bundled(kind)
    pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: folder}, size=size, language="fr")
    pilots.append(pilot)
    app = pilot.app
    stage(app, pilot.clock, puzzle=puzzle)
    pilot.settle()
    card = next(w for w in app.top.widgets if w.draggable and w.carried(w.rect.center) is not None)
    x, y = card.rect.center
    pilot._finger(pygame.FINGERDOWN, (x, y))
    pilot.advance()
    sent = display_sent(monkeypatch)
    # WHEN it is dragged across the screen, up to the countdown and the corner button, in small moves
    w, h = size
    path = [(x + 40, y + 30), (x + 90, y + 60), (w // 2, h // 2), (w // 3, h - 60), (w - 80, 40), (60, 50),
            (w // 2, h // 3), (w // 2 + 7, h // 3 + 5)]
    partial = 0
    for index, pos in enumerate(path):
        if index == 3:
            pilot.wait(1.0)  # the countdown's second changes while the card is still
        if index == 5:
            # The countdown's second changes as the card keeps moving, a little each frame
            assert pilot.clock is not None
            pilot.clock.advance(1.0)
            for step in range(61):
                pilot.advance()
                pilot._finger(pygame.FINGERMOTION, (pos[0] + step % 7, pos[1]))
        sent.clear()
        pilot._finger(pygame.FINGERMOTION, pos)
        pilot.advance()
        if sent and all(isinstance(area, pygame.Rect) for area in sent):
            partial += 1
            # THEN only the card's old and new places go to the display
            assert sum(area.w * area.h for area in sent) < w * h / 2
        # AND now and then the window is what a whole repaint shows, the card under the finger
        if index % 3 == 2:
            assert _same_as_whole(pilot), pos
    assert _same_as_whole(pilot)
    # AND every move but the first (the card lifted) and those after a whole repaint was partial
    assert partial >= len(path) - 1 - len(path) // 3
    assert app.frame.lifted is not None
    # AND at the drop, the screen kept without the card is let go of, and only what the drop
    # changed is repainted, as a whole repaint would show it
    # (onto a box, when the view has boxes)
    box = next((x for x in app.top.widgets if x.name.startswith("box:")), None)
    end = box.rect.center if box is not None else (w // 2, h // 3)
    pilot._finger(pygame.FINGERMOTION, end)
    pilot.advance()
    sent.clear()
    pilot._finger(pygame.FINGERUP, end)
    pilot.advance()
    assert app.frame.lifted is None
    assert sent and all(isinstance(area, pygame.Rect) for area in sent)
    assert _same_as_whole(pilot)


def _on_order_puzzle(pilots: list[Pilot]) -> Pilot:
    """A pilot at 1280×800 in French on a bundled ordering puzzle, settled."""
    mission, folder, puzzle = _bundled("order")
    pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: folder}, size=(1280, 800), language="fr")
    pilots.append(pilot)
    stage(pilot.app, pilot.clock, puzzle=puzzle)
    pilot.settle()
    return pilot


def test_the_screen_kept_under_a_dragged_card_goes_with_its_screen(pilots: list[Pilot]) -> None:
    # GIVEN a card being dragged on an ordering puzzle
    pilot = _on_order_puzzle(pilots)
    app = pilot.app
    card = next(w for w in app.top.widgets if w.draggable)
    pilot._finger(pygame.FINGERDOWN, card.rect.center)
    pilot.advance()
    for dy in (40, 80, 120):
        pilot._finger(pygame.FINGERMOTION, (card.rect.centerx, card.rect.centery + dy))
        pilot.advance()
    assert app.frame.lifted is not None
    # WHEN the puzzle closes under the finger
    app.pop(app.top)
    pilot.advance()
    # THEN the copy of its screen is let go of, and a move of the finger repaints what is shown
    assert app.frame.lifted is None
    pilot._finger(pygame.FINGERMOTION, (card.rect.centerx, card.rect.centery + 160))
    pilot.advance()
    assert app.frame.lifted is None


def test_a_second_drag_keeps_its_screen_in_the_copy_the_first_used(pilots: list[Pilot]) -> None:
    # GIVEN an ordering puzzle whose first card was dragged and dropped
    pilot = _on_order_puzzle(pilots)
    app = pilot.app

    def drag(step: int) -> pygame.Surface:
        card = [w for w in app.top.widgets if w.draggable][step]
        x, y = card.rect.center
        pilot._finger(pygame.FINGERDOWN, (x, y))
        pilot.advance()
        for dy in (40, 80, 120):
            pilot._finger(pygame.FINGERMOTION, (x + dy, y + dy))
            pilot.advance()
        kept = app.frame.lifted
        assert kept is not None
        assert _same_as_whole(pilot)
        pilot._finger(pygame.FINGERUP, (x + 120, y + 120))
        pilot.advance()
        assert app.frame.lifted is None
        return kept

    first = drag(0)
    # WHEN another card is dragged
    second = drag(1)
    # THEN its screen is kept in the same full-screen copy, not a new one, and shows as a whole repaint
    assert second is first
    assert _same_as_whole(pilot)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
def test_scrolling_the_chat_repaints_the_conversation_and_its_track_alone(
        pilots: list[Pilot], size: tuple[int, int], monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a chat puzzle on show, its conversation longer than its window
    pilot = _bundled_on_show(pilots, "chat", size)
    app = pilot.app
    assert app.surface is not None and pilot.find("chat-down").enabled
    sent = display_sent(monkeypatch)
    for name in ("chat-down", "chat-up"):
        # WHEN a finger taps an arrow beside the conversation
        _tap_sent(pilot, name, sent)
        # THEN only the conversation, its track and the arrows went to the display
        assert sent and all(isinstance(area, pygame.Rect) for area in sent), name
        assert sum(area.w * area.h for area in sent) < size[0] * size[1] / 2, (name, sent)
        # AND the window shows what repainting it whole shows
        assert _same_as_whole(pilot), name


def test_a_key_repaints_only_the_cipher_strip_cells_its_area_touches(
        pilots: list[Pilot], monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a cipher puzzle on show, its letter strip just above the keyboard
    pilot = _bundled_on_show(pilots, "cipher", (1920, 1080))
    app = pilot.app
    from gardiens.ui.puzzles import cipher

    panels: list[pygame.Rect] = []
    panel = cipher.panel
    monkeypatch.setattr(cipher, "panel", lambda surface, rect, *a, **k: (panels.append(rect), panel(surface, rect, *a, **k)))
    key = next(w.name for w in app.top.widgets if w.name.startswith("key:"))
    # WHEN a finger comes down on a key of the top row and lifts
    pilot._finger(pygame.FINGERDOWN, pilot.find(key).rect.center)
    pilot.advance()
    pilot._finger(pygame.FINGERUP, pilot.find(key).rect.center)
    pilot.advance()
    # THEN the repaints drew a few of the strip's 52 cells, not all of them each time
    assert 0 < len(panels) < 26, len(panels)
    # AND the window shows what repainting it whole shows, every cell drawn
    panels.clear()
    assert _same_as_whole(pilot)
    assert len(panels) > 52


def test_scrolling_the_chat_copies_its_conversation_drawn_once(
        pilots: list[Pilot], monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a chat puzzle on show, its conversation longer than its window, drawn whole off
    # screen as the preparation of a puzzle does
    pilot = _bundled_on_show(pilots, "chat", (1920, 1080))
    app = pilot.app
    from gardiens.ui.puzzles import chat

    assert app.surface is not None
    view = app.top.view
    assert isinstance(view, chat.ChatView)
    view.ahead(app.surface.copy())
    bubbles: list[pygame.Rect] = []
    panel = chat.panel
    monkeypatch.setattr(chat, "panel", lambda surface, rect, *a, **k: (bubbles.append(rect), panel(surface, rect, *a, **k)))
    # WHEN a finger taps the arrow that scrolls it down, then the one that scrolls it back up
    for name in ("chat-down", "chat-up"):
        pilot.tap(name)
        pilot.settle()
    # THEN no bubble was drawn again: the part on show was copied from the conversation drawn once
    assert bubbles == []
    # AND the texts on show are reported where a whole repaint sets them
    app.dirty = True
    pilot.advance()
    shown = {fit.name for fit in app.type.report if fit.name.startswith("chat-message:")}
    assert shown and _same_as_whole(pilot)


def test_a_chat_drawn_first_with_its_texts_put_off_reports_its_messages_after(pilots: list[Pilot]) -> None:
    # GIVEN a chat puzzle drawn off screen as preparation draws it: its texts put off, each set
    # later in a slice of its own
    pilot = _bundled_on_show(pilots, "chat", (1920, 1080))
    app = pilot.app
    assert app.surface is not None
    whole = [fit.name for fit in app.type.report if fit.name.startswith("chat-message:")]
    from gardiens.ui.screens.play import PuzzleScreen

    assert isinstance(app.top, PuzzleScreen)
    screen = PuzzleScreen(app, app.top.puzzle)
    screen.layout()
    scratch = app.surface.copy()
    blocks: list[Any] = []
    app.type.deferred = blocks
    try:
        screen.draw(scratch)
    finally:
        app.type.deferred = None
    for block in blocks:
        block()
    screen.view.ahead(scratch)
    # WHEN it is then drawn as shown
    app.type.report = []
    screen.draw(scratch)
    # THEN the messages on show are reported, as when it was drawn without preparation
    assert whole and [fit.name for fit in app.type.report if fit.name.startswith("chat-message:")] == whole


def test_a_chat_not_prepared_draws_only_the_messages_on_show(
        pilots: list[Pilot], monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a chat puzzle opened before any preparation drew it (a team that taps at once)
    mission, folder, puzzle = _bundled("chat")
    pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: folder}, size=(1920, 1080), language="fr")
    pilots.append(pilot)
    from gardiens.ui.puzzles import chat

    bubbles: list[pygame.Rect] = []
    panel = chat.panel
    monkeypatch.setattr(chat, "panel", lambda surface, rect, *a, **k: (bubbles.append(rect), panel(surface, rect, *a, **k)))
    # WHEN it shows
    stage(pilot.app, pilot.clock, puzzle=puzzle)
    pilot.settle()
    # THEN its frames drew the messages in the conversation's window, not the whole conversation
    view = pilot.app.top.view
    assert isinstance(view, chat.ChatView) and view.max_scroll > 0
    assert bubbles and all(rect.y < view.window.bottom for rect in bubbles)
