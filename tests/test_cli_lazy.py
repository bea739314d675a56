"""The `gardiens` command imports only the module of the command being run."""

from __future__ import annotations

import subprocess
import sys

import pytest

from gardiens.cli import COMMANDS, build_parser, command_module, main


def test_help_lists_every_command_without_importing_them() -> None:
    code = (
        "import sys\n"
        "from gardiens.cli import build_parser\n"
        "build_parser().format_help()\n"
        "loaded = [m for m in sys.modules if m.startswith('gardiens.cli.') or m == 'pydantic']\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_running_a_command_imports_its_module_only() -> None:
    code = (
        "import sys\n"
        "from gardiens.cli import main\n"
        "main(['schema', '--out', sys.argv[1]])\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('gardiens.cli.'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, "/dev/null"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "gardiens.cli.schema,gardiens.cli.steps"


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    listing = capsys.readouterr().out
    for name in COMMANDS:
        assert name in listing


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_command_builds_its_parser_from_its_module(name: str) -> None:
    parser = build_parser(name)
    choices = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    module = command_module(name)
    assert choices[name].get_default("func") is module.run
    if module.DESCRIPTION:
        assert choices[name].description == module.DESCRIPTION
    assert choices[name].format_help()
