"""The speaker the interface will use: a request never waits for an engine."""

from __future__ import annotations

import threading
from pathlib import Path

from gardiens.voice.cache import VoiceCache
from gardiens.voice.speaker import Speaker
from tests.voice.fakes import write_wav


class HeldEngine:
    """An engine that renders only when the test lets it."""

    name = "held"
    identity = "held 1"

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Event()
        self.said: list[str] = []

    def voice(self, language: str) -> str:
        return language

    def synthesise(self, text: str, *, language: str, voice: str, output: Path) -> None:
        self.started.set()
        assert self.release.wait(10)
        self.said.append(text)
        write_wav(output, 0.2)


def test_a_request_returns_before_synthesis_ends(tmp_path: Path) -> None:
    engine = HeldEngine()
    speaker = Speaker(engine, VoiceCache(tmp_path))
    try:
        # WHEN a text with no audio is asked for
        speech = speaker.request("Bonjour l'équipe", "fr")
        # THEN the call has returned while the engine is still held
        assert engine.started.wait(10)
        assert not speech.done.is_set() and speaker.ready() == []
        engine.release.set()
        assert speech.done.wait(10)
        assert speaker.ready() == [speech] and speech.audio is not None and speech.audio.is_file()
        # AND the same text again is ready at once, from the cache
        again = speaker.request("Bonjour l'équipe", "fr")
        assert again.done.is_set() and again.audio == speech.audio
    finally:
        engine.release.set()
        speaker.close()
    assert engine.said == ["Bonjour l'équipe"]


def test_the_authors_recording_wins(tmp_path: Path) -> None:
    recording = write_wav(tmp_path / "consigne.wav", 1.0)
    engine = HeldEngine()
    heard: list[Path | None] = []
    speaker = Speaker(
        engine,
        VoiceCache(tmp_path),
        recordings={("fr", "Lisez la consigne."): recording},
        on_ready=lambda speech: heard.append(speech.audio),
    )
    speech = speaker.request("Lisez la consigne.", "fr")
    assert speech.done.is_set() and speech.audio == recording and heard == [recording]
    assert not engine.started.is_set()
    speaker.close()


def test_what_a_left_screen_asked_for_is_not_rendered(tmp_path: Path) -> None:
    engine = HeldEngine()
    speaker = Speaker(engine, VoiceCache(tmp_path))
    first = speaker.request("Premier écran", "fr")
    assert engine.started.wait(10)
    second = speaker.request("Encore le premier écran", "fr")
    # WHEN the screen changes while the first text is being rendered
    speaker.forget()
    engine.release.set()
    assert second.done.wait(10)
    speaker.close()
    # THEN the text being rendered finishes, the waiting one is dropped
    assert first.audio is not None and second.audio is None and second.error == "forgotten"
    assert engine.said == ["Premier écran"]
