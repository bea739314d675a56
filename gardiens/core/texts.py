"""Every author text of a mission, walked from the model's own annotations.

Translation (gettext contexts) and the readability check both enumerate texts this way, so a
new text field is covered by both without anyone listing it.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, get_args, get_origin, get_type_hints

from pydantic import BaseModel

from gardiens.core.model import AgeBand, Mission, Text, TextList

PathKey = str | int


@dataclass(frozen=True, slots=True)
class SourceText:
    """One translatable sentence of a mission, as written in the mission's source language."""

    context: str
    msgid: str
    # Where the sentence sits in the YAML document, e.g. ("puzzles", 2, "hints", "9-12", 0).
    path: tuple[PathKey, ...]
    # The age band the sentence was written for; None when it serves every band.
    age: AgeBand | None


def voice_place(text: SourceText) -> tuple[int | None, str]:
    """Where a recording of `text` is given: in the `voice:` of the puzzle at this index (None:
    of the mission), under this key, the text's place written with dots (`feedback.wrong`)."""
    if text.path[0] == "puzzles":
        return int(text.path[1]), ".".join(str(key) for key in text.path[2:])
    return None, ".".join(str(key) for key in text.path)


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
