"""Kiosk settings: retention, idle and stuck thresholds, music, the read-aloud voice, read from
`kiosk.toml` in the data folder."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

SETTINGS_FILE = "kiosk.toml"


class VoiceSettings(BaseModel):
    """The engine that reads texts aloud (`[voice]` in `kiosk.toml`).

    `engine = "command"` runs `command`, a template in which {text}, {output}, {language} and
    {voice} are replaced (the text goes to its standard input when there is no {text}; its
    standard output is the WAV when there is no {output}): a venue plugs a Piper model file
    this way, without code. `version` names what the command reads (a model file's version):
    changing it renders every text again.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    engine: Literal["espeak-ng", "command"] = "espeak-ng"
    command: str | None = None
    version: str = ""
    # The voice of each language (an espeak-ng voice, or what the command's {voice} becomes).
    voices: dict[str, str] = Field(default_factory=dict)
    # Words per minute (espeak-ng): slower than its default of 175, for children.
    rate: int = Field(default=140, ge=80, le=260)

    @model_validator(mode="after")
    def _command_given(self) -> VoiceSettings:
        if self.engine == "command" and not self.command:
            raise ValueError('engine = "command" needs a command')
        return self


class KioskSettings(BaseModel):
    """What a venue may tune; every value has a default that suits a school group."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    retention_days: int = Field(default=30, ge=0, le=365)
    idle_prompt_seconds: int = Field(default=120, ge=10, le=3600)
    idle_pause_seconds: int = Field(default=30, ge=5, le=600)
    debrief_return_seconds: int = Field(default=300, ge=10, le=3600)
    stuck_seconds: int = Field(default=300, ge=30, le=3600)
    stuck_wrong_attempts: int = Field(default=4, ge=1, le=50)
    pin_attempts: int = Field(default=5, ge=1, le=20)
    pin_lockout_seconds: int = Field(default=60, ge=5, le=3600)
    # Whether a team hears the mission's music before choosing otherwise in the accessibility
    # panel: a venue where several kiosks share a room may want it off.
    music: bool = True
    voice: VoiceSettings = Field(default_factory=VoiceSettings)


def load_settings(data_dir: Path) -> tuple[KioskSettings, str | None]:
    """The settings, and a message when the file exists but cannot be used (defaults then)."""
    path = data_dir / SETTINGS_FILE
    if not path.exists():
        return KioskSettings(), None
    try:
        with path.open("rb") as handle:
            return KioskSettings.model_validate(tomllib.load(handle)), None
    except (OSError, tomllib.TOMLDecodeError, ValidationError) as error:
        return KioskSettings(), f"{path}: {error}"
