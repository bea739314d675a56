"""Where the gettext catalogs live; kept apart so the interface reads them without the mission model."""

from __future__ import annotations

from gardiens.paths import locales_dir

__all__ = ["locales_dir"]
