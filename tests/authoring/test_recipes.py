"""The guides' recipes: ten escape-game patterns, each a valid fragment that the bot wins in
every age band (the guide test already checks that each validates without a warning)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gardiens.cli import main
from tests.authoring.docblocks import Block, check_blocks, write_example, yaml_blocks

DOCS = Path(__file__).resolve().parents[2] / "docs"


def recipes(name: str) -> list[Block]:
    text = (DOCS / name).read_text(encoding="utf-8")
    return [b for b in yaml_blocks(text) if "recipe" in b.words]


def test_each_guide_has_the_same_ten_recipes() -> None:
    french, english = recipes("authoring.md"), recipes("authoring.en.md")
    assert len(french) == 10
    assert [b.text for b in french] == [b.text for b in english]


@pytest.mark.parametrize("block", recipes("authoring.md"), ids=lambda b: b.section)
def test_a_recipe_is_valid_and_won_by_the_bot(
    block: Block, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert not check_blocks([block], tmp_path / "check")
    file = write_example(block, tmp_path / "play")
    for age in ("9-12", "13-16"):
        data = tmp_path / f"data-{age}"
        argv = ["autoplay", str(file.parent), "--age", age, "--data-dir", str(data), "--json"]
        assert main(argv) == 0
        assert json.loads(capsys.readouterr().out)["outcome"] == "won"
