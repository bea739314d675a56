"""The engines that turn a text into a WAV file: espeak-ng by default, or a command the venue
configures in `kiosk.toml` (a Piper model file, for instance)."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from functools import cached_property
from pathlib import Path
from typing import Protocol

from gardiens.core.kiosk import VoiceSettings

# espeak-ng's voice for each language the bundled missions are written in.
ESPEAK_VOICES = {"fr": "fr-fr", "en": "en-gb"}
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
    """espeak-ng (the Debian package `espeak-ng`), at a rate suited to children."""

    name = "espeak-ng"

    def __init__(self, settings: VoiceSettings | None = None, program: str = "espeak-ng") -> None:
        self.settings = settings or VoiceSettings()
        self.program = program

    @cached_property
    def identity(self) -> str:
        # "eSpeak NG text-to-speech: 1.51  Data at: …": a new release may say texts otherwise.
        version = _run([self.program, "--version"], stdin=None).decode(errors="replace")
        return f"{self.name} {version.split('Data at')[0].strip()} rate={self.settings.rate}"

    def voice(self, language: str) -> str:
        return self.settings.voices.get(language) or ESPEAK_VOICES.get(language, language)

    def synthesise(self, text: str, *, language: str, voice: str, output: Path) -> None:
        if shutil.which(self.program) is None:
            raise VoiceError(f"{self.program}: not installed (apt-get install espeak-ng)")
        # The text goes to its standard input, so that no text is ever read as an option.
        argv = [self.program, "-v", voice, "-s", str(self.settings.rate), "-w", str(output)]
        _run(argv, stdin=text)


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


def engine_from(settings: VoiceSettings) -> Engine:
    """The engine `kiosk.toml` asks for."""
    if settings.engine == "command":
        return Command(settings)
    return Espeak(settings)
