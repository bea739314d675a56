"""Reading the screen aloud: the speaker button reads the blocks of the screen on top in order,
the sentence said is outlined, a new screen stops the voice, auto-read reads a new screen, a slow
engine never holds a frame, and a kiosk without a voice shows no speaker."""

from __future__ import annotations

import threading
import wave
from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.speech import SPEAKER_BUTTON, ReadAloud, sentence_area, sentences
from gardiens.ui.text import TextFit
from gardiens.voice.cache import VoiceCache
from gardiens.voice.speaker import Speaker
from tests.ui.test_snapshots import check_snapshot, render

RATE = 8000
# Each text is said at this many seconds per character: long enough to see sentences pass.
SECONDS_PER_CHARACTER = 0.02


class FakeEngine:
    """Writes a quiet tone as long as the text; `gate` (when given) holds each text until set."""

    name = "fake"
    identity = "fake 1"

    def __init__(self, gate: threading.Event | None = None) -> None:
        self.gate = gate
        self.said: list[str] = []

    def voice(self, language: str) -> str:
        return language

    def synthesise(self, text: str, *, language: str, voice: str, output: Path) -> None:
        if self.gate is not None:
            self.gate.wait(10)
        self.said.append(text)
        frames = int(RATE * SECONDS_PER_CHARACTER * len(text))
        with wave.open(str(output), "wb") as writer:
            writer.setnchannels(1)
            writer.setsampwidth(2)
            writer.setframerate(RATE)
            writer.writeframes(b"\x10\x00\xf0\xff" * (frames // 2))


def speaking(pilot: Pilot, tmp_path: Path, engine: FakeEngine | None = None) -> ReadAloud:
    speech = ReadAloud(pilot.app, Speaker(engine or FakeEngine(), VoiceCache(tmp_path)))
    pilot.app.speech = speech
    pilot.app.dirty = True
    pilot.advance()
    return speech


def until(pilot: Pilot, done: Callable[[], bool], frames: int = 600) -> None:
    for _ in range(frames):
        if done():
            return
        pilot.advance()
    raise AssertionError("never happened")


def briefing(launch: Callable[..., Pilot], **options: object) -> Pilot:
    pilot = launch(**options)
    stage(pilot.app, pilot.clock, screen="briefing", language="fr")
    pilot.settle()
    return pilot


def test_the_speaker_reads_the_briefing_in_reading_order(launch: Callable[..., Pilot], tmp_path: Path) -> None:
    # GIVEN the briefing with a voice
    pilot = briefing(launch)
    speech = speaking(pilot, tmp_path)
    fits = {f.name: f for f in pilot.fits()}
    # WHEN the team taps the speaker
    pilot.tap(SPEAKER_BUTTON)
    # THEN its blocks are asked for top to bottom, left to right, as written (no typography), the
    # start button's label left out
    rules = sorted((f for f in pilot.app.type.report if f.name == "rule"), key=lambda f: f.ink[0])
    expected = [fits["briefing-title"].said, fits["briefing-hello"].said, fits["briefing-story"].said,
                *(r.said for r in rules)]
    assert speech.requested == expected
    assert all("\u202f" not in text for text in speech.requested)
    assert fits["start"].said not in speech.requested
    # AND the first block is outlined while it plays, then the story, sentence by sentence
    until(pilot, lambda: speech.playing is not None)
    title = pygame.Rect(fits["briefing-title"].ink)
    outlined = speech.outlined()
    assert outlined is not None and outlined.contains(title)
    until(pilot, lambda: speech.playing is not None and speech.playing.passage.said == fits["briefing-story"].said)
    story = fits["briefing-story"]
    first = speech.outlined()
    assert first is not None and pygame.Rect(story.ink).inflate(40, 40).contains(first)
    assert first.h < story.ink[3]
    until(pilot, lambda: speech.outlined() != first)
    later = speech.outlined()
    assert later is not None and later.bottom > first.bottom
    # AND the button now stops the voice
    assert pilot.find(SPEAKER_BUTTON).label == "Stop"


def test_a_new_screen_stops_the_voice(launch: Callable[..., Pilot], tmp_path: Path) -> None:
    pilot = briefing(launch)
    speech = speaking(pilot, tmp_path)
    pilot.tap(SPEAKER_BUTTON)
    until(pilot, lambda: speech.playing is not None)
    # WHEN the team goes on to the map
    pilot.tap("start")
    pilot.advance()
    # THEN nothing plays nor waits, and the speaker is back to « Écouter »
    assert pilot.screen != "briefing"
    assert speech.playing is None and speech.queue == [] and not speech.on
    assert speech._channel is None or not speech._channel.get_busy()
    assert pilot.find(SPEAKER_BUTTON).label == "Écouter"


def test_auto_read_reads_each_new_screen(launch: Callable[..., Pilot], tmp_path: Path) -> None:
    pilot = briefing(launch)
    speech = speaking(pilot, tmp_path)
    pilot.app.change_settings(pilot.app.settings.with_(auto_read=True))
    # WHEN a new screen opens
    pilot.tap("start")
    until(pilot, lambda: bool(speech.requested))
    # THEN its texts are asked for without a tap, and the music is lowered while it speaks
    drawn = [f.said for f in pilot.fits()]
    assert speech.requested and all(text in drawn for text in speech.requested)
    until(pilot, lambda: speech.playing is not None)
    assert pilot.app.mood().ducked or pilot.app.mood().theme is None


def test_a_tap_on_a_text_reads_it(launch: Callable[..., Pilot], tmp_path: Path) -> None:
    pilot = briefing(launch)
    speech = speaking(pilot, tmp_path)
    story = next(f for f in pilot.fits() if f.name == "briefing-story")
    pilot.tap(SPEAKER_BUTTON)
    # WHEN, in reading mode, the team taps the story
    speech.requested.clear()
    pilot.tap(pygame.Rect(story.ink).center)
    # THEN the story alone is read
    assert speech.requested == [story.said]


def test_a_slow_engine_never_holds_a_frame(launch: Callable[..., Pilot], tmp_path: Path) -> None:
    gate = threading.Event()
    engine = FakeEngine(gate)
    pilot = briefing(launch)
    speech = speaking(pilot, tmp_path, engine)
    # WHEN the engine is stuck on the first text, frames go on and nothing plays
    pilot.tap(SPEAKER_BUTTON)
    for _ in range(30):
        pilot.advance()
    assert speech.playing is None and engine.said == []
    # THEN once it answers, the voice plays
    gate.set()
    until(pilot, lambda: speech.playing is not None)
    assert engine.said


def test_without_a_voice_there_is_no_speaker(launch: Callable[..., Pilot]) -> None:
    pilot = briefing(launch)
    pilot.app.speech = ReadAloud(pilot.app, None, missing="espeak-ng: not installed")
    pilot.advance()
    assert not pilot.has(SPEAKER_BUTTON)
    pilot.tap("a11y")
    assert not pilot.has("voice:auto")
    assert any(f.name == "a11y-voice-missing" for f in pilot.fits())


def test_the_panel_turns_auto_read_on(launch: Callable[..., Pilot], tmp_path: Path) -> None:
    pilot = briefing(launch)
    speaking(pilot, tmp_path)
    pilot.tap("a11y")
    pilot.tap("voice:auto")
    assert pilot.app.settings.auto_read


def test_sentences_and_their_lines() -> None:
    text = "Alerte, Gardiens\u202f! Le Brouillard a envahi le fil. Gagnez les morceaux\u202f!"
    assert [text[s:e].strip() for s, e in sentences(text)] == [
        "Alerte, Gardiens\u202f!", "Le Brouillard a envahi le fil.", "Gagnez les morceaux\u202f!"]
    lines = ("Alerte, Gardiens\u202f! Le Brouillard a", "envahi le fil. Gagnez les", "morceaux\u202f!")
    fit = TextFit("b", text, (0, 0, 400, 150), 30, 30, 3, True, ink=(10, 10, 380, 130),
                  line_texts=lines, line_height=50)
    # The second sentence spans the first two lines; the last, the last two.
    assert sentence_area(fit, 0.4, 0) == pygame.Rect(10, 10, 380, 80)
    assert sentence_area(fit, 0.95, 0) == pygame.Rect(10, 60, 380, 80)


@pytest.mark.parametrize("language", ["fr"])
def test_the_outline_looks_right(launch: Callable[..., Pilot], tmp_path: Path, language: str) -> None:
    pilot = briefing(launch)
    speech = speaking(pilot, tmp_path)
    pilot.tap(SPEAKER_BUTTON)
    story = next(f for f in pilot.fits() if f.name == "briefing-story")
    until(pilot, lambda: speech.playing is not None and speech.playing.passage.said == story.said)
    assert speech.playing is not None
    speech.playing.started = pilot.app.time  # its first sentence, whatever the frame
    pilot.app.fixed_dt = 0.0
    check_snapshot(f"speech-briefing-{language}", render(pilot))
