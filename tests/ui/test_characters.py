"""One Lumi, one Brouillard: the game and every mission picture draw the canonical characters of
assets/characters/, so the guide cannot drift from one picture to the next."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pygame
import pytest

from gardiens.paths import assets_dir, scenarios_dir
from gardiens.ui.draw import MOODS, brouillard, character_source, lumi, lumi_svg

SVG = "{http://www.w3.org/2000/svg}"
CHARACTERS = assets_dir() / "characters"
PICTURES = sorted(scenarios_dir().glob("*/*.svg"))
# The pictures that show the guide (they once showed another robot).
LUMI_PICTURES = [
    "cyberharcelement/affiche-3018.svg", "cyberharcelement/cover.svg",
    "cyberharcelement/plan-du-temoin.svg", "donnees-personnelles/cover.svg", "economie-donnee/cover.svg",
    "influence/cover.svg", "infox/cover.svg", "jeux-video/cover.svg",
]
# The pictures that show the adversary (each once drew its own grey cloud with a face).
BROUILLARD_PICTURES = [
    "cyberharcelement/cover.svg", "cyberharcelement/groupe-theatre.svg", "cyberharcelement/plan-du-temoin.svg",
    "donnees-personnelles/cover.svg", "donnees-personnelles/profil-mouetto.svg", "economie-donnee/cover.svg",
    "economie-donnee/site-quiz.svg", "influence/cover.svg", "influence/fil-sans-fin.svg", "infox/cover.svg",
    "jeux-video/comete-max.svg", "jeux-video/cover.svg",
]
# Placement and visibility say where and whether a copy is drawn, not what it draws.
IGNORED = {"transform", "display"}

Shape = tuple[str, tuple[tuple[str, str], ...], tuple["Shape", ...]]


def shape(element: ET.Element) -> Shape:
    """What an element draws: its tag, its attributes but placement, and its children."""
    attributes = tuple(sorted((k, v) for k, v in element.attrib.items() if k not in IGNORED))
    return element.tag.removeprefix(SVG), attributes, tuple(shape(child) for child in element)


def groups(root: ET.Element, name: str) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if g.get("id") == name]


def canonical(name: str) -> ET.Element:
    (group,) = groups(ET.fromstring(character_source(name)), name)
    return group


def is_face(element: ET.Element) -> bool:
    return element.get("id", "").startswith("face-")


def test_lumi_has_one_face_per_mood_and_shows_the_happy_one() -> None:
    faces = [child for child in canonical("lumi") if is_face(child)]
    assert [face.get("id") for face in faces] == [f"face-{mood}" for mood in MOODS]
    assert [face.get("display") for face in faces] == [None, "none", "none", "none"]


@pytest.mark.parametrize("name", ["lumi", "brouillard"])
def test_a_character_uses_only_what_the_game_renderer_draws(name: str) -> None:
    """pygame-ce rasterises with nanosvg: no text, no reuse, no filters, no style sheets."""
    root = ET.parse(CHARACTERS / f"{name}.svg").getroot()
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert tags <= {"svg", "title", "g", "path", "circle", "ellipse", "rect"}
    assert not any("class" in element.attrib or "style" in element.attrib for element in root.iter())


@pytest.mark.parametrize("picture", PICTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_picture_draws_the_canonical_characters(picture: Path) -> None:
    root = ET.parse(picture).getroot()
    body = [shape(child) for child in canonical("lumi") if not is_face(child)]
    faces = [shape(child) for child in canonical("lumi") if is_face(child)]
    for copy in groups(root, "lumi"):
        *drawn, face = list(copy)
        assert [shape(child) for child in drawn] == body, f"{picture.name}: Lumi's body differs from lumi.svg"
        assert shape(face) in faces, f"{picture.name}: Lumi's face is none of lumi.svg's faces"
    for copy in groups(root, "brouillard"):
        assert shape(copy)[2] == shape(canonical("brouillard"))[2], (
            f"{picture.name}: the Brouillard differs from brouillard.svg")


def test_the_pictures_that_show_the_guide_show_lumi() -> None:
    for name in LUMI_PICTURES:
        assert groups(ET.parse(scenarios_dir() / name).getroot(), "lumi"), f"{name} has no <g id=\"lumi\">"


def test_the_pictures_that_show_the_adversary_show_the_brouillard() -> None:
    for name in BROUILLARD_PICTURES:
        assert groups(ET.parse(scenarios_dir() / name).getroot(), "brouillard"), (
            f"{name} has no <g id=\"brouillard\">")


def test_each_mood_draws_a_different_face() -> None:
    pictures = set()
    for mood in MOODS:
        surface = pygame.Surface((200, 260))
        head = lumi(surface, (100, 240), 200, mood=mood)
        pictures.add(pygame.image.tobytes(surface.subsurface(head), "RGB"))
    assert len(pictures) == len(MOODS)


def test_lumi_returns_its_lamp_where_it_always_stood() -> None:
    surface = pygame.Surface((400, 500))
    head = lumi(surface, (200, 480), 300, wave=1.0, glow=0.5)
    assert head == pygame.Rect(152, 216, 96, 78)
    assert surface.get_at(head.center)[:3] != (0, 0, 0)


def test_high_contrast_draws_a_white_outline_and_a_black_face() -> None:
    source = lumi_svg("sad", high_contrast=True)
    assert "#2C2A4A" not in source and "#E85448" not in source
    face = source[source.index('<g id="face-sad"'):]
    assert 'fill="#000000"' in face and 'display="none"' not in face
    surface = pygame.Surface((200, 260), pygame.SRCALPHA)
    lumi(surface, (100, 240), 200, high_contrast=True)
    colours = {surface.get_at((x, y))[:3] for x in range(0, 200, 2) for y in range(0, 260, 2)}
    assert (255, 255, 255) in colours and (255, 230, 0) in colours


def test_an_unknown_mood_is_refused() -> None:
    with pytest.raises(ValueError, match="angry"):
        lumi(pygame.Surface((100, 100)), (50, 90), 80, mood="angry")


def test_brouillard_is_drawn_in_the_palette_it_is_given() -> None:
    surface = pygame.Surface((400, 300))
    bounds = brouillard(surface, (200, 150), 200, fog=(10, 200, 30), ink=(200, 10, 90))
    assert surface.get_rect().contains(bounds)
    assert surface.get_at((200 - 100, 150 + 40))[:3] == (10, 200, 30)
