"""Picture words: an SVG's <text> runs read, drawn translated and fitted, extracted into the
mission's catalog, warned about by validate, and raster pictures per language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from gardiens.core.pictures import read_runs, without_text
from gardiens.i18n.missions import read_catalog
from gardiens.i18n.pictures import extract_picture, untranslated_runs
from gardiens.ui.assets import Assets
from gardiens.ui.picture_text import PictureWords

SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100" viewBox="0 0 400 100">
<rect width="400" height="100" fill="#FFFFFF"/>
<text x="200" y="60" font-size="40" font-weight="bold" fill="#1F2A44" text-anchor="middle"
 textLength="380">Publié en 2016</text>
<text x="10" y="95" font-size="20" textLength="60">Un titre bien trop long pour sa place</text>
</svg>
"""


@pytest.fixture(autouse=True)
def display() -> Iterator[None]:
    # Pictures are converted for fast drawing, which needs a display.
    pygame.display.init()
    pygame.display.set_mode((64, 64))
    pygame.font.init()
    yield
    pygame.display.quit()


@pytest.fixture()
def picture(tmp_path: Path) -> Path:
    path = tmp_path / "recherche.svg"
    path.write_text(SVG, encoding="utf-8")
    return path


def test_runs_are_read_with_their_attributes() -> None:
    first, second = read_runs(SVG)
    assert (first.text, first.x, first.y, first.size, first.bold) == ("Publié en 2016", 200, 60, 40, True)
    assert (first.fill, first.anchor, first.length, first.line) == ("#1F2A44", "middle", 380, 3)
    assert (second.bold, second.anchor, second.fill) == (False, "start", "#000000")
    assert "<text" not in without_text(SVG)


def test_a_picture_is_drawn_in_the_team_s_language(picture: Path) -> None:
    assets = Assets()
    english = {("recherche.svg", "Publié en 2016"): "Published in 2016"}
    fr = assets.image(picture, (400, 100))
    en = assets.image(picture, (400, 100), PictureWords("en", "andika", "m",
                                                         lambda c, t: english.get((c, t), t)))
    assert fr is not None and en is not None
    band = pygame.Rect(0, 20, 400, 45)
    assert pygame.image.tobytes(fr.subsurface(band), "RGBA") != pygame.image.tobytes(en.subsurface(band), "RGBA")
    # Dark letters are drawn where the run is: the rasteriser alone would leave it white.
    assert any(fr.get_at((x, 45))[0] < 100 for x in range(100, 300))


def test_a_run_fits_its_text_length_or_is_reported(picture: Path) -> None:
    assets = Assets()
    assets.image(picture, (400, 100))
    misfits = assets.picture_misfits()
    assert [m.text for m in misfits] == ["Un titre bien trop long pour sa place"]
    assert misfits[0].box[2] == 60 and misfits[0].size < misfits[0].wanted_size
    # Drawn at half the size, the run that fits keeps within its scaled length.
    half = Assets()
    half.image(picture, (200, 50))
    assert [m.text for m in half.picture_misfits()] == ["Un titre bien trop long pour sa place"]


def test_runs_are_extracted_with_the_picture_as_context(picture: Path, tmp_path: Path) -> None:
    (tmp_path / "scenario.yaml").write_text("id: m\n", encoding="utf-8")
    with picture.open("rb") as fileobj:
        messages = list(extract_picture(fileobj, ["pgettext"], [], {}))
    assert messages[0] == (3, "pgettext", ("recherche.svg", "Publié en 2016"),
                           ["words of the picture recherche.svg"])
    missing = list(untranslated_runs(tmp_path, {("recherche.svg", "Publié en 2016"): "Published in 2016"}))
    assert missing == [(picture, 5, "Un titre bien trop long pour sa place")]


def test_a_raster_picture_has_a_variant_per_language(tmp_path: Path) -> None:
    for name, colour in (("photo.png", (255, 0, 0)), ("photo.en.png", (0, 0, 255))):
        surface = pygame.Surface((20, 20))
        surface.fill(colour)
        pygame.image.save(surface, tmp_path / name)
    assets = Assets()
    fr = assets.image(tmp_path / "photo.png", (20, 20), PictureWords("fr"))
    en = assets.image(tmp_path / "photo.png", (20, 20), PictureWords("en"))
    assert fr is not None and en is not None
    assert fr.get_at((10, 10))[:3] == (255, 0, 0)
    assert en.get_at((10, 10))[:3] == (0, 0, 255)


def test_every_word_of_the_infox_pictures_has_its_english() -> None:
    root = Path(__file__).parents[2]
    translations = read_catalog(root / "locales", "en", "infox")
    assert list(untranslated_runs(root / "scenarios" / "infox", translations)) == []
    assert translations[("post-crocodile.svg", "URGENT !!! UN CROCODILE")] == "URGENT!!! A GIANT CROCODILE"
