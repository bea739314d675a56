"""Translation of missions and interface through Babel gettext catalogs."""

from __future__ import annotations

from gardiens.core.texts import SourceText, iter_source_texts
from gardiens.i18n.missions import MissionTexts, locales_dir

__all__ = ["MissionTexts", "SourceText", "iter_source_texts", "locales_dir"]
