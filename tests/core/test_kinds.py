"""The registry of puzzle kinds: one module per kind, each documented and in the schema, the
mission model built from it, and no kind keeping what a child typed in the journal."""

from __future__ import annotations

import ast
import json
import random
import types
from pathlib import Path
from typing import Any, get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gardiens.core.library import load_library
from gardiens.core.model import PUZZLE_TYPES, Puzzle
from gardiens.core.puzzles import KINDS, PuzzleKind, kind_of
from gardiens.core.puzzles.answers import MalformedAnswer
from gardiens.core.puzzles.code import CodeKind, CodeLock

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "scenarios" / "mission.schema.json").read_text(encoding="utf-8"))
GUIDES = {
    name: (ROOT / "docs" / name).read_text(encoding="utf-8")
    for name in ("authoring.md", "authoring.en.md")
}


def by_name(kind: PuzzleKind[Any]) -> str:
    return kind.name


def test_types_and_union_follow_the_registry() -> None:
    assert tuple(kind.name for kind in KINDS) == PUZZLE_TYPES
    assert len(set(PUZZLE_TYPES)) == len(KINDS)
    members = get_args(get_args(Puzzle)[0])
    assert members == tuple(kind.model for kind in KINDS)


@pytest.mark.parametrize("kind", KINDS, ids=by_name)
def test_each_kind_is_one_module_named_after_its_type(kind: PuzzleKind[Any]) -> None:
    module = f"gardiens.core.puzzles.{kind.name}"
    assert type(kind).__module__ == module
    assert kind.model.__module__ == module
    assert kind.label and kind.sign


@pytest.mark.parametrize("kind", KINDS, ids=by_name)
def test_each_kind_has_a_schema_entry(kind: PuzzleKind[Any]) -> None:
    puzzles = SCHEMA["properties"]["puzzles"]["items"]
    ref = f"#/$defs/{kind.model.__name__}"
    assert puzzles["discriminator"]["mapping"].get(kind.name) == ref
    assert {"$ref": ref} in puzzles["oneOf"]
    assert SCHEMA["$defs"][kind.model.__name__]["properties"]["type"]["const"] == kind.name


@pytest.mark.parametrize("guide", GUIDES)
@pytest.mark.parametrize("kind", KINDS, ids=by_name)
def test_each_kind_has_a_documentation_section(kind: PuzzleKind[Any], guide: str) -> None:
    text = GUIDES[guide]
    heading = f"### `{kind.name}`"
    assert heading in text, f"{guide} has no section {heading}"
    section = text[text.index(heading) : text.find("\n## ", text.index(heading))]
    assert f"type: {kind.name}" in section, f"{guide}: the section of {kind.name} has no example"


def test_every_model_in_the_union_has_its_kind() -> None:
    for kind in KINDS:
        assert kind_of(kind.model.model_construct()) is kind


CODE_LOCK = {
    "model": CodeLock,
    "label": "Cadenas",
    "sign": "123",
    "check": CodeKind.check,
    "solution": CodeKind.solution,
    "wrong_answer": CodeKind.wrong_answer,
    "journaled": CodeKind.journaled,
    "effort": CodeKind.effort,
}


def kind_class(members: dict[str, Any]) -> type[PuzzleKind[Any]]:
    return types.new_class("Written", (PuzzleKind,), exec_body=lambda ns: ns.update(members))


def test_a_kind_that_says_everything_can_be_made() -> None:
    assert kind_class(CODE_LOCK)().name == "code"


@pytest.mark.parametrize("left_out", ["model", "label", "sign", "journaled", "check"])
def test_a_kind_that_leaves_something_out_cannot_be_made(left_out: str) -> None:
    members = {name: value for name, value in CODE_LOCK.items() if name != left_out}
    with pytest.raises(TypeError, match=left_out):
        kind_class(members)()


# Modules that once told kinds apart by their type: they ask the kind now.
READERS = [
    "gardiens/core/checkers.py",
    "gardiens/core/autoplay.py",
    "gardiens/core/session.py",
    "gardiens/authoring/playtest.py",
    "gardiens/authoring/graph.py",
]
MODELS = {kind.model.__name__ for kind in KINDS}


@pytest.mark.parametrize("path", READERS)
def test_no_dispatch_on_the_kind_outside_the_kind_modules(path: str) -> None:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.MatchClass) and ast.unparse(node.cls) in MODELS:
            found.append(f"line {node.lineno}: case {ast.unparse(node.cls)}()")
        if isinstance(node, ast.Compare) and any(
            isinstance(side, ast.Attribute) and side.attr == "type"
            for side in [node.left, *node.comparators]
        ):
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
    assert not found


def _bundled() -> dict[str, list[tuple[Puzzle, dict[str, str]]]]:
    puzzles: dict[str, list[tuple[Puzzle, dict[str, str]]]] = {}
    for mission, _ in load_library().values():
        for puzzle in mission.puzzles:
            puzzles.setdefault(puzzle.type, []).append((puzzle, mission.reward_values()))
    return puzzles


BUNDLED = _bundled()
# What a child might type, marked so that any trace of it shows: an accented name and a space
# are in no identifier, and no code is made of them.
TYPED = st.text(max_size=24).map(lambda text: "Léa " + text)


def _variants(base: object, typed: str) -> list[object]:
    """`typed` put wherever the shape of an answer lets text in."""
    variants: list[object] = [typed, [typed]]
    if isinstance(base, list):
        variants += [[*base, typed], [typed, *base[1:]]]
    if isinstance(base, dict):
        variants += [{**base, typed: typed}, {**base, typed: "on"}]
        variants += [{**base, key: typed} for key in base]
    return variants


@pytest.mark.parametrize("kind", KINDS, ids=by_name)
@settings(max_examples=40, deadline=None)
@given(typed=TYPED, seed=st.integers(0, 1000))
def test_journaled_never_keeps_what_a_child_typed(
    kind: PuzzleKind[Any], typed: str, seed: int
) -> None:
    assert BUNDLED.get(kind.name), f"no bundled mission plays {kind.name}"
    for puzzle, rewards in BUNDLED[kind.name]:
        rng = random.Random(seed)
        for base in (kind.solution(puzzle, rewards), kind.wrong_answer(puzzle, rewards, rng)):
            for answer in [base, *_variants(base, typed)]:
                try:
                    kind.check(puzzle, answer, rewards)
                except MalformedAnswer:
                    continue  # refused by the session: nothing is journaled
                kept = json.dumps(kind.journaled(puzzle, answer), ensure_ascii=False)
                assert "Léa" not in kept, (puzzle.id, answer, kept)

