"""docs/errors.md documents every diagnostic code, and each example really triggers its code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gardiens.core.diagnostics import MESSAGES
from gardiens.core.loader import load_mission
from tests.authoring.docblocks import Block, check_blocks, yaml_blocks

DOC = Path(__file__).resolve().parents[2] / "docs" / "errors.md"
TEXT = DOC.read_text(encoding="utf-8")
HEADING = re.compile(r"^### (GDN\d{3}) — (.+)$", re.MULTILINE)
# Codes that come from how the file is reached, not from what it says, or that are about
# another file than the mission (a picture), or that need a file too large to show: shown
# without YAML.
WITHOUT_YAML = {"GDN109", "GDN112", "GDN334", "GDN420"}


def entries() -> dict[str, str]:
    """Each documented code with the text of its entry, up to the next heading."""
    found: dict[str, str] = {}
    marks = list(re.finditer(r"^#{2,3} .*$", TEXT, re.MULTILINE))
    for i, mark in enumerate(marks):
        heading = HEADING.match(mark.group(0))
        if heading:
            end = marks[i + 1].start() if i + 1 < len(marks) else len(TEXT)
            found[heading.group(1)] = TEXT[mark.start() : end]
    return found


def examples() -> dict[str, list[Block]]:
    grouped: dict[str, list[Block]] = {}
    for block in yaml_blocks(TEXT):
        grouped.setdefault(block.section.split()[0], []).append(block)
    return grouped


def test_every_code_is_documented_once_with_its_title() -> None:
    headings = HEADING.findall(TEXT)
    assert [code for code, _ in headings] == sorted(MESSAGES)
    for code, title in headings:
        assert title == MESSAGES[code].title, code


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_entry_has_english_line_example_and_fix(code: str) -> None:
    entry = entries()[code]
    assert re.search(r"^\*[A-Z].+\*$", entry, re.MULTILINE), "English line in italics"
    assert "**Corriger :**" in entry
    if code not in WITHOUT_YAML:
        assert examples().get(code), "a YAML example"


@pytest.mark.parametrize("code", sorted(set(examples())))
def test_example_triggers_its_code(code: str, tmp_path: Path) -> None:
    diagnostics = check_blocks(examples()[code], tmp_path)
    assert code in {d.code for d in diagnostics}, [d.render() for d in diagnostics]
    assert all(d.line >= 1 and d.col >= 1 for d in diagnostics)


def test_unreadable_file_gives_gdn109(tmp_path: Path) -> None:
    # A folder where the file should be is one way to make `scenario.yaml` unreadable.
    (tmp_path / "scenario.yaml").mkdir()
    result = load_mission(tmp_path / "scenario.yaml")
    assert [d.code for d in result.diagnostics] == ["GDN109"]
    assert "GDN109" in entries()
