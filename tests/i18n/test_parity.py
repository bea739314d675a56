"""`pybabel extract -F babel.cfg` finds exactly the messages `gardiens i18n extract` writes
(split there into the interface, diagnostics and command-line domains)."""

from __future__ import annotations

import shutil
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from gardiens.cli import main

REPO = Path(__file__).resolve().parents[2]
Key = tuple[str | None, object]


def keys(path: Path) -> set[Key]:
    with path.open("rb") as fileobj:
        return {(m.context, m.id) for m in read_po(fileobj) if m.id}


def test_pybabel_and_gardiens_extract_agree(tmp_path: Path) -> None:
    # A copy, so that a mission still being written elsewhere cannot stop pybabel.
    shutil.copytree(
        REPO / "gardiens", tmp_path / "gardiens", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(REPO / "scenarios" / "infox", tmp_path / "scenarios" / "infox")
    shutil.copy(REPO / "babel.cfg", tmp_path / "babel.cfg")
    pot = tmp_path / "pybabel.pot"
    CommandLineInterface().run(  # type: ignore[no-untyped-call]
        [
            "pybabel",
            "-q",
            "extract",
            "-k",
            "T_",
            "-k",
            "NT_:1,2",
            "-F",
            str(tmp_path / "babel.cfg"),
            "-o",
            str(pot),
            str(tmp_path),
        ]
    )
    assert main(["i18n", "extract", "--root", str(tmp_path)]) == 0
    domains = ("gardiens", "diagnostics", "cli", "infox")
    ours = set().union(*(keys(tmp_path / "locales" / f"{domain}.pot") for domain in domains))
    theirs = keys(pot)
    assert len(ours) > 250
    assert ours == theirs
