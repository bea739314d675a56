"""The layout audit finds what it must on a small staged screen, and nothing on a clean one."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from gardiens.cli import main
from gardiens.core.library import load_library
from gardiens.testing.audit import (
    ALL_SCREENS,
    FINDING_KINDS,
    Finding,
    Problem,
    Scene,
    group_findings,
    inspect,
    look,
    plan,
    run_audit,
    still,
)
from gardiens.testing.pilot import Pilot
from gardiens.ui.kit.screen import Screen
from gardiens.ui.text import TextFit
from gardiens.ui.theme import Settings, Spacing
from gardiens.ui.widgets.base import Button
from tests.ui.conftest import MISSION_DIR

SIZE = (1920, 1080)


class Staged(Screen):
    """A screen drawing given texts (text, box, size role) over given buttons."""

    name = "staged"
    shows_accessibility = False

    def __init__(self, app: Pilot, texts: list[tuple[str, pygame.Rect, str]], buttons: list[Button]) -> None:
        super().__init__(app.app)
        self.texts = texts
        self.buttons = buttons

    def layout(self) -> None:
        self.widgets = list(self.buttons)

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((255, 255, 255))
        for text, box, role in self.texts:
            self.app.type.block(surface, text, box, size=self.app.metrics.text(role), color=(0, 0, 0))
        self.draw_widgets(surface)


def problems_of(launch: Callable[..., Pilot], texts: list[tuple[str, pygame.Rect, str]],
                buttons: list[Button], size: tuple[int, int] = SIZE) -> list[Problem]:
    pilot = launch(size=size)
    pilot.app.push(Staged(pilot, texts, buttons))
    return look(pilot)


def test_a_clean_screen_has_no_finding(launch: Callable[..., Pilot]) -> None:
    # GIVEN a reading text and a button holding its own label, apart
    texts = [("Lis bien la consigne.", pygame.Rect(100, 100, 900, 120), "body")]
    buttons = [Button("ok", pygame.Rect(100, 400, 400, 120), "Valider")]
    # THEN nothing is found (the label inside its button is no overlap)
    assert problems_of(launch, texts, buttons) == []


def test_each_kind_of_problem_is_found(launch: Callable[..., Pilot]) -> None:
    # GIVEN a small text, a cut text, two texts on top of each other, a tiny button and a text
    # running off the bottom of the screen
    texts = [
        ("Petit texte à lire", pygame.Rect(100, 100, 600, 60), "small"),
        ("Une phrase bien trop longue pour la toute petite boîte qu'on lui donne ici", pygame.Rect(100, 200, 200, 50), "body"),
        ("Premier", pygame.Rect(1000, 100, 400, 80), "body"),
        ("Second", pygame.Rect(1050, 120, 400, 80), "body"),
        ("Tout en bas", pygame.Rect(100, 1060, 600, 80), "body"),
    ]
    buttons = [Button("tiny", pygame.Rect(1500, 600, 40, 200), "")]
    # WHEN the screen is audited, and a text is reported under its floor
    found = problems_of(launch, texts, buttons)
    small = inspect([TextFit("p", "Petit texte à lire", (0, 0, 600, 60), 20, 20, 1, True, "reading",
                             (0, 0, 300, 20))], [], (1280, 800))
    kinds = {(p.kind, p.subject, p.other) for p in found}
    # THEN each one is found, with its text
    assert any(kind == "cut" and subject.startswith("Une phrase") for kind, subject, _ in kinds)
    assert ("overlap", "Premier", "Second") in kinds
    assert ("small-target", "tiny", "") in kinds
    assert ("off-screen", "Tout en bas", "") in kinds
    assert [(p.kind, p.subject, p.measured, p.floor, p.detail) for p in small] == [
        ("small-text", "Petit texte à lire", 20, 21, "reading")]


def test_a_text_across_a_button_overlaps_it(launch: Callable[..., Pilot]) -> None:
    # GIVEN a text starting on a button (above its label) and running past its right edge
    texts = [("Par-dessus le bouton", pygame.Rect(300, 405, 900, 50), "body")]
    buttons = [Button("ok", pygame.Rect(100, 400, 400, 200), "Valider"),
               Button("inner", pygame.Rect(600, 600, 100, 100), ""),
               Button("outer", pygame.Rect(550, 550, 300, 300), "")]
    found = problems_of(launch, texts, buttons)
    # THEN the text spilling over the button is found; the button inside another is not
    assert [(p.kind, p.subject, p.other) for p in found] == [("overlap", "Par-dessus le bouton", "ok")]


def test_the_typesetter_lifts_a_small_role_to_the_floor_of_the_window(launch: Callable[..., Pilot]) -> None:
    # GIVEN 1280×800, where the layout's scale (2/3) would set the small role at 20 px while the
    # reading floor, scaled by the height, is 21 px
    texts = [("Petit texte à lire", pygame.Rect(100, 100, 600, 60), "small")]
    # THEN it is drawn at the floor, and nothing is found
    assert problems_of(launch, texts, [], size=(1280, 800)) == []


def test_two_targets_that_cross_overlap() -> None:
    targets = [("a", pygame.Rect(0, 0, 200, 200)), ("b", pygame.Rect(100, 100, 200, 200))]
    assert inspect([], targets, SIZE) == [Problem("overlap", "a", other="b")]


def test_what_only_shows_something_may_be_smaller_than_a_finger() -> None:
    # A scroll track beside a chat shows where the conversation is; no finger touches it.
    targets = [("chat-track", pygame.Rect(900, 200, 11, 300)), ("thin-button", pygame.Rect(950, 200, 11, 300))]
    problems = inspect([], targets, (1280, 800), shows=["chat-track"])
    assert [p.subject for p in problems if p.kind == "small-target"] == ["thin-button"]


def test_a_text_reported_as_a_label_has_the_label_floor() -> None:
    label = TextFit("n", "12", (0, 0, 100, 40), 23, 23, 1, True, "label", (0, 0, 30, 20))
    reading = TextFit("r", "Lire", (0, 100, 100, 40), 25, 25, 1, True, "reading", (0, 100, 30, 20))
    found = inspect([label, reading], [], SIZE)
    assert [(p.subject, p.floor) for p in found] == [("12", 24), ("Lire", 28)]


def test_theme_roles_say_reading_or_label(launch: Callable[..., Pilot]) -> None:
    pilot = launch()
    surface = pygame.Surface(SIZE)
    m = pilot.app.metrics
    pilot.app.type.report = []
    pilot.app.type.block(surface, "Corps", pygame.Rect(0, 0, 400, 80), size=m.text("body"), color=(0, 0, 0))
    pilot.app.type.block(surface, "Titre", pygame.Rect(0, 100, 800, 120), size=m.text("title"), color=(0, 0, 0))
    pilot.app.type.line(surface, "42", (0, 300), size=40, color=(0, 0, 0))
    pilot.app.type.block(surface, "Dit", pygame.Rect(0, 400, 400, 80), size=30, color=(0, 0, 0), kind="label")
    assert [(f.text, f.kind) for f in pilot.app.type.report] == [
        ("Corps", "reading"), ("Titre", "label"), ("42", "label"), ("Dit", "label")]
    # The ink lies inside the box, below its top: the letters, not the line's spacing
    x, y, w, h = pilot.app.type.report[0].ink
    assert x >= 0 and y > 0 and w < 400 and h < 80


def test_the_same_problem_at_three_steps_is_one_group() -> None:
    problem = Problem("cut", "Mettre en pause", detail="ellipsised")
    findings = [Finding(problem, Scene("panel", mission="m", step=step)) for step in (2, 0, 1)]
    findings.append(Finding(Problem("overlap", "a", other="b"), Scene("map", mission="m")))
    groups = group_findings(findings)
    assert [(g.screen, g.kind, len(g.findings)) for g in groups] == [("map", "overlap", 1), ("panel", "cut", 3)]
    assert [s.step for s in groups[1].scenes] == [0, 1, 2]


def test_the_command_reports_and_fails_on_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # GIVEN the test mission, whose every text fits, and a copy with a puzzle title far too long
    # for its tile on the map and its puzzle's top bar
    folder = tmp_path / "essai-ui"
    shutil.copytree(MISSION_DIR, folder)
    scenario = folder / "scenario.yaml"
    # (as long as a title may be: a longer one is refused by validation before any screen)
    long_title = "Le message codé que personne ne sait lire, même les Gardiens les plus malins"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace('"Le message codé"', f'"{long_title}"'),
                        encoding="utf-8")
    arguments = ["--lang", "fr", "--size", "1280x800", "--step", "0", "--spacing", "normal"]
    # WHEN both are audited in one language, size, step and spacing
    clean = main(["audit", str(MISSION_DIR), *arguments])
    capsys.readouterr()
    status = main(["audit", str(folder), *arguments, "--json", str(tmp_path / "audit.json")])
    out = capsys.readouterr().out
    rows = json.loads((tmp_path / "audit.json").read_text(encoding="utf-8"))
    # THEN the clean one passes; the other says what it found, screen by screen, and exits 1
    assert clean == 0
    assert status == 1
    assert "== " in out and "texte coupé" in out and "Le message codé" in out
    assert rows and {row["kind"] for row in rows} <= set(FINDING_KINDS)
    assert {row["size"][0] for row in rows} == {1280} and {row["language"] for row in rows} == {"fr"}


def test_the_command_refuses_an_unknown_mission(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "pas-une-mission"]) == 2
    assert "pas-une-mission" in capsys.readouterr().err


# The in-suite coverage of the audit: every screen and every puzzle of every bundled mission, in
# both languages at the tightest size (1280×800, where the floors weigh most against the layout)
# and in French with the largest text; the CLI keeps the whole matrix. French at the first text
# size is the reduced-motion test's (below), which inspects the same layouts.
# Wide spacing: both languages at 1280x800, and with the largest text at both sizes (the tightest
# fit of every screen). `gardiens audit` with no option renders the whole matrix (both spacings,
# every step, both sizes and languages) and finds nothing either.
SUITE_COVERAGE: tuple[tuple[str, tuple[int, int], int, Spacing], ...] = (
    ("en", (1280, 800), 0, "normal"), ("fr", (1280, 800), 2, "normal"),
    ("en", (1280, 800), 0, "wide"), ("fr", (1280, 800), 0, "wide"), ("en", (1280, 800), 2, "wide"),
    ("fr", (1280, 800), 2, "wide"), ("fr", (1920, 1080), 2, "wide"), ("en", (1920, 1080), 2, "wide"))


def test_the_audit_plans_every_screen_and_puzzle_of_every_bundled_mission() -> None:
    library = load_library()
    planned = plan({mid: mission for mid, (mission, _path) in library.items()}, languages=("fr",),
                   sizes=((1280, 800),), steps=(0,), spacings=("normal",))
    assert {(s.mission, s.puzzle) for s in planned if s.screen == "puzzle"} == {
        (mid, p.id) for mid, (mission, _path) in library.items() for p in mission.puzzles}
    assert {s.screen for s in planned} == set(ALL_SCREENS)


# One test a setting, so that the suite's workers share them.
@pytest.mark.parametrize(("language", "size", "step", "spacing"), SUITE_COVERAGE,
                         ids=[f"{lang}-{w}x{h}-{step}-{spacing}" for lang, (w, h), step, spacing in SUITE_COVERAGE])
def test_no_bundled_screen_has_a_finding(language: str, size: tuple[int, int], step: int, spacing: Spacing) -> None:
    library = load_library()
    # Reduced motion moves nothing of a layout: what stands still is a test of its own (below).
    result = run_audit(library, languages=(language,), sizes=(size,), steps=(step,), spacings=(spacing,),
                       motions=("normal",))
    assert result.renders > 0
    groups = group_findings(result.findings)
    assert not groups, [(g.screen, g.kind, g.mission, g.puzzle, g.subject, g.other, g.detail) for g in groups[:40]]


@pytest.mark.parametrize("reduced", [False, True])
def test_what_moves_on_its_own_is_found_unless_motion_is_reduced(launch: Callable[..., Pilot],
                                                                 reduced: bool) -> None:
    # GIVEN the attract screen, whose beam sweeps the fog, settled
    pilot = launch(settings=Settings(reduced_motion=reduced))
    pilot.settle()
    assert pilot.screen == "attract"
    # THEN what moved over a second and a half is found, in its place, only with motion on
    moving = still(pilot)
    assert all(problem.kind == "moving" for problem in moving)
    assert bool(moving) is not reduced


def test_with_reduced_motion_no_bundled_screen_moves_on_its_own_or_has_a_finding() -> None:
    result = run_audit(load_library(), languages=("fr",), sizes=((1280, 800),), steps=(0,),
                       spacings=("normal",), motions=("reduced",))
    assert result.renders > 0
    groups = group_findings(result.findings)
    assert not groups, [(g.kind, g.screen, g.mission, g.puzzle, g.subject) for g in groups[:20]]


def test_reduced_motion_is_planned_once_per_language_and_size() -> None:
    library = {mid: mission for mid, (mission, _path) in load_library().items()}
    scenes = plan(library, languages=("fr",), sizes=((1280, 800),), steps=(0, 2), spacings=("normal", "wide"))
    reduced = [s for s in scenes if s.motion == "reduced"]
    assert reduced and {(s.step, s.spacing) for s in reduced} == {(0, "normal")}
    assert len([s for s in scenes if s.motion == "normal"]) == 4 * len(reduced)
