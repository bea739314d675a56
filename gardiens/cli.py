"""The `gardiens` command: one sub-command per module of `gardiens.commands`."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# Each name is a module of gardiens.commands exposing `register(subparsers)`;
# the registered parser carries its handler as `func(args) -> int`.
COMMANDS: tuple[str, ...] = (
    "validate",
    "schema",
    "list_missions",
    "autoplay",
    "facilitator",
    "data",
    "stats",
    "report",
    "new",
    "graph",
    "playtest",
    "play",
    "screenshot",
    "bench",
    "i18n",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gardiens",
        description="Les Gardiens du numérique : moteur de missions d'escape game sur borne tactile.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"gardiens.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
