"""Interface strings in the team's language: French is the source, catalogs hold the rest."""

from __future__ import annotations

import logging
from pathlib import Path

from babel.messages.pofile import read_po

log = logging.getLogger(__name__)

LOCALES_DIR = Path(__file__).resolve().parents[2] / "locales"
SOURCE_LANGUAGE = "fr"
DOMAIN = "gardiens"


class Translator:
    """A gettext-style `_()` over hand-written .po catalogs, loaded when a language is chosen."""

    def __init__(self, language: str = SOURCE_LANGUAGE, locales_dir: Path = LOCALES_DIR) -> None:
        self.locales_dir = locales_dir
        self._catalogs: dict[str, dict[str, str]] = {}
        self.language = SOURCE_LANGUAGE
        self.set_language(language)

    def set_language(self, language: str) -> None:
        self.language = language
        if language != SOURCE_LANGUAGE and language not in self._catalogs:
            self._catalogs[language] = self._load(language)

    def gettext(self, message: str) -> str:
        if self.language == SOURCE_LANGUAGE:
            return message
        return self._catalogs.get(self.language, {}).get(message) or message

    _ = gettext

    def _load(self, language: str) -> dict[str, str]:
        path = self.locales_dir / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        try:
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=language)
        except (OSError, ValueError) as error:
            # A missing catalog shows the French source rather than stopping the kiosk.
            log.warning("no interface catalog for %s: %s", language, error)
            return {}
        return {
            str(message.id): str(message.string)
            for message in catalog
            if message.id and isinstance(message.id, str) and message.string and not message.fuzzy
        }
