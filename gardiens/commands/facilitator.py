"""`gardiens facilitator set-pin`: the PIN that opens the facilitator panel at the kiosk."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from gardiens.core.facilitator import PinError, set_pin
from gardiens.core.journal import default_data_dir
from gardiens.i18n.interface import cli_translator


def register(sub: Any) -> None:
    _ = cli_translator().gettext
    parser: argparse.ArgumentParser = sub.add_parser(
        "facilitator", help=_("réglages de l'animateur (code PIN du panneau)")
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    set_cmd = actions.add_parser(
        "set-pin",
        help=_("choisir le code PIN (4 à 8 chiffres) qui ouvre le panneau animateur"),
        description=_(
            "Le code n'est jamais enregistré en clair : seule son empreinte (scrypt salé) "
            "est gardée dans le dossier de données."
        ),
    )
    set_cmd.add_argument("--data-dir", type=Path, default=None)
    set_cmd.add_argument(
        "--stdin", action="store_true", help=_("lire le code sur l'entrée standard (scripts)")
    )
    set_cmd.set_defaults(func=run_set_pin)


def run_set_pin(args: argparse.Namespace) -> int:
    _ = cli_translator().gettext
    data_dir = args.data_dir or default_data_dir()
    if args.stdin:
        pin = sys.stdin.readline().strip()
    else:
        pin = getpass.getpass(_("Nouveau code PIN (4 à 8 chiffres) : "))
        if getpass.getpass(_("Le même code, encore une fois : ")) != pin:
            print(_("Les deux codes sont différents : rien n'a changé."), file=sys.stderr)
            return 1
    try:
        path = set_pin(data_dir, pin)
    except PinError:
        print(_("Le code doit faire de 4 à 8 chiffres : rien n'a changé."), file=sys.stderr)
        return 1
    print(_("Code PIN enregistré (empreinte seulement) dans {path}").format(path=path))
    return 0
