"""A mission's texts for one age band and one language, translated through gettext catalogs.

A mission's catalog is `<lang>/LC_MESSAGES/<mission-id>.po` (+ `.mo`) in the `locales/` folder
beside its `scenario.yaml`, else in the game's shared `locales/` (where the bundled missions keep
theirs); contexts are the mission id for mission-level texts and `<mission-id>/<puzzle-id>` for
everything inside a puzzle.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from gardiens.core import checkers
from gardiens.core.model import AgeBand, Mission, Text, TextList, pick, pick_list
from gardiens.core.texts import SourceText, iter_source_texts, message_context
from gardiens.core.translations import catalog_candidates
from gardiens.i18n.pseudo import PSEUDO_LANGUAGE, pseudolocalise
from gardiens.paths import locales_dir

Translations = dict[tuple[str | None, str], str]


# `MissionTexts.load` takes a keyword argument with the same name as the function.
_default_locales_dir = locales_dir


def read_catalog(directory: Path, language: str, domain: str) -> Translations:
    """The usable translations of one catalog: `{(context, msgid): msgstr}`.

    The `.po` is read when present because translators edit it, so it is never stale; a lone
    `.mo` serves deployments that ship compiled catalogs only. Fuzzy and empty entries are
    left out so that the source text shows instead of a stale or missing translation.
    """
    base = directory / language / "LC_MESSAGES" / domain
    po, mo = base.with_suffix(".po"), base.with_suffix(".mo")
    catalog: Catalog
    if po.is_file():
        with po.open("rb") as fileobj:
            catalog = read_po(fileobj, domain=domain)
    elif mo.is_file():
        with mo.open("rb") as fileobj:
            catalog = read_mo(fileobj)
    else:
        return {}
    return {
        (_decoded(message.context, catalog.charset), message.id): message.string
        for message in catalog
        if message.id
        and isinstance(message.id, str)
        and isinstance(message.string, str)
        and message.string
        and not message.fuzzy
    }


def mission_catalog(
    mission: Mission, language: str, *, locales_dir: Path | None = None
) -> Translations:
    """The usable translations of the mission into `language`, from the first folder that has
    its catalog: beside the mission's file, then the shared catalogs (`locales_dir`, the game's
    by default)."""
    shared = locales_dir if locales_dir is not None else _default_locales_dir()
    for path in catalog_candidates(mission.folder, mission.id, language, shared=shared):
        if path.is_file():
            return read_catalog(path.parent.parent.parent, language, mission.id)
    return {}


def _decoded(context: str | bytes | None, charset: str) -> str | None:
    # Babel's `read_mo` leaves message contexts as bytes.
    return context.decode(charset) if isinstance(context, bytes) else context


def untranslated(
    mission: Mission, language: str, *, locales_dir: Path | None = None
) -> list[SourceText]:
    """The source texts of a mission that have no usable translation into `language`."""
    if language in (mission.language, PSEUDO_LANGUAGE):
        return []
    catalog = mission_catalog(mission, language, locales_dir=locales_dir)
    texts = [*iter_source_texts(mission), *(a.source for a in iter_answer_texts(mission))]
    return [t for t in texts if (t.context, t.msgid) not in catalog]


# Answers -------------------------------------------------------------------------------------
#
# Each answer a team types is its own entry, in the context `<mission-id>/<puzzle-id>/answers`
# so that it never shares a translation with a sentence of the puzzle; a translation may list
# several accepted answers separated by `|` (a character no answer holds: answers are compared
# on their letters and digits only). An answer without a letter, such as a year, is the same
# in every language and is not extracted.

ANSWER_SEPARATOR = "|"

_ROLES = {
    "answer": "accepted answer of the puzzle {puzzle}: what a team of your language types"
    " (to accept several, separate them with |)",
    "mistake": "answer of a listed mistake of the puzzle {puzzle}, which its feedback explains"
    " (to list several, separate them with |)",
    "plaintext": "the word a team decodes in the cipher {puzzle}: its coded message is made"
    " from your translation (one word, letters A-Z)",
}


@dataclass(frozen=True)
class AnswerSource:
    """An answer to translate, with what a translator must know about it."""

    source: SourceText
    comment: str


def answer_context(mission_id: str, puzzle_id: str) -> str:
    """The gettext context of the answers a team types in a puzzle."""
    return f"{message_context(mission_id, puzzle_id)}/answers"


def iter_answer_texts(mission: Mission) -> Iterator[AnswerSource]:
    """Every answer a team types (text, cipher), in document order, that has letters."""
    for index, puzzle in enumerate(mission.puzzles):
        context = answer_context(mission.id, puzzle.id)
        for answer in checkers.answer_texts(puzzle):
            if not any(c.isalpha() for c in answer.text):
                continue
            comment = _ROLES[answer.role].format(puzzle=puzzle.id)
            yield AnswerSource(SourceText(context, answer.text, ("puzzles", index, *answer.path), None), comment)


class MissionTexts:
    """Resolves a mission's texts for one age band and one language."""

    def __init__(
        self, mission: Mission, *, age: AgeBand, language: str, translations: Translations
    ) -> None:
        self.mission = mission
        self.age: AgeBand = age
        self.language = language
        self._translations = translations

    @classmethod
    def load(
        cls,
        mission: Mission,
        *,
        age: AgeBand,
        language: str,
        locales_dir: Path | None = None,
    ) -> MissionTexts:
        """Read the mission's catalog for `language` (none is needed for its source language).

        The pseudo-locale `qps` needs no catalog: it is made from the source texts.
        """
        if language == PSEUDO_LANGUAGE:
            return PseudoMissionTexts(mission, age=age, language=language, translations={})
        translations: Translations = {}
        if language != mission.language:
            translations = mission_catalog(mission, language, locales_dir=locales_dir)
        return cls(mission, age=age, language=language, translations=translations)

    def text(self, text: Text, *, puzzle_id: str | None = None) -> str:
        """The text for this team's age band, translated; the source text if no translation."""
        return self._translate(pick(text, self.age), puzzle_id)

    def texts(self, texts: TextList, *, puzzle_id: str | None = None) -> list[str]:
        """A list of texts (hints, key messages…) for this team's age band, translated."""
        return [self._translate(source, puzzle_id) for source in pick_list(texts, self.age)]

    def _translate(self, source: str, puzzle_id: str | None) -> str:
        context = message_context(self.mission.id, puzzle_id)
        return self._translations.get((context, source), source)

    def answers(self, puzzle_id: str, source: str) -> list[str]:
        """The answers accepted in this language for the author's answer `source`; none if
        it is not translated."""
        translated = self._translations.get((answer_context(self.mission.id, puzzle_id), source), "")
        return [a.strip() for a in translated.split(ANSWER_SEPARATOR) if a.strip()]

    def picture(self, picture: str, source: str) -> str:
        """A text run of the picture `picture` (its context), translated; else the source."""
        return self._translations.get((picture, source), source)


class PseudoMissionTexts(MissionTexts):
    """A mission's texts in the `qps` pseudo-locale: the source lengthened and accented."""

    def _translate(self, source: str, puzzle_id: str | None) -> str:
        return pseudolocalise(source)

    def picture(self, picture: str, source: str) -> str:
        return pseudolocalise(source)


class CatalogAnswers:
    """The answers of missions in a team's language, read from the missions' catalogs: what a
    `Session` is given so that an English team types English words."""

    def __init__(self, *, locales_dir: Path | None = None) -> None:
        self._locales_dir = locales_dir
        self._texts: dict[tuple[str, str], MissionTexts] = {}

    def answers(self, mission: Mission, language: str, puzzle_id: str, source: str) -> list[str]:
        key = (mission.id, language)
        texts = self._texts.get(key)
        if texts is None or texts.mission is not mission:
            texts = MissionTexts.load(
                mission, age=mission.ages[0], language=language, locales_dir=self._locales_dir
            )
            self._texts[key] = texts
        return texts.answers(puzzle_id, source)
