"""The `gardiens` command imports only the module of the command being run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gardiens.cli import COMMANDS, build_parser, chosen_command, command_module, main

ROOT = Path(__file__).resolve().parents[1]


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


@pytest.mark.parametrize("argv", [["-h", "play"], ["--help", "play", "--windowed"]])
def test_help_asked_before_a_command_lists_every_command(capsys: pytest.CaptureFixture[str],
                                                         argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        main(argv)
    listing = capsys.readouterr().out
    for name in COMMANDS:
        assert name in listing


def test_a_named_command_builds_no_parser_for_the_others() -> None:
    # Each parser argparse builds looks its messages up on disk: the kiosk's `play` builds one.
    parser = build_parser(chosen_command(["play", "--windowed"]))
    choices = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert list(choices) == ["play"]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_command_builds_its_parser_from_its_module(name: str) -> None:
    parser = build_parser(name)
    choices = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    module = command_module(name)
    assert choices[name].get_default("func") is module.run
    if module.DESCRIPTION:
        assert choices[name].description == module.DESCRIPTION
    assert choices[name].format_help()


# What the kiosk's first frame (the attract screen) does not need: each is imported behind it,
# when the missions, a catalog edited since compiled, a tap or a picture first asks for it.
NOT_BEFORE_FIRST_FRAME = (
    "babel",
    "yaml",
    "pydantic",
    "jinja2",
    "sqlite3",
    "socket",
    "html",
    "concurrent.futures",
    "datetime",
    "ctypes",
    "gardiens.core.pictures",
    "gardiens.ui.picture_text",
    "gardiens.ui.speech",
    "gardiens.core.model",
    "gardiens.core.commands",
    "gardiens.core.journal",
    "gardiens.core.session",
)


def test_the_first_frame_of_play_imports_only_what_it_draws(tmp_path: Path) -> None:
    code = (
        "import os, sys\n"
        "import gardiens.cli.play as play\n"
        "def first_frame(name):\n"
        "    if name == play.FIRST_FRAME:\n"
        "        print(','.join(sorted(sys.modules)), flush=True)\n"
        "        os._exit(0)\n"
        "play._mark = first_frame\n"
        "from gardiens.cli import main\n"
        "main(['play', '--windowed', '--size', '640x400', '--data-dir', sys.argv[1]])\n"
    )
    # The compiled catalogs only: a checkout may leave a `.po` a trace newer than its `.mo`, which
    # is then compiled (with Babel) as an author's edit would be.
    locales = tmp_path / "locales"
    for mo in (ROOT / "locales").glob("*/LC_MESSAGES/*.mo"):
        copy = locales / mo.relative_to(ROOT / "locales")
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(mo, copy)
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", GARDIENS_LOCALES=str(locales))
    data = tmp_path / "data"
    out = subprocess.run(
        [sys.executable, "-c", code, str(data)], capture_output=True, text=True, check=True, env=env
    )
    loaded = set(out.stdout.strip().split(","))
    assert "gardiens.ui.screens.attract" in loaded  # the frame was drawn
    early = [name for name in NOT_BEFORE_FIRST_FRAME if name in loaded]
    assert early == []
