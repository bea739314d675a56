"""The program's own texts in the chosen language, from compiled gettext catalogs.

Four domains: `gardiens` (what the kiosk shows), `diagnostics` (the GDN errors and warnings an
author reads about a mission file), `cli` (the command line's help and messages) and `schema` (the
field descriptions of the mission schema). French is the source language; `qps` is a
pseudo-locale built on the fly from the French source.
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from gettext import GNUTranslations, NullTranslations
from pathlib import Path
from typing import TYPE_CHECKING

from gardiens.i18n.pseudo import PSEUDO_LANGUAGE, pseudolocalise
from gardiens.paths import locales_dir as default_locales_dir

if TYPE_CHECKING:
    # Only the types: neither the mission model nor Babel is loaded before the first screen
    # (start-up time); Babel comes with the first catalog read or plural chosen.
    from babel.core import Locale

    from gardiens.core.model import Address

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "fr"
INTERFACE_DOMAIN = "gardiens"
DIAGNOSTICS_DOMAIN = "diagnostics"
CLI_DOMAIN = "cli"
SCHEMA_DOMAIN = "schema"
# The domains whose source is the program's code (the others are missions, one domain each).
CODE_DOMAINS: tuple[str, ...] = (INTERFACE_DOMAIN, DIAGNOSTICS_DOMAIN, CLI_DOMAIN, SCHEMA_DOMAIN)
# Languages the interface, diagnostics and command line ship in; `gardiens i18n check` fails when
# one is incomplete.
INTERFACE_LANGUAGES: tuple[str, ...] = ("fr", "en")
# The gettext context of an interface string's « tu » form, for a mission that says « tu » to the
# team (`address: tu`); the interface itself says « vous ». Only the French catalog has them.
TU_CONTEXT = "tu"


def N_(message: str) -> str:
    """Mark a string for extraction where it is defined; translate it later where it is shown."""
    return message


class SourceTexts(NullTranslations):
    """The French source itself, with the French plural rule (0 and 1 are singular)."""

    def __init__(self) -> None:
        super().__init__()
        self._locale: Locale | None = None

    def _singular(self, n: int) -> bool:
        if self._locale is None:
            from babel.core import Locale

            self._locale = Locale.parse(SOURCE_LANGUAGE)
        return self._locale.plural_form(abs(n)) == "one"

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return msgid1 if self._singular(n) else msgid2

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return msgid1 if self._singular(n) else msgid2


class PseudoTexts(SourceTexts):
    """The `qps` pseudo-locale: every source string lengthened and accented, placeholders kept."""

    def gettext(self, message: str) -> str:
        return pseudolocalise(message)

    def pgettext(self, context: str, message: str) -> str:
        return pseudolocalise(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudolocalise(super().ngettext(msgid1, msgid2, n))

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudolocalise(super().npgettext(context, msgid1, msgid2, n))


@dataclass(frozen=True, slots=True)
class _Loaded:
    translations: NullTranslations
    # (path, mtime_ns) of the file read; a different stamp means the catalog was rebuilt.
    stamp: tuple[str, int] | None


# How much newer than its `.mo` a `.po` must be to count as edited since (nanoseconds): an
# author's edit comes seconds later, a checkout's or a copy's writes milliseconds apart.
EDITED_AFTER = 2_000_000_000

class InterfaceTranslator:
    """`_`, `ngettext` and `pgettext` for the interface, in a language that can change live.

    Nothing is read before the first lookup. The `.mo` is read through Babel, not through the
    stdlib's path-cached `gettext.translation`, so a recompiled catalog is picked up at the next
    `set_language`. A `.po` newer than its `.mo` is compiled in memory (fuzzy entries left out);
    a missing catalog shows the French source and logs once.
    """

    def __init__(
        self,
        language: str = SOURCE_LANGUAGE,
        *,
        locales_dir: Path | None = None,
        domain: str = INTERFACE_DOMAIN,
    ) -> None:
        self._locales_dir = locales_dir
        self._domain = domain
        self._language = language
        # Whether the team reads the « tu » forms (a mission with `address: tu`).
        self._tu = False
        self._loaded: dict[str, _Loaded] = {}

    @property
    def language(self) -> str:
        return self._language

    def set_address(self, address: Address | None) -> None:
        """Address the team as the mission does (None: no mission, the interface's « vous »).
        With « tu », a string's « tu » form is shown where the catalog has one (context
        `TU_CONTEXT`), else the string itself."""
        self._tu = address == TU_CONTEXT

    def set_language(self, language: str) -> None:
        """Switch language; a catalog rebuilt on disk since it was read is read again."""
        self._language = language
        loaded = self._loaded.get(language)
        if loaded is not None and loaded.stamp != self._stamp(language):
            del self._loaded[language]

    def reload(self) -> None:
        """Forget every catalog read so far; the next lookup reads the files again."""
        self._loaded.clear()

    def gettext(self, message: str) -> str:
        translations = self._translations()
        if self._tu and _has(translations, f"{TU_CONTEXT}\x04{message}"):
            return translations.pgettext(TU_CONTEXT, message)
        return translations.gettext(message)

    # The UI marks its strings with `_("…")` on the translator object.
    _ = gettext

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        translations = self._translations()
        if self._tu and _has(translations, (f"{TU_CONTEXT}\x04{singular}", 0)):
            return translations.npgettext(TU_CONTEXT, singular, plural, n)
        return translations.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._translations().pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self._translations().npgettext(context, singular, plural, n)

    def _translations(self) -> NullTranslations:
        loaded = self._loaded.get(self._language)
        if loaded is None:
            loaded = self._load(self._language)
            self._loaded[self._language] = loaded
        return loaded.translations

    def _files(self, language: str) -> tuple[Path, Path]:
        directory = self._locales_dir if self._locales_dir is not None else default_locales_dir()
        base = directory / language / "LC_MESSAGES" / self._domain
        return base.with_suffix(".po"), base.with_suffix(".mo")

    def _newest(self, language: str) -> Path | None:
        """The `.mo`, unless the `.po` beside it was edited after it was compiled. A checkout or
        a copy writes the two a few milliseconds apart, in either order: only a `.po` newer by
        more than `EDITED_AFTER` counts as edited (compiling it costs the kiosk's start-up)."""
        po, mo = self._files(language)
        if mo.is_file() and not (po.is_file() and po.stat().st_mtime_ns > mo.stat().st_mtime_ns + EDITED_AFTER):
            return mo
        return po if po.is_file() else None

    def _stamp(self, language: str) -> tuple[str, int] | None:
        if language == PSEUDO_LANGUAGE:
            return None
        path = self._newest(language)
        return (str(path), path.stat().st_mtime_ns) if path is not None else None

    def _load(self, language: str) -> _Loaded:
        if language == PSEUDO_LANGUAGE:
            return _Loaded(PseudoTexts(), None)
        path = self._newest(language)
        if path is None:
            if language != SOURCE_LANGUAGE:
                log.warning(
                    "no %r catalog for %r in %s: showing the French source",
                    self._domain,
                    language,
                    self._files(language)[0].parent,
                )
            return _Loaded(SourceTexts(), None)
        try:
            translations = _read(path, language, self._domain)
        except (OSError, ValueError) as error:
            log.warning("unreadable catalog %s (%s): showing the French source", path, error)
            return _Loaded(SourceTexts(), None)
        translations.add_fallback(SourceTexts())
        return _Loaded(translations, (str(path), path.stat().st_mtime_ns))


def _has(translations: NullTranslations, key: str | tuple[str, int]) -> bool:
    """Whether a catalog (or one it falls back on) holds `key`, as gettext stores it."""
    current: NullTranslations | None = translations
    while current is not None:
        if key in getattr(current, "_catalog", {}):
            return True
        current = getattr(current, "_fallback", None)
    return False


def _read(path: Path, language: str, domain: str) -> GNUTranslations:
    # The standard library reads a compiled catalog: Babel is needed only to compile a `.po`
    # edited since (its import is tens of milliseconds of the kiosk's start-up).
    if path.suffix == ".mo":
        with path.open("rb") as fileobj:
            return GNUTranslations(fileobj)
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as fileobj:
        catalog = read_po(fileobj, locale=language, domain=domain)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return GNUTranslations(buffer)


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The interface language asked for by `GARDIENS_LANG`, else the POSIX locale, else French."""
    env = os.environ if environ is None else environ
    for name in ("GARDIENS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        # "en_GB.UTF-8" → "en"; "C" and "POSIX" say nothing about a language.
        code = value.split(".")[0].split("_")[0].split("@")[0].lower()
        if code and code not in ("c", "posix"):
            return code
    return SOURCE_LANGUAGE


def cli_translator(
    language: str | None = None, *, environ: Mapping[str, str] | None = None
) -> InterfaceTranslator:
    """The translator of a command's help and messages: its `--lang` when given, else the
    environment."""
    return InterfaceTranslator(language or language_from_environment(environ), domain=CLI_DOMAIN)


def diagnostics_translator(language: str | None = None) -> InterfaceTranslator:
    """The translator that shows a mission's diagnostics (`Diagnostic.render(translator)`)."""
    return InterfaceTranslator(language or language_from_environment(), domain=DIAGNOSTICS_DOMAIN)


def schema_translator(language: str | None = None) -> InterfaceTranslator:
    """The translator of the mission schema's field descriptions (`gardiens schema`)."""
    return InterfaceTranslator(language or language_from_environment(), domain=SCHEMA_DOMAIN)
