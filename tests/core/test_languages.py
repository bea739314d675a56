"""The core's language data (`gardiens/core/data/*-<language>.*`): team names and word forms are
data a language adds, read the same as when they were written in the code."""

from __future__ import annotations

import random
from importlib import resources

import pytest

from gardiens.core.languages import language_data
from gardiens.core.pseudonym import KEYS_LANGUAGE, NAMES, is_team, random_team, team_name
from gardiens.core.readability import read, word_forms

DATA = resources.files("gardiens.core").joinpath("data")
NAME_LANGUAGES = sorted(
    p.name.removeprefix(f"{NAMES}-").removesuffix(".yaml")
    for p in DATA.iterdir()
    if p.name.startswith(f"{NAMES}-")
)


def test_french_and_english_name_teams() -> None:
    assert NAME_LANGUAGES == ["en", "fr"]
    assert team_name("hiboux-malins", "fr") == "Les Hiboux Malins"
    assert team_name("loutres-malins", "fr") == "Les Loutres Malignes"
    assert team_name("fourmis-futes", "fr") == "Les Fourmis Futées"
    assert team_name("loutres-malins", "en") == "The Clever Otters"


def test_a_language_without_names_reads_the_english_ones() -> None:
    assert team_name("licornes-intrepides", "de") == "The Fearless Unicorns"


@pytest.mark.parametrize("language", NAME_LANGUAGES)
def test_every_language_names_every_team(language: str) -> None:
    keys, names = language_data(NAMES, KEYS_LANGUAGE), language_data(NAMES, language)
    assert keys is not None and names is not None
    assert (set(names["animals"]), set(names["qualities"])) == (
        set(keys["animals"]),
        set(keys["qualities"]),
    )
    for animal in keys["animals"]:
        for quality in keys["qualities"]:
            assert team_name(f"{animal}-{quality}", language)


def test_drawn_teams_are_teams() -> None:
    rng = random.Random(7)
    drawn = {random_team(rng) for _ in range(200)}
    assert all(is_team(key) for key in drawn) and len(drawn) > 50
    assert not is_team("hiboux-geants") and not is_team("Hiboux-malins")
    with pytest.raises(ValueError):
        team_name("hiboux-geants", "fr")


def test_word_forms_are_read_from_the_language_files() -> None:
    french = word_forms("fr")
    assert french.endings[0] == "eraient" and "" in french.bases and "jusqu" in french.elisions
    assert word_forms("en").endings == ("ies", "ied", "ing", "ed", "es", "s")
    assert word_forms("xx") == type(french)()
    assert read("Jusqu'où protégeraient-ils leurs comptes ?", "fr").rare_words == ()
