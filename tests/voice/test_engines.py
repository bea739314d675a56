"""The engines: espeak-ng in French and English, and a command configured in kiosk.toml."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from gardiens.core.kiosk import VoiceSettings, load_settings
from gardiens.voice.cache import VoiceCache
from gardiens.voice.engines import Command, Espeak, VoiceError, engine_from
from tests.voice.fakes import fake_command


def seconds(path: Path) -> float:
    with wave.open(str(path)) as reader:
        return reader.getnframes() / reader.getframerate()


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Bienvenue, Gardiens : vérifiez la source avant de partager."),
    ("en", "Welcome, Guardians: check the source before you share."),
])
def test_espeak_says_french_and_english(espeak: str, tmp_path: Path, language: str, text: str) -> None:
    engine = Espeak()
    audio = VoiceCache(tmp_path).render(text, language, engine)
    assert 0.05 * 9 < seconds(audio) < 1.5 * 9
    assert engine.voice(language).startswith(language)
    assert "espeak-ng" in engine.identity and "rate=140" in engine.identity


def test_a_text_that_looks_like_an_option_is_said_not_obeyed(espeak: str, tmp_path: Path) -> None:
    audio = VoiceCache(tmp_path).render("--help", "en", Espeak())
    assert seconds(audio) > 0.1


def test_slower_rate_gives_longer_audio_and_another_cache_entry(espeak: str, tmp_path: Path) -> None:
    cache = VoiceCache(tmp_path)
    text = "Le Brouillard brouille les pistes : restez calmes et lisez bien."
    slow, fast = Espeak(VoiceSettings(rate=100)), Espeak(VoiceSettings(rate=220))
    assert cache.path(text, "fr", slow) != cache.path(text, "fr", fast)
    assert seconds(cache.render(text, "fr", slow)) > seconds(cache.render(text, "fr", fast))


@pytest.mark.parametrize(("output", "text_argument"), [(True, True), (False, False)])
def test_kiosk_toml_plugs_a_command(tmp_path: Path, output: bool, text_argument: bool) -> None:
    # GIVEN a kiosk.toml that names a command (a stand-in for a Piper model)
    command = fake_command(tmp_path, output=output, text_argument=text_argument)
    (tmp_path / "kiosk.toml").write_text(
        f'[voice]\nengine = "command"\ncommand = """{command}"""\nversion = "fr-1"\n',
        encoding="utf-8",
    )
    settings, problem = load_settings(tmp_path)
    assert problem is None
    engine = engine_from(settings.voice)
    assert isinstance(engine, Command)
    # WHEN a text is rendered THEN the command's WAV is cached, its length from the text
    audio = VoiceCache(tmp_path).render("un deux trois quatre", "fr", engine)
    assert seconds(audio) == pytest.approx(0.4)
    assert "version=fr-1" in engine.identity


def test_a_command_engine_needs_a_command(tmp_path: Path) -> None:
    (tmp_path / "kiosk.toml").write_text('[voice]\nengine = "command"\n', encoding="utf-8")
    settings, problem = load_settings(tmp_path)
    assert problem is not None and settings.voice.engine == "espeak-ng"


def test_a_failing_command_leaves_nothing_in_the_cache(tmp_path: Path) -> None:
    engine = Command(VoiceSettings(engine="command", command="false {output}"))
    cache = VoiceCache(tmp_path)
    with pytest.raises(VoiceError):
        cache.render("bonjour", "fr", engine)
    assert not list(cache.root.rglob("*.wav"))
