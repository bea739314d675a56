"""The mission map is a scene: each puzzle a spot whose title and state word are whole and apart
from every other spot, whatever the count of puzzles (3 to 20), the window and the text size,
with or without the author's picture; the scene comes back to life as puzzles are solved."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pygame
import pytest

from gardiens.core import checkers
from gardiens.core.commands import Submit
from gardiens.core.model import Mission, Scene, StoryEvent
from gardiens.core.session import PuzzleProgress, PuzzleState, SessionState
from gardiens.testing.audit import SIZES, look
from gardiens.testing.pilot import Pilot
from gardiens.ui.frame import LAYOUTS_KEPT
from gardiens.ui.screens import play
from gardiens.ui.screens.play import MapScreen, PuzzleSpot, adversary_spoke
from gardiens.ui.theme import TEXT_STEPS, TOUCH
from tests.ui.conftest import MISSION_DIR, launch_staged

# Titles of the length authors write, for the puzzles added to the test mission.
TITLES = [
    "Qui a publié cette photo ?",
    "Le compte qui n'existait pas",
    "Vrai, faux ou à vérifier ?",
    "Le site qui se moque de tout",
    "Une vidéo sortie de son contexte",
    "La rumeur du collège",
    "Le titre trop beau pour être vrai",
    "Remonter le temps",
    "La capture d'écran",
    "Le faux compte officiel",
    "Une date qui cloche",
    "Le montage photo",
]

Map = Callable[..., Pilot]


def crowded(mission: Mission, count: int, *, scene: bool = False) -> Mission:
    """The test mission with `count` puzzles (at most 20), its goal last: its own puzzles, then
    copies of them under new titles, each opened by the first puzzle. With `scene`, every puzzle
    has a spot on the test picture, some of them too close to each other."""
    goal = mission.puzzle(mission.goal)
    others = [p for p in mission.puzzles if p.id != mission.goal]
    copies = [
        p.model_copy(update={"id": f"bis{i}-{p.id}", "title": title, "requires": [others[0].id],
                             "rewards": [r.model_copy(update={"id": f"bis{i}-{r.id}"}) for r in p.rewards]})
        for i, (p, title) in enumerate(zip(itertools.cycle(others), TITLES, strict=False))]
    puzzles = [*others, *copies][: count - 1]
    first = puzzles[0] if puzzles else goal
    goal = goal.model_copy(update={"requires": [first.id] if puzzles else []})
    grown = mission.model_copy(update={"puzzles": [*puzzles, goal]})
    if scene:
        # A 5 × 4 grid of spots in the safe area, every other one pushed towards its neighbour.
        spots = {p.id: (14.0 + 18 * (i % 5) + 6 * (i % 2), 20.0 + 20 * (i // 5))
                 for i, p in enumerate(grown.puzzles)}
        grown = grown.model_copy(update={"scene": Scene(picture="scene.svg", spots=spots)})
    return grown


@pytest.fixture
def on_map(mission: Mission, pilots: list[Pilot]) -> Map:
    """Start a pilot on the map of the test mission grown to `count` puzzles."""

    def start(count: int, *, language: str = "fr", size: tuple[int, int] = (1920, 1080), step: int = 0,
              scene: bool = False) -> Pilot:
        grown = crowded(mission, count, scene=scene)
        return launch_staged(pilots, {grown.id: grown}, {grown.id: MISSION_DIR}, "map", language=language, size=size,
                             step=step)

    return start


def spots(pilot: Pilot) -> list[PuzzleSpot]:
    return [w for w in pilot.app.all_widgets() if isinstance(w, PuzzleSpot)]


def screen(pilot: Pilot) -> MapScreen:
    top = pilot.app.top
    assert isinstance(top, MapScreen)
    return top


def test_the_crowded_mission_has_twenty_puzzles_and_its_goal_last(mission: Mission) -> None:
    grown = crowded(mission, 20, scene=True)
    assert len(grown.puzzles) == 20 and len({p.id for p in grown.puzzles}) == 20
    assert grown.puzzles[-1].id == grown.goal
    assert grown.scene is not None and set(grown.scene.spots) == {p.id for p in grown.puzzles}


@pytest.mark.parametrize("scene", [False, True], ids=["drawn", "picture"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("count", [3, 8, 16, 20])
def test_every_spot_is_whole_and_apart(on_map: Map, count: int, size: tuple[int, int], scene: bool) -> None:
    # GIVEN a map of `count` puzzles at this size, on the drawn landscape or the author's picture
    pilot = on_map(count, size=size, scene=scene)
    shown = screen(pilot)
    # WHEN it is drawn
    problems = look(pilot)
    fits = {fit.name: fit for fit in pilot.app.type.report}
    found = spots(pilot)
    # THEN every puzzle has its spot, once
    assert len(found) == count and len({s.name for s in found}) == count
    area = shown.area()
    for spot in found:
        parts = spot.parts()
        # AND each spot is a large touch target inside the scene, clear of Lumi and her bubble
        assert parts["medallion"].w >= round(TOUCH * size[1] / 1080) - 1
        assert area.contains(spot.rect), spot.name
        assert spot.rect.collidelist(shown.keep_out()) == -1, spot.name
        # AND its title and state word (but on the most crowded maps) are drawn whole, at their size
        words = (spot.name, f"{spot.name}-state") if count < 20 or spot.spot.state_h else (spot.name,)
        for name in words:
            fit = fits[name]
            assert fit.fit and not fit.cut, fit
            assert parts["plate"].contains(pygame.Rect(fit.ink)), name
    # AND no two spots overlap
    for a, b in itertools.combinations(found, 2):
        assert not a.rect.colliderect(b.rect), (a.name, b.name)
    # AND the audit finds nothing
    assert problems == []


@pytest.mark.parametrize("step", range(len(TEXT_STEPS)))
def test_larger_text_still_fits_sixteen_spots(on_map: Map, step: int) -> None:
    pilot = on_map(16, size=(1280, 800), step=step)
    assert look(pilot) == []
    for a, b in itertools.combinations(spots(pilot), 2):
        assert not a.rect.colliderect(b.rect)


def test_states_are_told_by_an_icon_and_a_word_and_the_goal_by_a_trophy(on_map: Map, mission: Mission) -> None:
    pilot = on_map(8)
    look(pilot)
    fits = {fit.name: fit for fit in pilot.app.type.report}
    icons = {PuzzleState.LOCKED: "lock", PuzzleState.AVAILABLE: "play", PuzzleState.SOLVED: "check"}
    seen = set()
    for spot in spots(pilot):
        seen.add(spot.state)
        if spot.state in icons:
            assert spot.icon == icons[spot.state]
        assert fits[f"{spot.name}-state"].text == spot.state_label
        # Only the goal wears a trophy; only an available spot can be tapped.
        assert ("trophy" in spot.parts()) == (spot.name == f"tile:{mission.goal}")
        assert spot.enabled == (spot.state is PuzzleState.AVAILABLE)
    assert {PuzzleState.SOLVED, PuzzleState.AVAILABLE} <= seen


def test_an_author_spot_is_kept_where_it_does_not_overlap(mission: Mission, pilots: list[Pilot]) -> None:
    # GIVEN three puzzles placed far apart on the picture
    three = crowded(mission, 3)
    spots_at = dict(zip([p.id for p in three.puzzles], [(20.0, 30.0), (50.0, 60.0), (80.0, 30.0)], strict=True))
    three = three.model_copy(update={"scene": Scene(picture="scene.svg", spots=spots_at)})
    pilot = launch_staged(pilots, {three.id: three}, {three.id: MISSION_DIR}, "map", language="fr",
                          size=(1920, 1080), step=0)
    shown = screen(pilot)
    mission = three
    assert mission.scene is not None
    # THEN each medallion sits where the author put it, on the picture as it covers the scene
    area = shown.area()
    cover_w = max(area.w, area.h * 16 / 9)
    cover_h = cover_w * 9 / 16
    for spot, puzzle in zip(spots(pilot), mission.puzzles, strict=True):
        x, y = mission.scene.spots[puzzle.id]
        wanted = (area.centerx + (x / 100 - 0.5) * cover_w, area.centery + (y / 100 - 0.5) * cover_h)
        centre = spot.parts()["medallion"].center
        assert abs(centre[0] - wanted[0]) <= 1 and abs(centre[1] - wanted[1]) <= 1, spot.name


def colourful(surface: pygame.Surface) -> float:
    """How far from grey the scene is, on average."""
    r, g, b, *_ = pygame.transform.average_color(surface)
    return max(r, g, b) - min(r, g, b)


def test_colour_comes_back_as_puzzles_are_solved(on_map: Map) -> None:
    # GIVEN the scene at the start
    pilot = on_map(8, scene=True)
    mission = pilot.app.mission
    assert mission is not None
    before = colourful(screen(pilot).scene(mission))
    lit = screen(pilot).progress(mission).lit
    # WHEN the team solves a puzzle (not the goal)
    available = next(s.name.removeprefix("tile:") for s in spots(pilot) if s.state is PuzzleState.AVAILABLE
                     and s.name != f"tile:{mission.goal}")
    session = pilot.app.session
    assert session.handle(Submit(available, checkers.solution(mission.puzzle(available), session.rewards_values()))).ok
    pilot.app.sync()
    pilot.settle()
    shown = screen(pilot)
    shown.refresh()
    after = colourful(shown.scene(mission))
    # THEN the scene has more colour, one more spot is lit, and Lumi cheers
    assert after > before
    assert len(shown.progress(mission).lit) == len(lit) + 1
    assert shown.mood() == "cheer"


def test_the_adversary_brings_the_fog_back_until_the_next_solve(mission: Mission) -> None:
    told = mission.model_copy(update={"events": [
        StoryEvent(after_solved=1, speaker="adversary", text="Ha !"),
        StoryEvent(on_solved="vrai-faux", speaker="lumi", text="Bien !"),
    ]})
    solved = PuzzleProgress(state=PuzzleState.SOLVED, solved_at=30.0)
    one = SessionState(puzzles={"message": solved}, told=(0,), time_limit=900)
    assert adversary_spoke(told, one)
    two = SessionState(puzzles={"message": solved, "choix": PuzzleProgress(state=PuzzleState.SOLVED, solved_at=60.0)},
                       told=(0,), time_limit=900)
    assert not adversary_spoke(told, two)


def test_lumi_worries_when_little_time_is_left(on_map: Map) -> None:
    pilot = on_map(3)
    assert screen(pilot).mood() == "happy"
    remaining = pilot.app.session.remaining()
    pilot.wait(remaining - 60)
    # (the story's words about the time left may stand over the map)
    assert next(s for s in pilot.app.stack if isinstance(s, MapScreen)).mood() == "worried"


def test_the_spots_are_placed_once_and_the_frame_keeps_few_layouts(
        on_map: Map, monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a crowded map on the author's picture, already laid out once
    pilot = on_map(16, scene=True)
    shown = screen(pilot)
    centres = list(shown.centres)
    placed: list[int] = []
    real = play.place_spots

    def counted(*args: object, **kwargs: object) -> list[tuple[int, int]]:
        placed.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(play, "place_spots", counted)
    # WHEN it is laid out again (a feedback closed over it), and a new map of the same mission is built
    shown.refresh()
    MapScreen(pilot.app).layout()
    # THEN no spot is placed again, each one stays where it was
    assert placed == [] and shown.centres == centres
    # AND the frame keeps a bounded number of such layouts
    frame = pilot.app.frame
    for i in range(LAYOUTS_KEPT + 5):
        frame.remembered(("other", i), list)
    assert len(frame.layouts) == LAYOUTS_KEPT
