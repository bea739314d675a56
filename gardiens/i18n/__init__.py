"""Translation of missions and interface through Babel gettext catalogs."""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["MissionTexts", "SourceText", "iter_source_texts", "locales_dir"]

# Imported on first use: the interface translator comes from this package too, and the kiosk's
# first frame must not wait for the mission model these names bring in.
_HOMES = {
    "MissionTexts": "gardiens.i18n.missions",
    "SourceText": "gardiens.core.texts",
    "iter_source_texts": "gardiens.core.texts",
    "locales_dir": "gardiens.paths",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
