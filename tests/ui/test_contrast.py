"""Every text colour on every ground it is drawn on, in both palettes, measured as WCAG does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import gardiens.ui
from gardiens.ui.theme import HIGH_CONTRAST, MIN_CONTRAST, TEXT_GROUNDS, WARM, Palette, contrast

PALETTES = {"warm": WARM, "high_contrast": HIGH_CONTRAST}
# A palette colour given as the colour of a text: `color=p.ink`, `color=p.on_accent if hot else p.ink`.
TEXT_COLOUR = re.compile(r"color=(?:p|palette)\.(\w+)(?: if [^,]*? else (?:p|palette)\.(\w+))?")
PAIRS = [(text, ground) for text, grounds in TEXT_GROUNDS.items() for ground in grounds]


def test_the_ratio_is_the_one_wcag_gives() -> None:
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((255, 255, 255), (255, 255, 255)) == pytest.approx(1.0)
    # WCAG's own example of the threshold: #767676 on white is 4.54:1.
    assert contrast((0x76, 0x76, 0x76), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


def test_every_text_role_and_ground_is_a_colour_of_the_palettes() -> None:
    roles = set(Palette.__dataclass_fields__)
    assert {text for text, _ in PAIRS} <= roles
    assert {ground for _, ground in PAIRS} <= roles


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_every_text_on_its_ground_is_readable(name: str) -> None:
    palette = PALETTES[name]
    weak = {f"{text} on {ground}": round(contrast(getattr(palette, text), getattr(palette, ground)), 2)
            for text, ground in PAIRS
            if contrast(getattr(palette, text), getattr(palette, ground)) < MIN_CONTRAST[name]}
    assert not weak, f"below {MIN_CONTRAST[name]}:1 in the {name} palette: {weak}"


def test_text_is_drawn_only_in_colours_whose_grounds_are_measured() -> None:
    # GIVEN every palette colour the interface passes as a text colour
    source = Path(gardiens.ui.__file__).parent
    used = set()
    for module in source.rglob("*.py"):
        for match in TEXT_COLOUR.finditer(module.read_text(encoding="utf-8")):
            used.update(role for role in match.groups() if role)
    # THEN each is measured on its grounds above
    assert used and used <= set(TEXT_GROUNDS), sorted(used - set(TEXT_GROUNDS))
