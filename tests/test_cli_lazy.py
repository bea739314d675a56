"""The `gardiens` command imports only the module of the command being run."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from gardiens.cli import COMMANDS, build_parser, main


def test_help_lists_every_command_without_importing_them() -> None:
    code = (
        "import sys\n"
        "from gardiens.cli import build_parser\n"
        "build_parser().format_help()\n"
        "loaded = [m for m in sys.modules if m.startswith('gardiens.commands.') or m == 'pydantic']\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    listing = capsys.readouterr().out
    for name in COMMANDS:
        assert name in listing


@pytest.mark.parametrize("name", list(COMMANDS))
def test_table_matches_what_each_command_registers(name: str) -> None:
    module, help_text = COMMANDS[name]
    parser = build_parser(name)
    choices = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert name in choices
    registered = {a.dest: a.help for a in parser._subparsers._group_actions[0]._choices_actions}  # type: ignore[union-attr]
    assert registered[name] == help_text
    assert hasattr(importlib.import_module(f"gardiens.commands.{module}"), "register")
