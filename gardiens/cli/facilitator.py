"""`gardiens facilitator set-pin`: the PIN that opens the facilitator panel at the kiosk."""

from __future__ import annotations

import argparse
import getpass
import sys

from gardiens.cli.steps import Gettext, actions, data_dir, data_dir_argument, say
from gardiens.core.facilitator import PinError, set_pin
from gardiens.i18n.interface import cli_translator

DESCRIPTION = None


def arguments(parser: argparse.ArgumentParser, _: Gettext) -> None:
    set_cmd = actions(parser).add_parser(
        "set-pin",
        help=_("choisir le code PIN (4 à 8 chiffres) qui ouvre le panneau animateur"),
        description=_(
            "Le code n'est jamais enregistré en clair : seule son empreinte (scrypt salé) "
            "est gardée dans le dossier de données."
        ),
    )
    data_dir_argument(set_cmd)
    set_cmd.add_argument(
        "--stdin", action="store_true", help=_("lire le code sur l'entrée standard (scripts)")
    )


def run(args: argparse.Namespace) -> int:
    """`set-pin`, the only action."""
    _ = cli_translator().gettext
    if args.stdin:
        pin = sys.stdin.readline().strip()
    else:
        pin = getpass.getpass(_("Nouveau code PIN (4 à 8 chiffres) : "))
        if getpass.getpass(_("Le même code, encore une fois : ")) != pin:
            say(_("Les deux codes sont différents : rien n'a changé."))
            return 1
    try:
        path = set_pin(data_dir(args), pin)
    except PinError:
        say(_("Le code doit faire de 4 à 8 chiffres : rien n'a changé."))
        return 1
    print(_("Code PIN enregistré (empreinte seulement) dans {path}").format(path=path))
    return 0
