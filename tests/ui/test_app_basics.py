"""The App's promises: no work at import, interface strings translated, sound optional."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from gardiens.i18n.interface import InterfaceTranslator
from gardiens.i18n.missions import locales_dir
from gardiens.ui.sound import Sounds

UI_DIR = Path(__file__).resolve().parents[2] / "gardiens" / "ui"


def test_importing_the_interface_starts_nothing() -> None:
    code = (
        "import pygame, gardiens.ui.app, gardiens.testing.pilot;"
        "print(pygame.display.get_init(), pygame.mixer.get_init())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "None"]


def test_every_interface_string_has_an_english_translation() -> None:
    with (locales_dir() / "en" / "LC_MESSAGES" / "gardiens.po").open("rb") as handle:
        catalog = read_po(handle)
    translated = {m.id for m in catalog if m.id and m.string}
    marked = {message for _file, _line, message, _comments, _context in
              ((*item[:3], item[3], item[4]) for item in extract_from_dir(str(UI_DIR), method_map=[("**.py", "python")]))
              if isinstance(message, str)}
    missing = sorted(marked - translated)
    assert not missing, missing


def test_translator_falls_back_to_french() -> None:
    translator = InterfaceTranslator("en")
    assert translator.gettext("Valider") == "Check"
    assert translator.gettext("Une phrase que personne n'a traduite") == "Une phrase que personne n'a traduite"
    assert InterfaceTranslator("xx").gettext("Valider") == "Valider"


def test_sounds_are_synthesised_and_silent_without_a_mixer(monkeypatch: object) -> None:
    import pygame

    sounds = Sounds()
    sounds.play("right")
    sounds.play("unknown")
    muted = Sounds(volume=0.0)
    muted.play("wrong")

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise pygame.error("no audio device")

    pygame.mixer.quit()
    monkeypatch.setattr(pygame.mixer, "init", refuse)  # type: ignore[attr-defined]
    silent = Sounds()
    assert not silent.available
    silent.play("victory")
