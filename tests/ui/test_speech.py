"""Reading the screen aloud: the speaker button reads the blocks of the screen on top in order,
the sentence said is outlined, a new screen stops the voice, auto-read reads a new screen, a slow
engine never holds a frame, and a kiosk without a voice shows no speaker."""

from __future__ import annotations

import itertools
import threading
import wave
from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from gardiens.core.model import Mission
from gardiens.core.sentences import said_sentences, sentence_spans
from gardiens.testing.audit import look
from gardiens.testing.pilot import Pilot
from gardiens.testing.scenes import stage
from gardiens.ui.speech import (
    SPEAKER_BUTTON,
    ReadAloud,
    reading_order,
    sentence_area,
    sentence_lines,
    shown_span,
)
from gardiens.ui.text import TextClass, TextFit
from gardiens.ui.theme import Settings
from gardiens.ui.widgets.base import Widget
from gardiens.voice.cache import VoiceCache
from gardiens.voice.speaker import Speaker
from tests.ui.conftest import MISSION_DIR
from tests.ui.test_map import crowded
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
    # THEN its blocks are asked for top to bottom, left to right, as written (no typography),
    # sentence by sentence, the start button's label left out
    rules = sorted((f for f in pilot.app.type.report if f.name == "rule"), key=lambda f: f.ink[0])
    blocks = [fits["briefing-title"].said, fits["briefing-hello"].said, fits["briefing-story"].said,
              *(r.said for r in rules)]
    assert speech.requested == list(dict.fromkeys(s for b in blocks for s in said_sentences(b)))
    assert len(said_sentences(fits["briefing-story"].said)) > 1
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
    assert speech.requested and all(any(text in d for d in drawn) for text in speech.requested)
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
    # THEN the story alone is read, sentence by sentence
    assert speech.requested == said_sentences(story.said)


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
    # The voice's choices have their row on the panel's second page
    pilot.tap("a11y-page:2")
    pilot.tap("voice:auto")
    assert pilot.app.settings.auto_read


def test_sentences_and_their_lines() -> None:
    text = "Alerte, Gardiens\u202f! Le Brouillard a envahi le fil. Gagnez les morceaux\u202f!"
    assert [text[s:e].strip() for s, e in sentence_spans(text)] == [
        "Alerte, Gardiens\u202f!", "Le Brouillard a envahi le fil.", "Gagnez les morceaux\u202f!"]
    lines = ("Alerte, Gardiens\u202f! Le Brouillard a", "envahi le fil. Gagnez les", "morceaux\u202f!")
    fit = TextFit("b", text, (0, 0, 400, 150), 30, 30, 3, True, ink=(10, 10, 380, 130),
                  line_texts=lines, line_height=50)
    # The second sentence spans the first two lines; the last, the last two.
    spans = sentence_spans(text)
    assert sentence_area(fit, spans[1], 0) == pygame.Rect(10, 10, 380, 80)
    assert sentence_area(fit, spans[2], 0) == pygame.Rect(10, 60, 380, 80)
    # A recording's block (no sentence) is outlined whole
    assert sentence_area(fit, None, 0) == pygame.Rect(10, 10, 380, 130)
    # The sentences of the text as written are found in the text as typeset
    said = "Alerte, Gardiens ! Le Brouillard a envahi le fil. Gagnez les morceaux !"
    assert [shown_span(text, said, i) for i in range(3)] == spans



@pytest.mark.parametrize("centred", [False, True])
def test_a_sentence_is_outlined_from_its_first_letter_to_its_last(centred: bool) -> None:
    # GIVEN a block in three lines, 10 px a letter, left-aligned or centred in its box
    text = "Alerte, Gardiens\u202f! Le Brouillard a envahi le fil. Gagnez les morceaux\u202f!"
    lines = ("Alerte, Gardiens\u202f! Le Brouillard a", "envahi le fil. Gagnez les", "morceaux\u202f!")
    widest = 10 * len(lines[0])
    box = (0, 0, widest + 200, 150) if centred else (0, 0, widest, 150)
    ink = (100 if centred else 0, 0, widest, 130)
    block = TextFit("b", text, box, 30, 30, 3, True, ink=ink, line_texts=lines, line_height=50)
    # WHEN the second sentence is outlined
    stretches = sentence_lines(block, sentence_spans(text)[1], 0, lambda t: 10 * len(t))
    # THEN on the first line from « Le » to the line's end, on the second from its start to « fil. »
    x0 = ink[0]
    second_x = ink[0] + (widest - 10 * len(lines[1])) // 2 if centred else ink[0]
    assert stretches == [pygame.Rect(x0 + 10 * lines[0].index("Le"), 0, 10 * len("Le Brouillard a"), 50),
                         pygame.Rect(second_x, 50, 10 * len("envahi le fil."), 30)]

def test_the_outline_follows_the_clip_that_plays(launch: Callable[..., Pilot], tmp_path: Path) -> None:
    # GIVEN the briefing's story being read
    pilot = briefing(launch)
    speech = speaking(pilot, tmp_path)
    story = next(f for f in pilot.fits() if f.name == "briefing-story")
    said = said_sentences(story.said)
    speech.on = True
    pilot.tap(pygame.Rect(story.ink).center)
    until(pilot, lambda: speech.playing is not None)
    assert speech.playing is not None and speech.playing.part.said == said[0]
    first = speech.outlined()
    # WHEN its first clip plays THEN the first sentence stays outlined, however long it lasts
    while speech.playing is not None and speech.playing.part.sentence == 0:
        assert speech.outlined() == first
        pilot.advance()
    # AND the frame its second clip starts, the outline moves to the second sentence
    playing = speech.playing
    assert playing is not None and playing.part.said == said[1]
    assert playing.started == pilot.app.time or pilot.app.time - playing.started < 0.1
    margin = pilot.app.metrics.px(8)
    assert speech.outlined() == sentence_area(story, shown_span(story.text, story.said, 1), margin) != first
    if speech._channel is not None:
        assert speech._channel.get_sound() is not None


