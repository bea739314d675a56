"""The pseudo-locale audit: in `qps`, every text drawn on every screen and puzzle of every bundled
mission came through a translation; a text that did not is found, with where it was drawn from."""

from __future__ import annotations

import inspect as source_of
import time
from pathlib import Path

import pygame
import pytest

from gardiens.core.library import load_library
from gardiens.i18n.pseudo import PSEUDO_LANGUAGE, pseudolocalise
from gardiens.testing.audit import look, plan, run_audit, untranslated
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.assets import Assets
from gardiens.ui.picture_text import PictureWords

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).name


def test_every_text_of_every_mission_comes_through_a_translation() -> None:
    # GIVEN every bundled mission
    missions = load_library()
    # WHEN each screen and each puzzle (with its pop-ups) is drawn in qps at one size, text size
    # and spacing, with motion (which texts are drawn does not depend on how they are spaced)
    started = time.perf_counter()
    result = run_audit(missions, languages=(PSEUDO_LANGUAGE,), sizes=((1280, 800),), steps=(0,),
                       spacings=("normal",), motions=("normal",))
    seconds = time.perf_counter() - started
    # THEN every puzzle of every mission, and every screen some mission can show, was drawn
    scenes = plan({mid: mission for mid, (mission, _) in missions.items()}, languages=(PSEUDO_LANGUAGE,),
                  sizes=((1280, 800),), steps=(0,), spacings=("normal",), motions=("normal",))
    drawn = set(scenes) - set(result.skipped)
    assert result.renders == len(drawn), seconds
    for mid, (mission, _) in missions.items():
        assert {s.puzzle for s in drawn if s.mission == mid and s.screen == "puzzle"} == {
            p.id for p in mission.puzzles}, mid
    assert {s.screen for s in drawn} == {s.screen for s in scenes}
    # AND no text drawn, nor any picture's words, did not come through a translation
    leftovers = [(f.scene.screen, f.scene.mission, f.scene.puzzle, f.problem.detail, f.problem.other,
                  f.problem.where) for f in result.findings if f.problem.kind == "untranslated"]
    assert not leftovers, leftovers


@pytest.fixture
def qps_map(pilots: list[Pilot]) -> Pilot:
    """A kiosk in qps showing the map of the infox mission."""
    missions = load_library()
    mission, path = missions["infox"]
    pilot = Pilot.launch({mission.id: mission}, mission_dirs={mission.id: path.parent}, size=(1280, 800),
                         language=PSEUDO_LANGUAGE)
    pilots.append(pilot)
    assert pilot.clock is not None
    stage(pilot.app, pilot.clock, screen="map")
    pilot.settle()
    return pilot


def _drawing_also(pilot: Pilot, extra: object) -> None:
    """Make the screen on top draw `extra(surface)` after itself."""
    top = pilot.app.top
    assert top is not None
    own = top.draw

    def draw(surface: pygame.Surface) -> None:
        own(surface)
        extra(surface)  # type: ignore[operator]

    top.draw = draw  # type: ignore[method-assign]


def test_a_hard_coded_text_on_a_screen_is_found_with_its_source(qps_map: Pilot) -> None:
    # GIVEN the map in qps, clean, then drawing a text written in the code, one made to look
    # pseudo-localised, and one translated sentence whose placeholder gets a word in the code
    app = qps_map.app
    assert [p for p in look(qps_map, translated=True) if p.kind == "untranslated"] == []
    top = app.top
    assert top is not None
    sentence = top._("Énigme {n} sur {total}")
    lines: dict[str, int] = {}

    def hard_coded(surface: pygame.Surface) -> None:
        lines["plain"] = source_of.currentframe().f_lineno + 1  # type: ignore[union-attr]
        app.type.block(surface, "Attention, texte en dur", pygame.Rect(40, 40, 600, 60), size=30,
                       color=(0, 0, 0), name="leak")
        app.type.line(surface, "[Ŕéššöûŕçéš ~~~]", (40, 140), size=30, color=(0, 0, 0))
        app.type.block(surface, sentence.format(n="trois", total=8), pygame.Rect(40, 240, 600, 60), size=30,
                       color=(0, 0, 0), name="filled")
        # AND texts that say why they need no translation, or have no letter
        app.type.line(surface, "English", (40, 340), size=30, color=(0, 0, 0), as_is="language-name")
        app.type.line(surface, "12:30", (40, 440), size=30, color=(0, 0, 0))

    _drawing_also(qps_map, hard_coded)
    # WHEN the screen is audited
    found = [p for p in look(qps_map, translated=True) if p.kind == "untranslated"]
    # THEN each hard-coded text is found, with the words at fault and the line that drew it
    assert [(p.detail, p.other) for p in found] == [
        ("leak", "Attention, texte en dur"),
        ("[Ŕéššöûŕçéš ~~~]", "[Ŕéššöûŕçéš ~~~]"),
        ("filled", "trois"),
    ]
    assert found[0].where == f"{HERE}:{lines['plain']}"
    assert all(p.where.startswith(f"{HERE}:") for p in found)


def test_the_same_text_through_the_pseudo_locale_is_not_found(qps_map: Pilot) -> None:
    # GIVEN the map in qps drawing an interface sentence and a mission text, as translated
    app = qps_map.app
    top = qps_map.app.top
    assert top is not None
    sentence = top._("Énigme {n} sur {total}").format(n=3, total=8)

    def translated(surface: pygame.Surface) -> None:
        app.type.block(surface, sentence, pygame.Rect(40, 40, 600, 60), size=30, color=(0, 0, 0), name="ok")

    _drawing_also(qps_map, translated)
    # THEN nothing is found
    assert [p for p in look(qps_map, translated=True) if p.kind == "untranslated"] == []


def test_a_picture_whose_words_skip_the_translation_is_found(qps_map: Pilot) -> None:
    # GIVEN a picture with words of its own, drawn in qps once through the pseudo-locale and
    # once with its source words as they are
    picture = REPO / "scenarios" / "infox" / "recherche-image.svg"
    assets = Assets()
    assets.image(picture, (640, 480), PictureWords(PSEUDO_LANGUAGE, "andika", "infox",
                                                     lambda _picture, text: pseudolocalise(text)))
    assert assets.picture_untranslated(PSEUDO_LANGUAGE) == []
    assets.image(picture, (640, 360), PictureWords(PSEUDO_LANGUAGE, "andika", "infox-raw"))
    # THEN the second one's words are found, named by the picture
    leftovers = assets.picture_untranslated(PSEUDO_LANGUAGE)
    assert leftovers and {name for name, _ in leftovers} == {"recherche-image.svg"}
    problems = untranslated([], leftovers)
    assert problems and all(p.kind == "untranslated" and p.where == "recherche-image.svg" for p in problems)
    # AND pictures drawn in another language are no concern of the pseudo-locale's audit
    assets.image(picture, (320, 240), PictureWords("fr", "andika", "infox"))
    assert assets.picture_untranslated(PSEUDO_LANGUAGE) == leftovers
