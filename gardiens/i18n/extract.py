"""Babel extractor for mission YAML files: every author text, with its context and line.

Mapping file for `pybabel extract -F`: `[gardiens_mission: scenarios/**/scenario.yaml]`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

import yaml
from pydantic import ValidationError

from gardiens.core.model import Mission
from gardiens.core.texts import PathKey, iter_source_texts
from gardiens.i18n.missions import iter_answer_texts

# Babel reads a `(context, msgid)` message through this keyword's spec, `((1, "c"), 2)`.
KEYWORD = "pgettext"

ExtractedMessage = tuple[int, str, tuple[str, str], list[str]]


def extract_mission(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[ExtractedMessage]:
    """Yield `(lineno, "pgettext", (context, msgid), comments)` for every text of a mission."""
    if KEYWORD not in keywords:
        raise ValueError(
            f"the mission extractor needs the {KEYWORD!r} keyword; "
            "do not run pybabel with --no-default-keywords"
        )
    name = getattr(fileobj, "name", "<mission>")
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    root = yaml.compose(source, Loader=yaml.SafeLoader)
    try:
        mission = Mission.model_validate(yaml.safe_load(source))
    except ValidationError as error:
        raise ValueError(
            f"{name}: not a valid mission, run `gardiens validate` first\n{error}"
        ) from error
    for text in iter_source_texts(mission):
        # Translators see which age band a variant was written for.
        comments = [f"age band {text.age}"] if text.age else []
        yield _line(root, text.path), KEYWORD, (text.context, text.msgid), comments
    for answer in iter_answer_texts(mission):
        text = answer.source
        yield _line(root, text.path), KEYWORD, (text.context, text.msgid), [answer.comment]


def _line(node: yaml.Node | None, path: tuple[PathKey, ...]) -> int:
    """The 1-based line of the YAML node at `path`, or of its deepest ancestor found."""
    line = 1
    for key in path:
        if node is None:
            break
        line = node.start_mark.line + 1
        node = _child(node, key)
    if node is not None:
        line = node.start_mark.line + 1
    return line


def _child(node: yaml.Node, key: PathKey) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        pairs: list[tuple[yaml.Node, yaml.Node]] = node.value
        for key_node, value_node in pairs:
            if key_node.value == key:
                return value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
        items: list[yaml.Node] = node.value
        if key < len(items):
            return items[key]
    return None


def extract_help(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Yield `(lineno, "_", msgid, comments)` for every title and text of the help resources by
    theme (`gardiens/core/data/help-by-theme.yaml`): interface strings, without a context."""
    root = yaml.compose(fileobj.read().decode(options.get("encoding", "utf-8")), Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        return
    for theme, resources in root.value:
        for resource in resources.value if isinstance(resources, yaml.SequenceNode) else []:
            for key, value in resource.value if isinstance(resource, yaml.MappingNode) else []:
                if key.value not in ("title", "text"):
                    continue
                # A text may differ by age band, as in a mission.
                scalars = [v for _age, v in value.value] if isinstance(value, yaml.MappingNode) else [value]
                for scalar in scalars:
                    yield scalar.start_mark.line + 1, "_", scalar.value, [f"help for the theme {theme.value}"]
