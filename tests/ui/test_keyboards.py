"""The on-screen keyboard follows the team's language; each language's keyboard is one data file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.widgets.keys import (
    LayoutError,
    check_layouts,
    keyboards_dir,
    layout_for,
    read_layout,
)


def keys_shown(pilot: Pilot) -> list[str]:
    return [name.removeprefix("key:") for name in pilot.names() if name.startswith("key:")]


def test_french_is_azerty_with_accents_and_english_qwerty_without() -> None:
    fr, en = layout_for("fr"), layout_for("en")
    assert fr.rows[1][:6] == ("a", "z", "e", "r", "t", "y")
    assert en.rows[1][:6] == ("q", "w", "e", "r", "t", "y")
    assert {"é", "è", "ç"} <= {key for row in fr.rows for key in row}
    assert not [key for row in en.rows for key in row if len(key) == 1 and not key.isascii()]


def test_every_shipped_keyboard_file_can_be_used() -> None:
    assert {path.stem for path in keyboards_dir().glob("*.yaml")} >= {"fr", "en"}
    assert check_layouts() == []


def test_a_language_without_a_keyboard_file_gets_the_french_one() -> None:
    assert layout_for("qps") == layout_for("fr")


def test_a_third_language_is_one_file(tmp_path: Path) -> None:
    (tmp_path / "fr.yaml").write_text((keyboards_dir() / "fr.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "de.yaml").write_text(
        'rows:\n  - "qwertzuiopü"\n  - "asdfghjklöä"\n  - "yxcvbnmß back"\n  - "space"\n', encoding="utf-8")
    german = layout_for("de", tmp_path)
    assert german.rows[0][:6] == ("q", "w", "e", "r", "t", "z")
    assert german.key_for("Ü") == "ü"
    assert german.key_for("é") == "e"
    assert german.key_for("€") == ""


@pytest.mark.parametrize(("text", "where", "says"), [
    ('rows:\n  - "azertyuiop"\n  - "qsdfghjkla back space"\n', ":3:15:", "`a` is on the keyboard twice"),
    ("rows:\n  - azerty\n  - [back, space]\n", ":3:5:", "a row is text"),
    ('rows:\n  - "azerty back"\n', ":2:3:", "no `space` key"),
    ('keys:\n  - "azerty back space"\n', ":1:1:", "unknown entry `keys`"),
    ('rows: [ "azerty back space"\n', ":2:1:", "not readable as YAML"),
    ('rows:\n  - "Azerty back space"\n', ":2:6:", "lower case"),
    ("rows: azerty\n", ":1:7:", "`rows` must be a list"),
])
def test_a_malformed_keyboard_file_is_said_where(tmp_path: Path, text: str, where: str, says: str) -> None:
    path = tmp_path / "xx.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LayoutError) as caught:
        read_layout(path)
    message = str(caught.value)
    assert message.startswith(f"{path}{where}"), message
    assert says in message
    assert check_layouts(tmp_path) == [message]


def test_a_broken_keyboard_file_does_not_stop_the_game(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "xx.yaml").write_text("rows: nothing\n", encoding="utf-8")
    assert layout_for("xx", tmp_path) == layout_for("fr")
    assert f"{tmp_path / 'xx.yaml'}:1:7:" in caplog.text


@pytest.mark.parametrize(("language", "first", "has_accents"), [("fr", "a", True), ("en", "q", False)])
def test_the_text_puzzle_shows_the_keyboard_of_its_language(launch: Callable[..., Pilot], language: str,
                                                             first: str, has_accents: bool) -> None:
    pilot = launch(language=language)
    stage(pilot.app, pilot.clock, puzzle="annee", language=language)
    keys = keys_shown(pilot)
    assert keys[10] == first
    assert ("é" in keys) is has_accents


def test_switching_language_switches_the_keyboard(launch: Callable[..., Pilot]) -> None:
    # GIVEN a French team on a text puzzle
    pilot = launch(language="fr")
    stage(pilot.app, pilot.clock, puzzle="annee", language="fr")
    assert "é" in keys_shown(pilot)
    # WHEN English is chosen in the accessibility panel
    pilot.app.choose_language("en")
    pilot.settle()
    # THEN the keyboard is the English one
    keys = keys_shown(pilot)
    assert keys[10] == "q"
    assert "é" not in keys
