"""Every text of every bundled mission, said by espeak-ng in French and English sentence by
sentence, is audible and of a plausible length: the promise of `gardiens voice build`. Each
sentence is checked (it is what a kiosk plays), each once however many texts share it."""

from __future__ import annotations

import math
import re
import wave
from array import array
from pathlib import Path

from gardiens.cli.steps import library_missions
from gardiens.voice.build import build, clip_texts
from gardiens.voice.cache import VoiceCache
from gardiens.voice.engines import Espeak
from gardiens.voice.texts import SpokenText, spoken_texts

# A word said takes more than this at least, and less than that at most.
SECONDS_PER_WORD = (0.05, 1.5)
# Words as they are said: « AlerteInfo_99 » is four (each digit may be a word of its own).
SAID_WORD = re.compile(r"\d|[^\W\d_][^\W\d_A-Z]*")
# The loudness of speech, far above silence (16-bit samples).
MIN_RMS = 500


def loudness(path: Path) -> tuple[float, float]:
    """The duration in seconds and the RMS of a 16-bit mono WAV (every 7th sample is enough)."""
    with wave.open(str(path)) as reader:
        assert (reader.getsampwidth(), reader.getnchannels()) == (2, 1)
        samples = array("h", reader.readframes(reader.getnframes()))
        seconds = reader.getnframes() / reader.getframerate()
    sampled = samples[::7]
    return seconds, math.sqrt(sum(s * s for s in sampled) / max(len(sampled), 1))


def test_every_text_of_every_mission_is_said_in_both_languages(espeak: str, tmp_path: Path) -> None:
    # GIVEN every text a team reads, each one once per language (bands share most of them)
    texts: dict[tuple[str, str], SpokenText] = {}
    missions = library_missions()
    for mission in missions.values():
        assert {"fr", "en"} <= {mission.language, *mission.translations}
        for text in spoken_texts(mission, languages=["fr", "en"]):
            texts.setdefault((text.language, text.text), text)
    # WHEN espeak-ng renders them, two at a time
    results = build(list(texts.values()), VoiceCache(tmp_path), Espeak(), workers=2)
    # THEN each text has one clip per sentence, and each sentence is audible speech of a
    # plausible length for its number of words
    wrong: list[str] = []
    clips: dict[Path, tuple[SpokenText, str]] = {}
    for built in results:
        assert built.outcome == "rendered", built.error
        sentences = clip_texts(built.text)
        assert len(built.clips) == len(sentences) >= 1, built.text.text
        clips.update((clip, (built.text, said)) for clip, said in zip(built.clips, sentences, strict=True))
    for clip, (text, said) in clips.items():
        seconds, rms = loudness(clip)
        words = max(len(SAID_WORD.findall(said)), 1)
        low, high = SECONDS_PER_WORD
        if not (low * words <= seconds <= high * words) or rms < MIN_RMS:
            wrong.append(f"{text.language} {text.place} « {said} »: {seconds:.2f} s, "
                         f"RMS {rms:.0f}, {words} words")
    assert not wrong, "\n".join(wrong)
    assert len(results) > 1000 and {t.language for t in texts.values()} == {"fr", "en"}
    assert len(clips) > len(results)
