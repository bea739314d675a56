"""Which characters the bundled fonts draw, read without a window; validate warns about the rest."""

from __future__ import annotations

from pathlib import Path

import yaml

from gardiens.core.glyphs import bundled_fonts, drawable, font_characters, undrawable_runs
from gardiens.core.loader import load_mission_bytes
from gardiens.paths import assets_dir
from tests.core.sample import sample_data

FONTS = assets_dir() / "fonts"


def test_every_bundled_font_has_its_licence_beside_it() -> None:
    for font in bundled_fonts():
        family = font.stem.split("-")[0]
        assert (FONTS / f"{family}-LICENSE.txt").is_file(), font.name


def test_the_character_maps_are_read() -> None:
    andika = font_characters(FONTS / "Andika-Regular.ttf")
    dyslexic = font_characters(FONTS / "OpenDyslexic-Regular.otf")
    emoji = font_characters(FONTS / "NotoEmoji-Regular.ttf")
    assert {ord(c) for c in "AZaz09éèçÉ«»’…"} <= andika
    assert {ord(c) for c in "AZaz09éè"} <= dyslexic
    assert ord("Ω") in andika - dyslexic
    assert {ord(c) for c in "😀😂👍❤🔒📱💬⚠✅"} <= emoji
    assert ord("😀") not in andika
    assert not {ord(c) for c in "שלוםمرحبا"} & drawable()


def test_undrawable_runs_keep_emoji_and_latin_and_name_the_rest() -> None:
    assert undrawable_runs("Bravo 😀 ! Élève « ça » 👍\u200d❤\ufe0f") == []
    assert undrawable_runs("Shalom : שלום, salam : مرحبا, encore שלום") == ["שלום", "مرحبا"]


def test_a_folder_without_fallback_draws_no_emoji(tmp_path: Path) -> None:
    (tmp_path / "Andika-Regular.ttf").write_bytes((FONTS / "Andika-Regular.ttf").read_bytes())
    assert undrawable_runs("Bravo 😀", tmp_path) == ["😀"]


def mission_with(chat_line: str) -> bytes:
    data = sample_data()
    data["briefing"] = chat_line
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode()


def test_validate_warns_where_a_character_cannot_be_drawn() -> None:
    raw = mission_with("Lumi vous salue : שלום !")
    result = load_mission_bytes(raw, file="essai.yaml")
    found = [d for d in result.diagnostics if d.code == "GDN421"]
    assert len(found) == 1
    line = next(i for i, text in enumerate(raw.decode().splitlines(), start=1) if "שלום" in text)
    col = raw.decode().splitlines()[line - 1].index("שלום") + 1
    assert (found[0].line, found[0].col) == (line, col)
    assert found[0].render().startswith(f"essai.yaml:{line}:{col}: GDN421")
    assert "שלום" in found[0].render()


def test_emoji_in_a_text_are_no_warning() -> None:
    result = load_mission_bytes(mission_with("Lumi vous salue 👋😀 ! Bonne chance 🍀"), file="essai.yaml")
    assert "GDN421" not in {d.code for d in result.diagnostics}
