"""Rendering a mission's texts ahead (`gardiens voice build`) and finding those with no audio
(`gardiens voice check`). A text is said sentence by sentence, one clip each (the kiosk outlines
the sentence whose clip plays); an author's recording covers its text whole."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from gardiens.core.recordings import inspect_recording
from gardiens.core.sentences import said_sentences
from gardiens.voice.cache import VoiceCache
from gardiens.voice.engines import Engine, VoiceError
from gardiens.voice.texts import SpokenText

Outcome = Literal["recorded", "cached", "rendered", "failed"]


@dataclass(frozen=True)
class Built:
    """A text's outcome, and its clips in the order they are played (its recording alone, or
    one clip per sentence)."""

    text: SpokenText
    outcome: Outcome
    clips: tuple[Path, ...]
    seconds: float
    error: str | None = None


def clip_texts(text: SpokenText) -> list[str]:
    """What the engine says of `text`, one clip each: its sentences."""
    return said_sentences(text.text)


def audio_of(text: SpokenText, cache: VoiceCache, engine: Engine) -> tuple[Path, ...] | None:
    """The clips a kiosk plays for `text` now: the author's recording, else the cached clip of
    each sentence; None while any sentence has none."""
    if text.recording is not None and text.recording.is_file():
        return (text.recording,)
    clips = []
    for sentence in clip_texts(text):
        found = cache.find(sentence, text.language, engine)
        if found is None:
            return None
        clips.append(found)
    return tuple(clips)


def build(
    texts: Sequence[SpokenText],
    cache: VoiceCache,
    engine: Engine,
    *,
    workers: int = 2,
    progress: Callable[[int, int], None] | None = None,
) -> list[Built]:
    """Render every sentence that has neither a recording nor cached audio, `workers` at a time
    (each sentence once, however many texts share it; an engine runs outside Python's lock or
    in a process of its own: threads only wait for it). One result per text; `progress` counts
    the sentences."""
    wanted: dict[tuple[str, str], None] = {}
    for text in texts:
        if audio_of(text, cache, engine) is None:
            wanted.update(((text.language, s), None) for s in clip_texts(text))
    jobs = list(wanted)

    def one(job: tuple[str, str]) -> Path | str:
        language, sentence = job
        try:
            return cache.render(sentence, language, engine)
        except (VoiceError, OSError) as error:
            return str(error)

    rendered: dict[tuple[str, str], Path | str] = {}
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for job, result in zip(jobs, pool.map(one, jobs), strict=True):
            rendered[job] = result
            if progress is not None:
                progress(len(rendered), len(jobs))
    return [_built(text, cache, engine, rendered) for text in texts]


def _built(text: SpokenText, cache: VoiceCache, engine: Engine,
           rendered: dict[tuple[str, str], Path | str]) -> Built:
    if text.recording is not None and text.recording.is_file():
        return Built(text, "recorded", (text.recording,), _seconds(text.recording))
    clips: list[Path] = []
    outcome: Outcome = "cached"
    for sentence in clip_texts(text):
        result = rendered.get((text.language, sentence))
        if isinstance(result, str):
            return Built(text, "failed", (), 0.0, result)
        if result is not None:
            outcome = "rendered"
        else:
            result = cache.find(sentence, text.language, engine)
            if result is None:
                return Built(text, "failed", (), 0.0, f"{engine.name}: no audio for {sentence[:40]!r}")
        clips.append(result)
    return Built(text, outcome, tuple(clips), sum(_seconds(c) for c in clips))


def missing(texts: Sequence[SpokenText], cache: VoiceCache, engine: Engine) -> list[SpokenText]:
    """The texts a kiosk would have to render (a sentence of them, at least) while playing."""
    return [text for text in texts if audio_of(text, cache, engine) is None]


def _seconds(path: Path) -> float:
    recording = inspect_recording(path)
    return recording.seconds if recording is not None else 0.0