def test_a_recorded_block_is_said_and_outlined_whole(launch: Callable[..., Pilot], tmp_path: Path) -> None:
    pilot = briefing(launch)
    speech = speaking(pilot, tmp_path)
    story = next(f for f in pilot.fits() if f.name == "briefing-story")
    # GIVEN the author's recording of the story
    recording = VoiceCache(tmp_path).render(story.said, "fr", FakeEngine())
    assert speech.speaker is not None
    speech.speaker.recordings[("fr", story.said)] = recording
    speech.on = True
    # WHEN it is read THEN it is asked for whole, and the whole block is outlined
    pilot.tap(pygame.Rect(story.ink).center)
    assert speech.requested[-1:] == [story.said]
    until(pilot, lambda: speech.playing is not None)
    assert speech.outlined() == pygame.Rect(story.ink).inflate(2 * pilot.app.metrics.px(8), 2 * pilot.app.metrics.px(8))


@pytest.mark.parametrize("language", ["fr"])
def test_the_outline_looks_right(launch: Callable[..., Pilot], tmp_path: Path, language: str) -> None:
    pilot = briefing(launch)
    speech = speaking(pilot, tmp_path)
    pilot.tap(SPEAKER_BUTTON)
    story = next(f for f in pilot.fits() if f.name == "briefing-story")
    # The story's second sentence, outlined while its clip plays (time stopped there)
    until(pilot, lambda: speech.playing is not None and speech.playing.passage.said == story.said
          and speech.playing.part.sentence == 1)
    pilot.app.fixed_dt = 0.0
    check_snapshot(f"speech-briefing-{language}", render(pilot))


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
@pytest.mark.parametrize("step", [0, 2])
def test_the_speaker_covers_nothing_of_a_puzzle(launch: Callable[..., Pilot], tmp_path: Path,
                                                 size: tuple[int, int], step: int) -> None:
    # GIVEN a kiosk with a voice, at a kiosk's size and text size
    pilot = launch(size=size, settings=Settings(text_step=step), voice=tmp_path)
    mission = next(iter(pilot.app.session.missions.values()))
    for puzzle in mission.puzzles:
        # WHEN a puzzle is shown
        stage(pilot.app, pilot.clock, puzzle=puzzle.id, language="fr")
        pilot.settle()
        speaker = pilot.find(SPEAKER_BUTTON).rect
        # THEN the speaker lies left of the prompt's box (its « ? » icon free), and meets no text
        # nor any other target
        assert not speaker.colliderect(pilot.app.top.prompt), puzzle.id  # type: ignore[union-attr]
        assert not [p for p in look(pilot) if SPEAKER_BUTTON in (p.subject, p.other)], puzzle.id


def fit(text: str, ink: tuple[int, int, int, int], kind: TextClass = "reading") -> TextFit:
    return TextFit("t", text, ink, 30, 30, 1, True, kind=kind, ink=ink)


def test_a_cards_labels_are_read_after_its_text_and_a_buttons_are_not() -> None:
    # GIVEN a post card (author, date, text, a note) beside a button and an avatar's initial
    card = Widget("post:a", pygame.Rect(0, 100, 400, 300))
    button = Widget("submit", pygame.Rect(500, 100, 200, 100))
    fits = [
        fit("Une consigne à lire.", (0, 0, 700, 40)),
        fit("L", (10, 110, 30, 30), "label"),
        fit("Le Journal", (50, 110, 200, 30), "label"),
        fit("il y a 2 h", (50, 145, 200, 30), "label"),
        fit("Fête de la science samedi.", (10, 200, 380, 60)),
        fit("Note : photo publiée en 2012", (10, 300, 380, 30), "label"),
        fit("Valider", (520, 120, 160, 40), "label"),
    ]
    # WHEN the screen is read
    order = [f.text for f in reading_order(fits, [card, button], 24)]
    # THEN the card's text comes first, then its labels in reading order; the button's label and
    # the lone initial are left out
    assert order == ["Une consigne à lire.", "Fête de la science samedi.", "Le Journal", "il y a 2 h",
                     "Note : photo publiée en 2012"]


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
@pytest.mark.parametrize("count", [8, 16, 20])
def test_a_voiced_maps_spots_keep_clear_of_the_speaker(mission: Mission, pilots: list[Pilot], tmp_path: Path,
                                                       size: tuple[int, int], count: int) -> None:
    # GIVEN a kiosk with a voice showing a map of `count` puzzles
    grown = crowded(mission, count)
    pilot = Pilot.launch({grown.id: grown}, mission_dirs={grown.id: MISSION_DIR}, size=size, voice=tmp_path)
    pilots.append(pilot)
    stage(pilot.app, pilot.clock, screen="map", language="fr")
    pilot.settle()
    # THEN the speaker is there, even on the most crowded map; no spot lies under it, and no two
    # spots meet
    speaker = pilot.find(SPEAKER_BUTTON).rect
    spots = [w for w in pilot.app.all_widgets() if w.name.startswith("tile:")]
    assert len(spots) == count
    assert speaker.collidelist([s.rect for s in spots]) == -1
    for a, b in itertools.combinations(spots, 2):
        assert not a.rect.colliderect(b.rect), (a.name, b.name)
