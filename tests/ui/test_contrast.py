"""Every text colour on every ground it is drawn on, in both palettes, measured as WCAG does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import gardiens.ui
import gardiens.ui.desk.screens as desk
from gardiens.ui.theme import HIGH_CONTRAST, MIN_CONTRAST, TEXT_GROUNDS, WARM, Palette, contrast

PALETTES = {"warm": WARM, "high_contrast": HIGH_CONTRAST}
# A palette colour given as the colour of a text: `color=p.ink`, `color=p.on_accent if hot else p.ink`.
TEXT_COLOUR = re.compile(r"color=(?:p|palette)\.(\w+)(?: if [^,]*? else (?:p|palette)\.(\w+))?")
# A desk colour given to a text: `color=DESK_INK if … else DESK_SOFT`, `ink = …`, `colour = …`,
# or returned with a notice's words (`return _("…"), DESK_WARN`).
DESK_TEXT_COLOUR = re.compile(r"(?:color=|ink = |colour = |\), )(DESK_\w+(?: if [^\n]*? else DESK_\w+)?)")
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


def test_the_facilitator_desk_writes_readably_in_its_own_colours() -> None:
    # GIVEN the colours the desk's texts are passed, read from its source (a text's `color=`, a
    # row's `ink`, the `colour` of a status, what a notice returns with its words)
    source = Path(desk.__file__).read_text(encoding="utf-8")
    used: set[str] = set()
    for expression in DESK_TEXT_COLOUR.findall(source):
        used.update(re.findall(r"DESK_\w+", expression))
    # THEN each is measured, and is at least 4.5:1 on every ground it is written on
    assert used and used <= set(desk.DESK_TEXT_GROUNDS), sorted(used - set(desk.DESK_TEXT_GROUNDS))
    weak = {f"{text} on {ground}": round(contrast(getattr(desk, text), getattr(desk, ground)), 2)
            for text, grounds in desk.DESK_TEXT_GROUNDS.items() for ground in grounds
            if contrast(getattr(desk, text), getattr(desk, ground)) < MIN_CONTRAST["warm"]}
    assert not weak, weak
