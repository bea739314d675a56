"""Where the gettext catalogs live; kept apart so the interface reads them without the mission model."""

from __future__ import annotations

import os
from pathlib import Path


def locales_dir() -> Path:
    """The folder holding `<lang>/LC_MESSAGES/*.po`: env `GARDIENS_LOCALES`, else `<repo>/locales`."""
    override = os.environ.get("GARDIENS_LOCALES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "locales"
