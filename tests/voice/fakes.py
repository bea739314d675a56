"""A fake synthesiser for the configured-command path: a script that writes a WAV whose length
follows the text, the way a venue's Piper command would."""

from __future__ import annotations

import math
import shlex
import struct
import sys
import wave
from pathlib import Path

FAKE_TTS = """\
import math, struct, sys, wave
text = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] != "-" else sys.stdin.read()
out = sys.argv[1]
frames = b"".join(
    struct.pack("<h", int(8000 * math.sin(i / 3))) for i in range(1600 * len(text.split()))
)
target = sys.stdout.buffer if out == "-" else out
with wave.open(target, "wb") as w:
    w.setnchannels(1); w.setsampwidth(2); w.setframerate(16000); w.writeframes(frames)
"""


def fake_command(tmp_path: Path, *, output: bool = True, text_argument: bool = True) -> str:
    """The `[voice] command` template that runs the fake synthesiser."""
    script = tmp_path / "fake_tts.py"
    script.write_text(FAKE_TTS, encoding="utf-8")
    parts = [shlex.quote(sys.executable), shlex.quote(str(script))]
    parts.append("{output}" if output else "-")
    parts.append("{text}" if text_argument else "-")
    return " ".join(parts)


def write_wav(path: Path, seconds: float, rate: int = 8000) -> Path:
    frames = b"".join(
        struct.pack("<h", int(6000 * math.sin(i / 5))) for i in range(int(seconds * rate))
    )
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(frames)
    return path
