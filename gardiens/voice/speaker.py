"""What the interface asks to hear: `request` answers at once, the audio comes later.

An author's recording or an already rendered text is ready at once; anything else is rendered
on one worker thread, so a frame never waits on an engine. The interface polls `ready()` each
frame (or is told through `on_ready`, called on the worker thread).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from gardiens.voice.cache import VoiceCache
from gardiens.voice.engines import Engine, VoiceError


@dataclass(eq=False)
class Speech:
    """A text asked for, and once `done`, its audio (or why there is none)."""

    text: str
    language: str
    audio: Path | None = None
    error: str | None = None
    done: threading.Event = field(default_factory=threading.Event)
    # Which screen asked for it: `Speaker.forget` makes earlier requests stale.
    generation: int = 0


class Speaker:
    """Turns requests into audio files without blocking the caller."""

    def __init__(
        self,
        engine: Engine,
        cache: VoiceCache,
        *,
        recordings: Mapping[tuple[str, str], Path] | None = None,
        on_ready: Callable[[Speech], None] | None = None,
    ) -> None:
        self.engine = engine
        self.cache = cache
        # (language, text) → the author's recording, which always wins.
        self.recordings = dict(recordings or {})
        self.on_ready = on_ready
        self._waiting: queue.SimpleQueue[Speech | None] = queue.SimpleQueue()
        self._finished: list[Speech] = []
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None
        self._generation = 0

    def request(self, text: str, language: str) -> Speech:
        """Ask for `text` said in `language`; returns at once."""
        speech = Speech(text, language)
        known = self.recordings.get((language, text))
        if known is None:
            known = self.cache.find(text, language, self.engine)
        if known is not None:
            self._finish(speech, known, None)
            return speech
        with self._lock:
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, name="voice", daemon=True)
                self._worker.start()
            generation = self._generation
        speech.generation = generation
        self._waiting.put(speech)
        return speech

    def ready(self) -> list[Speech]:
        """The requests finished since the last call, in the order they finished."""
        with self._lock:
            finished, self._finished = self._finished, []
        return finished

    def forget(self) -> None:
        """Drop what is still waiting (the screen changed): it is not rendered now."""
        with self._lock:
            self._generation += 1

    def close(self) -> None:
        """Stop the worker after the text it is rendering."""
        self.forget()
        if self._worker is not None:
            self._waiting.put(None)
            self._worker.join()
            self._worker = None

    def _work(self) -> None:
        while (speech := self._waiting.get()) is not None:
            with self._lock:
                stale = speech.generation != self._generation
            if stale:
                self._finish(speech, None, "forgotten")
                continue
            try:
                audio = self.cache.render(speech.text, speech.language, self.engine)
            except (VoiceError, OSError) as error:
                self._finish(speech, None, str(error))
            else:
                self._finish(speech, audio, None)

    def _finish(self, speech: Speech, audio: Path | None, error: str | None) -> None:
        speech.audio, speech.error = audio, error
        with self._lock:
            self._finished.append(speech)
        speech.done.set()
        if self.on_ready is not None:
            self.on_ready(speech)
