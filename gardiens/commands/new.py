"""`gardiens new MISSION_ID`: create a mission folder to start writing from."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from gardiens.authoring.scaffold import ScaffoldError, create_mission
from gardiens.core.library import scenarios_dir
from gardiens.core.model import THEMES


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "new",
        help="créer une nouvelle mission à partir d'un modèle",
        description=(
            "Crée le dossier d'une nouvelle mission : scenario.yaml commenté avec un exemple "
            "de chaque énigme courante, une image d'exemple et SOURCES.md. La mission créée "
            "est valide et se gagne telle quelle ; remplacez ensuite les textes par les vôtres."
        ),
    )
    parser.add_argument(
        "mission_id",
        metavar="MISSION_ID",
        help="identifiant de la mission : minuscules, chiffres, « - » (ex. « fil-actu »)",
    )
    parser.add_argument("--theme", choices=THEMES, default="infox", help="thème (infox)")
    parser.add_argument(
        "--dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="dossier où créer la mission (par défaut, le dossier des missions : scenarios/)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    parent: Path = args.dir if args.dir is not None else scenarios_dir()
    try:
        created = create_mission(args.mission_id, theme=args.theme, parent=parent)
    except ScaffoldError as error:
        print(f"gardiens new: {error}", file=sys.stderr)
        return 2
    folder = created.folder
    print(f"Mission créée dans {folder}/ :")
    for file in created.files:
        print(f"  {file.name}")
    print("Et maintenant :")
    print(f"  gardiens validate {folder}          vérifier la mission")
    print(f"  gardiens play {folder} --watch      la voir changer à chaque enregistrement")
    print(f"  gardiens autoplay {folder}          la faire gagner par un robot")
    return 0
