"""`gardiens schema`: the JSON Schema of a mission file, for editors that complete and check YAML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from gardiens.authoring.schema import schema_text
from gardiens.i18n.interface import cli_translator, schema_translator


def register(subparsers: Any) -> None:
    _ = cli_translator().gettext
    parser = subparsers.add_parser(
        "schema",
        help=_("écrire le schéma JSON des missions"),
        description=_(
            "Écrit le schéma JSON d'un fichier de mission. Les éditeurs (VS Code avec "
            "l'extension YAML) s'en servent pour compléter et vérifier en direct ; les missions "
            "commencent par « # yaml-language-server: $schema=../mission.schema.json »."
        ),
    )
    parser.add_argument(
        "--out", type=Path, metavar="FILE", help=_("fichier à écrire (sinon l'écran)")
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    text = schema_text(schema_translator())
    if args.out is None:
        sys.stdout.write(text)
        return 0
    out: Path = args.out
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"gardiens schema: {out}: {error.strerror or error}", file=sys.stderr)
        return 2
    return 0
