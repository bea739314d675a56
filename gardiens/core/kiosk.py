"""Kiosk settings: retention, idle and stuck thresholds, music, the read-aloud voice, the
optional link to the venue's broker and learning record store; read from `kiosk.toml` in the
data folder."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, model_validator

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


class LinkSettings(BaseModel):
    """`[link]`: this kiosk joins the venue's MQTT broker (docs/network.md). Without the section
    the kiosk stands alone: no broker, no network thread."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    host: str = Field(min_length=1, max_length=253)
    port: int = Field(default=1883, ge=1, le=65535)
    # The kiosk's name in the topics: letters, digits and dashes, so it is one topic level.
    kiosk: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,31}$")
    # The broker account; the kiosk id when not given (deploy/mosquitto makes one per kiosk).
    username: str | None = Field(default=None, min_length=1, max_length=64)
    password: SecretStr | None = None
    # A file holding the password (first line), so kiosk.toml can be readable by more people.
    password_file: Path | None = None
    # With a CA file the link speaks TLS (port 8883 by convention).
    ca_file: Path | None = None
    prefix: str = Field(default="gardiens/v1", pattern=r"^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$")

    def account(self) -> str:
        return self.username or self.kiosk

    def secret(self) -> str | None:
        """The password, read from `password_file` when one is named (OSError if it cannot be)."""
        if self.password_file is not None:
            return self.password_file.read_text(encoding="utf-8").splitlines()[0].strip()
        return self.password.get_secret_value() if self.password is not None else None


class XapiSettings(BaseModel):
    """`[xapi]`: where `gardiens stats --xapi` sends its statements (a learning record store), and
    the home page of the anonymous accounts and of the activities' ids."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    homepage: str = Field(default="https://gardiens.invalid", pattern=r"^https?://[^\s]+$")
    # The record store's xAPI endpoint (statements go to its `statements` resource); none: no POST.
    endpoint: str | None = Field(default=None, pattern=r"^https?://[^\s]+$")
    key: str = ""
    secret: SecretStr = SecretStr("")
    batch: int = Field(default=50, ge=1, le=1000)
    timeout: float = Field(default=10.0, gt=0, le=300)


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
    link: LinkSettings | None = None
    xapi: XapiSettings = Field(default_factory=XapiSettings)


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
