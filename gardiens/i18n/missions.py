"""A mission's texts for one age band and one language, translated through gettext catalogs.

Catalogs live in `locales/<lang>/LC_MESSAGES/<mission-id>.po` (+ `.mo`); contexts are the mission id
for mission-level texts and `<mission-id>/<puzzle-id>` for everything inside a puzzle.
"""

from __future__ import annotations

import os
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from pydantic import BaseModel

from gardiens.core.model import AgeBand, Mission, Text, TextList, pick, pick_list
from gardiens.i18n.pseudo import PSEUDO_LANGUAGE, pseudolocalise

PathKey = str | int
Translations = dict[tuple[str | None, str], str]


@dataclass(frozen=True, slots=True)
class SourceText:
    """One translatable sentence of a mission, as written in the mission's source language."""

    context: str
    msgid: str
    # Where the sentence sits in the YAML document, e.g. ("puzzles", 2, "hints", "9-12", 0).
    path: tuple[PathKey, ...]
    # The age band the sentence was written for; None when it serves every band.
    age: AgeBand | None


def locales_dir() -> Path:
    """The folder holding `<lang>/LC_MESSAGES/*.po`: env `GARDIENS_LOCALES`, else `<repo>/locales`."""
    override = os.environ.get("GARDIENS_LOCALES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "locales"


# `MissionTexts.load` takes a keyword argument with the same name as the function.
_default_locales_dir = locales_dir


def message_context(mission_id: str, puzzle_id: str | None = None) -> str:
    """The gettext context of a text: the mission, or the puzzle inside the mission."""
    return mission_id if puzzle_id is None else f"{mission_id}/{puzzle_id}"


def iter_source_texts(mission: Mission) -> Iterator[SourceText]:
    """Every translatable text of a mission, in document order, each age variant on its own."""
    mission_context = message_context(mission.id)
    for name, hint in _field_hints(type(mission)).items():
        if name == "puzzles":
            continue
        yield from _walk(getattr(mission, name), hint, (name,), mission_context)
    for index, puzzle in enumerate(mission.puzzles):
        context = message_context(mission.id, puzzle.id)
        yield from _walk(puzzle, None, ("puzzles", index), context)


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


def _decoded(context: str | bytes | None, charset: str) -> str | None:
    # Babel's `read_mo` leaves message contexts as bytes.
    return context.decode(charset) if isinstance(context, bytes) else context


def untranslated(
    mission: Mission, language: str, *, locales_dir: Path | None = None
) -> list[SourceText]:
    """The source texts of a mission that have no usable translation into `language`."""
    if language in (mission.language, PSEUDO_LANGUAGE):
        return []
    directory = locales_dir if locales_dir is not None else _default_locales_dir()
    catalog = read_catalog(directory, language, mission.id)
    return [t for t in iter_source_texts(mission) if (t.context, t.msgid) not in catalog]


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
            directory = locales_dir if locales_dir is not None else _default_locales_dir()
            translations = read_catalog(directory, language, mission.id)
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


class PseudoMissionTexts(MissionTexts):
    """A mission's texts in the `qps` pseudo-locale: the source lengthened and accented."""

    def _translate(self, source: str, puzzle_id: str | None) -> str:
        return pseudolocalise(source)


@cache
def _field_hints(model: type[BaseModel]) -> dict[str, Any]:
    hints = get_type_hints(model, include_extras=True)
    return {name: hints[name] for name in model.model_fields}


def _is(hint: Any, alias: Any) -> bool:
    """Whether a field's declared type is `alias` (Text, TextList), possibly optional."""
    if hint == alias:
        return True
    return _is_union(hint) and any(arg == alias for arg in get_args(hint))


def _is_union(hint: Any) -> bool:
    return get_origin(hint) in (typing.Union, types.UnionType)


def _item_hint(hint: Any, index: int) -> Any:
    """The declared type of one element of a list or tuple field."""
    if get_origin(hint) is typing.Annotated:
        hint = get_args(hint)[0]
    if _is_union(hint):
        members = [arg for arg in get_args(hint) if get_origin(arg) in (list, tuple)]
        hint = members[0] if len(members) == 1 else None
    args = get_args(hint)
    if get_origin(hint) is list and args:
        return args[0]
    if get_origin(hint) is tuple and args:
        return args[0] if args[-1] is Ellipsis else args[index]
    return None


def _walk(value: Any, hint: Any, path: tuple[PathKey, ...], context: str) -> Iterator[SourceText]:
    # Driven by the model's own annotations, so a new Text field is extracted without
    # anyone having to remember to list it here.
    if value is None:
        return
    if _is(hint, Text):
        yield from _text(value, path, context)
    elif _is(hint, TextList):
        if isinstance(value, dict):
            for age, sources in value.items():
                for index, source in enumerate(sources):
                    yield SourceText(context, source, (*path, age, index), age)
        else:
            for index, item in enumerate(value):
                yield from _text(item, (*path, index), context)
    elif isinstance(value, BaseModel):
        for name, field_hint in _field_hints(type(value)).items():
            yield from _walk(getattr(value, name), field_hint, (*path, name), context)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _walk(item, _item_hint(hint, index), (*path, index), context)


def _text(
    value: str | dict[AgeBand, str], path: tuple[PathKey, ...], context: str
) -> Iterator[SourceText]:
    if isinstance(value, str):
        yield SourceText(context, value, path, None)
        return
    for age, source in value.items():
        yield SourceText(context, source, (*path, age), age)
