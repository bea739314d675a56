"""`gardiens new MISSION_ID`: create a mission folder to start writing from."""

from __future__ import annotations

import argparse
from pathlib import Path

from gardiens.authoring.scaffold import ScaffoldError, create_mission
from gardiens.cli.steps import Gettext, say
from gardiens.core.library import scenarios_dir
from gardiens.core.model import THEMES
from gardiens.i18n.interface import N_, cli_translator

DESCRIPTION = N_(
    "Crée le dossier d'une nouvelle mission : scenario.yaml commenté avec un exemple "
    "de chaque énigme courante, une image d'exemple et SOURCES.md. La mission créée "
    "est valide et se gagne telle quelle ; remplacez ensuite les textes par les vôtres."
)


def arguments(parser: argparse.ArgumentParser, _: Gettext) -> None:
    parser.add_argument(
        "mission_id",
        metavar="MISSION_ID",
        help=_("identifiant de la mission : minuscules, chiffres, « - » (ex. « fil-actu »)"),
    )
    parser.add_argument("--theme", choices=THEMES, default="infox", help=_("thème (infox)"))
    parser.add_argument(
        "--dir",
        type=Path,
        default=None,
        metavar="DIR",
        help=_("dossier où créer la mission (par défaut, le dossier des missions : scenarios/)"),
    )


def run(args: argparse.Namespace) -> int:
    _ = cli_translator().gettext
    parent: Path = args.dir if args.dir is not None else scenarios_dir()
    try:
        created = create_mission(args.mission_id, theme=args.theme, parent=parent)
    except ScaffoldError as error:
        say(f"gardiens new: {error}")
        return 2
    folder = created.folder
    print(_("Mission créée dans {folder}/ :").format(folder=folder))
    for file in created.files:
        print(f"  {file.name}")
    print(_("Et maintenant :"))
    next_steps = (
        (f"gardiens validate {folder}", _("vérifier la mission")),
        (f"gardiens play {folder} --watch", _("la voir changer à chaque enregistrement")),
        (f"gardiens autoplay {folder}", _("la faire gagner par un robot")),
    )
    width = max(len(command) for command, _step in next_steps)
    for command, step in next_steps:
        print(f"  {command:<{width + 6}}{step}")
    return 0
