"""`gardiens schema`: the JSON Schema of a mission file, for editors that complete and check YAML."""

from __future__ import annotations

import argparse
from pathlib import Path

from gardiens.authoring.schema import schema_text
from gardiens.cli.steps import Gettext, write_out
from gardiens.i18n.interface import N_, schema_translator

DESCRIPTION = N_(
    "Écrit le schéma JSON d'un fichier de mission. Les éditeurs (VS Code avec "
    "l'extension YAML) s'en servent pour compléter et vérifier en direct ; les missions "
    "commencent par « # yaml-language-server: $schema=../mission.schema.json »."
)


def arguments(parser: argparse.ArgumentParser, _: Gettext) -> None:
    parser.add_argument(
        "--out", type=Path, metavar="FILE", help=_("fichier à écrire (sinon l'écran)")
    )


def run(args: argparse.Namespace) -> int:
    return 0 if write_out(schema_text(schema_translator()), args.out, "gardiens schema") else 2
