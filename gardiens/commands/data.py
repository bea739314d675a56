"""`gardiens data purge`: removes raw session journals past the retention; results stay."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from gardiens.core.folder_lock import DataFolderLock
from gardiens.core.journal import Journal, default_data_dir
from gardiens.core.kiosk import load_settings
from gardiens.core.library import load_library
from gardiens.core.records import purge, purge_sheets
from gardiens.i18n.interface import cli_translator


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "data", help="gérer les données gardées par la borne"
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    purge_cmd = actions.add_parser(
        "purge",
        help="effacer les journaux de parties plus anciens que la durée de conservation",
        description="Les journaux détaillés des parties sont effacés ; les résultats anonymes "
        "(sans pseudonyme ni heure) sont gardés pour les statistiques.",
    )
    purge_cmd.add_argument(
        "--older-than",
        type=float,
        default=None,
        metavar="JOURS",
        help="âge en jours (défaut : retention_days de kiosk.toml, 30) ; 0 : toutes les parties finies",
    )
    purge_cmd.add_argument("--data-dir", type=Path, default=None)
    purge_cmd.set_defaults(func=run_purge)


def run_purge(args: argparse.Namespace) -> int:
    translator = cli_translator()
    _ = translator.gettext
    data_dir = args.data_dir or default_data_dir()
    settings, problem = load_settings(data_dir)
    if problem:
        print(_("réglages ignorés : {problem}").format(problem=problem))
    days = args.older_than if args.older_than is not None else settings.retention_days
    if days < 0:
        print(_("--older-than attend un nombre de jours positif ou nul"))
        return 2
    missions = {mid: mission for mid, (mission, _) in load_library().items()}
    # Purging rewrites the journal: not while a game writes into it (it purges at start anyway).
    with DataFolderLock(data_dir):
        journal = Journal.open(data_dir)
        try:
            removed = purge(journal, missions, older_than_days=days, now=time.time())
        finally:
            journal.close()
        sheets = purge_sheets(data_dir, older_than_days=days, now=time.time())
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
