"""Rendered audio, kept in the kiosk's data folder under `voice/`, one WAV per text, keyed by
what made it: the text, its language, the voice, and the engine with its version and settings."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from gardiens.core.recordings import inspect_recording
from gardiens.voice.engines import Engine, VoiceError

CACHE_FOLDER = "voice"


def audio_key(text: str, language: str, voice: str, engine: str) -> str:
    """The cache key of a text said by `voice` of `engine` (its identity) in `language`."""
    blob = json.dumps([text, language, voice, engine], ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


class VoiceCache:
    """The rendered texts of one data folder (`<data-dir>/voice/ab/abcdef….wav`)."""

    def __init__(self, data_dir: Path) -> None:
        self.root = data_dir / CACHE_FOLDER

    def path(self, text: str, language: str, engine: Engine) -> Path:
        key = audio_key(text, language, engine.voice(language), engine.identity)
        return self.root / key[:2] / f"{key}.wav"

    def find(self, text: str, language: str, engine: Engine) -> Path | None:
        """The audio of `text` when it was rendered already."""
        path = self.path(text, language, engine)
        return path if path.is_file() else None

    def render(self, text: str, language: str, engine: Engine) -> Path:
        """The audio of `text`, rendered now unless it is cached. A file appears whole or not
        at all (written aside, then renamed), so a kiosk stopped mid-way keeps no half file."""
        path = self.path(text, language, engine)
        if path.is_file():
            return path
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, aside = tempfile.mkstemp(suffix=".wav", dir=path.parent)
        os.close(handle)
        partial = Path(aside)
        try:
            engine.synthesise(text, language=language, voice=engine.voice(language), output=partial)
            recording = inspect_recording(partial)
            if recording is None or recording.kind != "wav" or recording.seconds <= 0:
                raise VoiceError(f"{engine.name}: no audio for {text[:40]!r}")
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
        return path
