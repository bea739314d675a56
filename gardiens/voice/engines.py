"""The engines that turn a text into a WAV file: espeak-ng by default, or a command the venue
configures in `kiosk.toml` (a Piper model file, for instance)."""

from __future__ import annotations

import ctypes
import ctypes.util
import shlex
import shutil
import subprocess
import threading
import wave
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Protocol

from gardiens.core.kiosk import VoiceSettings

# A text a child reads takes seconds to say; far past that, the engine has hung.
TIMEOUT_SECONDS = 60


class VoiceError(Exception):
    """An engine could not render a text (missing program, failed command, no audio)."""


class Engine(Protocol):
    """What renders a text: `synthesise` writes a WAV file of `text` said in `language`."""

    name: str

    @property
    def identity(self) -> str:
        """The engine, its version and its settings: what the cache keys audio by."""

    def voice(self, language: str) -> str:
        """The voice that says `language`."""

    def synthesise(self, text: str, *, language: str, voice: str, output: Path) -> None:
        """Write `text`, said by `voice` in `language`, to the WAV file `output`."""


def _run(argv: list[str], *, stdin: str | None) -> bytes:
    try:
        done = subprocess.run(
            argv,
            input=stdin.encode() if stdin is not None else None,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise VoiceError(f"{argv[0]}: {error}") from error
    if done.returncode != 0:
        raise VoiceError(f"{argv[0]}: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout


class Espeak:
    """espeak-ng (the Debian package `espeak-ng`), at a rate suited to children, run inside
    this process through its library: a mission's thousand texts need no thousand processes."""

    name = "espeak-ng"

    def __init__(self, settings: VoiceSettings | None = None) -> None:
        self.settings = settings or VoiceSettings()

    @cached_property
    def identity(self) -> str:
        # A new release of espeak-ng may say a text otherwise: its version is part of the key.
        return f"{self.name} {_espeak().version} rate={self.settings.rate}"

    def voice(self, language: str) -> str:
        # espeak-ng's voice named by a language code says it as spoken in its country of
        # origin (« fr »: France, « en »: Britain); `voices` in kiosk.toml picks another.
        return self.settings.voices.get(language, language)

    def synthesise(self, text: str, *, language: str, voice: str, output: Path) -> None:
        library = _espeak()
        samples = library.say(text, voice=voice, rate=self.settings.rate)
        with wave.open(str(output), "wb") as writer:
            writer.setnchannels(1)
            writer.setsampwidth(2)
            writer.setframerate(library.sample_rate)
            writer.writeframes(samples)


class _EspeakLibrary:
    """libespeak-ng, loaded once per process. Its state (voice, rate, callback) is the
    library's own, global: one text is said at a time."""

    _AUDIO_OUTPUT_SYNCHRONOUS = 2
    _RATE = 1
    _POS_CHARACTER = 1
    _CHARS_UTF8 = 1

    def __init__(self) -> None:
        found = ctypes.util.find_library("espeak-ng")
        if found is None:
            raise VoiceError("espeak-ng: not installed (apt-get install espeak-ng)")
        self._lib = ctypes.CDLL(found)
        self.sample_rate = int(self._lib.espeak_Initialize(self._AUDIO_OUTPUT_SYNCHRONOUS, 0, None, 0))
        if self.sample_rate <= 0:
            raise VoiceError("espeak-ng: its data cannot be read")
        self._lib.espeak_Info.restype = ctypes.c_char_p
        self.version = (self._lib.espeak_Info(None) or b"?").decode()
        self._chunks: list[bytes] = []
        self._lock = threading.Lock()
        callback = ctypes.CFUNCTYPE(
            ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
        )
        # Kept on the object: the library calls it for as long as the process lives.
        self._callback = callback(self._heard)
        self._lib.espeak_SetSynthCallback(self._callback)

    def _heard(self, wav: Any, count: int, events: Any) -> int:
        if count > 0:
            self._chunks.append(ctypes.string_at(wav, count * 2))
        return 0

    def say(self, text: str, *, voice: str, rate: int) -> bytes:
        """The 16-bit mono samples of `text`, said by `voice` at `rate` words per minute."""
        encoded = text.encode() + b"\0"
        with self._lock:
            if self._lib.espeak_SetVoiceByName(voice.encode()) != 0:
                raise VoiceError(f"espeak-ng: no voice {voice!r}")
            self._lib.espeak_SetParameter(self._RATE, rate, 0)
            self._chunks = []
            status = self._lib.espeak_Synth(
                encoded, len(encoded), 0, self._POS_CHARACTER, 0, self._CHARS_UTF8, None, None
            )
            self._lib.espeak_Synchronize()
            samples, self._chunks = b"".join(self._chunks), []
        if status != 0:
            raise VoiceError(f"espeak-ng: could not say {text[:40]!r}")
        return samples


@cache
def _espeak() -> _EspeakLibrary:
    return _EspeakLibrary()


class Command:
    """A command from `kiosk.toml` (`[voice] engine = "command"`), run without a shell; in its
    template, {text}, {output}, {language} and {voice} are replaced. Without {text} the text
    goes to its standard input; without {output} its standard output is the WAV."""

    name = "command"

    def __init__(self, settings: VoiceSettings) -> None:
        if not settings.command:
            raise VoiceError('[voice] engine = "command" needs a command')
        self.settings = settings
        self.command = settings.command
        self.template = shlex.split(settings.command)

    @property
    def identity(self) -> str:
        return f"{self.name} {self.settings.command} version={self.settings.version}"

    def voice(self, language: str) -> str:
        return self.settings.voices.get(language, language)

    def synthesise(self, text: str, *, language: str, voice: str, output: Path) -> None:
        fields = {"text": text, "output": str(output), "language": language, "voice": voice}
        try:
            argv = [part.format_map(fields) for part in self.template]
        except (KeyError, ValueError, IndexError) as error:
            raise VoiceError(f"[voice] command: {error}") from error
        written = _run(argv, stdin=None if "{text}" in self.command else text)
        if "{output}" not in self.command:
            output.write_bytes(written)


def missing(engine: Engine) -> str | None:
    """Why `engine` cannot say anything on this machine (espeak-ng not installed, the command's
    program not found), or None when it can."""
    if isinstance(engine, Espeak):
        try:
            _espeak()
        except VoiceError as error:
            return str(error)
    elif isinstance(engine, Command) and shutil.which(engine.template[0]) is None:
        return f"{engine.template[0]}: not found"
    return None


def engine_from(settings: VoiceSettings) -> Engine:
    """The engine `kiosk.toml` asks for."""
    if settings.engine == "command":
        return Command(settings)
    return Espeak(settings)
