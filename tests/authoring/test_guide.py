"""The authoring guides cannot go stale: every YAML example validates without a warning, every
field and puzzle type is documented, and the tutorial's steps, followed in order, give a mission
that validates and is won."""

from __future__ import annotations

import json
import re
import shlex
import textwrap
from pathlib import Path

import pytest
from pydantic import BaseModel

from gardiens.cli import main
from gardiens.core import model
from gardiens.core.model import PUZZLE_TYPES
from tests.authoring.docblocks import Block, check_blocks, yaml_blocks

DOCS = Path(__file__).resolve().parents[2] / "docs"
GUIDES = {
    name: (DOCS / name).read_text(encoding="utf-8") for name in ("authoring.md", "authoring.en.md")
}
TUTORIAL = {"authoring.md": "Pas à pas", "authoring.en.md": "Step by step"}


def examples() -> list[tuple[str, Block]]:
    return [
        (name, block)
        for name, text in GUIDES.items()
        for block in yaml_blocks(text)
        if "excerpt" not in block.words
    ]


@pytest.mark.parametrize(
    ("name", "block"), examples(), ids=lambda v: v if isinstance(v, str) else f"line{v.line}"
)
def test_example_validates_without_warning(name: str, block: Block, tmp_path: Path) -> None:
    diagnostics = check_blocks([block], tmp_path)
    assert not diagnostics, [d.render() for d in diagnostics]


def _appears_in(excerpt: str, whole: str) -> bool:
    """True if the excerpt's lines are lines of `whole`, at some indentation."""
    wanted = [line.rstrip() for line in textwrap.dedent(excerpt).splitlines()]
    lines = whole.splitlines()
    for indent in range(0, 9, 2):
        shifted = [line[indent:].rstrip() for line in lines]
        for i in range(len(shifted) - len(wanted) + 1):
            if shifted[i : i + len(wanted)] == wanted:
                return True
    return False


@pytest.mark.parametrize("name", GUIDES)
def test_excerpts_match_the_full_file_that_follows(name: str) -> None:
    blocks = yaml_blocks(GUIDES[name])
    for i, block in enumerate(blocks):
        if "excerpt" in block.words:
            following = next(b for b in blocks[i + 1 :] if b.kind == "mission")
            assert _appears_in(block.text, following.text), f"{name}:{block.line}"


def _fields() -> set[str]:
    names: set[str] = set()
    for value in vars(model).values():
        if (
            isinstance(value, type)
            and issubclass(value, BaseModel)
            and value.__module__.startswith((model.__name__, "gardiens.core.puzzles"))
        ):
            # A field is written under its alias when it has one (`from`, a Python keyword).
            names.update(f.alias or n for n, f in value.model_fields.items())
    return names


@pytest.mark.parametrize("name", GUIDES)
def test_every_field_and_puzzle_type_is_documented(name: str) -> None:
    text = GUIDES[name]
    missing = sorted(f for f in _fields() if f"`{f}`" not in text and f"{f}:" not in text)
    assert not missing
    typed = {m.group(1) for b in yaml_blocks(text) for m in re.finditer(r"type: (\w+)", b.text)}
    for kind in PUZZLE_TYPES:
        assert f"### `{kind}`" in text, kind
        assert kind in typed, kind


@pytest.mark.parametrize("name", GUIDES)
def test_tutorial_steps_give_a_mission_that_is_won(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = GUIDES[name]
    start = text.index(f"## {TUTORIAL[name]}")
    tutorial = text[start : text.index("\n## ", start + 1)]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GARDIENS_SCENARIOS", str(tmp_path / "scenarios"))
    monkeypatch.setenv("GARDIENS_DATA_DIR", str(tmp_path / "data"))
    ran: list[str] = []
    steps = re.finditer(r"^```(sh|yaml)([^\n]*)\n(.*?)^```", tutorial, re.MULTILINE | re.DOTALL)
    for step in steps:
        lang, words, body = step.group(1), step.group(2).split(), step.group(3)
        if lang == "yaml" and "mission" in words:
            # The author replaces the file's content with the block shown.
            (tmp_path / "scenarios" / "fil-actu" / "scenario.yaml").write_text(body, "utf-8")
            continue
        if lang != "sh":
            continue
        for line in body.splitlines():
            argv = shlex.split(line)
            assert argv[0] == "gardiens"
            if argv[1] == "play":
                continue  # the kiosk window; the rest of the tutorial does not depend on it
            if argv[1] == "autoplay":
                # Each run gets its own journal, as on a fresh kiosk: the check is that this
                # version of the mission is won, not how older games in a journal resume.
                argv += ["--json", "--data-dir", str(tmp_path / f"data-{len(ran)}")]
            capsys.readouterr()
            assert main(argv[1:]) == 0, line
            out = capsys.readouterr().out
            if argv[1] == "validate":
                assert "0 erreur, 0 avertissement" in out
            if argv[1] == "autoplay":
                assert json.loads(out)["outcome"] == "won"
            ran.append(argv[1])
    assert ran.count("new") == 1 and "validate" in ran and ran[-2:] == ["autoplay", "playtest"]
    assert (tmp_path / "fil-actu.svg").is_file()
    final = (tmp_path / "scenarios" / "fil-actu" / "scenario.yaml").read_text("utf-8")
    assert "chiffre-3" in final
