"""Rendering a mission's texts ahead (`gardiens voice build`) and finding those with no audio
(`gardiens voice check`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from gardiens.core.recordings import inspect_recording
from gardiens.voice.cache import VoiceCache
from gardiens.voice.engines import Engine, VoiceError
from gardiens.voice.texts import SpokenText

Outcome = Literal["recorded", "cached", "rendered", "failed"]


@dataclass(frozen=True)
class Built:
    text: SpokenText
    outcome: Outcome
    audio: Path | None
    seconds: float
    error: str | None = None


def audio_of(text: SpokenText, cache: VoiceCache, engine: Engine) -> Path | None:
    """The audio a kiosk plays for `text` now: the author's recording, else the cached one."""
    if text.recording is not None and text.recording.is_file():
        return text.recording
    return cache.find(text.text, text.language, engine)


def build(
    texts: Sequence[SpokenText],
    cache: VoiceCache,
    engine: Engine,
    *,
    workers: int = 2,
    progress: Callable[[int, int], None] | None = None,
) -> list[Built]:
    """Render every text that has neither a recording nor cached audio, `workers` at a time
    (an engine is a process of its own: threads only wait for it). One result per text."""

    def one(text: SpokenText) -> Built:
        known = audio_of(text, cache, engine)
        if known is not None:
            outcome: Outcome = "recorded" if known == text.recording else "cached"
            return Built(text, outcome, known, _seconds(known))
        try:
            audio = cache.render(text.text, text.language, engine)
        except (VoiceError, OSError) as error:
            return Built(text, "failed", None, 0.0, str(error))
        return Built(text, "rendered", audio, _seconds(audio))

    results: list[Built] = []
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for built in pool.map(one, texts):
            results.append(built)
            if progress is not None:
                progress(len(results), len(texts))
    return results


def missing(texts: Sequence[SpokenText], cache: VoiceCache, engine: Engine) -> list[SpokenText]:
    """The texts a kiosk would have to render while playing."""
    return [text for text in texts if audio_of(text, cache, engine) is None]


def _seconds(path: Path) -> float:
    recording = inspect_recording(path)
    return recording.seconds if recording is not None else 0.0
