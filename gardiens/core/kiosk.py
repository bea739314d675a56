"""Kiosk settings: retention, idle and stuck thresholds, music, read from `kiosk.toml` in the data folder."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

SETTINGS_FILE = "kiosk.toml"


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
