"""`gardiens data purge`: removes raw session journals past the retention; results stay."""

from __future__ import annotations

import argparse
import time

from gardiens.cli.steps import Gettext, actions, data_dir, data_dir_argument, library_missions
from gardiens.core.folder_lock import DataFolderLock
from gardiens.core.journal import Journal
from gardiens.core.kiosk import load_settings
from gardiens.core.records import purge, purge_sheets
from gardiens.i18n.interface import cli_translator

DESCRIPTION = None


def arguments(parser: argparse.ArgumentParser, _: Gettext) -> None:
    purge_cmd = actions(parser).add_parser(
        "purge",
        help=_("effacer les journaux de parties plus anciens que la durée de conservation"),
        description=_(
            "Les journaux détaillés des parties sont effacés ; les résultats anonymes "
            "(sans pseudonyme ni heure) sont gardés pour les statistiques."
        ),
    )
    purge_cmd.add_argument(
        "--older-than",
        type=float,
        default=None,
        metavar=_("JOURS"),
        help=_(
            "âge en jours (défaut : retention_days de kiosk.toml, 30) ; 0 : toutes les parties "
            "finies"
        ),
    )
    data_dir_argument(purge_cmd)


def run(args: argparse.Namespace) -> int:
    """`purge`, the only action."""
    translator = cli_translator()
    _ = translator.gettext
    folder = data_dir(args)
    settings, problem = load_settings(folder)
    if problem:
        print(_("réglages ignorés : {problem}").format(problem=problem))
    days = args.older_than if args.older_than is not None else settings.retention_days
    if days < 0:
        print(_("--older-than attend un nombre de jours positif ou nul"))
        return 2
    missions = library_missions()
    # Purging rewrites the journal: not while a game writes into it (it purges at start anyway).
    with DataFolderLock(folder):
        journal = Journal.open(folder)
        try:
            removed = purge(journal, missions, older_than_days=days, now=time.time())
        finally:
            journal.close()
        sheets = purge_sheets(folder, older_than_days=days, now=time.time())
    for sheet, error in sheets:
        print(_("fiche impossible à effacer : {sheet} ({error})").format(sheet=sheet, error=error))
    print(
        translator.ngettext(
            "{n} partie effacée du journal ; les résultats anonymes sont gardés.",
            "{n} parties effacées du journal ; les résultats anonymes sont gardés.",
            removed,
        ).format(n=removed)
    )
    return 0
