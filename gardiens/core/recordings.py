"""Recorded voice files an author gives for a text (`voice:` in a mission): what they are and
how long they last, read from their headers without decoding (the core plays nothing)."""

from __future__ import annotations

import struct
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

AudioKind = Literal["wav", "ogg"]
# A recording reads one text: longer than this, it is not the text (or not for a child).
MAX_RECORDING_SECONDS = 90.0
# How much of an Ogg file's end is searched for its last page (a page is 64 KiB at most).
_OGG_TAIL = 70_000


@dataclass(frozen=True)
class Recording:
    kind: AudioKind
    seconds: float


def inspect_recording(path: Path) -> Recording | None:
    """The kind and length of a WAV or Ogg (Vorbis, Opus) file; None when it is neither, or
    its header cannot be read."""
    try:
        with path.open("rb") as handle:
            head = handle.read(64)
            if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
                return _wav(path)
            if head[:4] == b"OggS":
                return _ogg(path, head)
    except OSError:
        return None
    return None


def _wav(path: Path) -> Recording | None:
    try:
        with wave.open(str(path), "rb") as reader:
            rate = reader.getframerate()
            frames = reader.getnframes()
    except (wave.Error, EOFError):
        return None
    return Recording("wav", frames / rate) if rate else None


def _ogg(path: Path, head: bytes) -> Recording | None:
    # The first page holds the codec's identification header: Vorbis says its sample rate,
    # Opus always counts at 48 kHz. The last page's granule position is the samples played.
    body = head[28:]
    if body.startswith(b"\x01vorbis") and len(body) >= 16:
        rate = struct.unpack_from("<I", body, 12)[0]
    elif body.startswith(b"OpusHead"):
        rate = 48_000
    else:
        return None
    data = path.read_bytes()
    last = data.rfind(b"OggS", max(0, len(data) - _OGG_TAIL))
    if last < 0 or last + 14 > len(data) or not rate:
        return None
    granule = struct.unpack_from("<q", data, last + 6)[0]
    return Recording("ogg", max(granule, 0) / rate)
