"""Every `gardiens …` command the documentation shows in a code block is one the program takes:
its options appear in its `--help` and parse; the translation commands are really run, on a
temporary copy of a test mission, so the docs and the command cannot drift apart again."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from gardiens.cli import build_parser, chosen_command, main

REPO = Path(__file__).resolve().parents[1]
DOCS = [*sorted((REPO / "docs").glob("*.md")), REPO / "README.md"]
MINIMAL = REPO / "tests" / "data" / "valid" / "minimal"
COMMAND = re.compile(r"^\s*(?:\$\s*)?gardiens\s")


def shown_commands() -> list[tuple[str, list[str]]]:
    """Each command in a fenced block of the docs, as (where, argv without `gardiens`)."""
    found: list[tuple[str, list[str]]] = []
    for doc in DOCS:
        fenced = False
        for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith("```"):
                fenced = not fenced
                continue
            if not (fenced and COMMAND.match(line)):
                continue
            for part in line.split("&&"):
                words = shlex.split(part, comments=True)
                found.append((f"{doc.name}:{number}", words[words.index("gardiens") + 1 :]))
    return found


COMMANDS = shown_commands()


def unique(commands: list[tuple[str, list[str]]]) -> list[list[str]]:
    return list({tuple(argv): argv for _where, argv in commands}.values())


def test_the_docs_show_the_translation_commands_with_a_mission() -> None:
    i18n = [argv for _where, argv in COMMANDS if argv[:1] == ["i18n"]]
    assert {argv[1] for argv in i18n} == {"extract", "update", "compile", "check"}
    assert any(len(argv) > 2 and not argv[2].startswith("-") for argv in i18n)


@pytest.mark.parametrize(("where", "argv"), COMMANDS, ids=[w for w, _ in COMMANDS])
def test_each_command_shown_parses_and_its_options_are_in_its_help(
    where: str, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # Commands with actions (`i18n update`) have their own help, one level down.
    depth = 2 if argv[0] == "i18n" else 1
    with pytest.raises(SystemExit) as shown:
        main([*argv[:depth], "--help"])
    assert shown.value.code == 0, where
    helped = capsys.readouterr().out
    for option in (word.split("=")[0] for word in argv if word.startswith("--")):
        assert option in helped, (where, option)
    build_parser(chosen_command(argv)).parse_args(argv)


def _mission_copy(folder: Path) -> None:
    """The minimal test mission (and its English catalog) as the mission `folder.name`."""
    ident = folder.name
    folder.mkdir(parents=True)
    shutil.copy(MINIMAL / "fil.png", folder / "fil.png")
    text = (MINIMAL / "scenario.yaml").read_text(encoding="utf-8")
    (folder / "scenario.yaml").write_text(
        text.replace("\nid: minimal\n", f"\nid: {ident}\n"), encoding="utf-8"
    )
    catalog = (MINIMAL / "locales" / "en" / "LC_MESSAGES" / "minimal.po").read_text(encoding="utf-8")
    target = folder / "locales" / "en" / "LC_MESSAGES" / f"{ident}.po"
    target.parent.mkdir(parents=True)
    target.write_text(catalog.replace('msgctxt "minimal', f'msgctxt "{ident}'), encoding="utf-8")


def test_the_translation_commands_shown_really_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GIVEN each mission the docs name, copied from the test mission into a folder of its own,
    and the game's catalogs copied too, WHEN every `gardiens i18n …` of the docs runs there, in
    the order shown, THEN each succeeds, and a mission's catalogs are written beside it."""
    i18n = [argv for argv in unique(COMMANDS) if argv[0] == "i18n"]
    named = [
        (argv[1], str(path))
        for argv in i18n
        for path in build_parser(chosen_command(argv)).parse_args(argv).missions
    ]
    missions = {name for _action, name in named}
    assert missions, "the docs show the commands with a mission"
    for name in missions:
        _mission_copy(tmp_path / name)
    shutil.copytree(REPO / "locales", tmp_path / "game-locales")
    monkeypatch.setenv("GARDIENS_LOCALES", str(tmp_path / "game-locales"))
    monkeypatch.chdir(tmp_path)
    for argv in i18n:
        assert main(argv) == 0, argv
    for name in missions:
        ident = Path(name).name
        beside = tmp_path / name / "locales"
        assert (beside / f"{ident}.pot").is_file()
        assert (beside / "en" / "LC_MESSAGES" / f"{ident}.po").is_file()
        compiled = (beside / "en" / "LC_MESSAGES" / f"{ident}.mo").is_file()
        assert compiled == (("compile", name) in named), name
    # Nothing of the copied missions leaked into the game's catalogs.
    assert not list((tmp_path / "game-locales").rglob("fil-actu*"))
